// Toll-free verification and voice numbers in plain words: Twilio's category, opt-in and
// business codes as a person reads them, and a choice of voice numbers as the steps the
// app will take. No DOM here: the views use it and the unit tests check it.

/** Twilio's use-case categories, in the person's words. */
export const CATEGORIES = /** @type {const} */ ([
  ['ACCOUNT_NOTIFICATIONS', 'Account notices (changes, reminders)'],
  ['CUSTOMER_CARE', 'Customer care (answers, support)'],
  ['DELIVERY_NOTIFICATIONS', 'Orders and deliveries'],
  ['TWO_FACTOR_AUTHENTICATION', 'Sign-in codes'],
  ['FRAUD_ALERT_MESSAGING', 'Fraud alerts'],
  ['SECURITY_ALERT', 'Security alerts'],
  ['MARKETING', 'Marketing and offers'],
  ['EVENTS', 'Events'],
  ['CHARITY_NONPROFIT', 'Charity or non-profit'],
  ['HIGHER_EDUCATION', 'College or university'],
  ['K12', 'School (K–12)'],
  ['POLLING_AND_VOTING_NON_POLITICAL', 'Polls and votes (not political)'],
  ['POLITICAL_ELECTION_CAMPAIGNS', 'Political or election campaigns'],
  ['PUBLIC_SERVICE_ANNOUNCEMENT', 'Public service announcements'],
]);

/** How people agree to get the texts. */
export const OPT_IN_TYPES = /** @type {const} */ ([
  ['WEB_FORM', 'On a web page form'],
  ['VIA_TEXT', 'By texting a keyword'],
  ['VERBAL', 'Out loud (phone or in person)'],
  ['PAPER_FORM', 'On a paper form'],
  ['MOBILE_QR_CODE', 'By scanning a QR code'],
  ['IMPORT', 'Imported from another list they agreed to'],
]);

export const VOLUMES = ['10', '100', '1,000', '10,000', '100,000', '250,000', '500,000', '750,000', '1,000,000', '5,000,000', '10,000,000+'];

export const BUSINESS_TYPES = /** @type {const} */ ([
  ['PRIVATE_PROFIT', 'Private company'],
  ['PUBLIC_PROFIT', 'Publicly traded company'],
  ['NON_PROFIT', 'Non-profit'],
  ['GOVERNMENT', 'Government'],
  ['SOLE_PROPRIETOR', 'Sole proprietor (no registration number)'],
]);

export const AUTHORITIES = ['EIN', 'CBN', 'CRN', 'PROVINCIAL_NUMBER', 'VAT', 'ACN', 'ABN', 'BRN', 'SIREN', 'SIRET', 'NZBN', 'USt-IdNr', 'CIF', 'NIF', 'CNPJ', 'UID', 'NEQ', 'OTHER'];

/** The badge tone of a toll-free status. @param {string} code */
export function tollfreeTone(code) {
  if (code === 'TWILIO_APPROVED') return 'ok';
  if (code === 'TWILIO_REJECTED') return 'bad';
  return 'waiting';
}

/**
 * The button a toll-free number offers, by what is next for it.
 * @param {import('../types/commands').TollfreeNext} next
 * @returns {string | null}
 */
export function tollfreeAction(next) {
  switch (next) {
    case 'verify': return 'Verify this number…';
    case 'edit': return 'Edit and send again…';
    case 'start-again': return 'Delete and start again…';
    default: return null;
  }
}

/**
 * @typedef {{ sid: string, phoneNumber: string, friendlyName: string | null, onProfile: boolean, onProduct: boolean }} VoiceNumberLike
 */

/** A number as a person reads it. @param {VoiceNumberLike} n */
export function voiceLabel(n) {
  return n.friendlyName && n.friendlyName !== n.phoneNumber ? `${n.phoneNumber} (${n.friendlyName})` : n.phoneNumber;
}

/**
 * The steps the app will take for the numbers chosen, in words, in Twilio's order: a
 * number not on the business's profile goes there first. Numbers already on the product
 * are left alone.
 * @param {VoiceNumberLike[]} numbers
 * @param {Set<string>} chosen
 * @param {string} profileName
 * @param {string} productName
 * @returns {{ lines: string[], steps: number, toProfile: number }}
 */
export function voicePlan(numbers, chosen, profileName, productName) {
  const lines = [];
  let steps = 0;
  let toProfile = 0;
  for (const n of numbers) {
    if (!chosen.has(n.sid) || n.onProduct) continue;
    if (n.onProfile) {
      lines.push(`${voiceLabel(n)}: onto “${productName}”`);
      steps += 1;
    } else {
      lines.push(`${voiceLabel(n)}: first onto the Customer-Profile “${profileName}”, then onto “${productName}”`);
      steps += 2;
      toProfile += 1;
    }
  }
  return { lines, steps, toProfile };
}
