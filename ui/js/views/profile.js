// One Customer-Profile or Trust Product: what Twilio holds, the edit form, What Twilio
// needs, its linked lists, and copying or deleting it.

import { api, openTwilioPage } from '../api.js';
import { h, DASH, STATUSES, statusInfo, localDate, userText, fillUserText, plainUserText, rejectionMeaning } from '../format.js';
import { busy, confirmDialog, errorPanel, toast, sidSlot, focusOn, invisibleNote, BoundedCache } from '../ui.js';
import { checklist, createLinkedLists } from './linked-lists.js';
import { createRequirements } from './requirements.js';
import { createTimeline } from './history.js';

/** Policy names: they never change; a few are enough. */
const policyNames = new BoundedCache(20);

/** Forgets what was cached about the previous account. */
export function clearProfileCaches() {
  policyNames.clear();
}

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
 * The profile view, built once and reused for every profile opened (so a day of visits
 * does not build and drop a view each time). `open(sid, isCurrent)` shows one profile;
 * `leave()` stops what it was loading; `isDirty()` says whether edits are unsaved.
 */
export function createProfileView(root, { onBack, onDeleted, onCopy, onReenterCredentials, isDemo }) {
  let sid = null;
  let kind = 'customer-profile'; // or 'trust-product': the same view serves both
  let profile = null;
  let saving = false;
  let visit = 0; // bumps on each open and leave: an answer for an earlier visit is dropped
  let navigation = () => false; // the app's check that this view is still the one shown
  let followTimer = null;
  let guided = false; // just created: What Twilio needs walks through each requirement
  let wake = null; // ends a wait at once when the view is left, so nothing waits forever

  /** A check bound to this visit: false once the person opened another or left. */
  function visitGuard() {
    const mine = visit;
    return () => mine === visit && navigation();
  }
  const isCurrent = () => navigation();

  const title = h('h1', { id: 'profile-title', tabindex: '-1' }, 'Customer-Profile');
  const detailsTitle = h('h2', { id: 'details-title', tabindex: '-1' }, 'As Twilio holds it');
  // What Twilio holds, as fixed rows filled again for each profile.
  const facts = {
    name: h('bdi'), badge: h('span', { class: 'badge' }), explain: h('span', { class: 'explain' }),
    email: h('bdi'), callback: h('bdi'), sid: sidSlot(), account: sidSlot(),
    policyName: h('span'), policy: sidSlot(), validUntil: h('span'), created: h('span'), updated: h('span'),
    url: h('bdi'),
  };
  const reasonList = h('ul');
  const reasons = h('div', { class: 'rejections', id: 'rejections', hidden: true }, h('h3', {}, 'Why Twilio rejected it'), reasonList);
  const linkButtons = {
    evaluations: linkButton('evaluations', 'Evaluations'),
    'entity-assignments': linkButton('entity-assignments', 'Entity assignments'),
    'channel-endpoint-assignments': linkButton('channel-endpoint-assignments', 'Phone numbers (channel endpoints)'),
  };
  const factRows = [
    ['Name', facts.name],
    ['Status', h('span', {}, facts.badge, facts.explain)],
    ['Notification e-mail', facts.email],
    ['Status-change web address', facts.callback],
    ['Profile SID', facts.sid.el],
    ['Account SID', facts.account.el],
    ['Policy', h('span', { id: 'policy-name' }, facts.policyName, facts.policy.el)],
    ['Valid until', facts.validUntil],
    ['Created', facts.created],
    ['Last updated', facts.updated],
    ['API address', h('code', { class: 'wrap' }, facts.url)],
  ];
  const detailsLoading = h('p', { class: 'muted' }, 'Loading…');
  const detailsBody = h('div', { hidden: true },
    h('dl', {}, factRows.flatMap(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])),
    reasons,
    h('h3', {}, 'Linked records'),
    h('div', { class: 'actions link-buttons' }, Object.values(linkButtons)));
  const details = h('div', { class: 'details', id: 'profile-details' }, detailsLoading, detailsBody);
  const problems = h('div', { id: 'profile-message', 'aria-live': 'polite' });
  const linked = h('div', { class: 'linked', id: 'linked-list' });
  const timeline = createTimeline();
  const linkedLists = createLinkedLists(linked);
  const needs = h('div', { id: 'requirements-root' });
  const requirements = createRequirements(needs, {
    kind: () => kind,
    sid: () => sid,
    profile: () => profile,
    guard: () => visitGuard(),
    onReenterCredentials,
    isDemo,
    onChecked: () => {},
    onLoaded: () => timeline.load(sid, visitGuard()),
  });
  /** Opens the fix of a failed item: its block's editor, the field focused. */
  const onFix = (requirement, field) => requirements.fix(requirement, field);

  const inputs = {};
  const errors = {};
  const notes = {};
  const formFields = FIELDS.map((f) => {
    const id = `edit-${f.key}`;
    inputs[f.key] = h('input', { id, name: f.key, type: f.type, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-help ${id}-error`, oninput: refresh });
    errors[f.key] = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    notes[f.key] = invisibleNote(inputs[f.key], refresh);
    return h('div', { class: 'field' }, h('label', { for: id }, f.label), inputs[f.key], notes[f.key].note,
      h('p', { class: 'help', id: `${id}-help` }, f.help), errors[f.key]);
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
    type: 'button', class: 'secondary', id: 'open-console',
    onclick: () => openTwilioPage(consolePage(kind, sid)),
  }, 'Open in Twilio Console');
  const copyButton = h('button', { type: 'button', class: 'secondary', id: 'copy-profile', onclick: () => profile && onCopy(profile, kind) }, 'Copy to a new profile…');
  const deleteButton = h('button', { type: 'button', class: 'secondary danger', id: 'delete-draft', hidden: true, onclick: deleteDraft }, 'Delete this draft…');
  const submitResult = h('div', { id: 'submit-result', 'aria-live': 'polite' });
  const back = h('button', { type: 'button', class: 'link-button', id: 'back', onclick: onBack }, '‹ All profiles');
  root.replaceChildren(
    h('nav', { class: 'crumbs' }, back),
    h('div', { class: 'title-row' }, title, h('div', { class: 'actions' }, submitButton, consoleButton, refreshButton)),
    h('div', { class: 'actions secondary-actions' }, copyButton, deleteButton),
    problems,
    submitResult,
    h('div', { class: 'columns' }, h('div', { class: 'card' }, detailsTitle, details), form),
    needs,
    linked,
    timeline.el,
  );

  function fill(p) {
    for (const f of FIELDS) {
      inputs[f.key].value = p[f.api] ?? '';
      notes[f.key].update();
    }
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
    const isCurrent = visitGuard();
    saving = true;
    refresh();
    problems.replaceChildren();
    try {
      const updated = await busy(() => api.updateProfile(sid, changed, kind));
      if (!isCurrent()) return;
      profile = updated;
      renderDetails(updated);
      fill(updated);
      toast('Saved. This is the profile as Twilio now holds it.');
      focusOn(detailsTitle);
    } catch (error) {
      if (!isCurrent()) return;
      // The person's edits stay in the form; only the message is added.
      const key = error.field;
      const panel = errorPanel(error, { onReenterCredentials });
      problems.replaceChildren(panel);
      if (key && errors[key]) {
        errors[key].textContent = error.message;
        inputs[key].setAttribute('aria-invalid', 'true');
        inputs[key].focus();
      } else {
        focusOn(panel);
      }
    } finally {
      if (isCurrent()) {
        saving = false;
        const stillShown = Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.textContent]));
        refresh();
        for (const [k, text] of Object.entries(stillShown)) {
          if (text && !errors[k].textContent) errors[k].textContent = text;
        }
      }
    }
  }

  function renderDetails(p) {
    timeline.load(sid, visitGuard());
    title.replaceChildren(p.friendly_name ? userText(p.friendly_name, { max: 160 }) : 'Customer-Profile');
    const locked = ['pending-review', 'in-review', 'twilio-approved'].includes(p.status);
    lockNote.hidden = !locked;
    submitButton.hidden = !SUBMITTABLE.includes(p.status);
    // Twilio deletes only drafts and rejected ones; the others are not offered.
    deleteButton.hidden = !SUBMITTABLE.includes(p.status);
    lockNote.textContent = locked
      ? `This profile is ${statusInfo(p.status).label.toLowerCase()}. Twilio normally refuses changes to it until the review ends; if you save, Twilio’s answer is shown here and your edits stay in the form.`
      : '';
    const status = statusInfo(p.status);
    fillUserText(facts.name, p.friendly_name);
    facts.badge.className = `badge status-${p.status}`;
    fillUserText(facts.badge, status.label, { max: 60 });
    facts.explain.textContent = status.explain;
    fillUserText(facts.email, p.email);
    fillUserText(facts.callback, p.status_callback);
    facts.sid.set(p.sid);
    facts.account.set(p.account_sid);
    facts.policyName.replaceChildren();
    facts.policy.set(p.policy_sid);
    facts.validUntil.textContent = localDate(p.valid_until);
    facts.created.textContent = localDate(p.date_created);
    facts.updated.textContent = localDate(p.date_updated);
    fillUserText(facts.url, p.url, { max: 200 });
    reasons.hidden = !p.errors?.length;
    reasonList.replaceChildren(...(p.errors ?? []).map((e) => h('li', {},
      h('strong', {}, 'Code ', userText(String(e.code ?? DASH), { max: 20 }), ': '), rejectionMeaning(e.code))));
    const links = p.links ?? {};
    linkButtons.evaluations.disabled = !links.customer_profiles_evaluations;
    linkButtons['entity-assignments'].disabled = !links.customer_profiles_entity_assignments;
    linkButtons['channel-endpoint-assignments'].disabled = !links.customer_profiles_channel_endpoint_assignment;
    detailsLoading.hidden = true;
    detailsBody.hidden = false;
    policyName(p.policy_sid);
  }

  async function policyName(policySid) {
    if (!policySid) return;
    const isCurrent = visitGuard();
    try {
      const policy = await policyNames.get(policySid, () => api.fetchPolicy(policySid));
      if (isCurrent() && policy.friendly_name) facts.policyName.replaceChildren(userText(policy.friendly_name, { max: 200 }), ' ');
    } catch {
      // The SID stays shown; the name is a comfort, not essential.
    }
  }

  function linkButton(which, label) {
    return h('button', { type: 'button', class: 'secondary', id: `open-${which}`,
      onclick: () => linkedLists.show(which, sid, { kind, onReenterCredentials, isCurrent: visitGuard(), profile: () => profile, onProfileChanged, onFix, onChecked: () => requirements.reload() }),
    }, label);
  }

  /**
   * Guided submission: check compliance first; when something fails, show what to fix
   * and stop. Otherwise confirm, save pending edits, then send the status on its own.
   */
  async function submitForReview() {
    if (!profile || saving) return;
    const isCurrent = visitGuard();
    submitResult.replaceChildren();
    problems.replaceChildren();
    submitButton.disabled = true;
    try {
      const evaluation = await busy(() => api.createEvaluation(sid, profile.policy_sid, kind));
      if (!isCurrent()) return;
      if (evaluation.status !== 'compliant') {
        const heading = h('h2', { tabindex: '-1' }, 'Not submitted: fix these first');
        submitResult.replaceChildren(h('div', { class: 'card notice-card', id: 'submit-blocked' },
          heading,
          h('p', {}, 'Twilio checked this profile and some requirements are not met. It was not submitted. Fix each item with its Fix button, then submit again.'),
          checklist(evaluation, { onFix })));
        requirements.reload();
        heading.focus();
        return;
      }
      const pending = changes();
      delete pending.status;
      const unsaved = Object.keys(pending).length;
      const extra = unsaved ? ` Your ${unsaved} unsaved change${unsaved === 1 ? ' is' : 's are'} saved first.` : '';
      // Enabled again while the question is asked, so the focus can come back to it.
      submitButton.disabled = false;
      const ok = await confirmDialog('Submit this profile for review?',
        `Twilio checked “${plainUserText(profile.friendly_name ?? sid)}” and every requirement is met.${extra} After you submit, Twilio reviews the profile and it cannot be changed until the review ends.`,
        'Submit for review', submitButton);
      if (!ok || !isCurrent()) return;
      submitButton.disabled = true;
      saving = true;
      refresh();
      const updated = await busy(() => api.updateProfile(sid, { ...pending, status: 'pending-review' }, kind));
      if (!isCurrent()) return;
      onProfileChanged(updated);
      toast(`Submitted. Status: ${statusInfo(updated.status).label}.`);
      focusOn(detailsTitle);
      followReview();
    } catch (error) {
      if (isCurrent()) {
        const panel = errorPanel(error, { onReenterCredentials });
        problems.replaceChildren(panel);
        focusOn(panel);
      }
    } finally {
      if (isCurrent()) {
        saving = false;
        submitButton.disabled = false;
        refresh();
      }
    }
  }

  /** Twilio moves a submitted profile on to "in review" shortly; show it when it does. */
  async function followReview(tries = 8) {
    const isCurrent = visitGuard();
    for (let i = 0; i < tries; i += 1) {
      await new Promise((r) => { wake = r; followTimer = setTimeout(r, 2500); });
      if (!isCurrent() || Object.keys(changes()).length) return;
      try {
        const latest = await api.fetchProfile(sid, kind);
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

  /** Deletes this draft after a question that names it; the list then offers its leftovers. */
  async function deleteDraft() {
    if (!profile) return;
    const name = plainUserText(profile.friendly_name ?? sid);
    const what = kind === 'trust-product' ? 'Trust Product' : 'profile';
    const ok = await confirmDialog(`Delete the draft “${name}”?`,
      `The ${what} “${name}” (${sid}) is deleted from your Twilio account for good. This cannot be undone. The records it uses (business information, representatives, documents, addresses) stay in your account; next, you can delete those that nothing else uses.`,
      'Delete the draft', deleteButton);
    if (!ok) return;
    const isCurrent = visitGuard();
    deleteButton.disabled = true;
    try {
      const leftovers = await busy(() => api.deleteProfile(kind, sid));
      if (!isCurrent()) return;
      toast(`“${name}” was deleted.`);
      onDeleted({ sid, kind, name, leftovers });
    } catch (error) {
      if (!isCurrent()) return;
      const panel = errorPanel(error, { onReenterCredentials });
      problems.replaceChildren(panel);
      focusOn(panel);
    } finally {
      deleteButton.disabled = false;
    }
  }

  function onProfileChanged(updated) {
    profile = updated;
    renderDetails(updated);
    fill(updated);
    refresh();
  }

  async function load(keepEdits = false) {
    const isCurrent = visitGuard();
    const pending = keepEdits ? changes() : {};
    problems.replaceChildren();
    detailsLoading.textContent = 'Loading…';
    detailsLoading.hidden = false;
    detailsBody.hidden = true;
    form.inert = true;
    try {
      const p = await busy(() => api.fetchProfile(sid, kind));
      if (!isCurrent()) return;
      profile = p;
      renderDetails(p);
      fill(p);
      for (const [k, v] of Object.entries(pending)) inputs[k].value = v;
      form.inert = false;
      refresh();
      // What Twilio needs loads after the profile (it needs the policy); an editor with
      // changes in it is left as it is.
      if (!keepEdits) requirements.show({ guided });
      else if (!requirements.isDirty()) requirements.reload();
    } catch (error) {
      if (!isCurrent()) return;
      detailsLoading.textContent = 'The profile could not be loaded.';
      problems.replaceChildren(errorPanel(error, { onReenterCredentials }));
    }
  }

  /** Ends what the last visit was loading or waiting for. */
  function stop() {
    visit += 1;
    clearTimeout(followTimer);
    wake?.();
    wake = null;
    linkedLists.dispose();
    requirements.dispose();
  }

  return {
    /** Shows the profile `sid`; `isCurrent` tells whether the app still shows this view. */
    open(nextSid, isShown, nextKind = 'customer-profile', { guided: walk = false, backLabel = null } = {}) {
      stop();
      sid = nextSid;
      kind = nextKind;
      back.textContent = backLabel ?? (kind === 'trust-product' ? '‹ All Trust Products' : '‹ All profiles');
      copyButton.textContent = kind === 'trust-product' ? 'Copy to a new Trust Product…' : 'Copy to a new profile…';
      deleteButton.hidden = true;
      guided = walk;
      navigation = isShown;
      profile = null;
      saving = false;
      title.replaceChildren(kind === 'trust-product' ? 'Trust Product' : 'Customer-Profile');
      problems.replaceChildren();
      submitResult.replaceChildren();
      submitButton.hidden = true;
      submitButton.disabled = false;
      lockNote.hidden = true;
      for (const key of Object.keys(inputs)) {
        inputs[key].value = '';
        errors[key].textContent = '';
        inputs[key].setAttribute('aria-invalid', 'false');
      }
      for (const f of FIELDS) notes[f.key].update();
      changesNote.textContent = 'No changes yet.';
      save.disabled = true;
      undo.disabled = true;
      consoleButton.disabled = isDemo();
      consoleButton.title = isDemo() ? 'Demo profiles do not exist in the Twilio Console' : 'Opens this profile in your web browser';
      load();
      title.focus();
    },
    /** The view is left: stop what it was loading or waiting for. */
    leave: stop,
    isDirty: () => Object.keys(changes()).length > 0 || requirements.isDirty(),
    /** The profile shown and, once loaded, as Twilio holds it. */
    current: () => ({ sid, profile, kind }),
  };
}

/** The profile's page in the Twilio Console. */
function consolePage(kind, sid) {
  const list = kind === 'trust-product' ? 'trust-products' : 'customer-profiles';
  return `https://console.twilio.com/us1/account/trust-hub/${list}/${sid}`;
}

function labelOf(key) {
  return key === 'status' ? 'status' : FIELDS.find((f) => f.key === key).label.replace(' (optional)', '').toLowerCase();
}
