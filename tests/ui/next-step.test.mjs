// The one next step at the top of a profile, and the words of its button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nextStep } from '../../ui/js/next-step.js';
import { rejectionsOf } from '../../ui/js/rejections.js';

const block = (status, assigned = 1) => ({ status, assigned: Array.from({ length: assigned }, () => ({})) });
const draft = { sid: 'BU1', status: 'draft', email: 'a@example.com' };
const at = (blocks, evaluationStatus = 'noncompliant', otherFailures = []) => ({ blocks, evaluationStatus, otherFailures });
const step = (profile, requirements, extra = {}) => nextStep({ profile, kind: 'customer-profile', requirements, rejections: [], since: null, submittedAt: null, ...extra });

test('a draft: add what is missing, then fix what Twilio found, then submit', () => {
  assert.deepEqual(
    [step(draft, at([block('unknown', 0), block('passed')])).action, step(draft, at([block('unknown', 0), block('passed')])).label],
    ['fill', 'Add what is missing']);
  assert.equal(step(draft, at([block('failed'), block('passed')])).label, 'Fix it');
  assert.equal(step(draft, at([block('failed'), block('failed')])).label, 'Fix the first one');
  assert.equal(step(draft, at([block('passed')], 'noncompliant', [{ reason: 'x', code: 1 }])).action, 'fix', 'a failure on no block counts');
  const ready = step(draft, at([block('passed')], 'compliant'));
  assert.deepEqual([ready.action, ready.label], ['submit', 'Submit for review…']);
  assert.equal(step(draft, at([block('unknown')], null)).action, 'submit', 'never checked: submitting has Twilio check it first');
  assert.equal(step(draft, null).action, 'none', 'while reading');
});

test('rejected: fix what the first reason names while nothing changed; submit once something did', () => {
  const rejected = { ...draft, status: 'twilio-rejected' };
  const rejections = rejectionsOf([{ code: 18603 }, { code: 18601 }]);
  const unchanged = step(rejected, null, { rejections, since: { rejectedAt: 1, changes: [] } });
  assert.deepEqual([unchanged.action, unchanged.label], ['fix-reason', 'Fix the business address']);
  assert.match(unchanged.next, /^Nothing has changed since Twilio rejected it\./);
  const changed = step(rejected, null, { rejections, since: { rejectedAt: 1, changes: [{ what: 'x', name: null, fields: [] }] } });
  assert.deepEqual([changed.action, changed.next], ['submit', 'You changed 1 thing since Twilio rejected it. When every reason above is dealt with, submit it again.']);
});

test('in review and approved: nothing to do, and what happens next', () => {
  const pending = step({ ...draft, status: 'in-review' }, null, { submittedAt: '2026-03-04T10:00:00Z' });
  assert.equal(pending.action, 'none');
  assert.match(pending.next, /^Submitted on Mar 4, 2026.*Twilio e-mails a@example\.com when it decides/);
  const approved = step({ ...draft, status: 'twilio-approved', valid_until: '2027-01-01T00:00:00Z' }, null);
  assert.match(approved.next, /nothing to do\. It stays approved until Jan 1, 2027/);
});
