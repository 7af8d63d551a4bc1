// An evaluation in the words of its checklist.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checklistItems, failedCount, evaluationLabel, newestFirst } from '../../ui/js/evaluations.js';

const evaluation = {
  sid: 'ELx', status: 'noncompliant', date_created: '2026-01-02T00:00:00Z',
  results: [
    { requirement_name: 'business_info', requirement_friendly_name: 'Business Information', passed: true, invalid: [] },
    { requirement_name: 'representative_1', requirement_friendly_name: 'Authorized Representative 1', passed: false,
      failure_reason: 'Representative incomplete', invalid: [
        { object_field: 'phone_number', friendly_name: 'Phone Number', failure_reason: 'Not in international form', error_code: 22216 },
        { object_field: 'email', friendly_name: null, failure_reason: null, error_code: null },
      ] },
    { object_type: 'customer_profile_address', friendly_name: 'Address', passed: false, failure_reason: 'Missing' },
    { passed: null, failure_reason: 'Twilio could not tell' },
  ],
};

test('each result is a line: passed only when Twilio says so, with where to fix it', () => {
  const items = checklistItems(evaluation);
  assert.deepEqual(items.map((i) => [i.name, i.requirement, i.passed]), [
    ['Business Information', 'business_info', true],
    ['Authorized Representative 1', 'representative_1', false],
    ['Address', '', false],
    ['Requirement', '', false],
  ]);
  assert.deepEqual(checklistItems({ results: [{ requirement_name: 'customer_profile_address', passed: false }] }).map((i) => i.name),
    ['Customer-Profile address'], 'a requirement without a friendly name is named in words, never by its key');
  assert.equal(items[0].fix, null, 'nothing to fix on a pass');
  assert.equal(items[0].reason, null);
  assert.deepEqual(items[1].fix, { requirement: 'representative_1', field: 'phone_number' });
  assert.deepEqual(items[1].fields, [
    { name: 'Phone Number', reason: 'Not in international form', code: 22216 },
    { name: 'Email', reason: 'not valid', code: null },
  ]);
  assert.deepEqual(items[2].fix, { requirement: 'customer_profile_address', field: null }, 'by object type when no requirement is named');
  assert.equal(items[3].fix, null, 'no place to fix it: no button');
  assert.equal(items[3].reason, 'Twilio could not tell');
});

test('failed results are counted, an unknown outcome among them', () => {
  assert.equal(failedCount(evaluation), 3);
  assert.equal(failedCount({ status: 'compliant', results: [] }), 0);
  assert.equal(failedCount({ status: 'noncompliant' }), 0);
});

test("an evaluation's status in words", () => {
  assert.equal(evaluationLabel('compliant'), 'Passed');
  assert.equal(evaluationLabel('noncompliant'), 'Needs fixing');
  assert.equal(evaluationLabel('pending'), 'pending');
  assert.equal(evaluationLabel(null), '—');
});

test('evaluations newest first, whatever order they came in', () => {
  const list = [{ sid: 'a', date_created: '2026-01-01T00:00:00Z' }, { sid: 'c', date_created: '2026-03-01T00:00:00Z' }, { sid: 'b', date_created: '2026-02-01T00:00:00Z' }];
  assert.deepEqual(newestFirst(list).map((e) => e.sid), ['c', 'b', 'a']);
  assert.deepEqual(list.map((e) => e.sid), ['a', 'c', 'b'], 'the list itself is left as it was');
});
