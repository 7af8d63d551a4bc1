// The glossary, held by the renderers themselves: no machine name (business_name,
// address_sids, any snake_case key) reaches the text they draw, Twilio's requirement names
// spell "Customer-Profile" one way, and the words are the glossary's (docs/GLOSSARY.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readable, RAW_KEY } from './dom.mjs';

const { checklist } = await import('../../ui/js/views/checklist.js');
const { createReasons } = await import('../../ui/js/views/profile/reasons.js');
const { createStatusCard } = await import('../../ui/js/views/profile/status-card.js');
const { renderBlock } = await import('../../ui/js/views/requirements/blocks.js');
const { leftoversPanel } = await import('../../ui/js/leftovers.js');
const { rejectionsOf } = await import('../../ui/js/rejections.js');
const { nextStep } = await import('../../ui/js/next-step.js');
const { h } = await import('../../ui/js/format.js');

/** Fails with the offending words when `el` shows a raw key or a word the glossary forbids. */
function assertPlain(el, what) {
  const text = readable(el);
  assert.doesNotMatch(text, RAW_KEY, `${what} shows a machine name: ${text.match(RAW_KEY)?.[0]}`);
  assert.doesNotMatch(text, /Customer Profile|customer profile/, `${what} spells Customer-Profile another way`);
  assert.doesNotMatch(text, /\bE\.164\b|\bentity\b|\bend user\b|\bcompliant\b|\bnoncompliant\b|\(error \d+\)/i, `${what} uses a word the glossary forbids`);
  return text;
}

test('a checklist from an evaluation that names fields and requirements only by key shows words', () => {
  const el = checklist({
    sid: 'EL1', status: 'noncompliant', date_created: '2026-01-02T00:00:00Z',
    results: [
      { requirement_name: 'customer_profile_business_information', passed: false, failure_reason: 'Missing fields',
        invalid: [{ object_field: 'business_registration_number', failure_reason: 'Missing', error_code: 22215 }] },
      { object_type: 'customer_profile_address', passed: false, failure_reason: 'No address', invalid: [] },
      { requirement_name: 'authorized_representative_1', requirement_friendly_name: 'Authorized Representative 1', passed: true },
    ],
  }, { onFix: () => {} });
  const text = assertPlain(el, 'the checklist');
  assert.match(text, /Customer-Profile business information — needs fixing/);
  assert.match(text, /Business registration number: Missing/);
  assert.match(text, /Twilio error 22215/);
  assert.match(text, /2 requirements need fixing/);
});

test('the reasons of a rejection: words, what to change, a button to the record, the error number small', () => {
  const reasons = createReasons({ onFix: async () => '' });
  reasons.show(rejectionsOf([{ code: 18601 }, { code: 18603 }, { code: 18999, message: 'Twilio’s own words about it.' }, { code: null }]));
  const text = assertPlain(reasons.el, 'the reasons');
  assert.equal(reasons.el.hidden, false);
  assert.match(text, /Why Twilio rejected it/);
  assert.match(text, /Twilio could not match the business name with the website\./);
  assert.match(text, /What to change: Enter the business name exactly as on its registration papers/);
  assert.match(text, /Twilio’s own words about it\./, 'an unknown code shows Twilio’s words');
  assert.match(text, /Twilio rejected it for a reason it did not describe\./, 'never nothing');
  const buttons = [...reasons.el.querySelectorAll('button')].map((b) => b.textContent);
  assert.deepEqual(buttons, [
    'Fix the business name and website', 'More about this error',
    'Fix the business address', 'More about this error',
    'More about this error',
  ]);
  assert.deepEqual([...reasons.el.querySelectorAll('.error-code')].map((e) => e.textContent),
    ['Twilio error 18601', 'Twilio error 18603', 'Twilio error 18999']);
});

test('the status card: the status, what it means and one next step, one primary button', () => {
  const submit = h('button', { type: 'button', id: 'submit-review' }, 'Submit for review…');
  const card = createStatusCard({ onAction: () => {}, submit });
  const profile = { sid: 'BU1', status: 'twilio-rejected', email: 'owner@example.com', date_updated: '2026-01-02T00:00:00Z' };
  const rejections = rejectionsOf([{ code: 18603 }]);
  card.show(profile.status, nextStep({ profile, kind: 'customer-profile', requirements: null, rejections, since: { rejectedAt: 1, changes: [] }, submittedAt: null }), true);
  const text = assertPlain(card.el, 'the status card');
  assert.match(text, /Rejected by Twilio/);
  assert.match(text, /Nothing has changed since Twilio rejected it/);
  assert.deepEqual([...card.el.querySelectorAll('button.primary')].filter((b) => !b.hidden).map((b) => b.textContent), ['Fix the business address']);

  const pending = { ...profile, status: 'pending-review' };
  card.show(pending.status, nextStep({ profile: pending, kind: 'customer-profile', requirements: null, rejections: [], since: null, submittedAt: '2026-03-04T10:00:00Z' }), false);
  const after = assertPlain(card.el, 'the card after submitting');
  assert.match(after, /Submitted on Mar 4, 2026.*Twilio e-mails owner@example\.com when it decides.*TrustHub Desk tells you too/s);
  assert.equal([...card.el.querySelectorAll('button')].filter((b) => !b.hidden).length, 0, 'nothing to press while Twilio reviews it');
});

test('a requirement block names its fields by their labels and Twilio’s names with one spelling', () => {
  const field = (machineName, label, value, failure = null) => ({ machineName, label, kind: 'text', choices: [], optional: false, value, missing: value === null, failure });
  const block = {
    requirementName: 'customer_profile_business_information', name: 'Customer Profile Business Information', kind: 'end-user',
    description: null, accepted: [], status: 'failed', advice: null,
    failure: { reason: 'The business registration number is missing.', code: 22215 },
    assigned: [{
      assignmentSid: 'BV1', objectSid: 'IT1', friendlyName: 'Acme — business', typeName: 'customer_profile_business_information',
      typeLabel: 'Customer Profile Business Information', status: null, needsFile: false, readable: true, addresses: [],
      dateUpdated: null, assignedAt: null,
      fields: [field('business_name', 'Business Name', 'Acme Ltd'), field('business_registration_number', 'Business Registration Number', null,
        { reason: 'Missing', code: 22215 })],
    }],
  };
  const req = {
    ctx: { isDemo: () => true, kind: () => 'customer-profile', sid: () => 'BU1' },
    one: () => 'profile', state: () => ({ checking: false, problem: null }), data: () => null,
  };
  const fixes = Object.fromEntries(['link', 'create', 'reuse', 'edit', 'correctAddress', 'pickAddress', 'remove', 'recheck'].map((k) => [k, () => {}]));
  const el = renderBlock(/** @type {any} */ (req), block, /** @type {any} */ (fixes));
  const text = assertPlain(el, 'a requirement block');
  assert.match(text, /Customer-Profile Business Information/);
  assert.match(text, /Needs fixing/);
  assert.match(text, /Business Registration Number/);
  assert.match(text, /Twilio error 22215/);
  assert.ok(el.querySelector('button.danger'), 'Remove looks dangerous');
});

test('what a deleted draft left: records named by their type in words, none ticked in advance', () => {
  const panel = leftoversPanel({
    complete: true,
    records: [
      { sid: 'IT1', name: 'Acme — business information', what: 'end-user', typeName: 'customer_profile_business_information', usedBy: [] },
      { sid: 'IT2', name: 'Jane Doe', what: 'end-user', typeName: 'authorized_representative_1', usedBy: [] },
      { sid: 'AD1', name: '1 Main St', what: 'address', typeName: null, usedBy: [{ sid: 'PN1', name: '+14155550100', what: 'phone-number' }] },
    ],
  }, { heading: '“Acme” was deleted.' });
  const text = assertPlain(panel, 'the leftovers');
  assert.match(text, /Customer-Profile business information: Acme — business information/);
  assert.match(text, /Authorized representative 1: Jane Doe/);
  const boxes = [...panel.querySelectorAll('input[type=checkbox]')];
  assert.equal(boxes.length, 2, 'the two records nothing uses are offered');
  assert.ok(boxes.every((b) => b.checked !== true && !b.hasAttribute('checked')), 'none ticked in advance');
  assert.ok(panel.querySelector('#delete-leftovers.danger'), 'deleting looks dangerous');
});
