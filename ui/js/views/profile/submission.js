// Submitting a profile for review, guided: Twilio checks compliance first; when something
// fails, what to fix is shown and nothing is submitted. Otherwise the person confirms, the
// edits still in the form are saved, and the status is sent on its own. Then the view
// follows the profile until Twilio picks it up.

import { api } from '../../api.js';
import { h, statusInfo, plainUserText } from '../../format.js';
import { busy, confirmDialog, errorPanel, toast, focusOn } from '../../ui.js';
import { checklist } from '../checklist.js';

/**
 * @typedef {import('../../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../../types/commands').BundleKind} BundleKind
 * @typedef {import('./edit-form.js').Changes} Changes
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
        const heading = h('h2', { tabindex: '-1' }, 'Not submitted: fix these first');
        result.replaceChildren(h('div', { class: 'card notice-card', id: 'submit-blocked' },
          heading,
          h('p', {}, 'Twilio checked this profile and some requirements are not met. It was not submitted. Fix each item with its Fix button, then submit again.'),
          checklist(evaluation, { onFix: ctx.onFix })));
        ctx.onBlocked();
        heading.focus();
        return;
      }
      const pending = ctx.pendingChanges();
      delete pending.status;
      const unsaved = Object.keys(pending).length;
      const extra = unsaved ? ` Your ${unsaved} unsaved change${unsaved === 1 ? ' is' : 's are'} saved first.` : '';
      // Enabled again while the question is asked, so the focus can come back to it.
      button.disabled = false;
      const ok = await confirmDialog('Submit this profile for review?',
        `Twilio checked “${plainUserText(profile.friendly_name ?? sid)}” and every requirement is met.${extra} After you submit, Twilio reviews the profile and it cannot be changed until the review ends.`,
        'Submit for review', button);
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
    /** Shown only where Twilio takes a submission. @param {CustomerProfile} p */
    showFor(p) {
      button.hidden = !SUBMITTABLE.includes(p.status);
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
