// What changed on a rejected profile since Twilio rejected it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sinceRejection, rejectedAt, changeWords } from '../../ui/js/since-rejection.js';

const BU = 'BU1';
const profile = { sid: BU, status: 'twilio-rejected', date_updated: '2026-03-01T10:00:00Z' };
const before = '2026-02-20T10:00:00Z';
const later = '2026-03-02T10:00:00Z';

function requirements({ business = before, businessAssigned = before, address = 'Fri, 20 Feb 2026 10:00:00 +0000' } = {}) {
  return {
    blocks: [
      { name: 'Business Information', accepted: [{ fields: [{ machineName: 'website_url', label: 'Website URL' }, { machineName: 'business_name', label: 'Business Name' }] }],
        assigned: [{ objectSid: 'IT1', friendlyName: 'Northwind — business', dateUpdated: business, assignedAt: businessAssigned, addresses: [] }] },
      { name: 'Business Address', accepted: [{ fields: [{ machineName: 'address_sids', label: 'Address' }] }],
        assigned: [{ objectSid: 'RD1', friendlyName: 'Northwind — address', dateUpdated: before, assignedAt: before,
          addresses: [{ sid: 'AD1', found: true, dateUpdated: address }] }] },
    ],
  };
}

const line = (at, extra) => ({ at, source: 'app', outcome: 'done', statusAfter: null, objectSid: 'IT1', fields: [], words: 'Changed', ...extra });

test('nothing changed since the rejection: no change to list', () => {
  const got = sinceRejection({ profile, requirements: requirements(), history: [] });
  assert.equal(got.rejectedAt, Date.parse(profile.date_updated));
  assert.deepEqual(got.changes, []);
});

test('a record Twilio says changed after the rejection is listed, with the fields the history knows', () => {
  const history = [line(later, { fields: ['website_url'] }), line(before, { fields: ['business_name'] })];
  const got = sinceRejection({ profile, requirements: requirements({ business: later }), history });
  assert.deepEqual(got.changes, [{ what: 'Business Information', name: 'Northwind — business', fields: ['website url'] }]);
  assert.equal(changeWords(got.changes[0]), 'Business Information “Northwind — business”: website url');
});

test('a record put on the profile after the rejection, and an address corrected, count too', () => {
  const got = sinceRejection({
    profile, requirements: requirements({ businessAssigned: later, address: 'Mon, 02 Mar 2026 10:00:00 +0000' }), history: [],
  });
  assert.deepEqual(got.changes.map(changeWords), ['Business Information “Northwind — business”', 'Business Address “Northwind — address”: address']);
});

test("the profile's own fields changed here count; submitting does not", () => {
  const history = [
    line(later, { objectSid: BU, fields: ['email'] }),
    line(later, { objectSid: BU, fields: ['status'], statusAfter: 'pending-review' }),
    line(later, { objectSid: BU, fields: ['friendlyName'], outcome: 'failed' }),
  ];
  const got = sinceRejection({ profile, requirements: requirements(), history });
  assert.deepEqual(got.changes, [{ what: 'The profile', name: null, fields: ['email'] }]);
});

test('the rejection is dated by the history when it saw it, else by Twilio', () => {
  const seen = [{ at: '2026-03-05T00:00:00Z', statusAfter: 'twilio-rejected', outcome: 'done', source: 'watch' }];
  assert.equal(rejectedAt(profile, seen), Date.parse('2026-03-05T00:00:00Z'));
  assert.equal(rejectedAt(profile, []), Date.parse('2026-03-01T10:00:00Z'));
  assert.equal(rejectedAt({ ...profile, date_updated: null }, []), null);
  // A change made before the history saw the rejection does not count.
  const got = sinceRejection({ profile, requirements: requirements({ business: later }), history: seen });
  assert.deepEqual(got.changes, []);
});
