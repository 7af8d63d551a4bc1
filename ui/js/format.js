// Turning API values into words a person reads, and text from a server into nodes that
// show it as it is (never as markup): userText() and h(). Nothing here runs at import but
// plain JavaScript, so Node's test runner can test it.

export const DASH = '—';

/**
 * @typedef {{ value: string, label: string, explain: string }} StatusInfo
 * @typedef {Node | string | number | boolean | null | undefined | ChildList} Child what h() takes as a child
 * @typedef {Child[]} ChildList
 */

/** @type {StatusInfo[]} */
export const STATUSES = [
  { value: 'draft', label: 'Draft', explain: 'Being prepared. You can change anything and submit it when ready.' },
  { value: 'pending-review', label: 'Pending review', explain: 'Submitted: Twilio will start reviewing it soon. It cannot be changed until the review ends.' },
  { value: 'in-review', label: 'In review', explain: 'Twilio is reviewing it. It cannot be changed until the review ends.' },
  { value: 'twilio-rejected', label: 'Rejected by Twilio', explain: 'Twilio’s reviewers found problems, named above.' },
  { value: 'twilio-approved', label: 'Approved by Twilio', explain: 'Approved. It cannot be changed.' },
];

/** A profile status in words, an unknown one shown as it is. @param {string | null | undefined} value @returns {StatusInfo} */
export function statusInfo(value) {
  return STATUSES.find((s) => s.value === value) ?? { value, label: value ? `Unknown (${value})` : DASH, explain: '' };
}

/**
 * Twilio's own names (of policies, requirements, fields) in the app's words: the one
 * spelling of "Customer-Profile" (docs/GLOSSARY.md).
 * @param {string} name
 */
export function twilioWords(name) {
  return name.replace(/\bcustomer[ _]profile(s?)\b/gi, (_, s) => `Customer-Profile${s}`);
}

/**
 * Words for a machine name Twilio gave without a friendly one ("business_name" →
 * "Business name"), so no raw key reaches the screen.
 * @param {string} key
 */
export function keyWords(key) {
  const spaced = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_.-]+/g, ' ').trim().toLowerCase();
  if (!spaced) return key;
  return twilioWords(spaced.charAt(0).toUpperCase() + spaced.slice(1));
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** An ISO 8601 date from the API in the person's local time, or a dash. @param {string | null | undefined} iso */
export function localDate(iso) {
  if (!iso) return DASH;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateFormat.format(d);
}

/**
 * A number as the person's language writes it, digits grouped: 12,345.
 * @param {number} n
 */
export function number(n) {
  return numberFormat.format(n);
}

// Made once: `toLocaleString` makes a formatter each call, which thousands of rows feel.
const numberFormat = new Intl.NumberFormat();

/**
 * A count with its noun: "1 account", "12,345 accounts".
 * @param {number} n
 * @param {string} one
 * @param {string} [many] the plural, when it is not `one` with an s
 */
export function count(n, one, many = `${one}s`) {
  return `${number(n)} ${n === 1 ? one : many}`;
}

/** A value as text, or a dash when there is none. */
export function text(/** @type {unknown} */ value) {
  return value === null || value === undefined || value === '' ? DASH : String(value);
}

// Characters that are not shown but change how text around them is shown or read:
// controls, direction overrides and marks, zero-width and other format characters,
// line and paragraph separators. The zero-width joiner (U+200D) is left alone: it only
// joins emoji and letters, and marking it would break them apart.
const INVISIBLE = /(?!\u200d)[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu;

/** @type {Record<number, string>} */
const INVISIBLE_NAMES = {
  0x09: 'tab', 0x0a: 'line break', 0x0d: 'carriage return', 0xad: 'soft hyphen',
  0x061c: 'Arabic letter mark', 0x200b: 'zero-width space', 0x200c: 'zero-width non-joiner',
  0x200e: 'left-to-right mark', 0x200f: 'right-to-left mark',
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'end of direction change',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate', 0x2067: 'right-to-left isolate', 0x2068: 'first-strong isolate',
  0x2069: 'end of isolate', 0xfeff: 'zero-width no-break space',
};

/** "U+202E right-to-left override" for one invisible character. @param {string} ch */
export function invisibleName(ch) {
  const cp = ch.codePointAt(0);
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `${code} ${INVISIBLE_NAMES[cp] ?? 'invisible character'}`;
}

/**
 * The invisible characters in `value`, in order.
 * @param {unknown} value
 * @returns {string[]}
 */
export function invisibleChars(value) {
  return String(value ?? '').match(INVISIBLE) ?? [];
}

/** `value` without its invisible characters (what "Remove them" leaves). */
export function withoutInvisible(/** @type {string} */ value) {
  return value.replace(INVISIBLE, '');
}

/**
 * @typedef {{ max?: number, expandable?: boolean }} UserTextOptions
 */

/**
 * Text that came from a server (or from anyone but the person), made safe to show:
 * isolated for direction so it cannot reorder what follows it, invisible characters
 * shown as visible marks rather than obeyed, and, past `max` characters, shortened with
 * the whole value one click away (unless `expandable` is false, e.g. inside a button).
 * @param {unknown} value
 * @param {UserTextOptions} [options]
 * @returns {Node}
 */
export function userText(value, options = {}) {
  if (value === null || value === undefined || value === '') return document.createTextNode(DASH);
  const holder = document.createElement('bdi');
  fillUserText(holder, value, options);
  return holder;
}

/**
 * The same, written into an element that already exists (a reused row's cell).
 * @param {HTMLElement} holder
 * @param {unknown} value
 * @param {UserTextOptions} [options]
 */
export function fillUserText(holder, value, { max = 400, expandable = true } = {}) {
  holder.classList.add('user-text');
  if (value === null || value === undefined || value === '') {
    holder.textContent = DASH;
    return;
  }
  const all = String(value);
  const chars = [...all];
  const long = chars.length > max;
  const render = (/** @type {boolean} */ whole) => {
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

/** Text nodes, with each invisible character replaced by a visible, labelled mark. @param {string} value */
function marked(value) {
  /** @type {Node[]} */
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

/** Plain text with invisible characters written out, for places that take text only. @param {unknown} value */
export function plainUserText(value, max = 120) {
  const chars = [...String(value ?? '')];
  const shown = chars.length > max ? `${chars.slice(0, max).join('')}…` : chars.join('');
  return shown.replace(INVISIBLE, (c) => `[${invisibleName(c).split(' ')[0]}]`);
}

/** What kind of object a SID is, from its two-letter prefix. @param {string | null | undefined} sid */
export function sidKind(sid) {
  /** @type {Record<string, string>} */
  const kinds = {
    IT: 'Business details or person', RD: 'Document', BU: 'Customer-Profile or Trust Product',
    PN: 'Phone number', EL: 'Evaluation', RN: 'Policy',
  };
  return kinds[String(sid ?? '').slice(0, 2)] ?? 'Other';
}

/**
 * Creates an element: h('p', { class: 'x' }, 'text', child). Attributes named `on…` with
 * a function are listeners, `dataset` an object of data attributes; false, null and
 * undefined leave an attribute out. Text children become text nodes, never markup.
 * @template {keyof HTMLElementTagNameMap} K
 * @param {K} tag
 * @param {Record<string, unknown>} [attrs]
 * @param {...Child} children
 * @returns {HTMLElementTagNameMap[K]}
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), /** @type {EventListener} */ (v));
    else if (k === 'dataset') Object.assign(el.dataset, v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of /** @type {Child[]} */ (/** @type {unknown[]} */ (children).flat())) {
    if (c === null || c === undefined || c === false || c === true) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return el;
}
