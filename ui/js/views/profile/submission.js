// Submitting a profile for review, guided: Twilio checks it first; when something fails,
// what to fix is shown and nothing is submitted. A rejected profile with nothing changed
// since the rejection is not resubmitted blindly: the person is told and must choose to
// submit anyway. Otherwise the person confirms (seeing what changed, and what commonly gets
// a profile rejected), the edits still in the form are saved, and the status is sent on
// its own. Then the view follows the profile until Twilio picks it up.

import { api } from '../../api.js';
import { h, statusInfo, plainUserText } from '../../format.js';
import { busy, confirmDialog, errorPanel, toast, focusOn } from '../../ui.js';
import { checklist } from '../checklist.js';
import { changeWords } from '../../since-rejection.js';

/**
 * @typedef {import('../../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../../types/commands').BundleKind} BundleKind
 * @typedef {import('./edit-form.js').Changes} Changes
 * @typedef {import('../../../types/commands').Evaluation} Evaluation
 * @typedef {import('../../rejections.js').Rejection} Rejection
 * @typedef {import('../../since-rejection.js').SinceRejection} SinceRejection
 * @typedef {object} SubmissionContext
 * @property {() => string} sid
 * @property {() => BundleKind} kind
 * @property {() => CustomerProfile | null} profile
 * @property {() => () => boolean} guard a check bound to the visit
 * @property {() => Changes} pendingChanges the edits still in the form
 * @property {(on: boolean) => void} setSaving
 * @property {() => boolean} isSaving
 * @property {(updated: CustomerProfile) => void} onProfileChanged
 * @property {(requirement: string, field: string | null) => void} onFix
 * @property {() => void} onBlocked Twilio found something to fix (What Twilio needs shows it)
 * @property {() => HTMLElement} landing where the focus goes once submitted
 * @property {HTMLElement} problems where an error goes
 * @property {() => Rejection[]} rejections why Twilio rejected it, when it did
 * @property {() => Promise<SinceRejection | null>} since what changed since the rejection, read afresh
 * @property {() => string[]} warnings what commonly gets a profile rejected, seen in its records
 * @property {() => void} [onReenterCredentials]
 */

/** Statuses from which a customer may submit the profile for review. */
export const SUBMITTABLE = ['draft', 'twilio-rejected'];

/** @param {SubmissionContext} ctx */
export function createSubmission(ctx) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let followTimer;
  /** @type {(() => void) | null} ends a wait at once when the view is left, so nothing waits forever */
  let wake = null;
  const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'submit-review', hidden: true, onclick: () => submit() }, 'Submit for review…'));
  const result = h('div', { id: 'submit-result', 'aria-live': 'polite' });

  async function submit() {
    const profile = ctx.profile();
    if (!profile || ctx.isSaving()) return;
    const sid = ctx.sid();
    const kind = ctx.kind();
    const isCurrent = ctx.guard();
    result.replaceChildren();
    ctx.problems.replaceChildren();
    button.disabled = true;
    try {
      const evaluation = await busy(() => api.createEvaluation(sid, profile.policy_sid, kind));
      if (!isCurrent()) return;
      if (evaluation.status !== 'compliant') {
        showBlocked(evaluation);
        ctx.onBlocked();
        /** @type {HTMLElement} */ (result.querySelector('h2')).focus();
        return;
      }
      const pending = ctx.pendingChanges();
      delete pending.status;
      // Enabled again while a question is asked, so the focus can come back to it.
      button.disabled = false;
      const ok = await confirmSubmission(profile, Object.keys(pending).length, isCurrent);
      if (!ok || !isCurrent()) return;
      button.disabled = true;
      ctx.setSaving(true);
      const updated = await busy(() => api.updateProfile(sid, { ...pending, status: 'pending-review' }, kind));
      if (!isCurrent()) return;
      ctx.onProfileChanged(updated);
      toast(`Submitted. Status: ${statusInfo(updated.status).label}.`);
      focusOn(ctx.landing());
      follow(isCurrent);
    } catch (error) {
      if (isCurrent()) {
        const panel = errorPanel(error, ctx);
        ctx.problems.replaceChildren(panel);
        focusOn(panel);
      }
    } finally {
      if (isCurrent()) {
        button.disabled = false;
        ctx.setSaving(false);
      }
    }
  }

  /** "Not submitted: fix these first", with Twilio's check as a checklist. @param {Evaluation} evaluation */
  function showBlocked(evaluation) {
    const one = ctx.kind() === 'trust-product' ? 'Trust Product' : 'profile';
    result.replaceChildren(h('div', { class: 'card notice-card', id: 'submit-blocked' },
      h('h2', { tabindex: '-1' }, 'Not submitted: fix these first'),
      h('p', {}, `Twilio checked this ${one}: some requirements need fixing. Nothing was submitted. Fix each one with its Fix button, then submit again.`),
      checklist(evaluation, { onFix: ctx.onFix })));
  }

  /**
   * Asks before submitting. A rejected profile unchanged since the rejection is said to be
   * so, with its reasons, and is submitted only on a second, explicit choice; otherwise the
   * question lists what changed since, and what in its records often gets one rejected.
   * @param {CustomerProfile} profile
   * @param {number} unsaved edits in the form, saved first
   * @param {() => boolean} isCurrent
   */
  async function confirmSubmission(profile, unsaved, isCurrent) {
    const name = plainUserText(profile.friendly_name ?? ctx.sid());
    const one = ctx.kind() === 'trust-product' ? 'Trust Product' : 'profile';
    const warnings = ctx.warnings().map((w) => `Check first: ${w}`);
    const extra = unsaved ? ` Your ${unsaved} unsaved change${unsaved === 1 ? ' is' : 's are'} saved first.` : '';
    const after = ` After you submit, Twilio reviews the ${one} and it cannot be changed until the review ends.`;
    if (profile.status === 'twilio-rejected') {
      const since = await busy(() => ctx.since());
      if (!isCurrent()) return false;
      if (since && since.changes.length === 0 && !unsaved) {
        const reasons = ctx.rejections().map((r) => r.title);
        return confirmDialog('Nothing has changed since Twilio rejected it',
          `Twilio rejected “${name}” for ${reasons.length === 1 ? 'the reason' : 'the reasons'} below, and nothing on it has changed since. Submitted again as it is, it will very likely be rejected again. Change what ${reasons.length === 1 ? 'it names' : 'they name'} first.`,
          'Submit anyway', button, { items: [...reasons, ...warnings], primary: false, cancelLabel: 'Go back and fix it' });
      }
      const changes = (since?.changes ?? []).map(changeWords);
      return confirmDialog(`Submit this ${one} again?`,
        `Twilio checked “${name}” and every requirement passed.${extra}${changes.length ? ' Changed since Twilio rejected it:' : ''}${after}`,
        'Submit for review', button, { items: [...changes, ...warnings], primary: true });
    }
    return confirmDialog(`Submit this ${one} for review?`,
      `Twilio checked “${name}” and every requirement passed.${extra}${after}`,
      'Submit for review', button, { items: warnings, primary: true });
  }

  /**
   * Twilio moves a submitted profile on to "in review" shortly; show it when it does.
   * @param {() => boolean} isCurrent
   */
  async function follow(isCurrent, tries = 8) {
    for (let i = 0; i < tries; i += 1) {
      await new Promise((r) => { wake = () => r(undefined); followTimer = setTimeout(r, 2500); });
      if (!isCurrent() || Object.keys(ctx.pendingChanges()).length) return;
      try {
        const latest = await api.fetchProfile(ctx.sid(), ctx.kind());
        if (!isCurrent()) return;
        if (latest.status !== ctx.profile()?.status) {
          ctx.onProfileChanged(latest);
          toast(`Status: ${statusInfo(latest.status).label}.`);
        }
        if (latest.status !== 'pending-review') return;
      } catch {
        return; // Refresh still works by hand.
      }
    }
  }

  return {
    button,
    result,
    submit,
    /**
     * Twilio checked the profile again (after a fix): the "fix these first" card shows the
     * new check, or goes when it passed, so it never shows a stale verdict.
     * @param {Evaluation} evaluation
     */
    checked(evaluation) {
      if (!result.querySelector('#submit-blocked')) return;
      if (evaluation.status === 'compliant') result.replaceChildren();
      else showBlocked(evaluation);
    },
    /** Another profile is shown. */
    reset() {
      result.replaceChildren();
      button.hidden = true;
      button.disabled = false;
    },
    /** Ends what it was waiting for (the view is left). */
    stop() {
      clearTimeout(followTimer);
      wake?.();
      wake = null;
    },
  };
}
