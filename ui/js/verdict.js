// The verdict of "What Twilio needs" is Twilio's: from its last check's own status, every
// failed result counted whether or not it could be placed on a requirement. The app never
// says a requirement passed when Twilio's last check says otherwise. No DOM here.

import { count, localDate } from './format.js';

/**
 * @typedef {import('../types/commands').Requirements} Requirements
 * @typedef {import('../types/commands').Block} Block
 * @typedef {'passed' | 'failed' | 'unknown' | 'unnamed'} BlockStatus
 */

/**
 * How many requirements Twilio's last check found to fix: every failed result, whether
 * or not it could be placed on a requirement.
 * @param {Requirements} r
 */
export function failedCount(r) {
  return r.blocks.filter((b) => b.status === 'failed').length + r.otherFailures.length;
}

/**
 * Where a block stands. "Not checked yet" only when no check of Twilio's covers it: when
 * Twilio checked the profile but named other requirements than this one, the block passed
 * only if the whole check passed, and otherwise says Twilio did not name it.
 * @param {Block} block
 * @param {Requirements} r
 * @returns {BlockStatus}
 */
export function blockStatus(block, r) {
  if (block.status === 'passed' || block.status === 'failed') return block.status;
  if (!r.evaluationStatus) return 'unknown';
  return r.evaluationStatus === 'compliant' && failedCount(r) === 0 ? 'passed' : 'unnamed';
}

/**
 * The summary line above the blocks.
 * @param {Requirements} r
 */
export function summaryWords(r) {
  if (!r.evaluationStatus) {
    const missing = r.blocks.filter((b) => !b.assigned.length).length;
    const empty = missing ? ` ${count(missing, 'requirement')} ${missing === 1 ? 'has' : 'have'} nothing yet.` : '';
    return `Not checked with Twilio yet.${empty} Twilio checks it when you submit it, or now with “Check with Twilio”.`;
  }
  const failed = failedCount(r);
  const when = `Twilio’s check on ${localDate(r.evaluatedAt)}`;
  if (r.evaluationStatus === 'compliant' && failed === 0) return `${when}: every requirement passed.`;
  if (failed) return `${when}: ${count(failed, 'requirement')} ${failed === 1 ? 'needs' : 'need'} fixing.`;
  return `${when}: it does not pass yet, and Twilio did not say which requirement is wrong. The Twilio Console may say more.`;
}
