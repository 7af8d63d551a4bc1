// The window's checks of what a person types: the cases shared with the Rust side, and
// the words each check says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  isEmail, isWebAddress, isCallbackAddress, internationalPhone, lines, length, checkField, callerNameProblem,
  checkObjectName, PROFILE_CHECKS, OBJECT_NAME_MAX,
} from '../../ui/js/checks.js';

const cases = JSON.parse(readFileSync(new URL('../checks/cases.json', import.meta.url), 'utf8'));

test('e-mail addresses: the cases shared with validate.rs', () => {
  for (const v of cases.email.valid) assert.equal(isEmail(v), true, JSON.stringify(v));
  for (const v of cases.email.invalid) assert.equal(isEmail(v), false, JSON.stringify(v));
  assert.equal(isEmail(`${'a'.repeat(250)}@b.co`), false, 'longer than 254 characters');
});

test('web addresses and status-change addresses: the shared cases', () => {
  for (const v of cases.webAddress.valid) assert.equal(isWebAddress(v), true, JSON.stringify(v));
  for (const v of cases.webAddress.invalid) assert.equal(isWebAddress(v), false, JSON.stringify(v));
  for (const v of cases.callbackAddress.valid) assert.equal(isCallbackAddress(v), true, JSON.stringify(v));
  for (const v of cases.callbackAddress.invalid) assert.equal(isCallbackAddress(v), false, JSON.stringify(v));
});

test('phone numbers in international form: what is typed and what is sent', () => {
  for (const [typed, sent] of cases.phone.valid) assert.equal(internationalPhone(typed), sent, JSON.stringify(typed));
  for (const v of cases.phone.invalid) assert.equal(internationalPhone(v), null, JSON.stringify(v));
  for (const v of cases.callerName.valid) assert.equal(callerNameProblem(v), '', JSON.stringify(v));
  for (const v of cases.callerName.invalid) assert.notEqual(callerNameProblem(v), '', JSON.stringify(v));
  assert.equal(checkField({ label: 'caller name', kind: 'caller-name' }, '1st Choice'), 'The name must start with a letter.');
});

test('a field entered one per line, or with commas', () => {
  assert.deepEqual(lines(' https://a.example\n\nhttps://b.example , https://c.example '), ['https://a.example', 'https://b.example', 'https://c.example']);
  assert.deepEqual(lines(null), []);
});

test('length counts what a person sees: an emoji is one character', () => {
  assert.equal(length('café 👍'), 6);
  assert.equal(length(undefined), 0);
});

test('each kind of field says what is wrong in words', () => {
  const email = { label: 'e-mail', kind: 'email' };
  assert.equal(checkField(email, ''), 'Enter the e-mail; Twilio needs it.');
  assert.equal(checkField({ ...email, optional: true }, '  '), '');
  assert.equal(checkField(email, 'a@b'), 'Enter an e-mail address such as name@example.com.');
  assert.equal(checkField(email, 'a@b.co'), '');
  assert.equal(checkField({ label: 'website', kind: 'url' }, 'example.com'), 'Enter a full web address, such as https://www.example.com.');
  assert.equal(checkField({ label: 'phone', kind: 'phone' }, '415 555 0100'),
    'Enter the number in international format (+1 …): a + and the country code first, such as +1 415 555 0100.');
  assert.equal(checkField({ label: 'phone', kind: 'phone' }, '+1 (415) 555-0100'), '');
  const choice = { label: 'business type', kind: 'choice', choices: [{ value: 'llc' }, { value: 'sole' }] };
  assert.equal(checkField(choice, 'llc'), '');
  assert.equal(checkField(choice, 'inc'), 'Choose the business type from the list.');
  assert.equal(checkField({ label: 'regions', kind: 'choices', choices: [] }, []), 'Enter the regions; Twilio needs it.');
  assert.equal(checkField({ label: 'social media', kind: 'url-lines' }, 'https://a.example\nnot a link'),
    '“not a link” is not a full web address, such as https://www.example.com.');
  assert.equal(checkField({ label: 'note', kind: 'text', maxLength: 5 }, 'abcdef'), 'The note is longer than Twilio keeps (5 characters).');
  assert.equal(checkField({ label: 'note', kind: 'text', maxLength: 5 }, ' abcde '), '', 'the limit applies to what is sent, trimmed');
});

test('the name of a record in the account: not empty, at most 200 characters', () => {
  assert.equal(checkObjectName('  '), 'Enter a name for this, so you can tell it apart from others.');
  assert.equal(checkObjectName('x'.repeat(OBJECT_NAME_MAX)), '');
  assert.equal(checkObjectName('x'.repeat(OBJECT_NAME_MAX + 1)), 'The name is longer than Twilio keeps (200 characters).');
});

test("a profile's own fields", () => {
  assert.equal(PROFILE_CHECKS.friendlyName(' '), 'Enter a name for this profile.');
  assert.equal(PROFILE_CHECKS.friendlyName(' Acme '), '');
  assert.equal(PROFILE_CHECKS.email('ops@acme'), 'Enter an e-mail address such as name@example.com.');
  assert.equal(PROFILE_CHECKS.statusCallback('acme.example/hook'), 'Enter a full web address that starts with https:// (or http://).');
  assert.equal(PROFILE_CHECKS.statusCallback('https://acme.example/hook'), '');
});
