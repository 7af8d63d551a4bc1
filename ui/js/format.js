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

// Characters that are not shown but change how text around them is shown or read:
// controls, direction overrides and marks, zero-width and other format characters,
// line and paragraph separators. The zero-width joiner (U+200D) is left alone: it only
// joins emoji and letters, and marking it would break them apart.
const INVISIBLE = /(?!\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

const INVISIBLE_NAMES = {
  0x09: 'tab', 0x0a: 'line break', 0x0d: 'carriage return', 0xad: 'soft hyphen',
  0x061c: 'Arabic letter mark', 0x200b: 'zero-width space', 0x200c: 'zero-width non-joiner',
  0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'end of direction change',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate', 0x2067: 'right-to-left isolate', 0x2068: 'first-strong isolate',
  0x2069: 'end of isolate', 0xfeff: 'zero-width no-break space',
};

/** "U+202E right-to-left override" for one invisible character. */
export function invisibleName(ch) {
  const cp = ch.codePointAt(0);
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${code} ${INVISIBLE_NAMES[cp] ?? 'invisible character'}`;
}

/** The invisible characters in `value`, in order. */
export function invisibleChars(value) {
  return String(value ?? '').match(INVISIBLE) ?? [];
}

/**
 * Text that came from a server (or from anyone but the person), made safe to show:
 * isolated for direction so it cannot reorder what follows it, invisible characters
 * shown as visible marks rather than obeyed, and, past `max` characters, shortened with
 * the whole value one click away (unless `expandable` is false, e.g. inside a button).
 */
export function userText(value, options = {}) {
  if (value === null || value === undefined || value === '') return document.createTextNode(DASH);
  const holder = document.createElement('bdi');
  fillUserText(holder, value, options);
  return holder;
}

/** The same, written into an element that already exists (a reused row's cell). */
export function fillUserText(holder, value, { max = 400, expandable = true } = {}) {
  holder.classList.add('user-text');
  if (value === null || value === undefined || value === '') {
    holder.textContent = DASH;
    return;
  }
  const all = String(value);
  const chars = [...all];
  const long = chars.length > max;
  const render = (whole) => {
    const shown = whole || !long ? all : chars.slice(0, max).join('');
    const parts = marked(shown);
    if (parts.length === 1 && parts[0].nodeType === Node.TEXT_NODE && !long) {
      holder.textContent = shown; // the common case: plain text, no new nodes kept
      return;
    }
    holder.replaceChildren(...parts);
    if (!long) return;
    holder.append(whole ? '' : '…');
    if (!expandable) return;
    const toggle = document.createElement('button');
    toggle.type = 'button';
    toggle.className = 'link-button show-all';
    toggle.textContent = whole ? 'Show less' : `Show all (${chars.length.toLocaleString()} characters)`;
    toggle.addEventListener('click', () => render(!whole));
    holder.append(' ', toggle);
  };
  render(false);
}

/** Text nodes, with each invisible character replaced by a visible, labelled mark. */
function marked(value) {
  const out = [];
  let last = 0;
  for (const m of value.matchAll(INVISIBLE)) {
    if (m.index > last) out.push(document.createTextNode(value.slice(last, m.index)));
    const name = invisibleName(m[0]);
    const mark = document.createElement('span');
    mark.className = 'invisible-char';
    mark.title = name;
    mark.setAttribute('role', 'img');
    mark.setAttribute('aria-label', name);
    mark.textContent = name.split(' ')[0];
    out.push(mark);
    last = m.index + m[0].length;
  }
  if (last < value.length) out.push(document.createTextNode(value.slice(last)));
  return out;
}

/** Plain text with invisible characters written out, for places that take text only. */
export function plainUserText(value, max = 120) {
  const chars = [...String(value ?? '')];
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
  return shown.replace(INVISIBLE, (c) => `[${invisibleName(c).split(' ')[0]}]`);
}

/** What kind of object a SID is, from its two-letter prefix. */
export function sidKind(sid) {
  const kinds = {
    IT: 'End user', RD: 'Supporting document', BU: 'Profile or Trust Product',
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
