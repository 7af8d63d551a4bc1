// The verdict of "What Twilio needs" is Twilio's own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockStatus, failedCount, summaryWords } from '../../ui/js/verdict.js';

/** A block of the policy; `status` as the Rust side placed Twilio's results on it. */
const block = (requirementName, status = 'unknown', assigned = 1) => ({
  requirementName, name: requirementName, kind: 'end-user', description: null, accepted: [],
  assigned: Array.from({ length: assigned }, () => ({ objectSid: 'IT1', fields: [], addresses: [] })), status, failure: null, advice: null,
});

// As Twilio's helper libraries' test fixtures answer: noncompliant, seven failed results
// whose requirement names are not the policy's, so none is placed on a block.
const twilioFixture = {
  policySid: 'RN1', policyName: 'Secondary Customer-Profile', evaluationSid: 'EL1',
  evaluationStatus: 'noncompliant', evaluatedAt: '2020-04-28T18:14:01Z',
  blocks: [block('customer_profile_business_information'), block('authorized_representative_1'), block('customer_profile_address')],
  otherFailures: Array.from({ length: 7 }, (_, i) => ({ reason: `Failure ${i + 1}`, code: 22214 + i })),
};

test('a noncompliant check whose results match no block is never "met": all seven count', () => {
  assert.equal(failedCount(twilioFixture), 7);
  assert.equal(summaryWords(twilioFixture), 'Twilio’s check on Apr 28, 2020, 6:14 PM: 7 requirements need fixing.');
  assert.doesNotMatch(summaryWords(twilioFixture), /passed|met/);
  for (const b of twilioFixture.blocks) {
    assert.equal(blockStatus(b, twilioFixture), 'unnamed', 'not "Not checked yet", not "Passed": Twilio checked, and did not name it');
  }
});

test('a noncompliant check with no failed result says it does not pass, never that it passed', () => {
  const r = { ...twilioFixture, otherFailures: [] };
  assert.match(summaryWords(r), /it does not pass yet/);
  assert.equal(blockStatus(r.blocks[0], r), 'unnamed');
});

test('failures placed on blocks and beside them are counted together', () => {
  const r = { ...twilioFixture, blocks: [block('a', 'failed'), block('b', 'passed'), block('c', 'failed')], otherFailures: [{ reason: 'x', code: null }] };
  assert.equal(failedCount(r), 3);
  assert.equal(blockStatus(r.blocks[0], r), 'failed');
  assert.equal(blockStatus(r.blocks[1], r), 'passed');
  assert.match(summaryWords(r), /3 requirements need fixing\.$/);
});

test('a compliant check passes every block, named or not', () => {
  const r = { ...twilioFixture, evaluationStatus: 'compliant', otherFailures: [], blocks: [block('a', 'passed'), block('b')] };
  assert.equal(summaryWords(r), 'Twilio’s check on Apr 28, 2020, 6:14 PM: every requirement passed.');
  assert.equal(blockStatus(r.blocks[1], r), 'passed');
});

test('"Not checked yet" only when no check covers it', () => {
  const r = { ...twilioFixture, evaluationStatus: null, evaluatedAt: null, evaluationSid: null, otherFailures: [], blocks: [block('a'), block('b', 'unknown', 0)] };
  assert.equal(blockStatus(r.blocks[0], r), 'unknown');
  assert.equal(summaryWords(r), 'Not checked with Twilio yet. 1 requirement has nothing yet. Twilio checks it when you submit it, or now with “Check with Twilio”.');
});
