// What the app checks of what a person types, before anything is sent: the rules of
// src-tauri/trusthub/validate.rs, here for feedback while typing. Both sides are held to
// the same cases (tests/checks/cases.json). No DOM here: Node's test runner runs it.

/** The longest e-mail address Twilio stores. */
export const EMAIL_MAX = 254;
/** The longest name of an end user or document Twilio keeps. */
export const OBJECT_NAME_MAX = 200;

/** @param {string} value */
const hasControl = (value) => /[\p{Cc}\s]/u.test(value);

/** A plausible e-mail address: one at sign, something before it, a dotted domain after it. */
export function isEmail(/** @type {unknown} */ input) {
  const value = String(input ?? '').trim();
  if (value.length > EMAIL_MAX || hasControl(value)) return false;
  const at = value.indexOf('@');
  if (at <= 0) return false;
  const domain = value.slice(at + 1);
  return !domain.includes('@') && domain.includes('.') && !domain.startsWith('.')
    && !domain.endsWith('.') && !domain.includes('..');
}

/** A full web address: http or https, with a host that has a dot in it (not first). */
export function isWebAddress(/** @type {unknown} */ input) {
  try {
    const u = new URL(String(input ?? '').trim());
    return ['http:', 'https:'].includes(u.protocol) && u.hostname.includes('.') && !u.hostname.startsWith('.');
  } catch {
    return false;
  }
}

/** An absolute http(s) address with any host: what a status-change web address may be. */
export function isCallbackAddress(/** @type {unknown} */ input) {
  try {
    const u = new URL(String(input ?? '').trim());
    return ['http:', 'https:'].includes(u.protocol) && Boolean(u.hostname);
  } catch {
    return false;
  }
}

/**
 * A phone number as typed, in international form (+, the country code, the number, at most
 * 15 digits; spaces, dots, dashes and brackets taken out), or null when it is not one.
 * @param {unknown} input
 * @returns {string | null}
 */
export function internationalPhone(input) {
  const compact = String(input ?? '').replace(/[ \-.()\u00a0]/g, '');
  return /^\+[1-9]\d{1,14}$/.test(compact) ? compact : null;
}

/**
 * The lines of a field entered one per line (or separated by commas).
 * @param {unknown} value
 * @returns {string[]}
 */
export function lines(value) {
  return String(value ?? '').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}

/** How many characters a person sees in `value` (an emoji counts once). */
export function length(/** @type {unknown} */ value) {
  return [...String(value ?? '')].length;
}

/**
 * The words and rules of one field, as the Rust side describes it (`FieldSpec`).
 * @typedef {object} CheckSpec
 * @property {string} label
 * @property {string} [kind] text, email, url, url-lines, phone, caller-name, choice, choices
 * @property {boolean} [optional]
 * @property {number} [maxLength]
 * @property {{ value: string }[] | null} [choices]
 */

/**
 * What is wrong with `value` for `spec`, in words, or ''.
 * @param {CheckSpec} spec
 * @param {unknown} value
 */
export function checkField(spec, value) {
  const label = spec.label;
  const empty = Array.isArray(value) ? value.length === 0 : !String(value ?? '').trim();
  if (empty) return spec.optional ? '' : `Enter the ${label}; Twilio needs it.`;
  if (spec.maxLength && !Array.isArray(value) && length(String(value).trim()) > spec.maxLength) {
    return `The ${label} is longer than Twilio keeps (${spec.maxLength.toLocaleString()} characters).`;
  }
  switch (spec.kind) {
    case 'email': return isEmail(value) ? '' : 'Enter an e-mail address such as name@example.com.';
    case 'url': return isWebAddress(value) ? '' : 'Enter a full web address, such as https://www.example.com.';
    case 'caller-name': return callerNameProblem(value);
    case 'phone': return internationalPhone(value) ? '' : 'Enter the number in international format (+1 …): a + and the country code first, such as +1 415 555 0100.';
    case 'choice': return (spec.choices ?? []).some((c) => c.value === value) ? '' : `Choose the ${label} from the list.`;
    case 'url-lines': {
      const bad = lines(value).find((u) => !isWebAddress(u));
      return bad ? `“${bad}” is not a full web address, such as https://www.example.com.` : '';
    }
    default: return '';
  }
}

/**
 * Why Twilio would refuse a caller name (CNAM), or '': at most 15 characters, starting with
 * a letter; letters, digits, periods, commas and spaces only.
 * @param {unknown} input
 */
export function callerNameProblem(input) {
  const v = String(input ?? '').trim();
  if (!v) return 'Enter the name people should see when you call, up to 15 characters.';
  if (length(v) > 15) return 'Callers see at most 15 characters: shorten the name.';
  if (!/^[A-Za-z]/.test(v)) return 'The name must start with a letter.';
  if (!/^[A-Za-z0-9., ]+$/.test(v)) return 'Use only letters, digits, periods, commas and spaces.';
  return '';
}

/** What is wrong with the name a person gives a record in their account, or ''. */
export function checkObjectName(/** @type {string} */ value) {
  const trimmed = value.trim();
  if (!trimmed) return 'Enter a name for this, so you can tell it apart from others.';
  if (length(trimmed) > OBJECT_NAME_MAX) return `The name is longer than Twilio keeps (${OBJECT_NAME_MAX} characters).`;
  return '';
}

/**
 * The checks of a profile's own fields, by the key the edit form uses; '' when valid.
 * @type {Record<'friendlyName' | 'email' | 'statusCallback', (value: string) => string>}
 */
export const PROFILE_CHECKS = {
  friendlyName: (v) => (v.trim() ? '' : 'Enter a name for this profile.'),
  email: (v) => (isEmail(v) ? '' : 'Enter an e-mail address such as name@example.com.'),
  statusCallback: (v) => (isCallbackAddress(v) ? '' : 'Enter a full web address that starts with https:// (or http://).'),
};
