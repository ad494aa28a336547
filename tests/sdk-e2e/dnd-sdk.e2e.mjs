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
});
const contactId = created.contact.id;
assert.equal(created.contact.locationId, LOCATION_ID);

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

if (WORKFLOW_ID) {
  const added = await ghl.contacts.addContactToWorkflow({ contactId, workflowId: WORKFLOW_ID }, {});
  assert.equal(added.succeded, true);
}

console.log(JSON.stringify({ ok: true, contactId }));
