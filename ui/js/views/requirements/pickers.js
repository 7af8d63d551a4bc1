// Choosing what a requirement uses from what the account already has: one of its records
// (to add or to replace with), or a profile to link.

import { api } from '../../api.js';
import { h, localDate, userText, plainUserText } from '../../format.js';
import { busy, confirmDialog, errorPanel, narrowingBox, toast } from '../../ui.js';
import { openCreate, recordKind } from './record-editors.js';
import { statusWords } from './blocks.js';

/**
 * @typedef {import('../../../types/commands').Block} Block
 * @typedef {import('../../../types/commands').AssignedObject} AssignedObject
 * @typedef {import('../../../types/commands').SupportingDocument} Record
 * @typedef {import('./section.js').Section} Section
 */

/**
 * The account's records of `types` that this profile does not use yet.
 * @param {Section} req
 * @param {'end-user' | 'supporting-document'} kind
 * @param {string[]} types
 * @returns {Promise<Record[]>}
 */
export async function candidates(req, kind, types) {
  const found = (await Promise.all(types.map((t) => busy(() => api.listObjects(kind, t))))).flatMap((l) => l.records);
  const taken = new Set((req.data()?.blocks ?? []).flatMap((b) => b.assigned.map((o) => o.objectSid)));
  return found.filter((o) => !taken.has(o.sid));
}

/**
 * Assigns `chosen` for the block, replacing `current` when there is one, then shows the block.
 * @param {Section} req @param {Block} block @param {AssignedObject | null} current @param {string} chosen
 * @param {string} done what the toast says @param {HTMLElement} problems
 */
async function assign(req, block, current, chosen, done, problems) {
  const here = req.live();
  try {
    if (current?.assignmentSid) await busy(() => api.replaceAssignment(req.ctx.sid(), current.assignmentSid, chosen, req.ctx.kind()));
    else await busy(() => api.assignObject(req.ctx.sid(), chosen, req.ctx.kind()));
    if (!here()) return;
    toast(done);
    req.slot.forget();
    await req.fixed(block.requirementName);
  } catch (error) {
    if (here()) req.slot.showError(error, problems);
  }
}

/**
 * Reuses one of the account's records for `block` (replacing `current` when given);
 * `orNew` offers to enter a new one instead.
 * @param {Section} req @param {Block} block @param {HTMLElement} slot @param {AssignedObject | null} current
 * @param {{ orNew?: boolean }} [options]
 */
export async function openReuse(req, block, slot, current, { orNew = false } = {}) {
  if (!(await req.slot.claim())) return;
  const list = h('div', { class: 'reuse-list', role: 'radiogroup', 'aria-label': `Your ${block.name} records` }, h('p', { class: 'muted' }, 'Loading…'));
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'editor-save', disabled: true }, current ? 'Replace' : 'Assign it'));
  const fresh = orNew ? h('button', { type: 'button', class: 'secondary reuse-new', onclick: () => { req.slot.forget(); openCreate(req, block, slot); } }, 'Enter a new one instead') : null;
  const { form, problems, heading } = req.slot.panel(slot, current ? `Replace ${block.name}` : `Use a ${block.name} you already have`, list, [save, fresh, req.slot.cancelButton(slot)], { isDirty: () => false });
  try {
    const choices = await candidates(req, recordKind(block), block.accepted.map((a) => a.machineName));
    list.replaceChildren(...(choices.length ? choices.map((o, i) => {
      const id = `reuse-${block.requirementName}-${i}`;
      return h('div', { class: 'radio-row' },
        h('input', { type: 'radio', name: `reuse-${block.requirementName}`, id, value: o.sid, onchange: () => { save.disabled = false; } }),
        h('label', { for: id }, userText(o.friendly_name ?? o.sid, { max: 160, expandable: false }), h('span', { class: 'muted' }, ` · ${localDate(o.date_created)}`)));
    }) : [h('p', { class: 'muted' }, `Your account has no other ${block.name} to use. Add a new one instead.`)]));
    const narrow = narrowingBox(list, { label: `Find a ${block.name} by name`, onChange: () => { save.disabled = !list.querySelector('input:checked'); } });
    if (narrow) list.before(narrow);
  } catch (error) {
    list.replaceChildren(errorPanel(error, req.ctx));
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = /** @type {HTMLInputElement | null} */ (list.querySelector('input:checked'))?.value;
    if (!chosen) return;
    const name = list.querySelector('input:checked + label')?.textContent ?? chosen;
    const one = req.one();
    if (current) {
      const was = plainUserText(current.friendlyName ?? current.objectSid);
      if (!(await confirmDialog(`Replace “${was}”?`,
        `This ${one} will use “${name}” for ${block.name} instead. “${was}” stays in your account; only this ${one} stops using it.`, 'Replace it', undefined, { primary: false }))) return;
    }
    await assign(req, block, current, chosen, current ? 'Replaced.' : 'Assigned.', problems);
  });
  heading.focus();
}

/**
 * Links a profile for `block` (a primary profile, the profile a Trust Product builds on).
 * @param {Section} req @param {Block} block @param {HTMLElement} slot @param {AssignedObject | null} current
 */
export async function openLinkPicker(req, block, slot, current) {
  if (!(await req.slot.claim())) return;
  const list = h('div', { class: 'reuse-list', role: 'radiogroup', 'aria-label': 'Your profiles' }, h('p', { class: 'muted' }, 'Loading…'));
  const sidId = `link-sid-${block.requirementName}`;
  const sidInput = /** @type {HTMLInputElement} */ (h('input', { id: sidId, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'BU…' }));
  const save = h('button', { type: 'submit', class: 'editor-save' }, 'Link it');
  const { form, problems, heading } = req.slot.panel(slot, `Link ${block.name}`,
    [list, h('div', { class: 'field' }, h('label', { for: sidId }, 'Or paste the SID of a profile of the parent account'), sidInput)],
    [save, req.slot.cancelButton(slot)], { isDirty: () => Boolean(sidInput.value.trim()) });
  const product = req.ctx.kind() === 'trust-product';
  // A primary profile must be approved; what a trust product builds on may also be submitted.
  /** @type {import('../../../types/commands').ProfileStatus[]} */
  const statuses = product ? ['twilio-approved', 'in-review', 'pending-review'] : ['twilio-approved'];
  try {
    // One after another: a list load replaces the one of the same list still running.
    const pages = [];
    for (const status of statuses) pages.push(await busy(() => api.listProfiles({ status, friendlyName: null }, null, 'customer-profile')));
    const own = pages.flatMap((p) => p.records).filter((p) => p.sid !== req.ctx.sid());
    list.replaceChildren(...(own.length ? own.map((p, i) => {
      const id = `link-${block.requirementName}-${i}`;
      return h('div', { class: 'radio-row' },
        h('input', { type: 'radio', name: `link-${block.requirementName}`, id, value: p.sid }),
        h('label', { for: id }, userText(p.friendly_name ?? p.sid, { max: 160, expandable: false }), h('span', { class: 'muted' }, ` · ${statusWords(p.status)}`)));
    }) : [h('p', { class: 'muted' }, product
      ? 'This account has no approved or submitted profile to build on. Submit a customer profile for review first.'
      : 'This account has no approved profile to link.')]));
    const narrow = narrowingBox(list, { label: 'Find a profile by name' });
    if (narrow) list.before(narrow);
    // Only each status's first page is offered; the SID box below reaches any other.
    if (pages.some((p) => p.nextPageUrl)) list.append(h('p', { class: 'muted' }, `These are the first ${own.length} of your profiles that can be linked. For another one, paste its SID below.`));
  } catch (error) {
    list.replaceChildren(errorPanel(error, req.ctx));
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const chosen = /** @type {HTMLInputElement | null} */ (list.querySelector('input:checked'))?.value ?? sidInput.value.trim();
    if (!/^BU[0-9a-fA-F]{32}$/.test(chosen)) {
      problems.replaceChildren(h('p', { class: 'field-error' }, 'Choose a profile, or paste a profile SID: BU followed by 32 letters a–f and digits 0–9.'));
      sidInput.focus();
      return;
    }
    await assign(req, block, current, chosen, 'Linked.', problems);
  });
  heading.focus();
}
