CREATE TABLE "Accounts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Accounts" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "SettingsJson" TEXT NOT NULL,
    "TwilioAuthToken" TEXT NULL,
    "MailgunSigningKey" TEXT NULL
);


CREATE TABLE "AddressConsents" (
    "AccountId" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "StatesJson" TEXT NOT NULL,
    "LedgerSequence" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_AddressConsents" PRIMARY KEY ("AccountId", "Address")
);


CREATE TABLE "ApiKeys" (
    "KeyHash" TEXT NOT NULL CONSTRAINT "PK_ApiKeys" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "Bookmarks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Bookmarks" PRIMARY KEY,
    "InstanceId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Channel" TEXT NULL,
    "DueAt" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "Contacts" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Contacts" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "FirstName" TEXT NULL,
    "LastName" TEXT NULL,
    "Email" TEXT NULL,
    "Phone" TEXT NULL,
    "EmailKey" TEXT NULL,
    "PhoneKey" TEXT NULL,
    "CompanyName" TEXT NULL,
    "Source" TEXT NULL,
    "TagsText" TEXT NOT NULL,
    "CustomFieldsJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "DndCall" INTEGER NOT NULL,
    "DndEmail" INTEGER NOT NULL,
    "DndSms" INTEGER NOT NULL,
    "DndWhatsApp" INTEGER NOT NULL,
    "DndFb" INTEGER NOT NULL,
    "DndGmb" INTEGER NOT NULL,
    "DndDetailsJson" TEXT NOT NULL,
    "InboundDnd" INTEGER NOT NULL,
    "InboundDndMessage" TEXT NULL,
    "LedgerSequence" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL
);


CREATE TABLE "ExecutionLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ExecutionLog" PRIMARY KEY AUTOINCREMENT,
    "InstanceId" TEXT NOT NULL,
    "Step" INTEGER NOT NULL,
    "ActivityId" TEXT NOT NULL,
    "ActivityType" TEXT NOT NULL,
    "Outcome" TEXT NOT NULL,
    "Note" TEXT NULL,
    "At" INTEGER NOT NULL
);


CREATE TABLE "Ledger" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_Ledger" PRIMARY KEY AUTOINCREMENT,
    "AccountId" TEXT NOT NULL,
    "ContactId" TEXT NULL,
    "Address" TEXT NULL,
    "Sequence" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "Event" TEXT NOT NULL,
    "Actor" TEXT NOT NULL,
    "Channel" TEXT NULL,
    "Verdict" TEXT NOT NULL,
    "Before" TEXT NULL,
    "After" TEXT NULL,
    "Rule" TEXT NOT NULL,
    "PolicyRule" TEXT NULL,
    "Explanation" TEXT NOT NULL
);


CREATE TABLE "Messages" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Messages" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "Direction" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "Subject" TEXT NULL,
    "Body" TEXT NOT NULL,
    "HeadersJson" TEXT NOT NULL,
    "WorkflowInstanceId" TEXT NULL,
    "StatusReason" TEXT NULL,
    "LedgerSequence" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "PendingTriggers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PendingTriggers" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "PayloadJson" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "ProcessedWebhooks" (
    "AccountId" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "EventId" TEXT NOT NULL,
    "BodyHash" TEXT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "PK_ProcessedWebhooks" PRIMARY KEY ("AccountId", "Provider", "EventId")
);


CREATE TABLE "SmartLists" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SmartLists" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "ExcludeDndChannel" TEXT NULL,
    "ExcludeAnyDnd" INTEGER NOT NULL,
    "Tag" TEXT NULL,
    "Query" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL
);


CREATE TABLE "WorkflowDefinitions" (
    "DefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "Name" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "OwnerAccountId" TEXT NULL,
    "IsLatest" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "PublishedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_WorkflowDefinitions" PRIMARY KEY ("DefinitionId", "Version")
);


CREATE TABLE "WorkflowInstances" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WorkflowInstances" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    "DefinitionId" TEXT NOT NULL,
    "DefinitionVersion" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CurrentActivityId" TEXT NULL,
    "InputJson" TEXT NOT NULL,
    "StepCount" INTEGER NOT NULL,
    "Fault" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "Revision" INTEGER NOT NULL
);


CREATE INDEX "IX_Bookmarks_AccountId_ContactId_Kind" ON "Bookmarks" ("AccountId", "ContactId", "Kind");


CREATE INDEX "IX_Bookmarks_DueAt" ON "Bookmarks" ("DueAt");


CREATE INDEX "IX_Bookmarks_InstanceId" ON "Bookmarks" ("InstanceId");


CREATE INDEX "IX_Contacts_AccountId_CreatedAt_Id" ON "Contacts" ("AccountId", "CreatedAt", "Id");


CREATE INDEX "IX_Contacts_AccountId_DndCall_CreatedAt_Id" ON "Contacts" ("AccountId", "DndCall", "CreatedAt", "Id");


CREATE INDEX "IX_Contacts_AccountId_DndEmail_CreatedAt_Id" ON "Contacts" ("AccountId", "DndEmail", "CreatedAt", "Id");


CREATE INDEX "IX_Contacts_AccountId_DndFb_CreatedAt_Id" ON "Contacts" ("AccountId", "DndFb", "CreatedAt", "Id");


CREATE INDEX "IX_Contacts_AccountId_DndGmb_CreatedAt_Id" ON "Contacts" ("AccountId", "DndGmb", "CreatedAt", "Id");


CREATE INDEX "IX_Contacts_AccountId_DndSms_CreatedAt_Id" ON "Contacts" ("AccountId", "DndSms", "CreatedAt", "Id");


CREATE INDEX "IX_Contacts_AccountId_DndWhatsApp_CreatedAt_Id" ON "Contacts" ("AccountId", "DndWhatsApp", "CreatedAt", "Id");


CREATE INDEX "IX_Contacts_AccountId_Email_CreatedAt_Id" ON "Contacts" ("AccountId", "Email", "CreatedAt", "Id");


CREATE UNIQUE INDEX "IX_Contacts_AccountId_EmailKey" ON "Contacts" ("AccountId", "EmailKey");


CREATE INDEX "IX_Contacts_AccountId_Phone_CreatedAt_Id" ON "Contacts" ("AccountId", "Phone", "CreatedAt", "Id");


CREATE UNIQUE INDEX "IX_Contacts_AccountId_PhoneKey" ON "Contacts" ("AccountId", "PhoneKey");


CREATE INDEX "IX_ExecutionLog_InstanceId_Step" ON "ExecutionLog" ("InstanceId", "Step");


CREATE UNIQUE INDEX "IX_Ledger_AccountId_Address_Sequence" ON "Ledger" ("AccountId", "Address", "Sequence");


CREATE UNIQUE INDEX "IX_Ledger_ContactId_Sequence" ON "Ledger" ("ContactId", "Sequence");


CREATE INDEX "IX_Messages_AccountId_ContactId_Channel_Status" ON "Messages" ("AccountId", "ContactId", "Channel", "Status");


CREATE INDEX "IX_Messages_Status_CreatedAt" ON "Messages" ("Status", "CreatedAt");


CREATE INDEX "IX_PendingTriggers_CreatedAt" ON "PendingTriggers" ("CreatedAt");


CREATE INDEX "IX_WorkflowInstances_AccountId_ContactId_Status" ON "WorkflowInstances" ("AccountId", "ContactId", "Status");


CREATE INDEX "IX_WorkflowInstances_Status_UpdatedAt" ON "WorkflowInstances" ("Status", "UpdatedAt");


