// Why Twilio rejected a profile, in words a person can act on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REJECTIONS, rejectionOf, rejectionsOf, errorPage } from '../../ui/js/rejections.js';

test('every code Twilio documents for rejections, 18601 to 18609, is in the table', () => {
  for (let code = 18601; code <= 18609; code += 1) assert.ok(REJECTIONS[code], `${code}`);
});

test('each entry says the cause and what to change, in sentences, with no raw key', () => {
  for (const [code, r] of Object.entries(REJECTIONS)) {
    for (const words of [r.title, r.cause, r.change]) {
      assert.match(words, /^[A-Z].*\.$/, `${code}: ${words}`);
      assert.doesNotMatch(words, /\b[a-z]+_[a-z_]+\b/, `${code}: a raw key in "${words}"`);
    }
  }
});

test('each code that concerns a record names its requirement and fields', () => {
  const target = (code) => REJECTIONS[code].target;
  assert.deepEqual(target(18601).types, ['customer_profile_business_information']);
  assert.deepEqual(target(18601).fields, ['business_name', 'website_url']);
  assert.deepEqual(target(18602).fields[0], 'business_registration_number');
  assert.deepEqual(target(18603).types, ['customer_profile_address']);
  assert.deepEqual(target(18604).types, ['authorized_representative_1']);
  assert.deepEqual(target(18605).types, ['authorized_representative_2']);
  assert.deepEqual(target(18606).fields, ['email']);
  assert.deepEqual(target(18609).fields[0], 'business_registration_identifier');
  assert.equal(target(18607), null, 'a copy cannot be fixed in a field');
  assert.equal(target(18608), null);
  for (const [code, r] of Object.entries(REJECTIONS)) {
    if (r.target) assert.ok(r.target.label && r.target.fields.length && r.target.types.length, code);
  }
});

test("a known code gets the app's words and Twilio's page", () => {
  const r = rejectionOf({ code: 18603 });
  assert.equal(r.known, true);
  assert.equal(r.title, 'Twilio could not verify the business address.');
  assert.equal(r.moreInfo, 'https://www.twilio.com/docs/api/errors/18603');
  assert.equal(errorPage(18601), 'https://www.twilio.com/docs/api/errors/18601');
});

test("an unknown code shows Twilio's own words and page, never nothing", () => {
  const said = rejectionOf({ code: 18699, message: 'The logo is blurry.' });
  assert.equal(said.known, false);
  assert.equal(said.title, 'The logo is blurry.');
  assert.equal(said.cause, 'These are Twilio’s own words.');
  assert.equal(said.moreInfo, 'https://www.twilio.com/docs/api/errors/18699');
  const silent = rejectionOf({ code: 18699, message: null });
  assert.equal(silent.title, 'Twilio rejected it for a reason it did not describe.');
  assert.equal(silent.moreInfo, 'https://www.twilio.com/docs/api/errors/18699');
  const nothing = rejectionOf({ code: null, message: null });
  assert.equal(nothing.moreInfo, null);
  assert.ok(nothing.title && nothing.change);
});

test('the reasons of a profile, in order, each once', () => {
  const all = rejectionsOf([{ code: 18601 }, { code: 18603 }, { code: 18601 }]);
  assert.deepEqual(all.map((r) => r.code), [18601, 18603]);
  assert.deepEqual(rejectionsOf(null), []);
});
