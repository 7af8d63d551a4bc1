// What commonly gets a profile rejected, warned of before it is submitted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emailDomain, sameDomain, submitWarnings, websiteHost } from '../../ui/js/submit-warnings.js';

const field = (machineName, value) => ({ machineName, value, label: machineName, kind: 'text', choices: [], optional: false, missing: false, failure: null });
const requirements = (business, people) => ({
  blocks: [
    { name: 'Business Information', assigned: [{ objectSid: 'IT1', friendlyName: 'Acme — business', fields: [field('website_url', business)], addresses: [] }] },
    { name: 'Authorized Representative 1', assigned: people.map((email, i) => ({ objectSid: `IT${i + 2}`, friendlyName: `Person ${i + 1}`, fields: [field('email', email)], addresses: [] })) },
  ],
  otherFailures: [],
});

test('hosts and domains as people write them', () => {
  assert.equal(websiteHost('https://www.Example.com/about'), 'example.com');
  assert.equal(websiteHost('example.co.uk'), 'example.co.uk');
  assert.equal(websiteHost(''), null);
  assert.equal(emailDomain('Jane@Mail.Example.com'), 'mail.example.com');
  assert.equal(emailDomain('nobody'), null);
  assert.ok(sameDomain('mail.example.com', 'example.com'));
  assert.ok(sameDomain('example.com', 'shop.example.com'));
  assert.ok(!sameDomain('example.net', 'example.com'));
  assert.ok(!sameDomain('notexample.com', 'example.com'), 'a domain that only ends the same is another');
});

test('an e-mail on the website’s domain: nothing to warn of', () => {
  assert.deepEqual(submitWarnings(requirements('https://www.acme.example.com', ['jane@acme.example.com'])), []);
});

test('an e-mail on another domain, and a free e-mail service, are each warned of once', () => {
  const warnings = submitWarnings(requirements('https://www.acme.example.com', ['jane@other.example.org', 'bob@gmail.com', 'BOB@gmail.com']));
  assert.deepEqual(warnings, [
    'Person 1: jane@other.example.org is not on the website’s domain (acme.example.com). Twilio often rejects this (error 18606).',
    'Person 2: bob@gmail.com is a free e-mail address. Twilio often rejects these; use an address on the business’s own domain.',
  ]);
});

test('nothing known yet: no warning', () => {
  assert.deepEqual(submitWarnings(null), []);
  assert.deepEqual(submitWarnings(requirements('', ['jane@other.example.org'])), [], 'no website to compare with');
});
