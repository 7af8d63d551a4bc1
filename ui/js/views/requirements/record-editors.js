// Editing and adding the records a requirement needs (business details, representatives,
// documents): every field as the app knows it, checked while typing, only what changed sent.
// A record other profiles use too says so first, and can be saved for all or as a copy.

import { api } from '../../api.js';
import { count, h, plainUserText } from '../../format.js';
import { busy, errorPanel, focusOn, toast } from '../../ui.js';
import { fieldInput } from '../../fields.js';
import { checkField, checkObjectName, internationalPhone } from '../../checks.js';
import { addressPicker } from './address-editors.js';

/**
 * @typedef {import('../../../types/commands').Block} Block
 * @typedef {import('../../../types/commands').AssignedObject} AssignedObject
 * @typedef {import('../../fields.js').FieldInput} FieldInput
 * @typedef {import('../../api.js').UiError} UiError
 * @typedef {import('./section.js').Section} Section
 */

/** What a field sends: a phone number in international format, a list as a list. */
function normalised(/** @type {FieldInput} */ input) {
  const v = input.value();
  if (input.spec.kind === 'phone') return internationalPhone(String(v)) ?? v;
  return v;
}

/** The kind of record a block holds, as the commands name it. */
export function recordKind(/** @type {Block} */ block) {
  return block.kind === 'document' ? 'supporting-document' : 'end-user';
}

/**
 * A value another assigned record already holds for the same field, to start from.
 * @param {Section} req
 * @param {string} machineName
 * @returns {unknown}
 */
function prefill(req, machineName) {
  if (machineName === 'business_name' && req.ctx.profile()?.friendly_name) return req.ctx.profile().friendly_name;
  for (const b of req.data()?.blocks ?? []) {
    for (const o of b.assigned) {
      const f = o.fields.find((x) => x.machineName === machineName && !x.missing && !x.failure);
      if (f) return f.value;
    }
  }
  return '';
}

/** "Name in your account": the name only the person sees, which tells records apart. */
function nameField(/** @type {string} */ id, /** @type {HTMLInputElement} */ input) {
  return h('div', { class: 'field' }, h('label', { for: id }, 'Name in your account'), input,
    h('p', { class: 'help' }, 'Only you see this name; it tells your records apart.'));
}

/**
 * Edits the record `object` of `block`, the field `focusField` focused when given.
 * @param {Section} req @param {Block} block @param {AssignedObject} object @param {HTMLElement} slot
 * @param {string | null} [focusField]
 */
export async function openEdit(req, block, object, slot, focusField = null) {
  if (!(await req.slot.claim())) return;
  const nameId = `edit-name-${object.objectSid}`;
  const nameInput = /** @type {HTMLInputElement} */ (h('input', { id: nameId, type: 'text', autocomplete: 'off' }));
  nameInput.value = object.friendlyName ?? '';
  const inputs = object.fields.filter((f) => f.machineName !== 'address_sids')
    .map((f) => fieldInput(f, f.value, { idPrefix: `edit-${object.objectSid}`, onChange: refresh }));
  for (const i of inputs) {
    const f = object.fields.find((x) => x.machineName === i.spec.machineName);
    if (f?.failure) i.setError(f.failure.reason);
  }
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'editor-save', disabled: true }, 'Save changes'));
  // Shown when other profiles use the record too: the edits can go into a copy for this one.
  const saveCopy = /** @type {HTMLButtonElement} */ (h('button', {
    type: 'button', class: 'secondary save-as-new', hidden: true, disabled: true,
    onclick: () => saveAsNew(req, block, object, inputs, nameInput.value, problems),
  }, `Save as a copy for this ${req.one()} only`));
  const shared = h('p', { class: 'shared-note', id: `shared-${object.objectSid}`, 'aria-live': 'polite', hidden: true });
  const isDirty = () => nameInput.value !== (object.friendlyName ?? '') || inputs.some((i) => i.changed());
  const { form, heading, problems } = req.slot.panel(slot, `Edit ${block.name}`,
    [shared, nameField(nameId, nameInput), ...inputs.map((i) => i.wrap)], [save, saveCopy, req.slot.cancelButton(slot)], { isDirty });
  nameInput.addEventListener('input', refresh);
  tellIfShared(req, object, { shared, save, saveCopy });
  function refresh() {
    let valid = true;
    for (const i of inputs) {
      if (!i.changed()) continue;
      const bad = checkField(i.spec, i.value());
      i.setError(bad);
      if (bad) valid = false;
    }
    save.disabled = !isDirty() || !valid || Boolean(checkObjectName(nameInput.value));
    saveCopy.disabled = save.disabled;
  }
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (save.disabled) return;
    const here = req.live();
    /** @type {Record<string, unknown>} */
    const changes = {};
    for (const i of inputs) if (i.changed()) changes[i.spec.machineName] = normalised(i);
    const name = nameInput.value !== (object.friendlyName ?? '') ? nameInput.value : null;
    save.disabled = true;
    try {
      await busy(() => api.saveObject(object.objectSid, name, changes, req.ctx.sid()));
      if (!here()) return;
      toast('Saved. Twilio is checking it again…');
      req.slot.forget();
      await req.fixed(block.requirementName);
    } catch (error) {
      if (!here()) return;
      req.slot.showError(error, problems, inputs); // what was typed stays in the form
      refresh();
      // Locked because a profile in review or approved uses it too (a copy shares the
      // original's records): the edits can go into a new record for this profile.
      if (error.code === 60711 && object.assignmentSid && req.ctx.profile()?.status === 'draft') {
        problems.querySelector('.error-panel')?.append(h('div', { class: 'actions' },
          h('button', { type: 'button', class: 'save-as-new', onclick: () => saveAsNew(req, block, object, inputs, nameInput.value, problems) },
            `Save as a new ${block.name} for this ${req.one()}`)));
      }
    }
  });
  const target = inputs.find((i) => i.spec.machineName === focusField);
  if (target) target.focus(); else heading.focus();
}

/**
 * Says, at the top of the editor, when other profiles use the record too: a change then
 * changes it for them as well, so the editor offers to save for all or as a copy.
 * @param {Section} req @param {AssignedObject} object
 * @param {{ shared: HTMLElement, save: HTMLButtonElement, saveCopy: HTMLButtonElement }} parts
 */
async function tellIfShared(req, object, { shared, save, saveCopy }) {
  const here = req.live();
  try {
    const usage = await api.objectUsage([object.objectSid]);
    if (!here()) return;
    const others = (usage.records[0]?.usedBy ?? [])
      .filter((u) => u.sid !== req.ctx.sid() && (u.what === 'customer-profile' || u.what === 'trust-product'));
    if (!others.length) return;
    const names = others.slice(0, 3).map((u) => `“${plainUserText(u.name ?? u.sid, 80)}”`).join(', ');
    const more = others.length > 3 ? ` and ${count(others.length - 3, 'more')}` : '';
    shared.textContent = `This record is also used by ${count(others.length, 'other profile')}: ${names}${more}. Saving changes it for ${others.length === 1 ? 'both' : 'all of them'}; to change it for this ${req.one()} only, save a copy.`;
    shared.hidden = false;
    save.textContent = others.length === 1 ? 'Save for both' : 'Save for all of them';
    saveCopy.hidden = !object.assignmentSid;
  } catch {
    // Not known: the editor works as for a record of its own.
  }
}

/**
 * The record with the edits, as a new one that replaces it on this profile only: the
 * original stays as it is for the profiles that use it.
 * @param {Section} req @param {Block} block @param {AssignedObject} object @param {FieldInput[]} inputs
 * @param {string} name @param {HTMLElement} problems
 */
async function saveAsNew(req, block, object, inputs, name, problems) {
  const here = req.live();
  /** @type {Record<string, unknown>} */
  const attributes = {};
  for (const f of object.fields) if (!f.missing) attributes[f.machineName] = f.value;
  for (const i of inputs) attributes[i.spec.machineName] = normalised(i);
  try {
    const made = await busy(() => api.createObject(recordKind(block), object.typeName, name, attributes, null));
    await busy(() => api.replaceAssignment(req.ctx.sid(), object.assignmentSid, made.object.sid, req.ctx.kind()));
    if (!here()) return;
    toast(`Saved as a new ${block.name} for this ${req.one()}. The original is unchanged.`);
    req.slot.forget();
    await req.fixed(block.requirementName);
  } catch (error) {
    if (here()) req.slot.showError(error, problems, inputs);
  }
}

/**
 * Adds a new record for `block` and assigns it in one step.
 * @param {Section} req @param {Block} block @param {HTMLElement} slot @param {string | null} [focusField]
 */
export async function openCreate(req, block, slot, focusField = null) {
  if (!(await req.slot.claim())) return;
  const accepted = block.accepted.filter((a) => !a.needsFile);
  let type = accepted[0];
  const body = h('div');
  const typeSelect = accepted.length > 1
    ? /** @type {HTMLSelectElement} */ (h('select', { id: `create-type-${block.requirementName}`, onchange: () => { type = accepted.find((a) => a.machineName === typeSelect.value); build(); } },
      accepted.map((a) => h('option', { value: a.machineName }, a.name))))
    : null;
  const nameId = `create-name-${block.requirementName}`;
  const nameInput = /** @type {HTMLInputElement} */ (h('input', { id: nameId, type: 'text', autocomplete: 'off' }));
  nameInput.value = `${req.ctx.profile()?.friendly_name ?? 'Profile'} — ${block.name}`.slice(0, 200);
  /** @type {FieldInput[]} */
  let inputs = [];
  /** @type {ReturnType<typeof addressPicker> | null} the address picker, for an address document */
  let address = null;
  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', class: 'editor-save' }, `Add ${block.name}`));
  const isDirty = () => inputs.some((i) => i.changed()) || Boolean(address?.chosen());
  const { form, heading, problems } = req.slot.panel(slot, `Add ${block.name}`, body, [save, req.slot.cancelButton(slot)], { isDirty });
  function build() {
    const fields = type.fields.filter((f) => f.machineName !== 'address_sids');
    inputs = fields.map((f) => fieldInput(f, prefill(req, f.machineName), { idPrefix: `create-${block.requirementName}`, onChange: () => {} }));
    address = type.fields.some((f) => f.machineName === 'address_sids') ? addressPicker(req, `create-${block.requirementName}`, null) : null;
    body.replaceChildren(
      typeSelect ? h('div', { class: 'field' }, h('label', { for: typeSelect.id }, 'Which kind'), typeSelect) : '',
      nameField(nameId, nameInput),
      ...inputs.map((i) => i.wrap),
      address?.el ?? '');
  }
  build();
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const here = req.live();
    /** @type {Record<string, unknown>} */
    const attributes = {};
    let first = null;
    for (const i of inputs) {
      const bad = checkField(i.spec, i.value());
      i.setError(bad);
      if (bad && !first) first = i;
      attributes[i.spec.machineName] = normalised(i);
    }
    if (first) { first.focus(); return; }
    if (address) {
      const chosen = await address.resolve(problems);
      if (!chosen) return;
      attributes.address_sids = [chosen];
    }
    save.disabled = true;
    try {
      await busy(() => api.createObject(recordKind(block), type.machineName, nameInput.value, attributes, { kind: req.ctx.kind(), sid: req.ctx.sid() }));
      if (!here()) return;
      toast(`${block.name} added. Twilio is checking it again…`);
      req.slot.forget();
      await req.fixed(block.requirementName);
    } catch (error) {
      if (!here()) return;
      save.disabled = false;
      if (error.partial) halfDone(req, error, problems, block);
      else req.slot.showError(error, problems, inputs);
    }
  });
  const target = inputs.find((i) => i.spec.machineName === focusField) ?? inputs[0];
  if (target) target.focus(); else heading.focus();
}

/**
 * Created but not assigned: say what exists and offer to finish or undo.
 * @param {Section} req @param {UiError} error @param {HTMLElement} problems @param {Block} block
 */
function halfDone(req, error, problems, block) {
  const p = errorPanel(error, req.ctx);
  const created = error.partial;
  p.append(h('div', { class: 'actions' },
    h('button', { type: 'button', onclick: async () => {
      try {
        await busy(() => api.assignObject(req.ctx.sid(), created.sid, req.ctx.kind()));
        toast(`Added to the ${req.one()}.`);
        req.slot.forget();
        await req.fixed(block.requirementName);
      } catch (again) {
        problems.replaceChildren(errorPanel(again, req.ctx));
      }
    } }, `Add it to the ${req.one()}`),
    h('button', { type: 'button', class: 'secondary danger', onclick: async () => {
      try {
        await busy(() => api.deleteObject(created.sid, req.ctx.sid()));
        toast(`“${plainUserText(created.name ?? created.sid)}” was deleted; nothing was added.`);
        problems.replaceChildren(h('p', { class: 'notice' }, 'Deleted. Your details are still in the form: correct them and add again.'));
      } catch (again) {
        problems.replaceChildren(errorPanel(again, req.ctx));
      }
    } }, 'Delete it')));
  problems.replaceChildren(p);
  focusOn(p);
}
