// A toll-free verification's form: the business's details filled from an approved
// Customer-Profile, and what only the person knows (what the texts are for, a sample, how
// people opt in, the volume). Every problem is shown beside its field before anything is
// sent. The same form edits a rejected verification (with what was changed) or, after its
// edit window, deletes it and sends it again as one step, said plainly first.

import { api } from '../api.js';
import { h, userText } from '../format.js';
import { lines } from '../checks.js';
import { busy, confirmDialog, errorPanel, focusOn, toast } from '../ui.js';
import { reasonLine } from './campaign-fields.js';
import { countryChoices } from '../address-form.js';
import { AUTHORITIES, BUSINESS_TYPES, CATEGORIES, OPT_IN_TYPES, VOLUMES } from '../tollfree-words.js';

/**
 * @typedef {import('../../types/commands').TollfreeNumber} TollfreeNumber
 * @typedef {import('../../types/commands').TollfreeInput} TollfreeInput
 * @typedef {import('../../types/commands').ProfileChoice} ProfileChoice
 * @typedef {import('../../types/commands').FieldProblem} FieldProblem
 * @typedef {'new' | 'edit' | 'restart'} Mode
 * @typedef {{ number: TollfreeNumber, profiles: ProfileChoice[], mode: Mode, onDone: () => void, onCancel: () => void, onReenterCredentials: () => void }} FormOptions
 */

/** Text fields: the input's key, its label, and how it is entered. */
const BUSINESS = /** @type {const} */ ([
  ['businessName', 'Business name (as registered)', 'text'],
  ['businessWebsite', 'Business website', 'url'],
  ['registrationNumber', 'Registration number (for example the EIN)', 'text'],
  ['registrationCountry', 'Country of registration', 'country'],
  ['street', 'Street address', 'text'],
  ['street2', 'Address line 2 (optional)', 'text'],
  ['city', 'City', 'text'],
  ['region', 'State or region', 'text'],
  ['postalCode', 'Postal code', 'text'],
  ['country', 'Country', 'country'],
  ['contactFirstName', 'Contact’s first name', 'text'],
  ['contactLastName', 'Contact’s last name', 'text'],
  ['contactEmail', 'Contact’s e-mail', 'email'],
  ['contactPhone', 'Contact’s phone number', 'tel'],
  ['notificationEmail', 'E-mail for Twilio’s decision', 'email'],
]);

/** Opens the form for `number` in `root`. @param {HTMLElement} root @param {FormOptions} options */
export async function tollfreePanel(root, options) {
  const { number, profiles, mode, onCancel, onReenterCredentials } = options;
  const back = h('button', { type: 'button', class: 'link-button back', id: 'tollfree-back', onclick: onCancel }, '‹ Back to texting');
  const title = h('h1', { id: 'tollfree-form-title', tabindex: '-1' },
    mode === 'new' ? 'Verify ' : mode === 'edit' ? 'Edit the verification of ' : 'Start again for ', userText(number.phoneNumber, { max: 20 }));
  const body = h('div', { id: 'tollfree-body' }, h('p', { class: 'muted' }, 'Reading the business’s details…'));
  root.replaceChildren(back, title, body);
  focusOn(title);
  try {
    const input = await api.tollfreeForm(number.numberSid, mode === 'new' ? (profiles[0]?.sid ?? null) : null, mode === 'new' ? null : number.verificationSid);
    body.replaceChildren(form(input, options));
  } catch (error) {
    body.replaceChildren(errorPanel(error, { onReenterCredentials }));
  }
}

/** @param {TollfreeInput} start @param {FormOptions} options */
function form(start, options) {
  const { number, profiles, mode, onDone, onReenterCredentials } = options;
  /** @type {Record<string, HTMLElement>} */
  const errors = {};
  /** @type {Record<string, HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>} */
  const inputs = {};
  const errorOf = (/** @type {string} */ key) => {
    errors[key] = h('p', { class: 'field-error', id: `tollfree-${key}-error`, 'aria-live': 'polite' });
    return errors[key];
  };
  const field = (/** @type {string} */ key, /** @type {string} */ label, /** @type {HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement} */ input, /** @type {string} */ help = '') => {
    input.id = `tollfree-${key}`;
    input.setAttribute('aria-describedby', `tollfree-${key}-help tollfree-${key}-error`);
    // A field's message goes once the person changes it; new ones wait for Send, so
    // nothing moves under the pointer on the way to the button.
    input.addEventListener('input', () => { errors[key].textContent = ''; input.setAttribute('aria-invalid', 'false'); });
    inputs[key] = input;
    return h('div', { class: 'field' }, h('label', { for: input.id }, label), input,
      help ? h('p', { class: 'help', id: `tollfree-${key}-help` }, help) : '', errorOf(key));
  };
  const select = (/** @type {readonly (readonly [string, string])[]} */ choices, /** @type {string} */ ask) =>
    h('select', {}, h('option', { value: '' }, ask), ...choices.map(([value, words]) => h('option', { value }, words)));

  const businessRows = BUSINESS.map(([key, label, type]) => field(key, label, type === 'country'
    ? select(countryChoices(), 'Choose the country…')
    : h('input', { type, autocomplete: 'off', spellcheck: 'false' })));
  const kind = select(BUSINESS_TYPES, 'Choose the kind of business…');
  const authority = select(AUTHORITIES.map((a) => [a, a === 'EIN' ? 'EIN (US tax number)' : a]), 'Choose who issued the number…');
  const boxes = CATEGORIES.map(([value, words], i) => {
    const box = h('input', { type: 'checkbox', id: `tollfree-category-${i}`, value });
    return { box, row: h('div', { class: 'check-row' }, box, h('label', { for: box.id }, words)) };
  });
  const images = h('textarea', { rows: 2, spellcheck: 'false' });

  const reasons = number.reasons.length && mode !== 'new'
    ? h('div', { class: 'reasons', id: 'tollfree-reasons' }, h('h2', {}, 'Why Twilio did not approve it'), h('ul', {}, ...number.reasons.map(reasonLine)),
      number.editLeft ? h('p', { class: 'next' }, h('strong', {}, number.editLeft), ': after that it can no longer be edited.') : '')
    : null;
  const restartWarning = mode === 'restart'
    ? h('div', { class: 'notice warning', id: 'tollfree-restart-warning', role: 'note' },
      h('strong', {}, 'This verification can no longer be edited. '),
      'Sending these details deletes it and makes a new one: the number loses its place in Twilio’s queue and the review starts from the beginning. Nothing is charged.')
    : null;
  const from = mode === 'new' && profiles.length > 1
    ? h('select', { id: 'tollfree-from' }, ...profiles.map((p) => h('option', { value: p.sid }, userText(p.name || 'A profile with no name', { max: 80 }))))
    : null;
  from?.addEventListener('change', async () => {
    try {
      fill(await busy(() => api.tollfreeForm(number.numberSid, from.value, null)), true);
    } catch (error) {
      result.replaceChildren(errorPanel(error, { onReenterCredentials }));
    }
  });

  const editReason = mode === 'edit' ? field('editReason', 'What you changed', h('textarea', { rows: 2 }), 'A sentence for Twilio’s reviewers, such as “The opt-in page now asks for consent to texts”.') : '';
  const submitWords = mode === 'new' ? 'Send for verification' : mode === 'edit' ? 'Send the changes' : 'Delete and send again…';
  const submit = h('button', { type: 'submit', class: mode === 'restart' ? 'danger-solid' : 'primary', id: 'tollfree-submit' }, submitWords);
  const result = h('div', { id: 'tollfree-result', 'aria-live': 'polite' });
  const element = h('form', { class: 'card', id: 'tollfree-form', novalidate: true },
    reasons ?? '', restartWarning ?? '',
    h('h2', {}, 'The business'),
    h('p', { class: 'help' }, mode !== 'new' ? 'As it was sent to Twilio. Change what the reasons above name.'
      : profiles.length ? 'Filled in from the approved Customer-Profile. Check it matches the business’s official records.'
        : 'No approved Customer-Profile to fill this in from: enter the business’s details as registered.'),
    from ? h('div', { class: 'field' }, h('label', { for: 'tollfree-from' }, 'Fill in from'), from) : '',
    field('businessType', 'Kind of business', kind),
    field('registrationAuthority', 'Who issued the registration number', authority),
    ...businessRows,
    h('h2', {}, 'The texts'),
    h('fieldset', { class: 'field', id: 'tollfree-useCaseCategories' }, h('legend', {}, 'What the texts are for (choose every one that applies)'),
      ...boxes.map((b) => b.row), errorOf('useCaseCategories')),
    field('useCaseSummary', 'In a few sentences, what the business texts people about', h('textarea', { rows: 3 })),
    field('productionMessageSample', 'A text exactly as people will get it', h('textarea', { rows: 2 }), 'Name the business in it, and say how to stop the texts (for example “Reply STOP to opt out”).'),
    field('optInType', 'How people agree to get the texts', select(OPT_IN_TYPES, 'Choose how…')),
    field('optInImageUrls', 'Pictures of where people agree (web addresses, one per line)', images, 'Screenshots or photos of the form, page or sign, on a public https address Twilio’s reviewers can open.'),
    field('messageVolume', 'About how many texts a month', select(VOLUMES.map((v) => [v, v]), 'Choose about how many…')),
    field('additionalInformation', 'Anything else the reviewers should know (optional)', h('textarea', { rows: 2 })),
    editReason,
    h('p', { class: 'help' }, 'Twilio reviews toll-free verifications free of charge, usually within a few days. The number cannot text until it is approved.'),
    h('div', { class: 'actions' }, submit), result);

  /** @param {TollfreeInput} v @param {boolean} businessOnly */
  function fill(v, businessOnly) {
    for (const [key] of BUSINESS) inputs[key].value = String(v[/** @type {keyof TollfreeInput} */ (key)] ?? '');
    kind.value = v.businessType;
    authority.value = v.registrationAuthority;
    if (businessOnly) return;
    const on = new Set(v.useCaseCategories);
    for (const b of boxes) b.box.checked = on.has(b.box.value);
    for (const key of ['useCaseSummary', 'productionMessageSample', 'optInType', 'messageVolume', 'additionalInformation']) {
      inputs[key].value = String(v[/** @type {keyof TollfreeInput} */ (key)] ?? '');
    }
    images.value = v.optInImageUrls.join('\n');
  }
  fill(start, false);

  /** @returns {TollfreeInput} */
  const read = () => {
    /** @type {Record<string, string>} */
    const text = {};
    for (const [key, input] of Object.entries(inputs)) text[key] = input.value;
    return {
      ...start,
      ...text,
      phoneNumberSid: number.numberSid,
      customerProfileSid: from?.value ?? start.customerProfileSid,
      useCaseCategories: boxes.filter((b) => b.box.checked).map((b) => b.box.value),
      optInImageUrls: lines(images.value),
      editReason: inputs.editReason?.value ?? '',
    };
  };
  /** @param {FieldProblem[]} problems */
  const show = (problems) => {
    for (const e of Object.values(errors)) e.textContent = '';
    for (const [key, input] of Object.entries(inputs)) input.setAttribute('aria-invalid', problems.some((p) => p.field === key) ? 'true' : 'false');
    for (const p of problems) if (errors[p.field]) errors[p.field].textContent = p.message;
    const first = problems.find((p) => inputs[p.field] || p.field === 'useCaseCategories');
    if (first) (first.field === 'useCaseCategories' ? boxes[0].box : inputs[first.field]).focus();
  };

  element.addEventListener('submit', async (e) => {
    e.preventDefault();
    result.replaceChildren();
    const input = read();
    /** @type {FieldProblem[]} */
    let problems;
    try {
      problems = await api.checkTollfree(input, mode === 'edit');
    } catch (error) {
      result.replaceChildren(errorPanel(error, { onReenterCredentials }));
      return;
    }
    show(problems);
    if (problems.length) {
      result.replaceChildren(h('p', { class: 'error-message', role: 'alert' }, problems.length === 1 ? 'One field needs a change before sending: it is marked above.' : `${problems.length} fields need a change before sending: they are marked above.`));
      return;
    }
    if (mode === 'restart' && !(await confirmDialog('Delete and start again?', `The verification of ${number.phoneNumber} is deleted and a new one is sent with these details. The number loses its place in Twilio’s queue, and the review starts again.`, 'Delete and send again', submit, { danger: true }))) return;
    submit.disabled = true;
    try {
      if (mode === 'edit' && number.verificationSid) {
        await busy(() => api.editTollfree(/** @type {string} */ (number.verificationSid), input));
        toast(`The changes were sent: Twilio reviews ${number.phoneNumber} again.`);
      } else if (mode === 'restart' && number.verificationSid) {
        await busy(() => api.restartTollfree(/** @type {string} */ (number.verificationSid), input));
        toast(`A new verification of ${number.phoneNumber} was sent.`);
      } else {
        const made = await busy(() => api.submitTollfree(input));
        toast(made.existing ? `${number.phoneNumber} already had a verification: it is shown now.` : `${number.phoneNumber} was sent for verification.`);
      }
      onDone();
    } catch (error) {
      submit.disabled = false;
      if (error.field && errors[error.field]) show([{ field: error.field, message: error.message }]);
      const panel = errorPanel(error, { onReenterCredentials });
      result.replaceChildren(panel);
      focusOn(panel);
    }
  });
  return element;
}
