// The Texting area's words and plans, without the DOM (Node's tests run them): the tone of
// a status, each business's one next step and its button, the campaign form's fields with
// Twilio's limits, and what a change of a service's numbers will do.

/**
 * @typedef {import('../types/commands').BusinessView} BusinessView
 * @typedef {import('../types/commands').CampaignView} CampaignView
 * @typedef {import('../types/commands').NumberRef} NumberRef
 * @typedef {import('../types/commands').ServiceView} ServiceView
 * @typedef {'resubmit-brand' | 'create-campaign' | 'fix-campaign' | 'add-numbers' | 'none'} Act
 */

/** How a status looks: approved, waiting, or needing the person. @param {string} code Twilio's status, upper case */
export function tone(code) {
  if (code === 'APPROVED' || code === 'VERIFIED') return 'ok';
  if (code === 'FAILED' || code === 'SUSPENDED' || code === 'DELETION_FAILED') return 'bad';
  return 'waiting';
}

/**
 * The button of a business's next step, and the campaign it is about.
 * @param {BusinessView} b
 * @returns {{ act: Act, label: string, campaign: CampaignView | null }}
 */
export function nextAction(b) {
  /** @type {{ act: Act, label: string, campaign: CampaignView | null }} */
  const none = { act: 'none', label: '', campaign: null };
  switch (b.chain.nextStep) {
    case 'fix-brand':
      return b.canResubmit ? { act: 'resubmit-brand', label: 'Resubmit the brand…', campaign: null } : none;
    case 'create-campaign':
      return { act: 'create-campaign', label: 'Create a campaign…', campaign: null };
    case 'fix-campaign': {
      const failed = b.campaigns.find((c) => c.statusCode === 'FAILED') ?? null;
      if (!failed || failed.highRisk) return none;
      return { act: 'fix-campaign', label: 'Fix the campaign…', campaign: failed };
    }
    case 'add-numbers': {
      const empty = b.campaigns.find((c) => c.step.numbers.length === 0) ?? null;
      return { act: 'add-numbers', label: 'Add numbers…', campaign: empty };
    }
    default:
      return none;
  }
}

/** What a brand's resubmission costs and how many are left, said before it is sent. @param {number} left */
export function resubmitWords(left) {
  const rest = left === 1 ? 'this is the last one' : `${left} are left for this brand`;
  return `Twilio reviews the brand again and charges a fee for the review. It allows three resubmissions; ${rest}. Resubmit only after fixing what Twilio named in the Customer-Profile or the A2P Trust Product.`;
}

/**
 * The campaign form's fields, in order, with Twilio's limits (the same as
 * src-tauri/trusthub/messaging/campaign_form.rs, which checks them again).
 * `editable`: whether a fix may change it (Twilio fixes the others once the campaign is made).
 * @type {{ key: string, label: string, help: string, kind: 'text' | 'long' | 'samples' | 'keywords' | 'yes' | 'url', min?: number, max?: number, editable: boolean }[]}
 */
export const CAMPAIGN_FIELDS = [
  { key: 'description', label: 'What the texts are for', kind: 'long', min: 40, max: 4096, editable: true,
    help: 'Who sends them, to whom, and why: for example “Fabrikam sends order confirmations and delivery updates to customers who bought online.”' },
  { key: 'messageFlow', label: 'How people agree to get the texts', kind: 'long', min: 40, max: 2048, editable: true,
    help: 'Where and how they opt in, so that a reviewer can check it: a web page address, a paper form, a keyword they text. Say that the texts are optional.' },
  { key: 'messageSamples', label: 'Sample messages', kind: 'samples', min: 20, max: 1024, editable: true,
    help: 'Two to five texts exactly as they will be sent, with the business’s name. Put [brackets] around what changes from text to text.' },
  { key: 'hasEmbeddedLinks', label: 'Messages contain web links', kind: 'yes', editable: true, help: '' },
  { key: 'hasEmbeddedPhone', label: 'Messages contain phone numbers', kind: 'yes', editable: true, help: '' },
  { key: 'ageGated', label: 'The texts are about something for adults only (alcohol, tobacco, …)', kind: 'yes', editable: true, help: '' },
  { key: 'directLending', label: 'The texts are about lending money', kind: 'yes', editable: true, help: '' },
  { key: 'optInKeywords', label: 'Words people text to join (optional)', kind: 'keywords', editable: false,
    help: 'Separated by commas, for example START, JOIN. Needed when people join by texting a word.' },
  { key: 'optInMessage', label: 'Reply when someone joins', kind: 'long', min: 20, max: 320, editable: false,
    help: 'With the business’s name, how often texts come, that rates may apply, and how to stop (text STOP).' },
  { key: 'optOutKeywords', label: 'Words that stop the texts (optional)', kind: 'keywords', editable: false, help: 'STOP and the usual words work anyway; add your own here.' },
  { key: 'optOutMessage', label: 'Reply when someone stops (optional)', kind: 'long', min: 20, max: 320, editable: false, help: 'That no more texts will come.' },
  { key: 'helpKeywords', label: 'Words that ask for help (optional)', kind: 'keywords', editable: false, help: 'HELP works anyway; add your own here.' },
  { key: 'helpMessage', label: 'Reply when someone asks for help (optional)', kind: 'long', min: 20, max: 320, editable: false, help: 'The business’s name and how to reach it.' },
  { key: 'privacyPolicyUrl', label: 'Privacy policy page (optional)', kind: 'url', editable: true, help: 'Its public address, starting with https://.' },
  { key: 'termsAndConditionsUrl', label: 'Terms and conditions page (optional)', kind: 'url', editable: true, help: 'Its public address, starting with https://.' },
];

/** Twilio's use case codes that do not read well as words. */
const USECASE_WORDS = { '2FA': 'Two-factor authentication', K12_EDUCATION: 'K-12 education', SOLE_PROPRIETOR: 'Sole proprietor' };

/** A use case code (`ACCOUNT_NOTIFICATION`) in words: "Account notification". @param {string | null | undefined} code */
export function usecaseWords(code) {
  const c = String(code ?? '').trim();
  if (!c) return '';
  if (USECASE_WORDS[/** @type {keyof typeof USECASE_WORDS} */ (c)]) return USECASE_WORDS[/** @type {keyof typeof USECASE_WORDS} */ (c)];
  const words = c.toLowerCase().replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Keywords as typed ("START, join") to the list Twilio takes. @param {string} text */
export function splitKeywords(text) {
  return text.split(/[,\n]/).map((k) => k.trim()).filter(Boolean);
}

/** A number as the lists show it: its name when it has one of its own, then the number. @param {NumberRef} n */
export function numberLabel(n) {
  const name = (n.friendlyName ?? '').trim();
  return name && name !== n.phoneNumber ? `${n.phoneNumber} (${name})` : n.phoneNumber;
}

/**
 * What ticking `ticked` for `service` will change: the numbers to add, to remove, and the
 * sentences that say so, in number order.
 * @param {ServiceView} service
 * @param {NumberRef[]} numbers the account's
 * @param {Set<string>} ticked SIDs
 */
export function numbersPlan(service, numbers, ticked) {
  const inIt = new Set(service.numbers);
  const sorted = [...numbers].sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber));
  const add = sorted.filter((n) => ticked.has(n.sid) && !inIt.has(n.sid));
  const remove = sorted.filter((n) => !ticked.has(n.sid) && inIt.has(n.sid));
  const lines = [
    ...add.map((n) => `Add ${numberLabel(n)}: it can text US numbers once the campaign is approved.`),
    ...remove.map((n) => `Remove ${numberLabel(n)}: its texts to US numbers will be blocked by the carriers.`),
  ];
  return { add: add.map((n) => n.sid), remove: remove.map((n) => n.sid), lines };
}
