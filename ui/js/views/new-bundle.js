// Starting a new Customer-Profile or Trust Product: what to have ready and what it is for
// (the policies Twilio offers, each in a sentence, a secondary profile's need of an approved
// ISV primary profile checked at once), then its name and notification e-mail. Once the draft
// exists, the profile view takes over and walks through what Twilio needs, one
// requirement at a time. The same form, with the policy fixed, names a copy of a profile.

import { api, openTwilioPage } from '../api.js';
import { h, userText, plainUserText, twilioWords } from '../format.js';
import { busy, errorPanel, focusOn } from '../ui.js';
import { fieldInput } from '../fields.js';
import { checkField } from '../checks.js';

/**
 * @typedef {import('../../types/commands').BundleKind} BundleKind
 * @typedef {import('../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../types/commands').PolicyChoice} PolicyChoice
 */

/** @type {Record<BundleKind, { one: string, back: string, list: string }>} */
const WORDS = {
  'customer-profile': { one: 'Customer-Profile', back: '‹ All profiles', list: 'profile' },
  'trust-product': { one: 'Trust Product', back: '‹ All Trust Products', list: 'Trust Product' },
};

const CONSOLE = 'https://console.twilio.com/us1/account/trust-hub/customer-profiles';

/** What to have at hand before starting: the commonest causes of rejection, avoided up front. */
const READY = {
  'customer-profile': [
    'The business’s legal name, exactly as on its registration papers.',
    'Its registration number and the kind of number (in the US, the EIN).',
    'The business’s own website, on the same domain as the e-mail addresses you give.',
    'The business address: street and number, city, postal code and country (not a P.O. box).',
    'One or two representatives of the business: full name, job title, a direct work e-mail on the website’s domain and a direct phone number.',
  ],
  'trust-product': [
    'An approved Customer-Profile of the business: the Trust Product is made on it.',
    'For A2P (text messages to US numbers): whether the company is public and, if so, its stock exchange and ticker.',
    'For SHAKEN/STIR, CNAM or Voice Integrity: the phone numbers the business calls from.',
  ],
};

/**
 * Whether a secondary profile can be made: it needs an approved primary profile marked as an
 * ISV reseller or partner. Answers the words to show and whether to stop the person.
 * @param {import('../../types/commands').PrimaryCheck} check
 * @returns {{ words: string, ok: boolean }}
 */
export function primaryWords(check) {
  if (check.inSubaccount) {
    return { ok: true, words: 'In a subaccount, a secondary profile builds on the main account’s primary profile, which TrustHub Desk cannot read from here: make sure it is approved and marked as an ISV reseller or partner.' };
  }
  const isv = check.primaries.find((p) => p.isv);
  if (isv) return { ok: true, words: `It builds on your approved primary profile “${plainUserText(isv.name ?? isv.sid)}”, an ISV reseller or partner.` };
  if (check.primaries.length) {
    const first = plainUserText(check.primaries[0].name ?? check.primaries[0].sid);
    return { ok: false, words: `Your approved primary profile “${first}” is not marked as an ISV reseller or partner, and Twilio accepts secondary profiles only under one that is. Change its business identity in the Twilio Console first.` };
  }
  return { ok: false, words: 'A secondary profile needs an approved primary profile of your own business, marked as an ISV reseller or partner, and this account has none yet. Make it in the Twilio Console and wait for Twilio’s approval first.' };
}

/**
 * Fills `root` with the steps. `copyOf` (a profile as Twilio holds it) makes it the copy
 * form. `onCreated(profile)` opens the new draft; `onCancel()` goes back to the list.
 * @param {HTMLElement} root
 * @param {{ kind: BundleKind, copyOf?: CustomerProfile | null, isCurrent: () => boolean, isDemo: () => boolean,
 *   onCreated: (profile: { sid: string }) => void, onCancel: () => void, onReenterCredentials: () => void }} options
 */
export function createNewBundle(root, { kind, copyOf = null, isCurrent, isDemo, onCreated, onCancel, onReenterCredentials }) {
  const words = WORDS[kind];
  /** @type {PolicyChoice | null} the policy chosen in step 1 */
  let chosen = null;
  let attempted = false; // a create failed once: the next try looks first for what it made
  /** @type {string | null} a copy that stopped part-way: continuing fills it */
  let copyInto = null;

  const title = h('h1', { id: 'new-title', tabindex: '-1' },
    copyOf ? `Copy “${plainUserText(copyOf.friendly_name ?? copyOf.sid).slice(0, 120)}”` : `New ${words.one}`);
  const stepNames = copyOf ? ['Name and e-mail', 'What Twilio needs'] : ['What it is for', 'Name and e-mail', 'What Twilio needs'];
  const steps = h('ol', { class: 'steps', 'aria-label': 'Steps' }, stepNames.map((n) => h('li', {}, n)));
  const body = h('div', { class: 'card new-bundle' });
  root.replaceChildren(
    h('nav', { class: 'crumbs' }, h('button', { type: 'button', class: 'link-button', id: 'new-back', onclick: onCancel }, words.back)),
    title, steps, body);

  /** @param {number} i */
  function markStep(i) {
    [...steps.children].forEach((li, j) => {
      li.classList.toggle('done', j < i);
      if (j === i) li.setAttribute('aria-current', 'step'); else li.removeAttribute('aria-current');
    });
  }

  // ---- Step 1: what it is for ----
  async function choosePolicy() {
    markStep(0);
    const heading = h('h2', { tabindex: '-1' }, 'What is it for?');
    const list = h('div', { class: 'policy-list', role: 'radiogroup', 'aria-labelledby': 'policy-heading' }, h('p', { class: 'muted' }, 'Loading what Twilio offers…'));
    heading.id = 'policy-heading';
    const error = h('p', { class: 'field-error', id: 'policy-error', 'aria-live': 'polite' });
    const next = h('button', { type: 'submit', id: 'policy-next', class: 'primary' }, 'Next');
    const ready = h('section', { class: 'ready', id: 'what-to-have-ready', 'aria-labelledby': 'ready-title' },
      h('h2', { id: 'ready-title' }, 'What to have ready'),
      h('ul', {}, READY[kind].map((line) => h('li', {}, line))),
      h('p', { class: 'help' }, 'Twilio’s reviewers compare these with public records: most rejections come from a name, number, address or e-mail that does not match them.'));
    const form = h('form', { novalidate: true }, ready, heading, list, error, h('div', { class: 'actions' }, next));
    /** @type {Promise<{ words: string, ok: boolean }> | null} the secondary profile's check, once asked */
    let primary = null;
    body.replaceChildren(form);
    heading.focus();
    /** @type {PolicyChoice[]} */
    let offered = [];
    try {
      const all = await busy(() => api.listPolicies(kind));
      if (!isCurrent()) return;
      offered = all.filter((p) => !p.consoleOnly);
      const consoleOnly = all.filter((p) => p.consoleOnly);
      list.replaceChildren(
        ...offered.map((p, i) => {
          const id = `policy-${i}`;
          const needs = p.purpose === 'secondary' ? h('p', { class: 'prerequisite', id: 'primary-check', 'aria-live': 'polite' }, 'Checking your primary profile…') : null;
          if (needs) {
            primary ??= api.primaryProfiles().then(primaryWords, () => ({ ok: true, words: 'TrustHub Desk could not check your primary profile: a secondary profile needs an approved one marked as an ISV reseller or partner.' }));
            primary.then((answer) => {
              needs.textContent = answer.words;
              needs.classList.toggle('warning', !answer.ok);
            });
          }
          return h('div', { class: 'radio-row policy' },
            h('input', { type: 'radio', name: 'policy', id, value: p.sid, checked: p.sid === chosen?.sid, 'aria-describedby': `${id}-explain${needs ? ' primary-check' : ''}` }),
            h('label', { for: id }, h('strong', {}, userText(twilioWords(p.name ?? ''), { max: 120, expandable: false }))),
            h('p', { class: 'help', id: `${id}-explain` }, p.explanation), needs);
        }),
        offered.length ? '' : h('p', { class: 'muted' }, `Twilio offers no kind of ${words.list} that can be made here.`),
        ...consoleOnly.map((p) => h('div', { class: 'console-only', dataset: { policy: p.sid } },
          h('p', {}, h('strong', {}, userText(twilioWords(p.name ?? ''), { max: 120, expandable: false })), ' — ', p.explanation),
          h('button', {
            type: 'button', class: 'secondary', disabled: isDemo(),
            title: isDemo() ? 'The demo has no Twilio Console' : 'Opens the Twilio Console in your browser',
            onclick: () => openTwilioPage(CONSOLE),
          }, 'Open the Twilio Console'))),
      );
    } catch (error2) {
      if (!isCurrent()) return;
      list.replaceChildren(errorPanel(error2, { onReenterCredentials }));
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const sid = list.querySelector('input:checked')?.getAttribute('value');
      if (!sid) {
        error.textContent = `Choose what the ${words.list} is for.`;
        list.querySelector('input')?.focus();
        return;
      }
      const picked = offered.find((p) => p.sid === sid);
      // A secondary profile without an approved ISV primary would only be rejected at the end.
      if (picked.purpose === 'secondary' && primary) {
        const answer = await primary;
        if (!isCurrent()) return;
        if (!answer.ok) {
          error.textContent = `${answer.words} Or choose another kind of profile.`;
          /** @type {HTMLInputElement | null} */ (list.querySelector('input:checked'))?.focus();
          return;
        }
      }
      error.textContent = '';
      chosen = picked;
      nameAndEmail();
    });
  }

  // ---- Step 2: name and notification e-mail ----
  function nameAndEmail() {
    markStep(copyOf ? 0 : 1);
    const heading = h('h2', { tabindex: '-1' }, 'Name and e-mail');
    const name = fieldInput({ machineName: 'friendlyName', label: 'Name', kind: 'text' },
      copyOf ? `${plainUserText(copyOf.friendly_name ?? '')} (copy)`.trim() : '',
      { idPrefix: 'new', onChange: () => {}, help: 'The name you will know it by, such as the business’s name. Only you see it.' });
    const email = fieldInput({ machineName: 'email', label: 'Notification e-mail', kind: 'email' },
      copyOf?.email ?? '', { idPrefix: 'new', onChange: () => {}, help: 'Twilio writes here when the status changes.' });
    const problems = h('div', { id: 'new-message' });
    const create = h('button', { type: 'submit', id: 'create-draft', class: 'primary' }, copyOf ? 'Make the copy' : 'Create the draft');
    const back = copyOf ? '' : h('button', { type: 'button', class: 'secondary', onclick: choosePolicy }, 'Back');
    const explain = copyOf
      ? h('p', {}, 'The copy follows the same policy and uses the same records as the original: its business information, representatives, address and linked profile. They are shared, not duplicated: a change to one shows in every profile that uses it. To give the copy a record of its own, use Replace with another… in the copy. Phone numbers are not copied: a number serves one profile.')
      : h('p', {}, 'For: ', h('strong', {}, userText(twilioWords(chosen.name ?? ''), { max: 120, expandable: false })), '. ', chosen.explanation);
    const form = h('form', { novalidate: true }, heading, explain, problems, name.wrap, email.wrap, h('div', { class: 'actions' }, create, back));
    body.replaceChildren(form);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      let first = null;
      for (const f of [name, email]) {
        const bad = checkField(f.spec, f.value());
        f.setError(bad);
        if (bad && !first) first = f;
      }
      if (first) { first.focus(); return; }
      create.disabled = true;
      problems.replaceChildren();
      try {
        const profile = copyOf
          ? (await busy(() => api.copyProfile(copyOf.sid, { friendlyName: String(name.value()), email: String(email.value()), into: copyInto, retry: attempted }, kind))).profile
          : await busy(() => api.createProfile(kind, { friendlyName: String(name.value()), email: String(email.value()), policySid: chosen.sid }, attempted));
        if (!isCurrent()) return;
        onCreated(profile);
      } catch (error) {
        if (!isCurrent()) return;
        attempted = true;
        create.disabled = false;
        if (error.partial) {
          copyInto = error.partial.sid;
          create.textContent = 'Continue copying';
          const panel = errorPanel(error, { onReenterCredentials });
          panel.append(h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'secondary', onclick: () => onCreated({ sid: copyInto }) }, 'Open the copy')));
          problems.replaceChildren(panel);
          focusOn(panel);
          return;
        }
        /** @type {Record<string, typeof name>} */
        const fields = { friendlyName: name, email };
        const target = fields[error.field];
        if (target) { target.setError(error.message); target.focus(); return; }
        const panel = errorPanel(error, { onReenterCredentials });
        problems.replaceChildren(panel);
        focusOn(panel);
      }
    });
    heading.focus();
  }

  if (copyOf) nameAndEmail(); else choosePolicy();
  focusOn(title);
  return { title };
}
