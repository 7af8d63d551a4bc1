// The Texting area's words and plans: a status's tone, each business's next step and its
// button, the keywords as typed, and what a change of a service's numbers will do; and the
// campaign form drawn, filled, read back and showing problems beside their fields.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readable, RAW_KEY, document } from './dom.mjs';

const { tone, nextAction, resubmitWords, splitKeywords, numbersPlan, numberLabel, CAMPAIGN_FIELDS } = await import('../../ui/js/texting-words.js');
const { campaignFields } = await import('../../ui/js/views/campaign-fields.js');

const campaign = (statusCode, numbers = [], highRisk = false) => ({
  step: { campaignSid: `QE${statusCode}`, serviceSid: 'MG1', serviceName: 'S', status: '', usecase: 'MIXED', numbers },
  statusCode, reasons: [], highRisk,
});
const business = (nextStep, extra = {}) => ({
  chain: { brandSid: 'BN1', customerProfileSid: 'BU1', a2pTrustProductSid: 'BU2', brandStatus: '', campaigns: [], nextStep, nextStepWords: '' },
  name: 'Fabrikam', a2pName: null, statusCode: 'APPROVED', kind: 'Standard', identity: 'Verified', score: 80, reasons: [],
  resubmissionsLeft: 3, canResubmit: false, soleProprietor: false, mock: false, campaigns: [], ...extra,
});

test('a status looks approved, waiting or needing the person', () => {
  assert.deepEqual(['APPROVED', 'VERIFIED', 'FAILED', 'SUSPENDED', 'PENDING', 'IN_PROGRESS', ''].map(tone),
    ['ok', 'ok', 'bad', 'bad', 'waiting', 'waiting', 'waiting']);
});

test('each next step has its button, and the campaign it is about', () => {
  assert.equal(nextAction(business('create-campaign')).label, 'Create a campaign…');
  assert.equal(nextAction(business('wait-for-brand')).act, 'none');
  assert.equal(nextAction(business('fix-brand', { canResubmit: true })).act, 'resubmit-brand');
  assert.equal(nextAction(business('fix-brand', { canResubmit: false })).act, 'none', 'no resubmission left');
  const failed = campaign('FAILED');
  const fix = nextAction(business('fix-campaign', { campaigns: [campaign('VERIFIED', ['+1']), failed] }));
  assert.deepEqual([fix.act, fix.label, fix.campaign], ['fix-campaign', 'Fix the campaign…', failed]);
  assert.equal(nextAction(business('fix-campaign', { campaigns: [campaign('FAILED', [], true)] })).act, 'none', 'a high-risk campaign cannot be resubmitted');
  const empty = campaign('VERIFIED');
  const add = nextAction(business('add-numbers', { campaigns: [campaign('VERIFIED', ['+1']), empty] }));
  assert.deepEqual([add.act, add.campaign], ['add-numbers', empty]);
  assert.equal(nextAction(business('ready')).act, 'none');
});

test('a resubmission says its fee and the count left', () => {
  assert.match(resubmitWords(2), /charges a fee for the review\. It allows three resubmissions; 2 are left for this brand\./);
  assert.match(resubmitWords(1), /this is the last one\./);
});

test('keywords as typed become Twilio’s list', () => {
  assert.deepEqual(splitKeywords(' START, join ,,\nGO '), ['START', 'join', 'GO']);
  assert.deepEqual(splitKeywords(''), []);
});

test('a change of numbers says what it adds and removes, in number order', () => {
  const numbers = [
    { sid: 'PN3', phoneNumber: '+14155550103', friendlyName: 'Shop', serviceSid: null },
    { sid: 'PN1', phoneNumber: '+14155550101', friendlyName: '+14155550101', serviceSid: 'MG1' },
    { sid: 'PN2', phoneNumber: '+14155550102', friendlyName: null, serviceSid: 'MG1' },
  ];
  const service = { sid: 'MG1', name: 'S', campaignSid: 'QE1', brandSid: 'BN1', numbers: ['PN1', 'PN2'] };
  const plan = numbersPlan(service, numbers, new Set(['PN1', 'PN3']));
  assert.deepEqual([plan.add, plan.remove], [['PN3'], ['PN2']]);
  assert.deepEqual(plan.lines, [
    'Add +14155550103 (Shop): it can text US numbers once the campaign is approved.',
    'Remove +14155550102: its texts to US numbers will be blocked by the carriers.',
  ]);
  assert.deepEqual(numbersPlan(service, numbers, new Set(['PN1', 'PN2'])).lines, [], 'nothing ticked differently: nothing to do');
  assert.equal(numberLabel(numbers[1]), '+14155550101', 'a name that is the number is not said twice');
});

test('the campaign form is drawn in words, read back as sent, and shows problems beside their fields', () => {
  const usecases = [{ code: 'MIXED', name: 'Mixed', description: 'Several kinds of messages.', post_approval_required: false }];
  const f = campaignFields({ usecases });
  document.body.replaceChildren(f.element);
  const text = readable(f.element);
  assert.doesNotMatch(text, RAW_KEY);
  assert.doesNotMatch(text, /\bMESSAGE_FLOW\b|\bMIXED\b/, 'Twilio’s codes are not shown');
  assert.equal(f.element.querySelectorAll('textarea[id^="campaign-messageSamples-"]').length, 5);
  const input = {
    brandSid: 'BN1', usecase: 'MIXED', description: 'd', messageFlow: 'f', messageSamples: ['one', 'two'],
    hasEmbeddedLinks: true, hasEmbeddedPhone: false, optInMessage: 'in', optOutMessage: '', helpMessage: '',
    optInKeywords: ['START', 'JOIN'], optOutKeywords: [], helpKeywords: [], ageGated: false, directLending: true,
    privacyPolicyUrl: 'https://example.com/p', termsAndConditionsUrl: '',
  };
  f.fill(input);
  assert.equal(document.getElementById('campaign-usecase-help').textContent, 'Several kinds of messages.');
  assert.deepEqual(f.read('BN1'), input);
  f.lock(true);
  assert.equal(document.getElementById('campaign-optInMessage').disabled, true, 'Twilio fixes the replies once made');
  assert.equal(document.getElementById('campaign-description').disabled, false);
  const marked = f.show([{ field: 'messageSamples.1', message: 'Sample 2 contains a web link.' }],
    [{ code: 30909, words: 'Twilio could not verify how people opt in.', twilioWords: null, moreInfo: null, fields: ['messageFlow'] }]);
  assert.equal(marked, 2);
  assert.equal(document.getElementById('campaign-messageSamples-error').textContent, 'Sample 2 contains a web link.');
  assert.equal(document.getElementById('campaign-messageFlow-error').textContent, 'Twilio: Twilio could not verify how people opt in.');
  assert.equal(document.getElementById('campaign-messageFlow').getAttribute('aria-invalid'), 'true');
  f.show([]);
  assert.equal(document.getElementById('campaign-messageFlow-error').textContent, '', 'cleared when fixed');
});

test('every field has words and the limits Twilio sets', () => {
  for (const field of CAMPAIGN_FIELDS) {
    assert.ok(field.label.length > 5, field.key);
    assert.doesNotMatch(field.label + field.help, RAW_KEY, field.key);
  }
  const limits = Object.fromEntries(CAMPAIGN_FIELDS.filter((x) => x.max).map((x) => [x.key, [x.min, x.max]]));
  assert.deepEqual(limits.description, [40, 4096]);
  assert.deepEqual(limits.messageFlow, [40, 2048]);
  assert.deepEqual(limits.messageSamples, [20, 1024]);
  assert.deepEqual(limits.optInMessage, [20, 320]);
});

test('a use case code reads as words', async () => {
  const { usecaseWords } = await import('../../ui/js/texting-words.js');
  assert.deepEqual(['ACCOUNT_NOTIFICATION', '2FA', 'MIXED', '', null].map(usecaseWords),
    ['Account notification', 'Two-factor authentication', 'Mixed', '', '']);
});

test('the Overview’s texting lines: the person’s work first, then Twilio’s reviews, then the rest', async () => {
  const { orderTexting } = await import('../../ui/js/views/overview-texting.js');
  const line = (accountSid, rank, error = null) => ({ accountSid, rank, error, brands: 0, brandsApproved: 0, campaigns: 0, campaignsApproved: 0, numbersNotTexting: 0, attention: null });
  const names = new Map([['A', 'Zeta'], ['B', 'Alpha'], ['C', 'Mid'], ['D', 'Beta'], ['E', 'Aa'], ['F', 'Zz']]);
  const order = orderTexting([line('A', 1), line('B', 6), line('C', 0, 'cannot be read'), line('D', 1), line('E', 4), line('F', 5)], names).map((l) => l.accountSid);
  assert.deepEqual(order, ['D', 'A', 'E', 'C', 'F', 'B'], 'a fix before numbers; an unread account with the reviews');
});

test('a reason of Twilio’s: words first, Twilio’s own words, the number small, its page one click away', async () => {
  const { reasonLine } = await import('../../ui/js/views/campaign-fields.js');
  const known = reasonLine({ code: 30909, words: 'Twilio could not verify how people opt in.', twilioWords: 'CTA not verifiable', moreInfo: 'https://www.twilio.com/docs/api/errors/30909', fields: ['messageFlow'] });
  assert.equal(readable(known), 'Twilio could not verify how people opt in. Twilio said: “CTA not verifiable” Error 30909 More about this error');
  const bare = reasonLine({ code: null, words: 'Twilio gave no code for this. Its explanation is below.', twilioWords: null, moreInfo: null, fields: [] });
  assert.equal(bare.querySelector('button'), null, 'no page: no button');
  assert.doesNotMatch(readable(known), RAW_KEY);
});
