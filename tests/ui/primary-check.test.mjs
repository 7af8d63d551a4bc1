// A secondary profile needs an approved primary profile marked as an ISV reseller or
// partner: said at a new profile's first step, before anything is made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import './dom.mjs';

const { primaryWords } = await import('../../ui/js/views/new-bundle.js');

test('an approved ISV primary profile: the secondary builds on it, by name', () => {
  const answer = primaryWords({ inSubaccount: false, primaries: [{ sid: 'BU1', name: 'Plain Ltd', isv: false }, { sid: 'BU2', name: 'Fabrikam', isv: true }] });
  assert.deepEqual(answer, { ok: true, words: 'It builds on your approved primary profile “Fabrikam”, an ISV reseller or partner.' });
});

test('an approved primary profile that is not an ISV: stopped, with what to change', () => {
  const answer = primaryWords({ inSubaccount: false, primaries: [{ sid: 'BU1', name: 'Plain Ltd', isv: false }] });
  assert.equal(answer.ok, false);
  assert.match(answer.words, /“Plain Ltd” is not marked as an ISV reseller or partner.*Change its business identity in the Twilio Console first\./);
});

test('no approved primary profile: stopped, with what to do first', () => {
  const answer = primaryWords({ inSubaccount: false, primaries: [] });
  assert.equal(answer.ok, false);
  assert.match(answer.words, /this account has none yet\. Make it in the Twilio Console/);
});

test('in a subaccount the main account’s primary cannot be read: not stopped, told what to make sure of', () => {
  const answer = primaryWords({ inSubaccount: true, primaries: [] });
  assert.equal(answer.ok, true);
  assert.match(answer.words, /main account’s primary profile/);
});
