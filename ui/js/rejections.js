// Why Twilio's reviewers rejected a Customer-Profile or Trust Product, in words a person
// can act on: each code Twilio documents for rejections (its error pages 18601–18609) with
// the cause, what to change, and which record and fields it is about, so the window can
// open them. A code not here still shows Twilio's own words and its page. No DOM here.

/**
 * @typedef {import('../types/commands').RejectionReason} RejectionReason
 * @typedef {object} Target the record a reason is about, and its fields, by Twilio's names
 * @property {string[]} types the record types (a block accepts one of them)
 * @property {string[]} fields the fields to look at, the first one focused
 * @property {string} label what the button opens, in words ("the business name and website")
 * @typedef {object} Rejection
 * @property {number | null} code
 * @property {string} title what Twilio found, in a line
 * @property {string} cause why, in plain words
 * @property {string} change what to change before submitting again
 * @property {Target | null} target the record and fields to fix, when there is one
 * @property {string | null} moreInfo Twilio's page about the code
 * @property {boolean} known whether the app knows the code (else the words are Twilio's)
 */

const BUSINESS = 'customer_profile_business_information';
const REP_1 = 'authorized_representative_1';
const REP_2 = 'authorized_representative_2';
const ADDRESS = 'customer_profile_address';
const REP_FIELDS = ['first_name', 'last_name', 'email', 'phone_number', 'business_title', 'job_position'];

/** @type {Record<number, Omit<Rejection, 'code' | 'moreInfo' | 'known'>>} */
export const REJECTIONS = {
  18601: {
    title: 'Twilio could not match the business name with the website.',
    cause: 'Twilio’s reviewers could not tell that the website belongs to the business with this name.',
    change: 'Enter the business name exactly as on its registration papers, and the business’s own website: one that shows that name. Then submit again.',
    target: { types: [BUSINESS], fields: ['business_name', 'website_url'], label: 'the business name and website' },
  },
  18602: {
    title: 'Twilio could not verify the business registration number.',
    cause: 'The registration number, or the kind of number given, did not match public records for this business.',
    change: 'Check the number and its kind against the papers the registering authority issued (in the US, the EIN letter). The business name must be the one on the same papers.',
    target: { types: [BUSINESS], fields: ['business_registration_number', 'business_registration_identifier'], label: 'the registration number' },
  },
  18603: {
    title: 'Twilio could not verify the business address.',
    cause: 'The address did not match an address where this business is registered or operates.',
    change: 'Enter the business’s address exactly as it is registered: street and number, city, postal code and country, and not a P.O. box.',
    target: { types: [ADDRESS], fields: ['address_sids'], label: 'the business address' },
  },
  18604: {
    title: 'Twilio could not verify authorized representative 1.',
    cause: 'Twilio could not confirm who this person is, or that they work for the business.',
    change: 'Name a real person of the business, with their full name, their own work e-mail on the business’s website domain, and their direct phone number.',
    target: { types: [REP_1], fields: REP_FIELDS, label: 'authorized representative 1' },
  },
  18605: {
    title: 'Twilio could not verify authorized representative 2.',
    cause: 'Twilio could not confirm who this person is, or that they work for the business.',
    change: 'Name a real person of the business, with their full name, their own work e-mail on the business’s website domain, and their direct phone number.',
    target: { types: [REP_2], fields: REP_FIELDS, label: 'authorized representative 2' },
  },
  18606: {
    title: 'The e-mail domain does not match the website’s domain.',
    cause: 'The e-mail addresses given are on another domain than the business’s website, or on a free e-mail service.',
    change: 'Use e-mail addresses on the website’s domain: for www.example.com, name@example.com. Or, if the website is not the business’s own, give the one that is.',
    target: { types: [REP_1], fields: ['email'], label: 'the representative’s e-mail' },
  },
  18607: {
    title: 'This profile cannot be copied.',
    cause: 'It was made as a copy of a profile that Twilio does not allow to be copied.',
    change: 'Start a new profile instead of a copy, with the same details.',
    target: null,
  },
  18608: {
    title: 'This profile was already copied.',
    cause: 'Twilio already holds a copy of the same profile.',
    change: 'Use the copy that exists, or delete one of the two and submit the other.',
    target: null,
  },
  18609: {
    title: 'Twilio does not accept the business registration authority.',
    cause: 'The kind of registration number given is not one issued by an authority Twilio accepts for this country.',
    change: 'Choose the kind of number a national authority of the business’s country issued (in the US, an EIN), and enter that number.',
    target: { types: [BUSINESS], fields: ['business_registration_identifier', 'business_registration_number'], label: 'the registration number' },
  },
};

/** Twilio's page about an error code. */
export function errorPage(/** @type {number} */ code) {
  return `https://www.twilio.com/docs/api/errors/${code}`;
}

/**
 * A reason Twilio gave, in words: the app's own for a code it knows, else Twilio's words
 * (or a sentence saying there were none) and Twilio's page, never nothing.
 * @param {RejectionReason} reason
 * @returns {Rejection}
 */
export function rejectionOf(reason) {
  const code = typeof reason.code === 'number' && Number.isFinite(reason.code) ? reason.code : null;
  const known = code === null ? undefined : REJECTIONS[code];
  if (known) return { code, ...known, moreInfo: errorPage(code), known: true };
  const said = reason.message?.trim();
  return {
    code,
    title: said || 'Twilio rejected it for a reason it did not describe.',
    cause: said ? 'These are Twilio’s own words.' : 'Twilio’s page about the error number says more.',
    change: 'Read Twilio’s page about it, change what it names, then submit again. If it is unclear, Twilio’s support (trusthub-verify@twilio.com) can say more.',
    target: null,
    moreInfo: code === null ? null : errorPage(code),
    known: false,
  };
}

/**
 * Every reason of a profile, in the order Twilio gave them, each code once.
 * @param {RejectionReason[] | null | undefined} errors
 */
export function rejectionsOf(errors) {
  const seen = new Set();
  return (errors ?? []).filter((e) => {
    const key = `${e.code}:${e.message ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  }).map(rejectionOf);
}
