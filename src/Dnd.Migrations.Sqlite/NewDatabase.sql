CREATE TABLE IF NOT EXISTS "__EFMigrationsHistory" (
    "MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY,
    "ProductVersion" TEXT NOT NULL
);

BEGIN TRANSACTION;
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

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125224100_Initial', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Ledger" ADD "FiredRules" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125224338_LedgerFiredRules', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "WorkflowInstances" ADD "VariablesJson" TEXT NOT NULL DEFAULT '';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125230201_WorkflowVariables', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
UPDATE "WorkflowDefinitions" SET "OwnerAccountId" = '' WHERE "OwnerAccountId" IS NULL;

ALTER TABLE "WorkflowDefinitions" ADD "DeletedAt" INTEGER NULL;

ALTER TABLE "WorkflowDefinitions" ADD "Unpublished" INTEGER NOT NULL DEFAULT 0;

CREATE TABLE "WorkflowDrafts" (
    "OwnerAccountId" TEXT NOT NULL,
    "DefinitionId" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Json" TEXT NOT NULL,
    "SavedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_WorkflowDrafts" PRIMARY KEY ("OwnerAccountId", "DefinitionId")
);

CREATE TABLE "ef_temp_WorkflowDefinitions" (
    "OwnerAccountId" TEXT NOT NULL,
    "DefinitionId" TEXT NOT NULL,
    "Version" INTEGER NOT NULL,
    "ContentHash" TEXT NOT NULL,
    "DeletedAt" INTEGER NULL,
    "IsLatest" INTEGER NOT NULL,
    "Json" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "PublishedAt" INTEGER NOT NULL,
    "Source" TEXT NOT NULL,
    "Unpublished" INTEGER NOT NULL,
    CONSTRAINT "PK_WorkflowDefinitions" PRIMARY KEY ("OwnerAccountId", "DefinitionId", "Version")
);

INSERT INTO "ef_temp_WorkflowDefinitions" ("OwnerAccountId", "DefinitionId", "Version", "ContentHash", "DeletedAt", "IsLatest", "Json", "Name", "PublishedAt", "Source", "Unpublished")
SELECT IFNULL("OwnerAccountId", ''), "DefinitionId", "Version", "ContentHash", "DeletedAt", "IsLatest", "Json", "Name", "PublishedAt", "Source", "Unpublished"
FROM "WorkflowDefinitions";

COMMIT;

PRAGMA foreign_keys = 0;

BEGIN TRANSACTION;
DROP TABLE "WorkflowDefinitions";

ALTER TABLE "ef_temp_WorkflowDefinitions" RENAME TO "WorkflowDefinitions";

COMMIT;

PRAGMA foreign_keys = 1;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125231120_WorkflowDraftsAndTemplates', '10.0.15');

BEGIN TRANSACTION;
ALTER TABLE "WorkflowInstances" ADD "Attempts" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "WorkflowInstances" ADD "FaultActivityId" TEXT NULL;

ALTER TABLE "WorkflowInstances" ADD "FaultedAt" INTEGER NULL;

ALTER TABLE "ExecutionLog" ADD "Attempt" INTEGER NOT NULL DEFAULT 1;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125231422_WorkflowIncidents', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
INSERT INTO "WorkflowDefinitions" ("OwnerAccountId", "DefinitionId", "Version", "Name", "Json", "ContentHash", "IsLatest", "Source", "PublishedAt", "Unpublished", "DeletedAt")
SELECT a."Id", d."DefinitionId", d."Version", d."Name", d."Json", d."ContentHash", d."IsLatest", d."Source", d."PublishedAt", d."Unpublished", d."DeletedAt"
FROM "Accounts" a CROSS JOIN "WorkflowDefinitions" d
WHERE d."OwnerAccountId" = '' AND NOT EXISTS (
    SELECT 1 FROM "WorkflowDefinitions" o WHERE o."OwnerAccountId" = a."Id" AND o."DefinitionId" = d."DefinitionId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261125232813_SharedWorkflowsStayWithTheirAccounts', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "WorkflowInstances" ADD "ResumeJson" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126003203_FailedResumesKeepTheirInput', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Ledger" ADD "ActedBy" TEXT NULL;

ALTER TABLE "Ledger" ADD "ClientIp" TEXT NULL;

ALTER TABLE "Ledger" ADD "ProofJson" TEXT NULL;

CREATE INDEX "IX_Ledger_AccountId_At" ON "Ledger" ("AccountId", "At") WHERE "ProofJson" IS NOT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126005720_LedgerProofAndActor', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "SmartLists" ADD "FiltersJson" TEXT NULL;

ALTER TABLE "SmartLists" ADD "UpdatedAt" INTEGER NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126011513_SmartListFilters', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Messages" ADD "NotAfter" INTEGER NULL;

ALTER TABLE "Messages" ADD "Purpose" TEXT NOT NULL DEFAULT 'marketing';

ALTER TABLE "Contacts" ADD "ReviewHolds" TEXT NULL;

CREATE TABLE "OptOutReviews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_OptOutReviews" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    "Channel" TEXT NOT NULL,
    "MessageId" TEXT NULL,
    "Body" TEXT NOT NULL,
    "Rule" TEXT NOT NULL,
    "Reason" TEXT NOT NULL,
    "ReceivedAt" INTEGER NOT NULL,
    "Deadline" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "HandledAt" INTEGER NULL,
    "HandledBy" TEXT NULL,
    "Note" TEXT NULL,
    "FlaggedSequence" INTEGER NOT NULL,
    "HandledSequence" INTEGER NULL
);

CREATE INDEX "IX_OptOutReviews_AccountId_ContactId_Channel_Status" ON "OptOutReviews" ("AccountId", "ContactId", "Channel", "Status");

CREATE INDEX "IX_OptOutReviews_AccountId_Status_Deadline" ON "OptOutReviews" ("AccountId", "Status", "Deadline");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126025314_OptOutReviews', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AspNetRoles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetRoles" PRIMARY KEY,
    "Name" TEXT NULL,
    "NormalizedName" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL
);

CREATE TABLE "AspNetUsers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AspNetUsers" PRIMARY KEY,
    "AccountId" TEXT NULL,
    "Role" TEXT NOT NULL,
    "DisplayName" TEXT NOT NULL,
    "UserName" TEXT NULL,
    "NormalizedUserName" TEXT NULL,
    "Email" TEXT NULL,
    "NormalizedEmail" TEXT NULL,
    "EmailConfirmed" INTEGER NOT NULL,
    "PasswordHash" TEXT NULL,
    "SecurityStamp" TEXT NULL,
    "ConcurrencyStamp" TEXT NULL,
    "PhoneNumber" TEXT NULL,
    "PhoneNumberConfirmed" INTEGER NOT NULL,
    "TwoFactorEnabled" INTEGER NOT NULL,
    "LockoutEnd" INTEGER NULL,
    "LockoutEnabled" INTEGER NOT NULL,
    "AccessFailedCount" INTEGER NOT NULL
);

CREATE TABLE "AspNetRoleClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetRoleClaims" PRIMARY KEY AUTOINCREMENT,
    "RoleId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetRoleClaims_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserClaims" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AspNetUserClaims" PRIMARY KEY AUTOINCREMENT,
    "UserId" TEXT NOT NULL,
    "ClaimType" TEXT NULL,
    "ClaimValue" TEXT NULL,
    CONSTRAINT "FK_AspNetUserClaims_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserLogins" (
    "LoginProvider" TEXT NOT NULL,
    "ProviderKey" TEXT NOT NULL,
    "ProviderDisplayName" TEXT NULL,
    "UserId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserLogins" PRIMARY KEY ("LoginProvider", "ProviderKey"),
    CONSTRAINT "FK_AspNetUserLogins_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserRoles" (
    "UserId" TEXT NOT NULL,
    "RoleId" TEXT NOT NULL,
    CONSTRAINT "PK_AspNetUserRoles" PRIMARY KEY ("UserId", "RoleId"),
    CONSTRAINT "FK_AspNetUserRoles_AspNetRoles_RoleId" FOREIGN KEY ("RoleId") REFERENCES "AspNetRoles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AspNetUserRoles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AspNetUserTokens" (
    "UserId" TEXT NOT NULL,
    "LoginProvider" TEXT NOT NULL,
    "Name" TEXT NOT NULL,
    "Value" TEXT NULL,
    CONSTRAINT "PK_AspNetUserTokens" PRIMARY KEY ("UserId", "LoginProvider", "Name"),
    CONSTRAINT "FK_AspNetUserTokens_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AspNetRoleClaims_RoleId" ON "AspNetRoleClaims" ("RoleId");

CREATE UNIQUE INDEX "RoleNameIndex" ON "AspNetRoles" ("NormalizedName");

CREATE INDEX "IX_AspNetUserClaims_UserId" ON "AspNetUserClaims" ("UserId");

CREATE INDEX "IX_AspNetUserLogins_UserId" ON "AspNetUserLogins" ("UserId");

CREATE INDEX "IX_AspNetUserRoles_RoleId" ON "AspNetUserRoles" ("RoleId");

CREATE INDEX "EmailIndex" ON "AspNetUsers" ("NormalizedEmail");

CREATE INDEX "IX_AspNetUsers_AccountId" ON "AspNetUsers" ("AccountId");

CREATE UNIQUE INDEX "UserNameIndex" ON "AspNetUsers" ("NormalizedUserName");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126033458_OperatorUsers', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Ledger_AccountId_At_Applied" ON "Ledger" ("AccountId", "At") WHERE "Verdict" = 'Applied';

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126043913_LedgerAppliedByTime', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Messages" ADD "NotBefore" INTEGER NULL;

ALTER TABLE "Contacts" ADD "TimeZone" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126053048_QuietHours', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_WorkflowInstances_AccountId_DefinitionId_Id" ON "WorkflowInstances" ("AccountId", "DefinitionId", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126054847_WorkflowInstancesByDefinition', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);

CREATE TABLE "IntegrationEvents" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_IntegrationEvents" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "ActedBy" TEXT NOT NULL,
    "At" INTEGER NOT NULL,
    "Detail" TEXT NOT NULL
);

CREATE TABLE "Integrations" (
    "AccountId" TEXT NOT NULL,
    "Provider" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "SettingsJson" TEXT NOT NULL,
    "ProtectedSecrets" TEXT NULL,
    "ConnectedAt" INTEGER NULL,
    "ConnectedBy" TEXT NULL,
    "ChangedAt" INTEGER NOT NULL,
    "ChangedBy" TEXT NOT NULL,
    CONSTRAINT "PK_Integrations" PRIMARY KEY ("AccountId", "Provider")
);

CREATE INDEX "IX_IntegrationEvents_AccountId_At" ON "IntegrationEvents" ("AccountId", "At");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126060933_Integrations', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Messages" ADD "Attempts" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "Messages" ADD "ClaimedAt" INTEGER NULL;

ALTER TABLE "Messages" ADD "ProviderErrorCode" TEXT NULL;

ALTER TABLE "Messages" ADD "ProviderMessageId" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126061134_Delivery', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Messages_Status_Due" ON "Messages" ("Status", (COALESCE("NotBefore", "CreatedAt")));

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126062619_MessagesDueIndex', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "Messages" ADD "ProviderStatus" TEXT NULL;

CREATE INDEX "IX_Messages_AccountId_ProviderMessageId" ON "Messages" ("AccountId", "ProviderMessageId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126070145_ProviderStatus', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "SuppressionRemovals" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_SuppressionRemovals" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    "Address" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "Result" TEXT NULL,
    "FinishedAt" INTEGER NULL
);

CREATE INDEX "IX_SuppressionRemovals_AccountId_Address_Status" ON "SuppressionRemovals" ("AccountId", "Address", "Status");

CREATE INDEX "IX_SuppressionRemovals_Status_NextAttemptAt" ON "SuppressionRemovals" ("Status", "NextAttemptAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126080139_SuppressionRemovals', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ContactScopedIds" (
    "AccountId" TEXT NOT NULL,
    "Platform" TEXT NOT NULL,
    "ScopedId" TEXT NOT NULL,
    "ContactId" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_ContactScopedIds" PRIMARY KEY ("AccountId", "Platform", "ScopedId")
);

CREATE INDEX "IX_ContactScopedIds_AccountId_ContactId" ON "ContactScopedIds" ("AccountId", "ContactId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126082915_MetaContactScopedIds', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "JobItems" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_JobItems" PRIMARY KEY AUTOINCREMENT,
    "JobId" TEXT NOT NULL,
    "Reference" TEXT NOT NULL,
    "Column" TEXT NULL,
    "Outcome" TEXT NOT NULL,
    "Message" TEXT NOT NULL
);

CREATE TABLE "Jobs" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Jobs" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "ParametersJson" TEXT NOT NULL,
    "IdempotencyKey" TEXT NULL,
    "Total" INTEGER NULL,
    "Processed" INTEGER NOT NULL,
    "Succeeded" INTEGER NOT NULL,
    "Refused" INTEGER NOT NULL,
    "Failed" INTEGER NOT NULL,
    "Cursor" TEXT NULL,
    "ActedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "StartedAt" INTEGER NULL,
    "FinishedAt" INTEGER NULL,
    "CancelRequested" INTEGER NOT NULL,
    "ClaimedBy" TEXT NULL,
    "LeaseUntil" INTEGER NULL,
    "Error" TEXT NULL
);

CREATE TABLE "JobTargets" (
    "JobId" TEXT NOT NULL,
    "Position" INTEGER NOT NULL,
    "Reference" TEXT NOT NULL,
    CONSTRAINT "PK_JobTargets" PRIMARY KEY ("JobId", "Position")
);

CREATE INDEX "IX_JobItems_JobId_Id" ON "JobItems" ("JobId", "Id");

CREATE UNIQUE INDEX "IX_Jobs_AccountId_Kind_IdempotencyKey" ON "Jobs" ("AccountId", "Kind", "IdempotencyKey");

CREATE INDEX "IX_Jobs_Status_CreatedAt" ON "Jobs" ("Status", "CreatedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126083302_BulkDndJobs', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "WebhookAttempts" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WebhookAttempts" PRIMARY KEY AUTOINCREMENT,
    "DeliveryId" INTEGER NOT NULL,
    "At" INTEGER NOT NULL,
    "StatusCode" INTEGER NULL,
    "ResponseExcerpt" TEXT NULL,
    "DurationMs" INTEGER NOT NULL,
    "Error" TEXT NULL,
    "Redelivery" INTEGER NOT NULL
);

CREATE TABLE "WebhookDeliveries" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_WebhookDeliveries" PRIMARY KEY AUTOINCREMENT,
    "SubscriptionId" TEXT NOT NULL,
    "AccountId" TEXT NOT NULL,
    "Subject" TEXT NOT NULL,
    "Event" TEXT NOT NULL,
    "Body" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "NextAttemptAt" INTEGER NOT NULL,
    "FirstAttemptAt" INTEGER NULL,
    "LeaseUntil" INTEGER NULL,
    "DeliveredAt" INTEGER NULL
);

CREATE TABLE "WebhookSubscriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_WebhookSubscriptions" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Url" TEXT NOT NULL,
    "Events" TEXT NOT NULL,
    "ProtectedSecret" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "SecretChangedAt" INTEGER NOT NULL
);

CREATE INDEX "IX_WebhookAttempts_DeliveryId_Id" ON "WebhookAttempts" ("DeliveryId", "Id");

CREATE INDEX "IX_WebhookDeliveries_Status_NextAttemptAt" ON "WebhookDeliveries" ("Status", "NextAttemptAt");

CREATE INDEX "IX_WebhookDeliveries_SubscriptionId_Id" ON "WebhookDeliveries" ("SubscriptionId", "Id");

CREATE INDEX "IX_WebhookDeliveries_SubscriptionId_Subject_Status_Id" ON "WebhookDeliveries" ("SubscriptionId", "Subject", "Status", "Id");

CREATE INDEX "IX_WebhookSubscriptions_AccountId" ON "WebhookSubscriptions" ("AccountId");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126083437_OutboundWebhooks', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "ImportChunks" (
    "ImportId" TEXT NOT NULL,
    "Index" INTEGER NOT NULL,
    "Data" BLOB NOT NULL,
    CONSTRAINT "PK_ImportChunks" PRIMARY KEY ("ImportId", "Index")
);

CREATE TABLE "ImportIssues" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_ImportIssues" PRIMARY KEY AUTOINCREMENT,
    "ImportId" TEXT NOT NULL,
    "Row" INTEGER NOT NULL,
    "Column" TEXT NULL,
    "Kind" TEXT NOT NULL,
    "Message" TEXT NOT NULL
);

CREATE TABLE "Imports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Imports" PRIMARY KEY,
    "AccountId" TEXT NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedBy" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    "HeaderJson" TEXT NOT NULL,
    "Separator" TEXT NOT NULL,
    "Bytes" INTEGER NOT NULL,
    "Chunks" INTEGER NOT NULL,
    "Rows" INTEGER NOT NULL,
    "ValidRows" INTEGER NOT NULL,
    "ErrorRows" INTEGER NOT NULL,
    "NewContacts" INTEGER NOT NULL,
    "Updates" INTEGER NOT NULL,
    "Duplicates" INTEGER NOT NULL,
    "AppliedThroughRow" INTEGER NOT NULL,
    "ResumeOffset" INTEGER NOT NULL,
    "Created" INTEGER NOT NULL,
    "Updated" INTEGER NOT NULL,
    "Unchanged" INTEGER NOT NULL,
    "Refused" INTEGER NOT NULL,
    "Skipped" INTEGER NOT NULL
);

CREATE INDEX "IX_Ledger_AccountId_At_Id" ON "Ledger" ("AccountId", "At", "Id");

CREATE INDEX "IX_ImportIssues_ImportId_Id" ON "ImportIssues" ("ImportId", "Id");

CREATE INDEX "IX_Imports_AccountId_CreatedAt" ON "Imports" ("AccountId", "CreatedAt");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126083612_ContactImports', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE TABLE "AccountSalts" (
    "AccountId" TEXT NOT NULL CONSTRAINT "PK_AccountSalts" PRIMARY KEY,
    "Salt" BLOB NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "ErasedAddresses" (
    "AccountId" TEXT NOT NULL,
    "Hash" TEXT NOT NULL,
    "StatesJson" TEXT NOT NULL,
    "LedgerSequence" INTEGER NOT NULL,
    "ErasedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_ErasedAddresses" PRIMARY KEY ("AccountId", "Hash")
);

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126084831_ErasedAddresses', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
ALTER TABLE "WorkflowInstances" ADD "TraceParent" TEXT NULL;

ALTER TABLE "PendingTriggers" ADD "TraceParent" TEXT NULL;

ALTER TABLE "Messages" ADD "TraceParent" TEXT NULL;

ALTER TABLE "Bookmarks" ADD "TraceParent" TEXT NULL;

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126102541_TraceParents', '10.0.15');

COMMIT;

BEGIN TRANSACTION;
CREATE INDEX "IX_Jobs_AccountId_CreatedAt_Id" ON "Jobs" ("AccountId", "CreatedAt", "Id");

INSERT INTO "__EFMigrationsHistory" ("MigrationId", "ProductVersion")
VALUES ('20261126132331_JobsByAccount', '10.0.15');

COMMIT;

