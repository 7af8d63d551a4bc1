// One Customer-Profile or Trust Product. First why Twilio rejected it, when it did
// (reasons.js), then its status and the one next step (status-card.js); below, what Twilio
// holds (details.js), the edit form (edit-form.js), What Twilio needs, its linked lists,
// a voice Trust Product's numbers (voice-numbers.js), its history, submitting it (submission.js), and copying or deleting it.

import { api, openTwilioPage } from '../../api.js';
import { h, userText, plainUserText } from '../../format.js';
import { busy, confirmDialog, errorPanel, toast, focusOn } from '../../ui.js';
import { createLinkedLists } from '../linked-lists.js';
import { createVoiceNumbers } from '../voice-numbers.js';
import { createRequirements } from '../requirements/section.js';
import { createTimeline } from '../history.js';
import { createDetails, clearPolicyNames } from './details.js';
import { createEditForm } from './edit-form.js';
import { createSubmission, SUBMITTABLE } from './submission.js';
import { createStatusCard } from './status-card.js';
import { createReasons } from './reasons.js';
import { nextStep } from '../../next-step.js';
import { rejectionsOf } from '../../rejections.js';
import { sinceRejection } from '../../since-rejection.js';
import { submitWarnings } from '../../submit-warnings.js';

/**
 * @typedef {import('../../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../../types/commands').BundleKind} BundleKind
 * @typedef {import('../../../types/commands').Leftovers} Leftovers
 * @typedef {import('../../../types/commands').HistoryLine} HistoryLine
 * @typedef {import('../../rejections.js').Rejection} Rejection
 * @typedef {import('../../since-rejection.js').SinceRejection} SinceRejection
 * @typedef {import('./edit-form.js').Changes} Changes
 * @typedef {object} ProfileViewOptions
 * @property {() => void} onBack
 * @property {(deleted: { sid: string, kind: BundleKind, name: string, leftovers: Leftovers }) => void} onDeleted
 * @property {(profile: CustomerProfile, kind: BundleKind) => void} onCopy
 * @property {() => void} onReenterCredentials
 * @property {() => boolean} isDemo
 */

/** Forgets what was cached about the previous account. */
export function clearProfileCaches() {
  clearPolicyNames();
}

/**
 * The profile view, built once and reused for every profile opened (so a day of visits
 * does not build and drop a view each time). `open(sid, isCurrent)` shows one profile;
 * `leave()` stops what it was loading; `isDirty()` says whether edits are unsaved.
 * @param {HTMLElement} root
 * @param {ProfileViewOptions} options
 */
export function createProfileView(root, { onBack, onDeleted, onCopy, onReenterCredentials, isDemo }) {
  /** @type {string | null} */
  let sid = null;
  /** @type {BundleKind} the same view serves both */
  let kind = 'customer-profile';
  /** @type {CustomerProfile | null} */
  let profile = null;
  let saving = false;
  let visit = 0; // bumps on each open and leave: an answer for an earlier visit is dropped
  let navigation = () => false; // the app's check that this view is still the one shown
  let guided = false; // just created: What Twilio needs walks through each requirement
  /** @type {Rejection[]} why Twilio rejected it, when it did */
  let rejections = [];
  /** @type {HistoryLine[] | null} the history read last, newest first */
  let history = null;

  /** A check bound to this visit: false once the person opened another or left. */
  function visitGuard() {
    const mine = visit;
    return () => mine === visit && navigation();
  }

  const title = h('h1', { id: 'profile-title', tabindex: '-1' }, 'Customer-Profile');
  const problems = h('div', { id: 'profile-message', 'aria-live': 'polite' });
  const timeline = createTimeline();
  const linked = h('div', { class: 'linked', id: 'linked-list' });
  const linkedLists = createLinkedLists(linked);
  const voiceNumbers = createVoiceNumbers({ onReenterCredentials });
  const needs = h('div', { id: 'requirements-root' });
  const requirements = createRequirements(needs, {
    kind: () => kind,
    sid: () => sid,
    profile: () => profile,
    guard: () => visitGuard(),
    onReenterCredentials,
    isDemo,
    onChecked: (evaluation) => submission.checked(evaluation), // what it said before the fix is stale now
    onLoaded: () => { showNextStep(); loadHistory(); },
  });
  /** Opens the fix of a failed item: its block's editor, the field focused. */
  const onFix = (/** @type {string} */ requirement, /** @type {string | null} */ field) => requirements.fix(requirement, field);
  const details = createDetails({
    onOpenList: (which) => linkedLists.show(which, sid, {
      kind, onReenterCredentials, isCurrent: visitGuard(), profile: () => profile, onProfileChanged, onFix, onChecked: () => requirements.reload(),
    }),
  });
  const editForm = createEditForm({ onSubmit: save });
  const setSaving = (/** @type {boolean} */ on) => { saving = on; editForm.setSaving(on); };
  const submission = createSubmission({
    sid: () => sid,
    kind: () => kind,
    profile: () => profile,
    guard: () => visitGuard(),
    pendingChanges: () => editForm.changes(),
    setSaving,
    isSaving: () => saving,
    onProfileChanged,
    onFix,
    onBlocked: () => requirements.reload(),
    landing: () => statusCard.el,
    problems,
    onReenterCredentials,
    rejections: () => rejections,
    since: async () => {
      const lines = await api.profileHistory(sid);
      return profile ? sinceRejection({ profile, requirements: requirements.data(), history: lines }) : null;
    },
    warnings: () => submitWarnings(requirements.data()),
  });

  const reasons = createReasons({ onFix: (target) => requirements.fixTarget(target, since()?.rejectedAt ?? null) });
  const statusCard = createStatusCard({ submit: submission.button, onAction: act });

  const refreshButton = h('button', { type: 'button', class: 'secondary', id: 'refresh', onclick: () => load(true) }, 'Refresh');
  const consoleButton = /** @type {HTMLButtonElement} */ (h('button', {
    type: 'button', class: 'secondary', id: 'open-console',
    onclick: () => openTwilioPage(consolePage(kind, sid)),
  }, 'Open in Twilio Console'));
  const copyButton = h('button', { type: 'button', class: 'secondary', id: 'copy-profile', onclick: () => profile && onCopy(profile, kind) }, 'Copy to a new profile…');
  const deleteButton = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'danger', id: 'delete-draft', hidden: true, onclick: deleteDraft }, 'Delete this draft…'));
  const back = h('button', { type: 'button', class: 'link-button', id: 'back', onclick: onBack }, '‹ All profiles');
  root.replaceChildren(
    h('nav', { class: 'crumbs' }, back),
    h('div', { class: 'title-row' }, title, h('div', { class: 'actions' }, refreshButton, consoleButton, copyButton, deleteButton)),
    problems,
    reasons.el,
    statusCard.el,
    submission.result,
    h('div', { class: 'columns' }, details.el, editForm.el),
    needs,
    linked,
    voiceNumbers.el,
    timeline.el,
  );

  /** Saves what changed in the form; Twilio's answer is shown, the edits stay on failure. @param {Changes} changed */
  async function save(changed) {
    const isCurrent = visitGuard();
    setSaving(true);
    problems.replaceChildren();
    try {
      const updated = await busy(() => api.updateProfile(sid, changed, kind));
      if (!isCurrent()) return;
      profile = updated;
      render(updated);
      editForm.fill(updated);
      toast('Saved. This is the profile as Twilio now holds it.');
      focusOn(details.title);
    } catch (error) {
      if (!isCurrent()) return;
      // The person's edits stay in the form; only the message is added.
      const panel = errorPanel(error, { onReenterCredentials });
      problems.replaceChildren(panel);
      if (!editForm.fieldError(error.field, error.message)) focusOn(panel);
    } finally {
      if (isCurrent()) {
        saving = false;
        editForm.setSaving(false);
        editForm.refreshKeepingErrors();
      }
    }
  }

  /** @param {CustomerProfile} p */
  function render(p) {
    loadHistory();
    title.replaceChildren(p.friendly_name ? userText(p.friendly_name, { max: 160 }) : 'Customer-Profile');
    editForm.showLock(p);
    // Twilio deletes only drafts and rejected ones; the others are not offered.
    const rejected = p.status === 'twilio-rejected';
    const one = kind === 'trust-product' ? 'Trust Product' : 'profile';
    deleteButton.hidden = !SUBMITTABLE.includes(p.status);
    deleteButton.textContent = rejected ? `Delete this ${one}…` : 'Delete this draft…';
    rejections = rejected ? rejectionsOf(p.errors) : [];
    reasons.show(rejections);
    details.show(p, visitGuard());
    if (kind === 'trust-product') voiceNumbers.show(p);
    else voiceNumbers.hide();
    showNextStep();
  }

  /** Reads the history again: it is shown, and it tells when the profile was rejected or submitted. */
  async function loadHistory() {
    const lines = await timeline.load(sid, visitGuard());
    if (lines) {
      history = lines;
      showNextStep();
    }
  }

  /** What changed since Twilio rejected the profile, from what is known now; null when it is not rejected. */
  function since() {
    return profile?.status === 'twilio-rejected' && history
      ? sinceRejection({ profile, requirements: requirements.data(), history })
      : null;
  }

  /** The status card, from what is known now: the profile, its requirements, its history. */
  function showNextStep() {
    if (!profile) return;
    const data = requirements.data();
    const submitted = history?.find((l) => l.statusAfter === 'pending-review' && l.outcome === 'done')?.at ?? null;
    const step = nextStep({ profile, kind, requirements: data, rejections, since: since(), submittedAt: submitted });
    statusCard.show(profile.status, step, SUBMITTABLE.includes(profile.status));
  }

  /** Does what the status card's primary button says. @param {import('../../next-step.js').Action} action */
  async function act(action) {
    if (action === 'submit') submission.submit();
    else if (action === 'fix-reason') {
      const first = rejections.find((r) => r.target);
      if (first) await reasons.fix(first);
    } else if (action === 'fill' || action === 'fix') await requirements.fixFirst();
  }

  /** Deletes this draft or rejected profile after a question that names it; the list then offers its leftovers. */
  async function deleteDraft() {
    if (!profile) return;
    const name = plainUserText(profile.friendly_name ?? sid);
    const what = kind === 'trust-product' ? 'Trust Product' : 'profile';
    const draft = profile.status !== 'twilio-rejected';
    const ok = await confirmDialog(draft ? `Delete the draft “${name}”?` : `Delete the ${what} “${name}”?`,
      `The ${what} “${name}” is deleted from your Twilio account for good. This cannot be undone. The records it uses (business information, representatives, documents, addresses) stay in your account; next, you can delete those that nothing else uses.`,
      draft ? 'Delete the draft' : `Delete the ${what}`, deleteButton, { danger: true });
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

  /** @param {CustomerProfile} updated */
  function onProfileChanged(updated) {
    profile = updated;
    render(updated);
    editForm.fill(updated);
    editForm.refresh();
  }

  /** Reads the profile; `keepEdits` keeps what is typed in the form (Refresh). */
  async function load(keepEdits = false) {
    const isCurrent = visitGuard();
    const pending = keepEdits ? editForm.changes() : {};
    problems.replaceChildren();
    details.loading();
    editForm.setInert(true);
    try {
      const p = await busy(() => api.fetchProfile(sid, kind));
      if (!isCurrent()) return;
      profile = p;
      render(p);
      editForm.fill(p);
      editForm.keep(pending);
      editForm.setInert(false);
      editForm.refresh();
      // What Twilio needs loads after the profile (it needs the policy); an editor with
      // changes in it is left as it is.
      if (!keepEdits) requirements.show({ guided });
      else if (!requirements.isDirty()) requirements.reload();
    } catch (error) {
      if (!isCurrent()) return;
      details.loading('The profile could not be loaded.');
      problems.replaceChildren(errorPanel(error, { onReenterCredentials }));
    }
  }

  /** Ends what the last visit was loading or waiting for. */
  function stop() {
    visit += 1;
    submission.stop();
    linkedLists.dispose();
    voiceNumbers.hide();
    requirements.dispose();
  }

  return {
    /**
     * Shows the profile `nextSid`; `isShown` tells whether the app still shows this view.
     * @param {string} nextSid
     * @param {() => boolean} isShown
     * @param {BundleKind} [nextKind]
     * @param {{ guided?: boolean, backLabel?: string | null }} [options]
     */
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
      rejections = [];
      history = null;
      reasons.show([]);
      statusCard.reset();
      saving = false;
      title.replaceChildren(kind === 'trust-product' ? 'Trust Product' : 'Customer-Profile');
      problems.replaceChildren();
      submission.reset();
      editForm.reset();
      consoleButton.disabled = isDemo();
      consoleButton.title = isDemo() ? 'Demo profiles do not exist in the Twilio Console' : 'Opens this profile in your web browser';
      load();
      title.focus();
    },
    /** The view is left: stop what it was loading or waiting for. */
    leave: stop,
    isDirty: () => Object.keys(editForm.changes()).length > 0 || requirements.isDirty(),
    /** The profile shown and, once loaded, as Twilio holds it. */
    current: () => ({ sid, profile, kind }),
  };
}

/** The profile's page in the Twilio Console. @param {BundleKind} kind @param {string} sid */
function consolePage(kind, sid) {
  const list = kind === 'trust-product' ? 'trust-products' : 'customer-profiles';
  return `https://console.twilio.com/us1/account/trust-hub/${list}/${sid}`;
}
