// The campaign form's fields: built from CAMPAIGN_FIELDS with a place for each problem
// beside its field, filled from a campaign to fix it, read back as what the app sends, and
// showing every problem at once (the app's checks, then Twilio's reasons at their fields).

import { openTwilioPage } from '../api.js';
import { h, userText } from '../format.js';
import { CAMPAIGN_FIELDS, splitKeywords } from '../texting-words.js';

/**
 * @typedef {import('../../types/commands').CampaignInput} CampaignInput
 * @typedef {import('../../types/commands').Usecase} Usecase
 * @typedef {import('../../types/commands').FieldProblem} FieldProblem
 * @typedef {import('../../types/commands').Reason} Reason
 */

const SAMPLES = 5;

/**
 * The form's fields. `locked()` says whether the fields Twilio fixes at creation are shut.
 * @param {{ usecases: Usecase[], onUsecase?: () => void }} options
 */
export function campaignFields({ usecases, onUsecase = () => {} }) {
  /** @type {Record<string, HTMLElement>} */
  const errors = {};
  /** @type {Record<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>} */
  const inputs = {};
  /** @type {HTMLTextAreaElement[]} */
  const samples = [];
  const error = (/** @type {string} */ key) => {
    errors[key] = h('p', { class: 'field-error', id: `campaign-${key}-error`, 'aria-live': 'polite' });
    return errors[key];
  };

  const usecase = h('select', { id: 'campaign-usecase', 'aria-describedby': 'campaign-usecase-help campaign-usecase-error' },
    h('option', { value: '' }, 'Choose what the texts are…'),
    ...usecases.filter((u) => u.code).map((u) => h('option', { value: u.code }, u.name ?? u.code)));
  const usecaseHelp = h('p', { class: 'help', id: 'campaign-usecase-help' }, 'Twilio’s list for this brand. Each kind has its own rules and fees.');
  const describeUsecase = () => {
    const chosen = usecases.find((u) => u.code === usecase.value);
    usecaseHelp.replaceChildren(chosen?.description ? userText(chosen.description, { max: 600 }) : 'Twilio’s list for this brand. Each kind has its own rules and fees.');
    if (chosen?.post_approval_required) usecaseHelp.append(' Twilio reviews campaigns of this kind again after approval.');
  };
  usecase.addEventListener('change', () => { describeUsecase(); onUsecase(); });
  inputs.usecase = usecase;
  /** @type {HTMLElement[]} */
  const rows = [h('div', { class: 'field' }, h('label', { for: 'campaign-usecase' }, 'Kind of texts'), usecase, usecaseHelp, error('usecase'))];

  for (const f of CAMPAIGN_FIELDS) {
    const id = `campaign-${f.key}`;
    const described = `${id}-help ${id}-error`;
    const help = f.help ? h('p', { class: 'help', id: `${id}-help` }, f.help) : null;
    if (f.kind === 'yes') {
      const box = h('input', { type: 'checkbox', id, 'aria-describedby': `${id}-error` });
      inputs[f.key] = box;
      rows.push(h('div', { class: 'field' }, h('div', { class: 'check-row' }, box, h('label', { for: id }, f.label)), error(f.key)));
      continue;
    }
    if (f.kind === 'samples') {
      const list = h('div', { class: 'samples' });
      for (let i = 0; i < SAMPLES; i += 1) {
        const area = h('textarea', { id: `${id}-${i}`, rows: 2, maxlength: f.max, 'aria-describedby': described });
        samples.push(area);
        list.append(h('label', { for: area.id, class: 'sample-label' }, i < 2 ? `Sample ${i + 1}` : `Sample ${i + 1} (optional)`), area);
      }
      rows.push(h('fieldset', { class: 'field', id }, h('legend', {}, f.label), help, list, error(f.key)));
      continue;
    }
    const input = f.kind === 'long'
      ? h('textarea', { id, rows: 3, maxlength: f.max, 'aria-describedby': described })
      : h('input', { id, type: f.kind === 'url' ? 'url' : 'text', autocomplete: 'off', spellcheck: f.kind === 'url' ? 'false' : 'true', 'aria-describedby': described });
    inputs[f.key] = input;
    rows.push(h('div', { class: 'field' }, h('label', { for: id }, f.label), input, help, error(f.key)));
  }
  const element = h('div', { class: 'campaign-fields' }, ...rows);

  /** @param {string} key */
  const box = (key) => /** @type {HTMLInputElement} */ (inputs[key]);
  return {
    element,
    /** The use case chosen. */
    usecase: () => usecase.value,
    /** @param {CampaignInput} input */
    fill(input) {
      usecase.value = input.usecase;
      describeUsecase();
      for (const f of CAMPAIGN_FIELDS) {
        const value = /** @type {Record<string, unknown>} */ (input)[f.key];
        if (f.kind === 'yes') box(f.key).checked = Boolean(value);
        else if (f.kind === 'samples') samples.forEach((s, i) => { s.value = input.messageSamples[i] ?? ''; });
        else if (f.kind === 'keywords') inputs[f.key].value = /** @type {string[]} */ (value).join(', ');
        else inputs[f.key].value = String(value ?? '');
      }
    },
    /** Shuts (or opens) the fields Twilio fixes once the campaign is made. @param {boolean} shut */
    lock(shut) {
      for (const f of CAMPAIGN_FIELDS.filter((x) => !x.editable)) {
        inputs[f.key].disabled = shut;
        const help = document.getElementById(`campaign-${f.key}-help`);
        if (help) help.dataset.locked = String(shut);
      }
    },
    /** What the app sends. @param {string} brandSid @returns {CampaignInput} */
    read(brandSid) {
      const text = (/** @type {string} */ key) => inputs[key].value.trim();
      return {
        brandSid,
        usecase: usecase.value,
        description: text('description'),
        messageFlow: text('messageFlow'),
        messageSamples: samples.map((s) => s.value.trim()).filter(Boolean),
        hasEmbeddedLinks: box('hasEmbeddedLinks').checked,
        hasEmbeddedPhone: box('hasEmbeddedPhone').checked,
        optInMessage: text('optInMessage'),
        optOutMessage: text('optOutMessage'),
        helpMessage: text('helpMessage'),
        optInKeywords: splitKeywords(text('optInKeywords')),
        optOutKeywords: splitKeywords(text('optOutKeywords')),
        helpKeywords: splitKeywords(text('helpKeywords')),
        ageGated: box('ageGated').checked,
        directLending: box('directLending').checked,
        privacyPolicyUrl: text('privacyPolicyUrl'),
        termsAndConditionsUrl: text('termsAndConditionsUrl'),
      };
    },
    /**
     * Shows every problem beside its field (the first one focused) and Twilio's reasons at
     * theirs; answers how many fields have one.
     * @param {FieldProblem[]} problems
     * @param {Reason[]} [reasons]
     */
    show(problems, reasons = []) {
      for (const el of Object.values(errors)) el.replaceChildren();
      for (const input of [...Object.values(inputs), ...samples]) input.setAttribute('aria-invalid', 'false');
      /** @type {string[]} */
      const marked = [];
      const mark = (/** @type {string} */ key, /** @type {Node | string} */ what) => {
        const at = errors[key] ?? errors.description;
        at.append(h('span', { class: 'problem' }, what));
        if (!marked.includes(key)) marked.push(key);
        const input = inputs[key] ?? (key === 'messageSamples' ? samples[0] : null);
        input?.setAttribute('aria-invalid', 'true');
      };
      for (const p of problems) mark(p.field.replace(/\.\d+$/, ''), p.message);
      for (const r of reasons) {
        for (const key of r.fields) mark(key, h('span', {}, 'Twilio: ', r.words));
      }
      const first = marked[0];
      const focus = first === 'messageSamples' ? samples[0] : inputs[first];
      focus?.focus();
      return marked.length;
    },
  };
}

/**
 * One of Twilio's reasons as a list item: what it means and what to change, Twilio's own
 * words, its error number small, and its page (opened only on twilio.com).
 * @param {Reason} r
 */
export function reasonLine(r) {
  return h('li', {}, r.words,
    r.twilioWords ? h('span', { class: 'error-detail' }, ' Twilio said: “', userText(r.twilioWords, { max: 300 }), '”') : '',
    r.code ? h('span', { class: 'error-code' }, ` Error ${r.code}`) : '',
    r.moreInfo ? [' ', h('button', { type: 'button', class: 'link-button more-info', onclick: () => openTwilioPage(r.moreInfo ?? '') }, 'More about this error')] : '');
}
