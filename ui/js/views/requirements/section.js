// "What Twilio needs": one block per requirement of the profile's policy, with what is
// assigned to meet it and the latest check's failures beside the field they are about.
// The verdict is Twilio's: the summary counts every failed result, placed on a block or
// not. Each block is fixed in place (blocks.js and the editors beside it), and after a
// fix Twilio checks again on its own; a draft just created is walked through its
// requirements in order (guided.js).

import { api } from '../../api.js';
import { h, userText } from '../../format.js';
import { busy, errorPanel, focusOn } from '../../ui.js';
import { summaryWords } from '../../verdict.js';
import { createEditorSlot } from './editor-slot.js';
import { renderBlock } from './blocks.js';
import { openCreate, openEdit } from './record-editors.js';
import { openCorrectAddress, openPickAddress } from './address-editors.js';
import { openLinkPicker, openReuse } from './pickers.js';
import { removeRecord } from './remove.js';
import { walk } from './guided.js';

/**
 * @typedef {import('../../../types/commands').Requirements} Requirements
 * @typedef {import('../../../types/commands').Block} Block
 * @typedef {import('../../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../../types/commands').BundleKind} BundleKind
 * @typedef {import('../../../types/commands').Evaluation} Evaluation
 * @typedef {import('../../rejections.js').Target} Target
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
 * @property {(data: Requirements) => void} [onLoaded] what the blocks show was just read
 * @typedef {object} Section what the blocks and their editors share with the section
 * @property {RequirementsContext} ctx
 * @property {() => string} one what the person works on, in words: "profile" or "Trust Product"
 * @property {() => () => boolean} live a check bound to this visit of the section
 * @property {(options?: { focusBlock?: string | null }) => Promise<void>} load reads the blocks again and shows them
 * @property {(requirementName: string) => Promise<void>} fixed a fix of this block was saved: Twilio checks again
 * @property {(requirementName: string) => { checking: boolean, problem: string | null }} state how the block's check stands
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
  let reads = 0; // each read of the blocks, numbered
  /** @type {Set<string>} blocks whose fix Twilio is checking now */
  const checking = new Set();
  /** @type {Map<string, string>} blocks whose check after a fix could not be made, and why */
  const recheckProblems = new Map();

  const title = h('h2', { id: 'requirements-title', tabindex: '-1' }, 'What Twilio needs');
  const check = h('button', { type: 'button', id: 'check-now', class: 'secondary', onclick: () => checkNow() }, 'Check with Twilio');
  const summary = h('p', { class: 'summary', id: 'requirements-summary', tabindex: '-1', 'aria-live': 'polite' });
  const message = h('div', { id: 'requirements-message' });
  const guide = h('div', { class: 'guide', id: 'requirements-guide', 'aria-live': 'polite', hidden: true });
  const others = h('div', { id: 'other-failures' });
  const blocks = h('div', { class: 'blocks', id: 'requirement-blocks' });
  const section = h('section', { class: 'card requirements', id: 'requirements', 'aria-labelledby': 'requirements-title' },
    h('div', { class: 'title-row' }, title, check), summary, guide, message, others, blocks);
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
    fixed,
    state: (name) => ({ checking: checking.has(name), problem: recheckProblems.get(name) ?? null }),
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
    recheck: (block) => fixed(block.requirementName),
  };

  /** @param {{ focusBlock?: string | null }} [options] */
  async function load({ focusBlock = null } = {}) {
    const here = req.live();
    // Reads can overlap (a fix's own check and "Check with Twilio"): only the newest is shown.
    const ticket = ++reads;
    const profile = ctx.profile();
    if (!profile?.policy_sid) return;
    message.replaceChildren();
    if (!data) blocks.replaceChildren(h('p', { class: 'muted' }, 'Reading what Twilio needs…'));
    try {
      const next = await busy(() => api.profileRequirements(ctx.sid(), profile.policy_sid, ctx.kind()));
      if (!here() || ticket !== reads) return;
      data = next;
      render();
      // What was just changed here is in the history now, and the next step may be another.
      ctx.onLoaded?.(next);
      if (guided) {
        const { opened, finished } = await walk(req, { guide, blocks, check });
        if (finished) guided = false;
        if (opened) return;
      }
      if (focusBlock) focusOn(blocks.querySelector(`[data-requirement="${CSS.escape(focusBlock)}"] h3`));
    } catch (error) {
      if (!here() || error.kind === 'cancelled' || ticket !== reads) return;
      blocks.replaceChildren();
      message.replaceChildren(errorPanel(error, ctx));
    }
  }

  /**
   * A fix of the block was saved: the blocks are read again, and, when Twilio had checked
   * the profile, Twilio checks it again at once, the block saying "Checking…" meanwhile. A
   * check that cannot be made says so in the block; the fix stays saved either way.
   * @param {string} requirementName
   */
  async function fixed(requirementName) {
    const wasChecked = Boolean(data?.evaluationStatus) && !guided;
    recheckProblems.delete(requirementName);
    if (wasChecked) checking.add(requirementName);
    await load({ focusBlock: requirementName });
    if (!wasChecked) return;
    const here = req.live();
    const profile = ctx.profile();
    try {
      const evaluation = await busy(() => api.createEvaluation(ctx.sid(), profile.policy_sid, ctx.kind()));
      if (!here()) return;
      ctx.onChecked?.(evaluation);
    } catch (error) {
      if (!here()) return;
      recheckProblems.set(requirementName, `Twilio could not check it again: ${error.message} Your change is saved; check again when you are ready.`);
    } finally {
      checking.delete(requirementName);
    }
    if (here()) await load({ focusBlock: requirementName });
  }

  function render() {
    req.slot.forget();
    summary.textContent = summaryWords(data);
    others.replaceChildren(...(data.otherFailures.length
      ? [h('div', { class: 'req-block status-failed other-failures' },
        h('h3', {}, 'Also found by Twilio’s check'),
        h('p', { class: 'help' }, 'Twilio named these without saying which requirement they are about.'),
        h('ul', {}, data.otherFailures.map((f) => h('li', {}, userText(f.reason),
          f.code ? h('span', { class: 'error-code' }, ` Twilio error ${f.code}`) : ''))))]
      : []));
    blocks.replaceChildren(...data.blocks.map((b) => renderBlock(req, b, fixes)));
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

  /** The block that meets `types` (a record type's machine name), if the policy has one. @param {string[]} types */
  function blockOf(types) {
    return data?.blocks.find((b) => b.accepted.some((a) => types.includes(a.machineName)));
  }

  /**
   * Opens the editor of the block `requirementName`, with `field` focused.
   * @param {string} requirementName
   * @param {string | null} field
   */
  async function fix(requirementName, field) {
    if (!data) await load();
    const block = data?.blocks.find((b) => b.requirementName === requirementName)
      ?? data?.blocks.find((b) => b.accepted.some((a) => a.machineName === requirementName));
    if (!block) return;
    await open(block, field);
  }

  /** @param {Block} block @param {string | null} field */
  async function open(block, field) {
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
  }

  return {
    el: section,
    /** Loads for the profile now shown (after the profile itself loaded). */
    show({ guided: walkThrough = false } = {}) {
      visit += 1;
      data = null;
      checking.clear();
      recheckProblems.clear();
      req.slot.forget();
      guided = walkThrough;
      guide.hidden = true;
      guide.replaceChildren();
      message.replaceChildren();
      others.replaceChildren();
      summary.textContent = '';
      section.hidden = false;
      load();
    },
    reload: () => load(),
    data: () => data,
    fix,
    /** Opens the first requirement with nothing assigned, else the first that needs fixing, on its first failed field. */
    async fixFirst() {
      if (!data) await load();
      const block = data?.blocks.find((b) => !b.assigned.length) ?? data?.blocks.find((b) => b.status === 'failed');
      if (block) await open(block, block.assigned[0]?.fields.find((f) => f.failure)?.machineName ?? null);
    },
    /**
     * Opens the record a rejection reason is about, with its first field focused. Answers
     * words to show when it cannot: the policy has no such requirement, or the record was
     * removed from the profile (then the requirement's block is opened instead), or put on
     * it after `rejectedAt` (it replaced the one Twilio refused).
     * @param {Target} target
     * @param {number | null} [rejectedAt] when Twilio rejected the profile (milliseconds)
     * @returns {Promise<string>}
     */
    async fixTarget(target, rejectedAt = null) {
      if (!data) await load();
      const block = blockOf(target.types);
      if (!block) return `This ${req.one()} has no requirement for ${target.label}: its policy does not ask for it. Twilio’s page about the error says more.`;
      if (!block.assigned.length) {
        await open(block, target.fields[0] ?? null);
        return `The record Twilio refused is no longer on this ${req.one()}. Add one under “${block.name}” below.`;
      }
      await open(block, target.fields[0] ?? null);
      const since = Date.parse(block.assigned[0].assignedAt ?? '');
      return rejectedAt !== null && since > rejectedAt
        ? `The record Twilio refused was replaced since: “${block.name}” below shows the one this ${req.one()} uses now.`
        : '';
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
