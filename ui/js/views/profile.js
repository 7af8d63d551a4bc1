// One Customer-Profile: what Twilio holds, the edit form, and its linked lists.

import { api, openTwilioPage } from '../api.js';
import { h, DASH, STATUSES, statusInfo, localDate, text, rejectionMeaning } from '../format.js';
import { busy, confirmDialog, errorPanel, toast, sidWithCopy } from '../ui.js';
import { checklist, showLinkedList } from './linked-lists.js';

/** Policy names, fetched once per session: they never change. */
const policyNames = new Map();

/** Statuses from which a customer may submit the profile for review. */
const SUBMITTABLE = ['draft', 'twilio-rejected'];

const FIELDS = [
  { key: 'friendlyName', api: 'friendly_name', label: 'Profile name', type: 'text',
    help: 'The name you know this profile by.' },
  { key: 'email', api: 'email', label: 'Notification e-mail', type: 'email',
    help: 'Twilio writes here when the profile’s status changes.' },
  { key: 'statusCallback', api: 'status_callback', label: 'Status-change web address (optional)', type: 'url',
    help: 'A web address of yours that Twilio calls when the status changes. Leave as it is if you do not use one.' },
];

/** Same checks the app makes before sending, for feedback while typing. */
const CHECKS = {
  friendlyName: (v) => (v.trim() ? '' : 'Enter a name for this profile.'),
  email: (v) => (/^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v.trim()) ? '' : 'Enter an e-mail address such as name@example.com.'),
  statusCallback: (v) => {
    try {
      const u = new URL(v.trim());
      return ['http:', 'https:'].includes(u.protocol) && u.hostname ? '' : 'Enter a full web address that starts with https:// (or http://).';
    } catch {
      return 'Enter a full web address that starts with https:// (or http://).';
    }
  },
  status: () => '',
};

/**
 * Shows the profile `sid` in `root`. Returns a controller with `isDirty()` so the app
 * can ask before leaving unsaved edits.
 */
export function showProfile(root, sid, { onBack, onReenterCredentials, isCurrent, isDemo }) {
  let profile = null;
  let saving = false;

  const title = h('h1', { id: 'profile-title' }, 'Customer-Profile');
  const details = h('div', { class: 'details', id: 'profile-details' });
  const problems = h('div', { id: 'profile-message', 'aria-live': 'polite' });
  const linked = h('div', { class: 'linked', id: 'linked-list' });

  const inputs = {};
  const errors = {};
  const formFields = FIELDS.map((f) => {
    const id = `edit-${f.key}`;
    inputs[f.key] = h('input', { id, name: f.key, type: f.type, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-help ${id}-error`, oninput: refresh });
    errors[f.key] = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    return h('div', { class: 'field' }, h('label', { for: id }, f.label), inputs[f.key], h('p', { class: 'help', id: `${id}-help` }, f.help), errors[f.key]);
  });
  inputs.status = h('select', { id: 'edit-status', name: 'status', 'aria-describedby': 'edit-status-help edit-status-error', onchange: refresh },
    STATUSES.map((s) => h('option', { value: s.value }, s.label)));
  errors.status = h('p', { class: 'field-error', id: 'edit-status-error', 'aria-live': 'polite' });
  const statusHelp = h('p', { class: 'help', id: 'edit-status-help' });
  const statusField = h('div', { class: 'field' },
    h('label', { for: 'edit-status' }, 'Status'), inputs.status, statusHelp,
    h('p', { class: 'help' }, 'Customers normally choose only Draft or Pending review (to submit the profile). Twilio sets the other statuses.'),
    errors.status);

  const save = h('button', { type: 'submit', id: 'save', disabled: true }, 'Save changes');
  const undo = h('button', { type: 'button', id: 'undo', class: 'secondary', disabled: true, onclick: () => { fill(profile); refresh(); } }, 'Undo changes');
  const changesNote = h('p', { class: 'muted', id: 'changes-note', 'aria-live': 'polite' }, 'No changes yet.');
  const lockNote = h('p', { class: 'notice warning', id: 'lock-note', hidden: true });
  const form = h('form', { class: 'card edit-form', id: 'edit-form', novalidate: true, onsubmit: submit },
    h('h2', {}, 'Edit'), lockNote, ...formFields, statusField, changesNote,
    h('div', { class: 'actions' }, save, undo));

  const refreshButton = h('button', { type: 'button', class: 'secondary', id: 'refresh', onclick: () => load(true) }, 'Refresh');
  const submitButton = h('button', { type: 'button', id: 'submit-review', hidden: true, onclick: submitForReview }, 'Submit for review…');
  const consoleButton = h('button', {
    type: 'button', class: 'secondary', id: 'open-console', disabled: isDemo(),
    title: isDemo() ? 'Demo profiles do not exist in the Twilio Console' : 'Opens this profile in your web browser',
    onclick: () => openTwilioPage(`https://console.twilio.com/us1/account/trust-hub/customer-profiles/${sid}`),
  }, 'Open in Twilio Console');
  const submitResult = h('div', { id: 'submit-result', 'aria-live': 'polite' });
  root.replaceChildren(
    h('nav', { class: 'crumbs' }, h('button', { type: 'button', class: 'link-button', id: 'back', onclick: onBack }, '‹ All profiles')),
    h('div', { class: 'title-row' }, title, h('div', { class: 'actions' }, submitButton, consoleButton, refreshButton)),
    problems,
    submitResult,
    h('div', { class: 'columns' }, h('div', { class: 'card' }, h('h2', {}, 'As Twilio holds it'), details), form),
    linked,
  );

  function fill(p) {
    for (const f of FIELDS) inputs[f.key].value = p[f.api] ?? '';
    inputs.status.value = p.status ?? 'draft';
  }

  /** The fields that differ from what Twilio holds: exactly what Save will send. */
  function changes() {
    if (!profile) return {};
    const out = {};
    for (const f of FIELDS) {
      const now = inputs[f.key].value;
      if (now !== (profile[f.api] ?? '')) out[f.key] = now;
    }
    if (inputs.status.value !== profile.status) out.status = inputs.status.value;
    return out;
  }

  function refresh() {
    const changed = changes();
    let valid = true;
    for (const key of Object.keys(inputs)) {
      const message = key in changed ? CHECKS[key](changed[key]) : '';
      errors[key].textContent = message;
      inputs[key].setAttribute('aria-invalid', message ? 'true' : 'false');
      if (message) valid = false;
    }
    const count = Object.keys(changed).length;
    save.disabled = saving || count === 0 || !valid;
    undo.disabled = saving || count === 0;
    changesNote.textContent = count === 0 ? 'No changes yet.'
      : `${count} unsaved change${count === 1 ? '' : 's'}: ${Object.keys(changed).map(labelOf).join(', ')}.`;
    statusHelp.textContent = statusInfo(inputs.status.value).explain;
  }

  async function submit(event) {
    event.preventDefault();
    const changed = changes();
    if (saving || Object.keys(changed).length === 0) return;
    saving = true;
    refresh();
    problems.replaceChildren();
    try {
      const updated = await busy(() => api.updateProfile(sid, changed));
      if (!isCurrent()) return;
      profile = updated;
      renderDetails(updated);
      fill(updated);
      toast('Saved. This is the profile as Twilio now holds it.');
    } catch (error) {
      if (!isCurrent()) return;
      // The person's edits stay in the form; only the message is added.
      const key = error.field;
      if (key && errors[key]) {
        errors[key].textContent = error.message;
        inputs[key].setAttribute('aria-invalid', 'true');
      }
      problems.replaceChildren(errorPanel(error, { onReenterCredentials }));
    } finally {
      saving = false;
      if (isCurrent()) {
        const stillShown = Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.textContent]));
        refresh();
        for (const [k, text] of Object.entries(stillShown)) {
          if (text && !errors[k].textContent) errors[k].textContent = text;
        }
      }
    }
  }

  function renderDetails(p) {
    title.textContent = p.friendly_name || 'Customer-Profile';
    const locked = ['pending-review', 'in-review', 'twilio-approved'].includes(p.status);
    lockNote.hidden = !locked;
    submitButton.hidden = !SUBMITTABLE.includes(p.status);
    lockNote.textContent = locked
      ? `This profile is ${statusInfo(p.status).label.toLowerCase()}. Twilio normally refuses changes to it until the review ends; if you save, Twilio’s answer is shown here and your edits stay in the form.`
      : '';
    const status = statusInfo(p.status);
    const rows = [
      ['Name', text(p.friendly_name)],
      ['Status', h('span', {}, h('span', { class: `badge status-${p.status}` }, status.label), h('span', { class: 'explain' }, status.explain))],
      ['Notification e-mail', text(p.email)],
      ['Status-change web address', text(p.status_callback)],
      ['Profile SID', sidWithCopy(p.sid)],
      ['Account SID', sidWithCopy(p.account_sid)],
      ['Policy', h('span', { id: 'policy-name' }, sidWithCopy(p.policy_sid))],
      ['Valid until', localDate(p.valid_until)],
      ['Created', localDate(p.date_created)],
      ['Last updated', localDate(p.date_updated)],
      ['API address', p.url ? h('code', { class: 'wrap' }, p.url) : DASH],
    ];
    const reasons = p.errors?.length
      ? h('div', { class: 'rejections', id: 'rejections' },
        h('h3', {}, 'Why Twilio rejected it'),
        h('ul', {}, p.errors.map((e) => h('li', {}, h('strong', {}, `Code ${e.code ?? DASH}: `), rejectionMeaning(e.code)))))
      : null;
    const links = p.links ?? {};
    const buttons = h('div', { class: 'actions link-buttons' },
      linkButton('evaluations', 'Evaluations', links.customer_profiles_evaluations),
      linkButton('entity-assignments', 'Entity assignments', links.customer_profiles_entity_assignments),
      linkButton('channel-endpoint-assignments', 'Phone numbers (channel endpoints)', links.customer_profiles_channel_endpoint_assignment));
    details.replaceChildren(
      h('dl', {}, rows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
      reasons ?? '',
      h('h3', {}, 'Linked records'),
      buttons);
    policyName(p.policy_sid);
  }

  async function policyName(policySid) {
    if (!policySid) return;
    if (!policyNames.has(policySid)) {
      policyNames.set(policySid, api.fetchPolicy(policySid).catch((e) => { policyNames.delete(policySid); throw e; }));
    }
    try {
      const policy = await policyNames.get(policySid);
      const el = document.getElementById('policy-name');
      if (el && isCurrent() && policy.friendly_name) el.replaceChildren(policy.friendly_name, ' ', sidWithCopy(policySid));
    } catch {
      // The SID stays shown; the name is a comfort, not essential.
    }
  }

  function linkButton(which, label, link) {
    return h('button', { type: 'button', class: 'secondary', id: `open-${which}`, disabled: !link,
      onclick: () => showLinkedList(linked, which, sid, { onReenterCredentials, isCurrent, profile: () => profile, onProfileChanged }) }, label);
  }

  /**
   * Guided submission: check compliance first; when something fails, show what to fix
   * and stop. Otherwise confirm, save pending edits, then send the status on its own.
   */
  async function submitForReview() {
    if (!profile || saving) return;
    submitResult.replaceChildren();
    problems.replaceChildren();
    submitButton.disabled = true;
    try {
      const evaluation = await busy(() => api.createEvaluation(sid, profile.policy_sid));
      if (!isCurrent()) return;
      if (evaluation.status !== 'compliant') {
        submitResult.replaceChildren(h('div', { class: 'card notice-card', id: 'submit-blocked' },
          h('h2', {}, 'Not submitted: fix these first'),
          h('p', {}, 'Twilio checked this profile and some requirements are not met. It was not submitted. Fix what is listed below in the Twilio Console, then try again.'),
          checklist(evaluation)));
        return;
      }
      const pending = changes();
      delete pending.status;
      const unsaved = Object.keys(pending).length;
      const extra = unsaved ? ` Your ${unsaved} unsaved change${unsaved === 1 ? ' is' : 's are'} saved first.` : '';
      const ok = await confirmDialog('Submit this profile for review?',
        `Twilio checked “${profile.friendly_name ?? sid}” and every requirement is met.${extra} After you submit, Twilio reviews the profile and it cannot be changed until the review ends.`,
        'Submit for review');
      if (!ok || !isCurrent()) return;
      saving = true;
      refresh();
      const updated = await busy(() => api.updateProfile(sid, { ...pending, status: 'pending-review' }));
      if (!isCurrent()) return;
      onProfileChanged(updated);
      toast(`Submitted. Status: ${statusInfo(updated.status).label}.`);
      followReview();
    } catch (error) {
      if (isCurrent()) problems.replaceChildren(errorPanel(error, { onReenterCredentials }));
    } finally {
      saving = false;
      submitButton.disabled = false;
      if (isCurrent()) refresh();
    }
  }

  /** Twilio moves a submitted profile on to "in review" shortly; show it when it does. */
  async function followReview(tries = 8) {
    for (let i = 0; i < tries; i += 1) {
      await new Promise((r) => { setTimeout(r, 2500); });
      if (!isCurrent() || Object.keys(changes()).length) return;
      try {
        const latest = await api.fetchProfile(sid);
        if (!isCurrent()) return;
        if (latest.status !== profile.status) {
          onProfileChanged(latest);
          toast(`Status: ${statusInfo(latest.status).label}.`);
        }
        if (latest.status !== 'pending-review') return;
      } catch {
        return; // Refresh still works by hand.
      }
    }
  }

  function onProfileChanged(updated) {
    profile = updated;
    renderDetails(updated);
    fill(updated);
    refresh();
  }

  async function load(keepEdits = false) {
    const pending = keepEdits ? changes() : {};
    problems.replaceChildren();
    details.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    form.inert = true;
    try {
      const p = await busy(() => api.fetchProfile(sid));
      if (!isCurrent()) return;
      profile = p;
      renderDetails(p);
      fill(p);
      for (const [k, v] of Object.entries(pending)) inputs[k].value = v;
      form.inert = false;
      refresh();
    } catch (error) {
      if (!isCurrent()) return;
      details.replaceChildren(h('p', { class: 'muted' }, 'The profile could not be loaded.'));
      problems.replaceChildren(errorPanel(error, { onReenterCredentials }));
    }
  }

  load();
  return { isDirty: () => Object.keys(changes()).length > 0 };
}

function labelOf(key) {
  return key === 'status' ? 'status' : FIELDS.find((f) => f.key === key).label.replace(' (optional)', '').toLowerCase();
}
