// Inputs for the fields of an end user or document, built from what the app knows of each
// field (its words, how it is entered, the values Twilio accepts), with the same checks
// the app makes before sending, for feedback while typing.

import { h, invisibleChars } from './format.js';
import { invisibleNote } from './ui.js';

const EMAIL = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

function webAddress(v) {
  try {
    const u = new URL(v.trim());
    return ['http:', 'https:'].includes(u.protocol) && u.hostname.includes('.');
  } catch {
    return false;
  }
}

/** The digits of a phone number as typed, in international form (or null). */
export function internationalPhone(v) {
  const compact = v.replace(/[\s\-.()\u00a0]/g, '');
  return /^\+[1-9]\d{1,14}$/.test(compact) ? compact : null;
}

/** The lines of a field entered one per line. */
function lines(v) {
  return String(v ?? '').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);
}

/** What is wrong with `value` for `spec`, in words, or ''. */
export function checkField(spec, value) {
  const label = spec.label;
  const empty = Array.isArray(value) ? value.length === 0 : !String(value ?? '').trim();
  if (empty) return spec.optional ? '' : `Enter the ${label}; Twilio needs it.`;
  switch (spec.kind) {
    case 'email': return EMAIL.test(String(value).trim()) ? '' : 'Enter an e-mail address such as name@example.com.';
    case 'url': return webAddress(String(value)) ? '' : 'Enter a full web address, such as https://www.example.com.';
    case 'phone': return internationalPhone(String(value)) ? '' : 'Enter the number in international form: a + and the country code first, such as +1 415 555 0100.';
    case 'choice': return spec.choices.some((c) => c.value === value) ? '' : `Choose the ${label} from the list.`;
    case 'url-lines': {
      const bad = lines(value).find((u) => !webAddress(u));
      return bad ? `“${bad}” is not a full web address, such as https://www.example.com.` : '';
    }
    default: return '';
  }
}

/** A field's value as the form shows it: text, or the list of checked choices. */
function shown(spec, value) {
  if (spec.kind === 'choices') return Array.isArray(value) ? value : lines(value);
  if (spec.kind === 'url-lines') return (Array.isArray(value) ? value : lines(value)).join('\n');
  if (Array.isArray(value)) return value.join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/**
 * One input for `spec`, filled with `value`. Returns { wrap, get(), set(v), focus(),
 * setError(text), changed() }. `onChange` runs on every edit.
 */
export function fieldInput(spec, value, { idPrefix, onChange }) {
  const id = `${idPrefix}-${spec.machineName}`;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const helpText = {
    phone: 'International form: a + and the country code first, such as +1 415 555 0100.',
    url: 'A full web address, such as https://www.example.com.',
    'url-lines': 'One web address per line.',
    email: 'An e-mail address such as name@example.com.',
  }[spec.kind];
  const help = helpText ? h('p', { class: 'help', id: `${id}-help` }, helpText) : null;
  const describedBy = `${help ? `${id}-help ` : ''}${id}-error`;
  const label = `${spec.label}${spec.optional ? ' (optional)' : ''}`;
  const initial = shown(spec, value);
  let input;
  let note = null;
  let get;
  let set;
  if (spec.kind === 'choice') {
    input = h('select', { id, 'aria-describedby': describedBy, onchange: () => onChange?.() },
      h('option', { value: '' }, 'Choose…'),
      spec.choices.map((c) => h('option', { value: c.value }, c.label)));
    // A value Twilio holds that is not one of the choices stays visible, as it is.
    if (initial && !spec.choices.some((c) => c.value === initial)) {
      input.append(h('option', { value: initial }, `${initial} (not one of Twilio's choices)`));
    }
    get = () => input.value;
    set = (v) => { input.value = v ?? ''; };
  } else if (spec.kind === 'choices') {
    const boxes = spec.choices.map((c, i) => {
      const box = h('input', { type: 'checkbox', id: `${id}-${i}`, value: c.value, onchange: () => onChange?.() });
      return { box, row: h('div', { class: 'checkbox-row' }, box, h('label', { for: `${id}-${i}` }, c.label)) };
    });
    input = h('fieldset', { class: 'choices', id, 'aria-describedby': describedBy },
      h('legend', {}, label), boxes.map((b) => b.row));
    get = () => boxes.filter((b) => b.box.checked).map((b) => b.box.value);
    set = (v) => { const on = new Set(Array.isArray(v) ? v : lines(v)); for (const b of boxes) b.box.checked = on.has(b.box.value); };
  } else if (spec.kind === 'url-lines') {
    input = h('textarea', { id, rows: '3', spellcheck: 'false', 'aria-describedby': describedBy, oninput: () => onChange?.() });
    get = () => input.value;
    set = (v) => { input.value = v ?? ''; };
  } else {
    const type = { email: 'email', url: 'url', phone: 'tel' }[spec.kind] ?? 'text';
    input = h('input', { id, type, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': describedBy, oninput: () => onChange?.() });
    note = invisibleNote(input, () => onChange?.());
    get = () => input.value;
    set = (v) => { input.value = v ?? ''; note.update(); };
  }
  set(initial);
  const start = JSON.stringify(get());
  const wrap = spec.kind === 'choices'
    ? h('div', { class: 'field', dataset: { field: spec.machineName } }, input, help, error)
    : h('div', { class: 'field', dataset: { field: spec.machineName } }, h('label', { for: id }, label), input, note?.note ?? '', help, error);
  return {
    spec,
    wrap,
    get,
    set,
    changed: () => JSON.stringify(get()) !== start,
    focus: () => (spec.kind === 'choices' ? wrap.querySelector('input') : input).focus(),
    setError(text) {
      error.textContent = text;
      if (spec.kind !== 'choices') input.setAttribute('aria-invalid', text ? 'true' : 'false');
    },
    /** The value to send: a list for choices and web addresses, text otherwise. */
    value() {
      const v = get();
      if (spec.kind === 'url-lines') return lines(v);
      if (spec.kind === 'choices') return v;
      return v;
    },
    hasInvisible: () => invisibleChars(String(get())).length > 0,
  };
}
