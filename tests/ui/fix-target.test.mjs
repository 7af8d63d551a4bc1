// A reason's button when its record is gone or was replaced since the rejection: it says so,
// and opens the requirement's block instead of nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { document, window } from './dom.mjs';

document.body.append(Object.assign(document.createElement('div'), { id: 'busy' }));
window.HTMLElement.prototype.scrollIntoView ??= function scrollIntoView() {};
/** What the Rust side answers in this test, by command. */
let requirements = null;
window.__TAURI__.core.invoke = async (command) => {
  if (command === 'profile_requirements') return structuredClone(requirements);
  if (command === 'cancel_load') return null;
  throw { kind: 'internal', message: `not in this test: ${command}` };
};

const { createRequirements } = await import('../../ui/js/views/requirements/section.js');
const { REJECTIONS } = await import('../../ui/js/rejections.js');

const REJECTED_AT = Date.parse('2026-05-01T00:00:00Z');
const business = (assigned) => ({
  requirementName: 'business_info', name: 'Business Information', kind: 'end-user', description: null, status: 'unknown', failure: null, advice: null,
  accepted: [{ machineName: 'customer_profile_business_information', name: 'Business Information', needsFile: false, fields: [] }],
  assigned,
});
const record = (assignedAt) => ({
  assignmentSid: 'BV1', objectSid: 'IT1', friendlyName: 'Acme — business', typeName: 'customer_profile_business_information', typeLabel: null,
  status: null, needsFile: false, readable: false, fields: [], addresses: [], dateUpdated: null, assignedAt,
});

function section() {
  const root = document.createElement('div');
  document.body.append(root);
  return createRequirements(root, {
    kind: () => 'customer-profile', sid: () => 'BU1', guard: () => () => true, isDemo: () => true,
    profile: () => /** @type {any} */ ({ sid: 'BU1', policy_sid: 'RN1', status: 'twilio-rejected' }),
  });
}

const target = REJECTIONS[18601].target;
const other = (blocks) => ({ policySid: 'RN1', policyName: 'P', blocks, evaluationSid: null, evaluationStatus: null, evaluatedAt: null, otherFailures: [] });

test('the record Twilio refused was removed: said, and its requirement is opened', async () => {
  requirements = other([business([])]);
  const words = await section().fixTarget(target, REJECTED_AT);
  assert.equal(words, 'The record Twilio refused is no longer on this profile. Add one under “Business Information” below.');
});

test('the record was replaced since the rejection: said, the one in use is opened', async () => {
  requirements = other([business([record('2026-06-01T00:00:00Z')])]);
  const words = await section().fixTarget(target, REJECTED_AT);
  assert.match(words, /^The record Twilio refused was replaced since: “Business Information” below shows the one this profile uses now\.$/);
});

test('the record Twilio refused is still there: opened, nothing to say', async () => {
  requirements = other([business([record('2026-04-01T00:00:00Z')])]);
  assert.equal(await section().fixTarget(target, REJECTED_AT), '');
});

test('the policy has no such requirement: said, with where to read more', async () => {
  requirements = other([]);
  assert.match(await section().fixTarget(target, REJECTED_AT), /^This profile has no requirement for the business name and website/);
});
