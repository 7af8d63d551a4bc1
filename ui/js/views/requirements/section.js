// "What Twilio needs": one block per requirement of the profile's policy, with what is
// assigned to meet it and the latest evaluation's failures beside the field they are
// about. Each block is fixed in place (blocks.js and the editors beside it); a draft just
// created is walked through its requirements in order (guided.js).

import { api } from '../../api.js';
import { h, localDate, userText } from '../../format.js';
import { busy, errorPanel, focusOn } from '../../ui.js';
import { createEditorSlot } from './editor-slot.js';
import { renderBlock } from './blocks.js';
import { openCreate, openEdit } from './record-editors.js';
import { openCorrectAddress, openPickAddress } from './address-editors.js';
import { openLinkPicker, openReuse } from './pickers.js';
import { removeRecord } from './remove.js';
import { walk } from './guided.js';

/**
 * @typedef {import('../../../types/commands').Requirements} Requirements
 * @typedef {import('../../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../../types/commands').BundleKind} BundleKind
 * @typedef {import('../../../types/commands').Evaluation} Evaluation
 * @typedef {import('./editor-slot.js').EditorSlot} EditorSlot
 * @typedef {import('./blocks.js').Fixes} Fixes
 * @typedef {object} RequirementsContext what the profile view tells the section
 * @property {() => BundleKind} kind
 * @property {() => string} sid
 * @property {() => CustomerProfile | null} profile
 * @property {() => () => boolean} guard a check bound to the profile view's visit
 * @property {() => boolean} isDemo
 * @property {() => void} [onReenterCredentials]
 * @property {(evaluation: Evaluation) => void} [onChecked]
 * @property {() => void} [onLoaded] what the blocks show was just read (the history may have grown)
 * @typedef {object} Section what the blocks and their editors share with the section
 * @property {RequirementsContext} ctx
 * @property {() => string} one what the person works on, in words: "profile" or "Trust Product"
 * @property {() => () => boolean} live a check bound to this visit of the section
 * @property {(options?: { focusBlock?: string | null }) => Promise<void>} load reads the blocks again and shows them
 * @property {() => Requirements | null} data the blocks shown
 * @property {EditorSlot} slot the one editor open
 * @property {HTMLElement} message where the section's own messages go
 */

/**
 * The section in `root`.
 * @param {HTMLElement} root
 * @param {RequirementsContext} ctx
 */
export function createRequirements(root, ctx) {
  /** @type {Requirements | null} */
  let data = null;
  let visit = 0;
  let guided = false; // walking a new draft through its requirements, one after another

  const title = h('h2', { id: 'requirements-title', tabindex: '-1' }, 'What Twilio needs');
  const check = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'check-now', onclick: () => checkNow() }, 'Check compliance now'));
  const summary = h('p', { class: 'summary', id: 'requirements-summary', tabindex: '-1', 'aria-live': 'polite' });
  const message = h('div', { id: 'requirements-message' });
  const guide = h('div', { class: 'guide', id: 'requirements-guide', 'aria-live': 'polite', hidden: true });
  const blocks = h('div', { class: 'blocks', id: 'requirement-blocks' });
  const section = h('section', { class: 'card requirements', id: 'requirements', 'aria-labelledby': 'requirements-title' },
    h('div', { class: 'title-row' }, title, check), summary, guide, message, blocks);
  root.replaceChildren(section);

  /** @type {Section} */
  const req = {
    ctx,
    one: () => (ctx.kind() === 'trust-product' ? 'Trust Product' : 'profile'),
    live: () => {
      const mine = visit;
      const guard = ctx.guard();
      return () => mine === visit && guard();
    },
    load,
    data: () => data,
    slot: createEditorSlot(ctx),
    message,
  };
  /** @type {Fixes} */
  const fixes = {
    link: (block, slot, current) => openLinkPicker(req, block, slot, current),
    create: (block, slot) => openCreate(req, block, slot),
    reuse: (block, slot, current) => openReuse(req, block, slot, current),
    edit: (block, object, slot) => openEdit(req, block, object, slot),
    correctAddress: (block, object, slot) => openCorrectAddress(req, block, object, slot),
    pickAddress: (block, object, slot) => openPickAddress(req, block, object, slot),
    remove: (block, object) => removeRecord(req, block, object),
  };

  /** @param {{ focusBlock?: string | null }} [options] */
  async function load({ focusBlock = null } = {}) {
    const here = req.live();
    const profile = ctx.profile();
    if (!profile?.policy_sid) return;
    message.replaceChildren();
    if (!data) blocks.replaceChildren(h('p', { class: 'muted' }, 'Loading what Twilio needs…'));
    try {
      const next = await busy(() => api.profileRequirements(ctx.sid(), profile.policy_sid, ctx.kind()));
      if (!here()) return;
      data = next;
      render();
      // What was just changed here is in the history now.
      ctx.onLoaded?.();
      if (guided) {
        const { opened, finished } = await walk(req, { guide, blocks, check });
        if (finished) guided = false;
        if (opened) return;
      }
      if (focusBlock) focusOn(blocks.querySelector(`[data-requirement="${CSS.escape(focusBlock)}"] h3`));
    } catch (error) {
      if (!here() || error.kind === 'cancelled') return;
      blocks.replaceChildren();
      message.replaceChildren(errorPanel(error, ctx));
    }
  }

  function render() {
    req.slot.forget();
    const failed = data.blocks.filter((b) => b.status === 'failed').length;
    const missing = data.blocks.filter((b) => !b.assigned.length).length;
    summary.replaceChildren(
      data.evaluationStatus
        ? `Twilio last checked this on ${localDate(data.evaluatedAt)}: ${failed ? `${failed} requirement${failed === 1 ? '' : 's'} to fix.` : 'every requirement was met.'}`
        : `Not checked yet.${missing ? ` ${missing} requirement${missing === 1 ? ' has' : 's have'} nothing assigned.` : ''} Press “Check compliance now” to have Twilio check it.`,
    );
    blocks.replaceChildren(...data.blocks.map((b) => renderBlock(req, b, fixes)),
      data.otherFailures.length
        ? h('div', { class: 'req-block status-failed' }, h('h3', {}, 'Other problems Twilio reported'),
          h('ul', {}, data.otherFailures.map((f) => h('li', {}, userText(f.reason), f.code ? h('span', { class: 'muted' }, ` (error ${f.code})`) : ''))))
        : '');
  }

  async function checkNow() {
    const profile = ctx.profile();
    if (!profile?.policy_sid) return;
    const here = req.live();
    check.disabled = true;
    try {
      const evaluation = await busy(() => api.createEvaluation(ctx.sid(), profile.policy_sid, ctx.kind()));
      if (!here()) return;
      ctx.onChecked?.(evaluation);
      await load();
      if (here()) focusOn(summary);
    } catch (error) {
      if (here()) {
        const p = errorPanel(error, ctx);
        message.replaceChildren(p);
        focusOn(p);
      }
    } finally {
      check.disabled = false;
    }
  }

  return {
    /** Loads for the profile now shown (after the profile itself loaded). */
    show({ guided: walkThrough = false } = {}) {
      visit += 1;
      data = null;
      req.slot.forget();
      guided = walkThrough;
      guide.hidden = true;
      guide.replaceChildren();
      message.replaceChildren();
      summary.textContent = '';
      section.hidden = false;
      load();
    },
    reload: () => load(),
    /**
     * Opens the editor of the block `requirementName`, with `field` focused.
     * @param {string} requirementName
     * @param {string | null} field
     */
    async fix(requirementName, field) {
      if (!data) await load();
      const block = data?.blocks.find((b) => b.requirementName === requirementName)
        ?? data?.blocks.find((b) => b.accepted.some((a) => a.machineName === requirementName));
      if (!block) return;
      const el = blocks.querySelector(`[data-requirement="${CSS.escape(block.requirementName)}"]`);
      /** @type {HTMLElement | null} */
      const slot = el?.querySelector('.editor-slot');
      if (!slot) return;
      el.scrollIntoView({ block: 'start' });
      const object = block.assigned[0];
      if (!object) {
        if (block.kind === 'customer-profile' || block.kind === 'trust-product') await openLinkPicker(req, block, slot, null);
        else if (block.accepted.some((a) => !a.needsFile)) await openCreate(req, block, slot, field);
        else focusOn(el.querySelector('h3'));
      } else if (field === 'address_sids' || object.fields.some((f) => f.machineName === 'address_sids')) {
        await openCorrectAddress(req, block, object, slot);
      } else if (block.kind === 'end-user' && object.readable) {
        await openEdit(req, block, object, slot, field);
      } else {
        focusOn(el.querySelector('h3'));
      }
    },
    isDirty: () => req.slot.isDirty(),
    dispose() {
      visit += 1;
      req.slot.forget();
      section.hidden = true;
      api.cancelLoad('requirements', ctx.sid() ?? '').catch(() => {});
    },
  };
}
