// The form of an address (the classic API's fields), to create one or to correct one.
// The country is chosen from a list; an address's country cannot change.

import { h, userText } from './format.js';
import { invisibleNote } from './ui.js';

// ISO 3166-1 alpha-2: every country Twilio's addresses may name; the names come from the
// operating system's language through Intl.DisplayNames.
const COUNTRIES = ('AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ '
  + 'CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR '
  + 'GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP '
  + 'KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT '
  + 'MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW '
  + 'SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG '
  + 'UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW').split(' ');

/** @type {Intl.DisplayNames | null} */
let names = null;
/** A country's name in the person's language. @param {string} code ISO 3166-1 alpha-2 */
function countryName(code) {
  try {
    names ??= new Intl.DisplayNames(undefined, { type: 'region' });
    return names.of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country as [code, name in the person's language], by name. @returns {[string, string][]} */
export function countryChoices() {
  return COUNTRIES.map((c) => /** @type {[string, string]} */ ([c, countryName(c)])).sort((a, b) => a[1].localeCompare(b[1]));
}

/**
 * @typedef {import('../types/commands').Address} Address
 * @typedef {import('../types/commands').AddressView} AddressView
 * @typedef {import('../types/commands').AddressInput} AddressInput
 * @typedef {import('../types/commands').AddressUpdate} AddressUpdate
 * @typedef {'customerName' | 'street' | 'streetSecondary' | 'city' | 'region' | 'postalCode'} Key
 * @typedef {Partial<Record<'customer_name' | 'street' | 'street_secondary' | 'city' | 'region' | 'postal_code' | 'iso_country', string | null>>} RawAddress an address as the API writes it
 */

/** An address on one or two lines, as a person reads it. @param {Partial<Address> & Partial<AddressView> | null} a */
export function addressLines(a) {
  if (!a) return [];
  const place = [a.city, a.region, a.postalCode ?? a.postal_code].filter(Boolean).join(', ');
  const country = a.isoCountry ?? a.iso_country;
  return [
    a.customerName ?? a.customer_name,
    [a.street, a.streetSecondary ?? a.street_secondary].filter(Boolean).join(', '),
    [place, country ? countryName(country) : ''].filter(Boolean).join(' · '),
  ].filter(Boolean);
}

/** The address as text nodes, one line each, safe to show. @param {Partial<Address> & Partial<AddressView>} a */
export function addressView(a) {
  return h('span', { class: 'address' }, addressLines(a).map((line) => h('span', { class: 'address-line' }, userText(line, { max: 200 }))));
}

/** @type {{ key: Key, api: keyof RawAddress, label: string, help?: string, optional?: boolean }[]} */
const FIELDS = [
  { key: 'customerName', api: 'customer_name', label: 'Name at this address', help: 'The business or person, as mail is addressed to them.' },
  { key: 'street', api: 'street', label: 'Street and number' },
  { key: 'streetSecondary', api: 'street_secondary', label: 'Apartment, suite or floor (optional)', optional: true },
  { key: 'city', api: 'city', label: 'City' },
  { key: 'region', api: 'region', label: 'State or region' },
  { key: 'postalCode', api: 'postal_code', label: 'Postal code' },
];

/**
 * A form for an address: `address` to correct it, none to create one. Returns
 * { el, values(), changes(), check(), setError(field, text), focus(field), changed() }.
 * @param {RawAddress | null} address
 * @param {{ idPrefix: string, onChange?: () => void, onNewInstead?: () => void }} options
 */
export function addressForm(address, { idPrefix, onChange, onNewInstead }) {
  /** @type {Record<string, HTMLInputElement | HTMLSelectElement>} */
  const inputs = {};
  /** @type {Record<string, HTMLElement>} */
  const errors = {};
  const rows = FIELDS.map((f) => {
    const id = `${idPrefix}-${f.key}`;
    const input = h('input', { id, type: 'text', autocomplete: 'off', 'aria-describedby': `${id}-error`, oninput: () => onChange?.() });
    input.value = address?.[f.api] ?? '';
    inputs[f.key] = input;
    errors[f.key] = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    const note = invisibleNote(input, () => onChange?.());
    note.update();
    return h('div', { class: 'field' }, h('label', { for: id }, f.label), input, note.note,
      f.help ? h('p', { class: 'help' }, f.help) : '', errors[f.key]);
  });
  const countryId = `${idPrefix}-isoCountry`;
  errors.isoCountry = h('p', { class: 'field-error', id: `${countryId}-error`, 'aria-live': 'polite' });
  let country;
  if (address) {
    // Twilio does not change an address's country: say so, and offer a new address.
    const code = address.iso_country ?? '';
    country = h('div', { class: 'field' },
      h('p', { class: 'label' }, 'Country'),
      h('p', { id: countryId }, code ? countryName(code) : '—'),
      h('p', { class: 'help' }, 'The country of an address cannot be changed. For an address in another country, create a new address.'),
      onNewInstead ? h('button', { type: 'button', class: 'secondary small', onclick: onNewInstead }, 'Create a new address instead') : '');
  } else {
    inputs.isoCountry = h('select', { id: countryId, 'aria-describedby': `${countryId}-error`, onchange: () => onChange?.() },
      h('option', { value: '' }, 'Choose…'),
      COUNTRIES.map((c) => [c, countryName(c)]).sort((a, b) => a[1].localeCompare(b[1])).map(([c, n]) => h('option', { value: c }, n)));
    country = h('div', { class: 'field' }, h('label', { for: countryId }, 'Country'), inputs.isoCountry, errors.isoCountry);
  }
  const start = JSON.stringify(Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value])));
  /** What the form holds, trimmed, as a new address. @returns {AddressInput} */
  const values = () => /** @type {AddressInput} */ (Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value.trim()])));
  return {
    el: h('div', { class: 'address-form' }, rows, country),
    values,
    /** For a correction: only what changed, as `AddressUpdate`. */
    /** @returns {AddressUpdate} */
    changes() {
      /** @type {Record<string, string>} */
      const out = {};
      for (const f of FIELDS) {
        const now = inputs[f.key].value.trim();
        if (now !== (address?.[f.api] ?? '')) out[f.key] = now;
      }
      return out;
    },
    changed: () => JSON.stringify(Object.fromEntries(Object.entries(inputs).map(([k, i]) => [k, i.value]))) !== start,
    /** The same checks Twilio makes; the first field that fails, or null. */
    check() {
      let first = null;
      const v = values();
      for (const f of FIELDS) {
        const bad = !f.optional && !v[f.key] ? `Enter the ${f.label.toLowerCase()}.` : '';
        errors[f.key].textContent = bad;
        inputs[f.key].setAttribute('aria-invalid', bad ? 'true' : 'false');
        if (bad && !first) first = f.key;
      }
      if (inputs.isoCountry) {
        const bad = v.isoCountry ? '' : 'Choose the country.';
        errors.isoCountry.textContent = bad;
        if (bad && !first) first = 'isoCountry';
      }
      return first;
    },
    /** @param {string} field @param {string} text */
    setError(field, text) {
      if (errors[field]) errors[field].textContent = text;
    },
    /** @param {string} field */
    focus(field) {
      (inputs[field] ?? inputs.customerName).focus();
    },
  };
}
