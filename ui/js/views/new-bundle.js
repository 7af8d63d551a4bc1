// Starting a new Customer-Profile or Trust Product: what it is for (the policies Twilio
// offers, each in a sentence), then its name and notification e-mail. Once the draft
// exists, the profile view takes over and walks through what Twilio needs, one
// requirement at a time. The same form, with the policy fixed, names a copy of a profile.

import { api, openTwilioPage } from '../api.js';
import { h, userText, plainUserText } from '../format.js';
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
    const next = h('button', { type: 'submit', id: 'policy-next' }, 'Next');
    const form = h('form', { novalidate: true }, heading, list, error, h('div', { class: 'actions' }, next));
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
          return h('div', { class: 'radio-row policy' },
            h('input', { type: 'radio', name: 'policy', id, value: p.sid, checked: p.sid === chosen?.sid, 'aria-describedby': `${id}-explain` }),
            h('label', { for: id }, h('strong', {}, userText(p.name, { max: 120, expandable: false }))),
            h('p', { class: 'help', id: `${id}-explain` }, p.explanation));
        }),
        offered.length ? '' : h('p', { class: 'muted' }, `Twilio offers no kind of ${words.list} that can be made here.`),
        ...consoleOnly.map((p) => h('div', { class: 'console-only', dataset: { policy: p.sid } },
          h('p', {}, h('strong', {}, userText(p.name, { max: 120, expandable: false })), ' — ', p.explanation),
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
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const sid = list.querySelector('input:checked')?.getAttribute('value');
      if (!sid) {
        error.textContent = `Choose what the ${words.list} is for.`;
        list.querySelector('input')?.focus();
        return;
      }
      chosen = offered.find((p) => p.sid === sid);
      nameAndEmail();
    });
  }

  // ---- Step 2: name and notification e-mail ----
  function nameAndEmail() {
    markStep(copyOf ? 0 : 1);
    const heading = h('h2', { tabindex: '-1' }, 'Name and e-mail');
    const name = fieldInput({ machineName: 'friendlyName', label: 'Name', kind: 'text' },
      copyOf ? `${plainUserText(copyOf.friendly_name ?? '')} (copy)`.trim() : '', { idPrefix: 'new', onChange: () => {} });
    const email = fieldInput({ machineName: 'email', label: 'Notification e-mail', kind: 'email' },
      copyOf?.email ?? '', { idPrefix: 'new', onChange: () => {} });
    name.wrap.append(h('p', { class: 'help' }, 'The name you will know it by, such as the business’s name. Only you see it.'));
    email.wrap.append(h('p', { class: 'help' }, 'Twilio writes here when the status changes.'));
    const problems = h('div', { id: 'new-message' });
    const create = h('button', { type: 'submit', id: 'create-draft' }, copyOf ? 'Make the copy' : 'Create the draft');
    const back = copyOf ? '' : h('button', { type: 'button', class: 'secondary', onclick: choosePolicy }, 'Back');
    const explain = copyOf
      ? h('p', {}, 'The copy follows the same policy and uses the same records as the original: its business information, representatives, address and linked profile. They are shared, not duplicated: a change to one shows in every profile that uses it. To give the copy a record of its own, use Replace with another… in the copy. Phone numbers are not copied: a number serves one profile.')
      : h('p', {}, 'For: ', h('strong', {}, userText(chosen.name, { max: 120, expandable: false })), '. ', chosen.explanation);
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
