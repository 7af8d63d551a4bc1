// The Overview's rows: what needs attention, the filters, the orders and the counts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  attention, accountNames, accountRows, rankRows, filterRows, orderRows, countRows, changedWords, URGENCY,
} from '../../ui/js/overview-rows.js';

/** Every record of `answer` as a row, ranked: as the Overview makes them, in one go. */
const rowsOf = (answer, now) => {
  const names = accountNames(answer);
  return rankRows(answer.accounts.flatMap((a) => accountRows(a, names.get(a.accountSid), now)));
};

const NOW = Date.parse('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const iso = (ms) => new Date(ms).toISOString();

/** A record as load_overview answers it. */
function record(sid, status, extra = {}) {
  return { kind: 'customer-profile', sid, friendlyName: sid, status, dateUpdated: iso(NOW - DAY), validUntil: null, reasons: 0, ...extra };
}

const answer = {
  accounts: [
    { accountSid: 'AC1', name: 'Main', parentSid: null, error: null, notes: [], changes: [{ kind: 'customer-profile', sid: 'BUb', before: 'in-review', after: 'twilio-approved' }],
      rows: [
        record('BUa', 'twilio-rejected', { friendlyName: 'zeta Bakery', reasons: 2 }),
        record('BUb', 'twilio-approved', { friendlyName: 'Acme', validUntil: iso(NOW + 10 * DAY), dateUpdated: iso(NOW - 3 * DAY) }),
        record('BUc', 'draft', { friendlyName: 'item 10', dateUpdated: iso(NOW - 40 * DAY) }),
        record('BUd', 'draft', { friendlyName: 'item 9', dateUpdated: iso(NOW - 2 * DAY) }),
      ] },
    { accountSid: 'AC2', name: 'Shop', parentSid: 'AC1', error: null, notes: [], changes: [],
      rows: [record('BUe', 'in-review', { friendlyName: 'Beta', kind: 'trust-product', dateUpdated: iso(NOW) })] },
    { accountSid: 'AC3', name: null, parentSid: 'AC1', error: { kind: 'unauthorized', message: 'Twilio refused this subaccount.' }, notes: [], changes: [], rows: [] },
  ],
  subaccountNotes: [],
};

test('what needs attention, and how urgently', () => {
  assert.deepEqual(attention({ status: 'twilio-rejected', reasons: 1 }, NOW), { urgency: URGENCY.rejected, words: 'Rejected by Twilio: 1 reason' });
  assert.equal(attention({ status: 'twilio-rejected', reasons: 1200 }, NOW).words, 'Rejected by Twilio: 1,200 reasons');
  assert.equal(attention({ status: 'twilio-rejected', reasons: 1, firstReason: 18603 }, NOW).words,
    'Rejected: Twilio could not verify the business address.', 'the first reason in words');
  assert.equal(attention({ status: 'twilio-rejected', reasons: 3, firstReason: 18601 }, NOW).words,
    'Rejected: Twilio could not match the business name with the website. (and 2 more reasons)');
  assert.equal(attention({ status: 'twilio-rejected', reasons: 2, firstReason: 99999 }, NOW).words,
    'Rejected by Twilio: 2 reasons', 'a code the app does not know: how many');
  assert.deepEqual(attention({ status: 'twilio-approved', validUntil: '2026-06-20T00:00:00Z' }, NOW),
    { urgency: URGENCY.ending, words: 'Approval ends Jun 20, 2026, 12:00 AM' });
  assert.equal(attention({ status: 'twilio-approved', validUntil: '2026-06-01T00:00:00Z' }, NOW).words, 'Approval ended Jun 1, 2026, 12:00 AM');
  assert.equal(attention({ status: 'twilio-approved', validUntil: iso(NOW + 31 * DAY) }, NOW), null, 'an approval ending in 31 days can wait');
  assert.equal(attention({ status: 'twilio-approved', validUntil: null }, NOW), null);
  assert.deepEqual(attention({ status: 'draft', dateUpdated: iso(NOW - 45 * DAY) }, NOW), { urgency: URGENCY.stale, words: 'Draft untouched for 45 days' });
  assert.equal(attention({ status: 'draft', dateUpdated: iso(NOW - 29 * DAY) }, NOW), null);
  assert.equal(attention({ status: 'draft', dateUpdated: 'garbage' }, NOW), null);
  assert.equal(attention({ status: 'in-review', dateUpdated: iso(NOW - 400 * DAY) }, NOW), null);
});

test('an account is named as the person knows it, a subaccount with its parent', () => {
  const names = accountNames(answer);
  assert.equal(names.get(answer.accounts[0].accountSid), 'Main');
  assert.equal(names.get(answer.accounts[1].accountSid), 'Shop (subaccount of Main)');
  assert.equal(names.get(answer.accounts[2].accountSid), 'AC3 (subaccount of Main)');
});

test('every record is a row; an account not read is one row that says why', () => {
  const rows = rowsOf(answer, NOW);
  assert.equal(rows.length, 6);
  const unread = rows.find((r) => r.unread);
  assert.equal(unread.account.accountSid, 'AC3');
  assert.deepEqual(unread.why, { words: 'Twilio refused this subaccount.', urgency: URGENCY.unread });
  const acme = rows.find((r) => r.sid === 'BUb');
  assert.deepEqual(acme.changed, { kind: 'customer-profile', sid: 'BUb', before: 'in-review', after: 'twilio-approved' });
  assert.equal(acme.lowerName, 'acme');
  assert.equal(acme.updated, NOW - 3 * DAY);
  assert.equal(rows.find((r) => r.sid === 'BUe').accountName, 'Shop (subaccount of Main)');
});

test('the filters: status, attention, changed, account, name, phone number', () => {
  const rows = rowsOf(answer, NOW);
  const sids = (filters) => filterRows(rows, { status: '', account: '', name: '', ...filters }).map((r) => r.sid ?? r.account.accountSid);
  assert.deepEqual(sids({}), ['BUa', 'BUb', 'BUc', 'BUd', 'BUe', 'AC3']);
  assert.deepEqual(sids({ status: 'draft' }), ['BUc', 'BUd']);
  assert.deepEqual(sids({ status: 'attention' }), ['BUa', 'BUb', 'BUc', 'AC3']);
  assert.deepEqual(sids({ status: 'changed' }), ['BUb']);
  assert.deepEqual(sids({ account: 'AC2' }), ['BUe']);
  assert.deepEqual(sids({ name: '  BAK ' }), ['BUa'], 'any case, spaces around ignored');
  assert.deepEqual(sids({ phoneMatches: new Set(['AC2:BUe', 'AC1:BUx']) }), ['BUe']);
  assert.deepEqual(sids({ status: 'draft', name: 'item 9' }), ['BUd'], 'filters combine');
});

test('the orders: most urgent first, by name (numbers as numbers), newest, by account', () => {
  const order = (by) => orderRows(rowsOf(answer, NOW), by).map((r) => r.sid ?? r.account.accountSid);
  assert.deepEqual(order('attention'), ['AC3', 'BUa', 'BUb', 'BUc', 'BUe', 'BUd']);
  assert.deepEqual(order('name'), ['AC3', 'BUb', 'BUe', 'BUd', 'BUc', 'BUa'], 'item 9 before item 10; case ignored');
  assert.deepEqual(order('updated'), ['BUe', 'BUa', 'BUd', 'BUb', 'BUc', 'AC3']);
  assert.deepEqual(order('account'), ['AC3', 'BUb', 'BUd', 'BUc', 'BUa', 'BUe']);
  assert.deepEqual(order('no such order'), order('attention'));
});

test('the counts above the table', () => {
  const { byStatus, attention: needing, changed } = countRows(rowsOf(answer, NOW));
  assert.deepEqual([...byStatus], [['twilio-rejected', 1], ['twilio-approved', 1], ['draft', 2], ['in-review', 1]]);
  assert.equal(needing, 4);
  assert.equal(changed, 1);
});

test('a change since the person last looked, in words', () => {
  assert.equal(changedWords({ before: 'in-review', after: 'twilio-rejected' }), 'Changed: In review → Rejected by Twilio');
});
