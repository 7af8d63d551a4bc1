// The top of a profile: its status in words, what that means, and the one thing to do
// next, with the words of the one button that does it. No DOM here: Node's tests run it.

import { count, localDate, statusInfo } from './format.js';
import { failedCount } from './verdict.js';

/**
 * @typedef {import('../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../types/commands').BundleKind} BundleKind
 * @typedef {import('../types/commands').Requirements} Requirements
 * @typedef {import('./rejections.js').Rejection} Rejection
 * @typedef {import('./since-rejection.js').SinceRejection} SinceRejection
 * @typedef {'fill' | 'fix' | 'fix-reason' | 'submit' | 'none'} Action
 * @typedef {object} NextStep
 * @property {string} status the status in words
 * @property {string} next the one next step, in sentences
 * @property {Action} action what the button does
 * @property {string} label the button's words ('' when there is nothing to do)
 * @typedef {object} Situation
 * @property {CustomerProfile} profile
 * @property {BundleKind} kind
 * @property {Requirements | null} requirements what Twilio needs, once read
 * @property {Rejection[]} rejections why Twilio rejected it, when it did
 * @property {SinceRejection | null} since what changed since the rejection, once known
 * @property {string | null} submittedAt when it was submitted, when known (ISO 8601)
 */

/**
 * The next step of a profile in its situation.
 * @param {Situation} s
 * @returns {NextStep}
 */
export function nextStep({ profile, kind, requirements, rejections, since, submittedAt }) {
  const one = kind === 'trust-product' ? 'Trust Product' : 'profile';
  const status = statusInfo(profile.status).label;
  /** @param {string} next @param {Action} [action] @param {string} [label] */
  const step = (next, action = 'none', label = '') => ({ status, next, action, label });
  switch (profile.status) {
    case 'draft': {
      if (!requirements) return step('Reading what Twilio needs…');
      const total = requirements.blocks.length;
      const filled = requirements.blocks.filter((b) => b.assigned.length > 0).length;
      if (filled < total) {
        return step(`${filled} of ${count(total, 'requirement')} ${total === 1 ? 'has' : 'have'} what Twilio needs. Add the rest: each one is explained below.`, 'fill', 'Add what is missing');
      }
      const failed = requirements.evaluationStatus === 'noncompliant' ? failedCount(requirements) : 0;
      if (failed > 0) {
        return step(`Twilio’s last check found ${count(failed, 'requirement')} to fix. Fix ${failed === 1 ? 'it' : 'them'}, then submit.`, 'fix', failed === 1 ? 'Fix it' : 'Fix the first one');
      }
      return step(`Everything Twilio needs is here. Submit the ${one} for review: Twilio checks it first, and you confirm before anything is sent.`, 'submit', 'Submit for review…');
    }
    case 'twilio-rejected': {
      const fixable = rejections.find((r) => r.target);
      const changes = since?.changes.length ?? 0;
      if (since && changes > 0) {
        return step(`You changed ${count(changes, 'thing')} since Twilio rejected it. When every reason above is dealt with, submit it again.`, 'submit', 'Submit for review…');
      }
      const reasons = rejections.length === 1 ? 'the reason above names' : 'the reasons above name';
      return fixable
        ? step(`Nothing has changed since Twilio rejected it. Change what ${reasons}, then submit it again.`, 'fix-reason', `Fix ${fixable.target.label}`)
        : step(`Change what ${reasons}, then submit it again.`, 'submit', 'Submit for review…');
    }
    case 'pending-review':
    case 'in-review': {
      const when = submittedAt ? `Submitted on ${localDate(submittedAt)}. ` : '';
      const to = profile.email ? `e-mails ${profile.email}` : 'writes to the notification e-mail';
      return step(`${when}Twilio ${to} when it decides, usually within a few business days, and TrustHub Desk tells you too while it is open. There is nothing to do until then.`);
    }
    case 'twilio-approved': {
      const until = profile.valid_until ? ` It stays approved until ${localDate(profile.valid_until)}.` : '';
      return step(`Approved by Twilio: nothing to do.${until}`);
    }
    default:
      return step(`Twilio gives this ${one} a status TrustHub Desk does not know (${profile.status ?? 'none'}). The Twilio Console may say more.`);
  }
}
