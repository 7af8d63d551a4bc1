// Turning API values into words a person reads.

export const DASH = '—';

export const STATUSES = [
  { value: 'draft', label: 'Draft', explain: 'Being prepared. You can change anything and submit it when ready.' },
  { value: 'pending-review', label: 'Pending review', explain: 'Submitted to Twilio for review. Choose this when the profile is complete.' },
  { value: 'in-review', label: 'In review', explain: 'Twilio is reviewing it. It cannot be changed until the review ends.' },
  { value: 'twilio-rejected', label: 'Rejected by Twilio', explain: 'Twilio found problems (listed under “Why Twilio rejected it”). Fix them and submit again.' },
  { value: 'twilio-approved', label: 'Approved by Twilio', explain: 'Approved. It cannot be changed.' },
];

export function statusInfo(value) {
  return STATUSES.find((s) => s.value === value) ?? { value, label: value ? `Unknown (${value})` : DASH, explain: '' };
}

/** What each rejection code in a profile's `errors` means. */
export const REJECTION_REASONS = {
  18601: 'The business name and website could not be verified as belonging together.',
  18602: 'The business registration ID could not be verified.',
  18603: 'The business address could not be verified.',
  18604: 'Authorized representative 1 could not be verified.',
  18605: 'Authorized representative 2 could not be verified.',
  18606: 'The e-mail domain does not match the website domain.',
  18607: 'The profile is not eligible to be copied.',
  18608: 'The profile has already been copied.',
  18609: 'The business registration authority is not eligible.',
};

export function rejectionMeaning(code) {
  return REJECTION_REASONS[code] ?? 'Twilio gave no description for this code; see Twilio’s error reference.';
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO 8601 date from the API in the person's local time, or a dash. */
export function localDate(iso) {
  if (!iso) return DASH;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

export function text(value) {
  return value === null || value === undefined || value === '' ? DASH : String(value);
}

/** What kind of object a SID is, from its two-letter prefix. */
export function sidKind(sid) {
  const kinds = {
    IT: 'End user', RD: 'Supporting document', BU: 'Profile or trust product',
    PN: 'Phone number', EL: 'Evaluation', RN: 'Policy',
  };
  return kinds[String(sid ?? '').slice(0, 2)] ?? 'Other';
}

/** Creates an element: h('p', { class: 'x' }, 'text', child). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
