// A new draft, guided: one requirement after another, each opened in turn, until every
// one has something assigned.

import { h } from '../../format.js';
import { focusOn } from '../../ui.js';
import { openCreate, recordKind } from './record-editors.js';
import { candidates, openLinkPicker, openReuse } from './pickers.js';

/**
 * @typedef {import('../../../types/commands').Block} Block
 * @typedef {import('./section.js').Section} Section
 */

/** The blocks a person can fill here (a file is uploaded in the Console). */
function fillable(/** @type {Block} */ block) {
  return block.kind !== 'document' || block.accepted.some((a) => !a.needsFile);
}

/**
 * Says how far the draft got in `guide` and opens the next requirement with nothing
 * assigned: a choice among what the account already has when it has some, else the form
 * for a new one. When every requirement has something, points to "Check with Twilio"
 * (`check`). Answers whether the walk goes on (something was opened, and has the focus).
 * @param {Section} req
 * @param {{ guide: HTMLElement, blocks: HTMLElement, check: HTMLElement }} parts
 * @returns {Promise<{ opened: boolean, finished: boolean }>}
 */
export async function walk(req, { guide, blocks, check }) {
  const data = req.data();
  const open = data.blocks.filter((b) => !b.assigned.length);
  const next = open.find(fillable);
  const done = data.blocks.length - open.length;
  guide.hidden = false;
  if (!next) {
    guide.replaceChildren(h('p', {}, h('strong', {}, 'Every requirement has something assigned. '),
      open.length ? 'What is left is a file to upload in the Twilio Console. ' : '',
      'Press “Check with Twilio” to have Twilio check the draft, then “Submit for review…” at the top.'));
    focusOn(check);
    return { opened: true, finished: true };
  }
  guide.replaceChildren(h('p', {}, h('strong', {}, `Step ${done + 1} of ${data.blocks.length}: ${next.name}. `),
    'Fill each requirement in turn. You can stop at any time: the draft keeps what is done, and the list shows how far it got.'));
  const el = blocks.querySelector(`[data-requirement="${CSS.escape(next.requirementName)}"]`);
  /** @type {HTMLElement | null} */
  const slot = el?.querySelector('.editor-slot');
  if (!slot) return { opened: false, finished: false };
  el.scrollIntoView({ block: 'start' });
  if (next.kind === 'customer-profile' || next.kind === 'trust-product') {
    await openLinkPicker(req, next, slot, null);
    return { opened: true, finished: false };
  }
  const types = next.accepted.filter((a) => !a.needsFile).map((a) => a.machineName);
  const have = await candidates(req, recordKind(next), types).catch(() => /** @type {unknown[]} */ ([]));
  if (have.length) await openReuse(req, next, slot, null, { orNew: true });
  else await openCreate(req, next, slot);
  return { opened: true, finished: false };
}
