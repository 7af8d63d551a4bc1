// Inputs for the fields of an end user or document, built from what the app knows of each
// field (its words, how it is entered, the values Twilio accepts). Their checks are in
// checks.js.

import { h, invisibleChars } from './format.js';
import { invisibleNote } from './ui.js';
import { lines } from './checks.js';

/**
 * @typedef {import('../types/commands').FieldSpec} FieldSpec
 * @typedef {Pick<FieldSpec, 'machineName' | 'label' | 'kind'> & Partial<FieldSpec>} Spec a field as the app knows it
 * @typedef {ReturnType<typeof fieldInput>} FieldInput
 */

/**
 * A field's value as the form shows it: text, or the list of checked choices.
 * @param {Spec} spec
 * @param {unknown} value
 * @returns {string | string[]}
 */
function shown(spec, value) {
  if (spec.kind === 'choices') return Array.isArray(value) ? value : lines(value);
  if (spec.kind === 'url-lines') return (Array.isArray(value) ? value : lines(value)).join('\n');
  if (Array.isArray(value)) return value.map(String).join(', ');
  return value === null || value === undefined ? '' : String(value);
}

/** Short help for the fields people most often get wrong (common causes of rejection). @type {Record<string, string>} */
const FIELD_HELP = {
  business_name: 'Exactly as on the business’s registration papers, with its legal ending (Inc., LLC, Ltd…).',
  business_identity: 'Choose “ISV reseller or partner” only for the account owner’s own business when it sells Twilio services to its customers; a customer of such a business is a “direct customer”.',
  business_registration_identifier: 'The kind of number, as issued by the national authority: in the US an EIN, in the UK a Companies House number, in Canada a CBN.',
  business_registration_number: 'The number exactly as on the papers that issued it, such as 12-3456789 for an EIN.',
  website_url: 'The business’s own website, showing its name. The representatives’ e-mails must be on the same domain.',
  business_regions_of_operation: 'Where the business has customers, not where it is registered.',
  email: 'A work address on the business’s website domain: Twilio often rejects free e-mail services.',
  phone_number: 'A direct number, in international format (+1 …): a + and the country code first, such as +1 415 555 0100.',
};

/** Help for a kind of field, when the field has none of its own. @type {Record<string, string>} */
const KIND_HELP = {
  phone: 'International format (+1 …): a + and the country code first, such as +1 415 555 0100.',
  url: 'A full web address, such as https://www.example.com.',
  'url-lines': 'One web address per line.',
  email: 'An e-mail address such as name@example.com.',
};

/**
 * One input for `spec`, filled with `value`. Returns { wrap, get(), set(v), focus(),
 * setError(text), changed() }. `onChange` runs on every edit.
 * @param {Spec} spec
 * @param {unknown} value
 * @param {{ idPrefix: string, onChange?: () => void, help?: string }} options `help` replaces the field's usual help
 */
export function fieldInput(spec, value, { idPrefix, onChange, help: ownHelp }) {
  const id = `${idPrefix}-${spec.machineName}`;
  const error = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
  const choices = spec.choices ?? [];
  const helpText = ownHelp ?? FIELD_HELP[spec.machineName] ?? KIND_HELP[spec.kind];
  const help = helpText ? h('p', { class: 'help', id: `${id}-help` }, helpText) : null;
  const describedBy = `${help ? `${id}-help ` : ''}${id}-error`;
  const label = `${spec.label}${spec.optional ? ' (optional)' : ''}`;
  const initial = shown(spec, value);
  /** @type {HTMLElement} */
  let input;
  /** @type {ReturnType<typeof invisibleNote> | null} */
  let note = null;
  /** @type {() => string | string[]} */
  let get;
  /** @type {(v: unknown) => void} */
  let set;
  if (spec.kind === 'choice') {
    const select = h('select', { id, 'aria-describedby': describedBy, onchange: () => onChange?.() },
      h('option', { value: '' }, 'Choose…'),
      choices.map((c) => h('option', { value: c.value }, c.label)));
    // A value Twilio holds that is not one of the choices stays visible, as it is.
    if (initial && !choices.some((c) => c.value === initial)) {
      select.append(h('option', { value: String(initial) }, `${initial} (not one of Twilio's choices)`));
    }
    input = select;
    get = () => select.value;
    set = (v) => { select.value = v === null || v === undefined ? '' : String(v); };
  } else if (spec.kind === 'choices') {
    const boxes = choices.map((c, i) => {
      const box = h('input', { type: 'checkbox', id: `${id}-${i}`, value: c.value, onchange: () => onChange?.() });
      return { box, row: h('div', { class: 'checkbox-row' }, box, h('label', { for: `${id}-${i}` }, c.label)) };
    });
    input = h('fieldset', { class: 'choices', id, 'aria-describedby': describedBy },
      h('legend', {}, label), boxes.map((b) => b.row));
    get = () => boxes.filter((b) => b.box.checked).map((b) => b.box.value);
    set = (v) => { const on = new Set(Array.isArray(v) ? v.map(String) : lines(v)); for (const b of boxes) b.box.checked = on.has(b.box.value); };
  } else if (spec.kind === 'url-lines') {
    const area = h('textarea', { id, rows: '3', spellcheck: 'false', 'aria-describedby': describedBy, oninput: () => onChange?.() });
    input = area;
    get = () => area.value;
    set = (v) => { area.value = v === null || v === undefined ? '' : String(v); };
  } else {
    /** @type {Record<string, string>} */
    const types = { email: 'email', url: 'url', phone: 'tel' };
    const box = h('input', { id, type: types[spec.kind] ?? 'text', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': describedBy, oninput: () => onChange?.() });
    const boxNote = invisibleNote(box, () => onChange?.());
    input = box;
    note = boxNote;
    get = () => box.value;
    set = (v) => { box.value = v === null || v === undefined ? '' : String(v); boxNote.update(); };
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
    /** @param {string} text what is wrong, or '' */
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
