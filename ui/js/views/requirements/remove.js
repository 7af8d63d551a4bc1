// Removing a record from a profile: after a question that names it, and with an offer to
// delete it when nothing else uses it any more.

import { api } from '../../api.js';
import { plainUserText } from '../../format.js';
import { busy, confirmDialog, errorPanel, focusOn, toast } from '../../ui.js';
import { leftoversPanel } from '../../leftovers.js';

/**
 * @typedef {import('../../../types/commands').Block} Block
 * @typedef {import('../../../types/commands').AssignedObject} AssignedObject
 * @typedef {import('./section.js').Section} Section
 */

/** @param {Section} req @param {Block} block @param {AssignedObject} object */
export async function removeRecord(req, block, object) {
  const name = plainUserText(object.friendlyName ?? object.objectSid);
  const one = req.one();
  const ok = await confirmDialog(`Remove “${name}” from this ${one}?`,
    `This profile will no longer use “${name}” for ${block.name}, and Twilio will see that requirement as not met until something else is assigned. “${name}” stays in your account and can be assigned again.`,
    `Remove from this ${one}`, undefined, { danger: true });
  if (!ok) return;
  const here = req.live();
  try {
    await busy(() => api.unassignObject(req.ctx.sid(), object.assignmentSid, req.ctx.kind()));
    if (!here()) return;
    toast(`“${name}” was removed from this ${one}.`);
    await req.fixed(block.requirementName);
    if (object.objectSid.startsWith('BU')) return;
    // Nothing else uses it now? Then offer to delete it (and an address only it named).
    const leftovers = await busy(() => api.objectUsage([object.objectSid])).catch(() => /** @type {import('../../../types/commands').Leftovers | null} */ (null));
    if (!here() || !leftovers?.complete || !leftovers.records.some((r) => !r.usedBy.length)) return;
    const offer = leftoversPanel(leftovers, { heading: `“${name}” was removed from this ${one}.`, onReenterCredentials: req.ctx.onReenterCredentials });
    req.message.replaceChildren(offer);
    focusOn(offer.querySelector('h2'));
  } catch (error) {
    if (here()) {
      const p = errorPanel(error, req.ctx);
      req.message.replaceChildren(p);
      focusOn(p);
    }
  }
}
