// Run by tests/Dnd.Host.Tests/Sdk/HighLevelSdkTests.cs with BASE_URL, API_KEY and LOCATION_ID set.
// Exits non-zero on the first failed assertion; prints one JSON line the C# test reads back.
import assert from 'node:assert/strict';
import { HighLevel } from '@gohighlevel/api-client';

const { BASE_URL, API_KEY, LOCATION_ID, WORKFLOW_ID } = process.env;
assert.ok(BASE_URL && API_KEY && LOCATION_ID, 'BASE_URL, API_KEY and LOCATION_ID are required');

const ghl = new HighLevel({ privateIntegrationToken: API_KEY, logLevel: 'error' });
ghl.getHttpClient().defaults.baseURL = BASE_URL;

const created = await ghl.contacts.createContact({
  locationId: LOCATION_ID, firstName: 'Sdk', lastName: 'User', email: 'sdk.user@example.com', phone: '+15552000001',
  customFields: [{ id: 'cf_colour', key: 'favourite_colour', field_value: 'blue' }, { id: 'cf_size', field_value: 42 }],
});
const contactId = created.contact.id;
assert.equal(created.contact.locationId, LOCATION_ID);
assert.deepEqual(created.contact.customFields, [{ id: 'cf_colour', value: 'blue' }, { id: 'cf_size', value: 42 }]);
// The SDK types DND message and code as strings: HighLevel sends "" where there is none, never null.
for (const [channel, setting] of Object.entries(created.contact.dndSettings)) {
  assert.equal(typeof setting.message, 'string', `dndSettings.${channel}.message`);
  assert.equal(typeof setting.code, 'string', `dndSettings.${channel}.code`);
}
assert.match(created.contact.dateAdded, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);

let { contact } = await ghl.contacts.getContact({ contactId });
assert.equal(contact.dnd, false);
assert.equal(contact.dndSettings.SMS.status, 'inactive');

await ghl.contacts.updateContact({ contactId }, {
  dndSettings: { SMS: { status: 'active', message: 'set through the SDK' }, Email: { status: 'active' } },
  inboundDndSettings: { all: { status: 'active', message: 'no inbound calls' } },
});
({ contact } = await ghl.contacts.getContact({ contactId }));
assert.equal(contact.dndSettings.SMS.status, 'active');
assert.equal(contact.dndSettings.SMS.message, 'set through the SDK');
assert.equal(contact.dndSettings.Email.status, 'active');
assert.equal(contact.inboundDndSettings.all.status, 'active');

const search = await ghl.contacts.searchContactsAdvanced({
  locationId: LOCATION_ID, page: 1, pageLimit: 20,
  filters: [{ field: 'dndSettings.SMS.status', operator: 'eq', value: 'active' }],
});
assert.deepEqual(search.contacts.map(c => c.id), [contactId]);

let refused;
try {
  await ghl.conversations.sendANewMessage({ type: 'SMS', contactId, message: 'Hello from the SDK' });
} catch (error) {
  refused = error;
}
assert.ok(refused, 'sending SMS to a contact with SMS DND must be refused');
assert.equal(refused.statusCode, 422);

const updated = await ghl.contacts.updateContact({ contactId }, { dnd: false });
assert.equal(updated.succeded, true);
assert.equal(updated.contact.dndSettings.SMS.status, 'inactive');
assert.equal(updated.contact.dndSettings.Email.status, 'inactive');

const upserted = await ghl.contacts.upsertContact({ locationId: LOCATION_ID, email: 'SDK.user@example.com', dnd: true });
assert.equal(upserted.new, false);
assert.equal(upserted.contact.id, contactId);
assert.equal(upserted.contact.dnd, true);

// HighLevel's "permanent" status: the contact's own opt-out, recorded by a user; a user lifts it only with proof of consent.
const permanent = await ghl.contacts.updateContact({ contactId }, { dndSettings: { WhatsApp: { status: 'permanent', message: 'asked in writing' } } });
assert.equal(permanent.contact.dndSettings.WhatsApp.status, 'permanent');
assert.equal(permanent.contact.dndSettings.WhatsApp.code, 'user_permanent');
let needsProof;
try {
  await ghl.contacts.updateContact({ contactId }, { dndSettings: { WhatsApp: { status: 'inactive' } } });
} catch (error) {
  needsProof = error;
}
assert.ok(needsProof, 'lifting permanent DND without proof of consent must be refused');
assert.equal(needsProof.statusCode, 422);
const stillPermanent = await ghl.contacts.getContact({ contactId });
assert.equal(stillPermanent.contact.dndSettings.WhatsApp.status, 'permanent');
const lift = await ghl.contacts.updateContact({ contactId }, {
  dndSettings: { WhatsApp: { status: 'inactive', consentProof: { method: 'written', givenAt: '2026-11-20T09:00:00Z', evidence: 'signed letter #7' } } },
});
assert.equal(lift.contact.dndSettings.WhatsApp.status, 'inactive');

const kept = await ghl.contacts.updateContact({ contactId }, { customFields: [{ id: 'cf_size', field_value: 43 }] });
assert.deepEqual(kept.contact.customFields, [{ id: 'cf_colour', value: 'blue' }, { id: 'cf_size', value: 43 }]);

if (WORKFLOW_ID) {
  const added = await ghl.contacts.addContactToWorkflow({ contactId, workflowId: WORKFLOW_ID }, {});
  assert.equal(added.succeded, true);
}

console.log(JSON.stringify({ ok: true, contactId }));
