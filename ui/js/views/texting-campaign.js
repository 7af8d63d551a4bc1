// Making or fixing a campaign: the Messaging Service it goes on (one of the account's, or
// a new one made on the way), then the form with Twilio's use cases for the brand. Every
// problem is shown beside its field before anything is sent, and what Twilio charges for
// is confirmed in plain words first. A fix that changes the use case is offered as one
// step: the campaign deleted and made again.

import { api } from '../api.js';
import { h, plainUserText, userText } from '../format.js';
import { busy, confirmDialog, errorPanel, focusOn, toast } from '../ui.js';
import { campaignFields, reasonLine } from './campaign-fields.js';

/**
 * @typedef {import('../../types/commands').BusinessView} BusinessView
 * @typedef {import('../../types/commands').ServiceView} ServiceView
 * @typedef {import('../../types/commands').CampaignView} CampaignView
 * @typedef {import('../../types/commands').Usecase} Usecase
 * @typedef {import('../../types/commands').Reason} Reason
 * @typedef {object} CampaignOptions
 * @property {BusinessView} business
 * @property {ServiceView[]} services every service of the account
 * @property {CampaignView | null} fix the failed campaign to fix, or null to make one
 * @property {() => void} onDone
 * @property {() => void} onCancel
 * @property {() => void} onReenterCredentials
 */

const VETTING = 'Twilio vets each campaign submission and charges a vetting fee for it, whether it is approved or not, and a monthly fee once it is. Review usually takes a few days.';

/** The longest name Twilio takes for a Messaging Service. */
const SERVICE_NAME_MAX = 64;

/** Makes or fixes a campaign in `root`. @param {HTMLElement} root @param {CampaignOptions} options */
export function campaignPanel(root, options) {
  const { business, fix, onCancel } = options;
  const back = h('button', { type: 'button', class: 'link-button back', id: 'campaign-back', onclick: onCancel }, '‹ Back to texting');
  const title = h('h1', { id: 'campaign-title', tabindex: '-1' }, fix ? 'Fix the campaign' : 'Create a campaign');
  const lead = h('p', { class: 'lead' }, 'For ', userText(business.name, { max: 120 }), fix
    ? ': Twilio’s reasons are beside the fields they are about. Change what they name, then resubmit.'
    : ': say what the texts are for and how people agree to them, with samples. Carriers accept texts to US numbers once Twilio approves the campaign.');
  const body = h('div', { id: 'campaign-body' });
  root.replaceChildren(back, title, lead, body);
  focusOn(title);
  if (fix) openFix(body, options);
  else chooseService(body, options);
}

/** Step 1 of a new campaign: the Messaging Service. @param {HTMLElement} body @param {CampaignOptions} options */
function chooseService(body, options) {
  const free = options.services.filter((s) => !s.campaignSid);
  const radios = free.map((s, i) => h('div', { class: 'check-row' },
    h('input', { type: 'radio', name: 'campaign-service', id: `campaign-service-${i}`, value: s.sid, checked: i === 0 }),
    h('label', { for: `campaign-service-${i}` }, 'Use “', userText(s.name || 'A service with no name', { max: 80 }), `” (${s.numbers.length === 1 ? 'one number' : `${s.numbers.length} numbers`}, no campaign yet)`)));
  const newRadio = h('input', { type: 'radio', name: 'campaign-service', id: 'campaign-service-new', value: '', checked: free.length === 0 });
  const name = h('input', { id: 'campaign-service-name', type: 'text', maxlength: SERVICE_NAME_MAX, value: plainUserText(`${options.business.name} texts`, SERVICE_NAME_MAX - 3), 'aria-describedby': 'campaign-service-help campaign-service-error' });
  const problem = h('p', { class: 'field-error', id: 'campaign-service-error', 'aria-live': 'polite' });
  const next = h('button', { type: 'submit', class: 'primary', id: 'campaign-service-next' }, 'Next');
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { class: 'card', id: 'campaign-service-form' },
    h('fieldset', { class: 'field' }, h('legend', {}, 'Which Messaging Service sends these texts?'),
      h('p', { class: 'help', id: 'campaign-service-help' }, 'A campaign covers the numbers in one Messaging Service. A service has one campaign; a new one is made here with the name you give (free of charge).'),
      ...radios,
      h('div', { class: 'check-row' }, newRadio, h('label', { for: 'campaign-service-new' }, 'A new Messaging Service named')),
      name, problem),
    h('div', { class: 'actions' }, next), result);
  name.addEventListener('focus', () => { newRadio.checked = true; });
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    problem.textContent = '';
    result.replaceChildren();
    const chosen = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="campaign-service"]:checked'));
    const sid = chosen?.value ?? '';
    if (!sid && !name.value.trim()) {
      problem.textContent = 'Enter a name for the new Messaging Service.';
      name.setAttribute('aria-invalid', 'true');
      name.focus();
      return;
    }
    next.disabled = true;
    try {
      const start = await busy(() => api.openCampaignService(sid ? { sid, newName: null } : { sid: null, newName: name.value.trim() }, options.business.chain.brandSid ?? ''));
      if (start.serviceMade) toast(`The Messaging Service “${plainUserText(start.serviceName, 60)}” was made.`);
      const serviceName = start.serviceName || options.services.find((s) => s.sid === start.serviceSid)?.name || '';
      campaignForm(body, options, { serviceSid: start.serviceSid, serviceName, serviceMade: start.serviceMade, usecases: start.usecases, campaignSid: null, reasons: [] });
    } catch (error) {
      if (error.field === 'serviceName') {
        problem.textContent = error.message;
        name.setAttribute('aria-invalid', 'true');
        name.focus();
      } else {
        const panel = errorPanel(error, { onReenterCredentials: options.onReenterCredentials });
        if (error.partial) {
          panel.prepend(h('p', {}, `The Messaging Service “${plainUserText(error.partial.name ?? '', 60)}” was made; Next uses it again.`));
          panel.append(removeButton(error.partial.sid, error.partial.name ?? '', options));
        }
        result.replaceChildren(panel);
        focusOn(panel);
      }
    } finally {
      next.disabled = false;
    }
  });
  body.replaceChildren(form);
}

/** Reads the failed campaign and opens its form. @param {HTMLElement} body @param {CampaignOptions} options */
async function openFix(body, options) {
  const fix = /** @type {CampaignView} */ (options.fix);
  const serviceSid = fix.step.serviceSid ?? '';
  const campaignSid = fix.step.campaignSid ?? '';
  body.replaceChildren(h('p', { class: 'muted', role: 'status' }, 'Reading the campaign…'));
  try {
    const draft = await busy(() => api.campaignDraft(serviceSid, campaignSid));
    campaignForm(body, options, { serviceSid, serviceName: fix.step.serviceName, serviceMade: false, usecases: draft.usecases, campaignSid, reasons: draft.reasons, input: draft.input });
  } catch (error) {
    body.replaceChildren(errorPanel(error, { onReenterCredentials: options.onReenterCredentials }));
  }
}

/**
 * Step 2: the form, sent as a new campaign, a resubmission, or a replacement.
 * @param {HTMLElement} body
 * @param {CampaignOptions} options
 * @param {{ serviceSid: string, serviceName: string, serviceMade: boolean, usecases: Usecase[], campaignSid: string | null, reasons: Reason[], input?: import('../../types/commands').CampaignInput }} on
 */
function campaignForm(body, options, on) {
  const brandSid = options.business.chain.brandSid ?? '';
  const originalUsecase = on.input?.usecase ?? '';
  const highRisk = on.reasons.some((r) => r.code === 30885);
  const note = h('p', { class: 'help', id: 'campaign-replace-note', 'aria-live': 'polite' });
  const fields = campaignFields({ usecases: on.usecases, onUsecase: () => update() });
  const send = h('button', { type: 'submit', class: 'primary', id: 'campaign-send' });
  const result = h('div', { id: 'campaign-result', 'aria-live': 'polite' });
  const reasons = h('div', { id: 'campaign-reasons' });
  if (on.reasons.length) {
    reasons.append(h('div', { class: 'card reasons' }, h('h2', {}, 'Why Twilio did not approve it'),
      h('ul', {}, ...on.reasons.map(reasonLine))));
  }
  const form = h('form', { class: 'card', id: 'campaign-form', novalidate: true },
    h('p', { class: 'muted' }, 'On the Messaging Service “', userText(on.serviceName || 'with no name', { max: 80 }), '”.'),
    fields.element, note, h('div', { class: 'actions' }, send), result);
  if (on.input) fields.fill(on.input);
  /** What sending does now: make, resubmit, or delete and make again. */
  const mode = () => (!on.campaignSid ? 'create' : fields.usecase() !== originalUsecase ? 'replace' : 'resubmit');
  const update = () => {
    const m = mode();
    fields.lock(m === 'resubmit');
    send.textContent = { create: 'Submit the campaign…', resubmit: 'Resubmit the campaign…', replace: 'Delete and create again…' }[m];
    note.textContent = m === 'replace'
      ? 'A campaign’s kind cannot change: with a new kind, the campaign is deleted and made again as one step, and vetted (and charged) as a new one. Its numbers stay in the service.'
      : m === 'resubmit' ? 'The join, stop and help replies and words are fixed once a campaign is made; to change them, choose the kind again to make a new campaign.' : '';
  };
  update();
  if (highRisk) {
    send.disabled = true;
    note.textContent = 'Twilio judged this campaign high risk: it cannot be resubmitted. Contact Twilio Support.';
  }
  fields.show([], on.reasons);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    result.replaceChildren();
    const input = fields.read(brandSid);
    const problems = await api.checkCampaign(input);
    if (fields.show(problems, []) > 0) {
      result.append(h('p', { class: 'field-error', role: 'alert' }, problems.length === 1 ? 'One answer needs changing: it is marked above.' : `${problems.length} answers need changing: they are marked above.`));
      return;
    }
    const m = mode();
    const words = {
      create: ['Submit the campaign for review?', VETTING, 'Submit and pay the vetting fee'],
      resubmit: ['Resubmit the campaign?', 'Twilio vets the campaign again and charges the vetting fee again, whether it is approved or not. Review usually takes a few days.', 'Resubmit and pay the vetting fee'],
      replace: ['Delete the campaign and create it again?', `The campaign is deleted and a new one with the new kind is submitted. ${VETTING}`, 'Delete and create again'],
    }[m];
    if (!(await confirmDialog(words[0], words[1], words[2], send, { danger: m === 'replace' }))) return;
    send.disabled = true;
    try {
      if (m === 'create') await busy(() => api.submitCampaign(on.serviceSid, input));
      else if (m === 'resubmit') await busy(() => api.resubmitCampaign(on.serviceSid, on.campaignSid ?? '', input));
      else await busy(() => api.replaceCampaign(on.serviceSid, on.campaignSid ?? '', input));
      toast(m === 'resubmit' ? 'The campaign was resubmitted. Twilio’s review usually takes a few days.' : 'The campaign was submitted. Twilio’s review usually takes a few days.');
      options.onDone();
    } catch (error) {
      if (error.kind === 'invalid-input' && error.field) {
        fields.show([{ field: error.field, message: error.message }]);
      } else {
        const panel = errorPanel(error, { onReenterCredentials: options.onReenterCredentials });
        // Made halfway: the service exists, the campaign does not. Finish (send again) or remove it.
        if (m === 'create' && on.serviceMade) {
          panel.append(h('p', {}, `The Messaging Service “${plainUserText(on.serviceName, 60)}” was made for this campaign; the campaign was not. Send again when ready, or remove the service.`),
            removeButton(on.serviceSid, on.serviceName, options));
        }
        result.replaceChildren(panel);
        focusOn(panel);
      }
      if (error.partial?.state === 'replacing') { on.campaignSid = null; update(); }
    } finally {
      send.disabled = highRisk;
    }
  });
  body.replaceChildren(reasons, form);
}

/**
 * Removes a service made for a campaign that was not made, after a question.
 * @param {string} sid @param {string} name @param {CampaignOptions} options
 */
function removeButton(sid, name, options) {
  const button = h('button', { type: 'button', class: 'danger', id: 'campaign-remove-service' }, 'Remove the Messaging Service…');
  button.addEventListener('click', async () => {
    const shown = plainUserText(name, 60);
    if (!(await confirmDialog(`Remove “${shown}”?`, 'The Messaging Service made for this campaign is deleted from the Twilio account. No number was in it; nothing is charged.', 'Remove the Messaging Service', button, { danger: true }))) return;
    button.disabled = true;
    try {
      await busy(() => api.removeService(sid));
      toast(`“${shown}” was removed.`);
      options.onDone();
    } catch (error) {
      button.disabled = false;
      button.after(errorPanel(error, { onReenterCredentials: options.onReenterCredentials }));
    }
  });
  return button;
}
