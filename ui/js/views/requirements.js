// "What Twilio needs": one block per requirement of the profile's policy, with what is
// assigned to meet it, every field in words, and the latest evaluation's failures beside
// the field they are about. Each block can be fixed here: edit, add, reuse, replace, remove.
// For a draft just created, it walks through the requirements in order ("guided").

import { api, openTwilioPage } from '../api.js';
import { h, localDate, userText, plainUserText } from '../format.js';
import { busy, confirmDialog, errorPanel, focusOn, narrowingBox, toast } from '../ui.js';
import { fieldInput, checkField, internationalPhone } from '../fields.js';
import { addressForm, addressView, addressLines } from '../address-form.js';
import { leftoversPanel } from '../leftovers.js';

const STATUS_WORDS = {
  passed: 'Passed',
  failed: 'Needs fixing',
  unknown: 'Not checked yet',
};

/** A value as the read-only view shows it. */
function shownValue(field) {
  const v = field.value;
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return null;
  const list = Array.isArray(v) ? v : String(v).split(',').map((s) => s.trim()).filter(Boolean);
  if (field.choices?.length) {
    return list.map((x) => field.choices.find((c) => c.value === x)?.label ?? x).join(', ');
  }
  return Array.isArray(v) ? v.join(', ') : String(v);
}

/**
 * The section in `root`. `ctx`: kind(), sid(), profile(), guard() (a check bound to the
 * visit), onReenterCredentials, onChecked(evaluation), isDemo().
 */
export function createRequirements(root, ctx) {
  /** What the person is working on, in words: a profile or a Trust Product. */
  const one = () => (ctx.kind() === 'trust-product' ? 'Trust Product' : 'profile');
  let data = null;
  let editor = null; // { isDirty(), close() } of the editor open, if one is
  let visit = 0;
  let guided = false; // walking a new draft through its requirements, one after another

  const title = h('h2', { id: 'requirements-title', tabindex: '-1' }, 'What Twilio needs');
  const check = h('button', { type: 'button', id: 'check-now', onclick: () => checkNow() }, 'Check compliance now');
  const summary = h('p', { class: 'summary', id: 'requirements-summary', tabindex: '-1', 'aria-live': 'polite' });
  const message = h('div', { id: 'requirements-message' });
  const guide = h('div', { class: 'guide', id: 'requirements-guide', 'aria-live': 'polite', hidden: true });
  const blocks = h('div', { class: 'blocks', id: 'requirement-blocks' });
  const section = h('section', { class: 'card requirements', id: 'requirements', 'aria-labelledby': 'requirements-title' },
    h('div', { class: 'title-row' }, title, check), summary, guide, message, blocks);
  root.replaceChildren(section);

  const live = () => {
    const mine = visit;
    const guard = ctx.guard();
    return () => mine === visit && guard();
  };

  async function load({ focusBlock = null } = {}) {
    const here = live();
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
      if (guided && await walk()) return;
      if (focusBlock) focusOn(blocks.querySelector(`[data-requirement="${CSS.escape(focusBlock)}"] h3`));
    } catch (error) {
      if (!here() || error.kind === 'cancelled') return;
      blocks.replaceChildren();
      message.replaceChildren(errorPanel(error, ctx));
    }
  }

  function render() {
    editor = null;
    const failed = data.blocks.filter((b) => b.status === 'failed').length;
    const missing = data.blocks.filter((b) => !b.assigned.length).length;
    summary.replaceChildren(
      data.evaluationStatus
        ? `Twilio last checked this on ${localDate(data.evaluatedAt)}: ${failed ? `${failed} requirement${failed === 1 ? '' : 's'} to fix.` : 'every requirement was met.'}`
        : `Not checked yet.${missing ? ` ${missing} requirement${missing === 1 ? ' has' : 's have'} nothing assigned.` : ''} Press “Check compliance now” to have Twilio check it.`,
    );
    blocks.replaceChildren(...data.blocks.map(renderBlock),
      data.otherFailures.length
        ? h('div', { class: 'req-block status-failed' }, h('h3', {}, 'Other problems Twilio reported'),
          h('ul', {}, data.otherFailures.map((f) => h('li', {}, userText(f.reason), f.code ? h('span', { class: 'muted' }, ` (error ${f.code})`) : ''))))
        : '');
  }

  function badge(status) {
    return h('span', { class: `badge req-${status}` }, STATUS_WORDS[status] ?? status);
  }

  function renderBlock(block) {
    const slot = h('div', { class: 'editor-slot' });
    const head = h('div', { class: 'block-head' }, h('h3', { tabindex: '-1' }, userText(block.name, { max: 120 })), badge(block.status));
    const parts = [head];
    if (block.description && block.kind === 'document') parts.push(h('p', { class: 'help' }, userText(block.description, { max: 300 })));
    if (block.failure) {
      parts.push(h('p', { class: 'reason' }, userText(block.failure.reason), block.failure.code ? h('span', { class: 'muted' }, ` (error ${block.failure.code})`) : ''));
    }
    if (block.advice) parts.push(h('p', { class: 'advice' }, block.advice));
    if (!block.assigned.length) {
      parts.push(h('p', { class: 'muted' }, 'Nothing is assigned for this yet.'));
      parts.push(emptyActions(block, slot));
    }
    for (const object of block.assigned) parts.push(renderAssigned(block, object, slot));
    parts.push(slot);
    return h('section', { class: `req-block status-${block.status}`, dataset: { requirement: block.requirementName }, 'aria-label': block.name }, parts);
  }

  function emptyActions(block, slot) {
    const actions = h('div', { class: 'actions' });
    if (block.kind === 'customer-profile' || block.kind === 'trust-product') {
      actions.append(h('button', { type: 'button', class: 'fix-add', onclick: () => openLinkPicker(block, slot, null) }, `Link ${block.name}`));
      return actions;
    }
    const accepted = block.accepted[0];
    if (accepted?.needsFile) {
      actions.append(consoleButton());
      return actions;
    }
    actions.append(
      h('button', { type: 'button', class: 'fix-add', onclick: () => openCreate(block, slot) }, `Add ${block.name}`),
      h('button', { type: 'button', class: 'secondary fix-reuse', onclick: () => openReuse(block, slot, null) }, 'Use one you already have…'));
    return actions;
  }

  function consoleButton() {
    const demo = ctx.isDemo();
    return h('button', {
      type: 'button', class: 'secondary', disabled: demo,
      title: demo ? 'Demo profiles do not exist in the Twilio Console' : 'Opens the profile in your browser',
      onclick: () => openTwilioPage(`https://console.twilio.com/us1/account/trust-hub/${ctx.kind() === 'trust-product' ? 'trust-products' : 'customer-profiles'}/${ctx.sid()}`),
    }, 'Upload it in the Twilio Console');
  }

  function renderAssigned(block, object, slot) {
    const parts = [h('p', { class: 'object-name' },
      h('strong', {}, userText(object.friendlyName ?? object.objectSid, { max: 160 })),
      object.typeLabel ? h('span', { class: 'muted' }, ' · ', userText(object.typeLabel, { max: 80 })) : '',
      object.status ? h('span', { class: 'muted' }, ` · ${statusWords(object.status)}`) : '')];
    if (!object.readable) {
      parts.push(h('p', { class: 'muted' }, block.kind === 'customer-profile'
        ? 'A profile that these credentials cannot read (it may belong to the parent account).'
        : 'This could not be read from Twilio.'));
    }
    const fields = object.fields.filter((f) => f.machineName !== 'address_sids');
    if (object.needsFile) {
      parts.push(h('p', { class: 'file-note' }, 'This document is a file. Files are uploaded in the Twilio Console, which shows its review too.'), consoleButton());
    } else if (fields.length) {
      parts.push(h('dl', { class: 'fields' }, fields.flatMap((f) => [
        h('dt', {}, f.label),
        h('dd', { dataset: { field: f.machineName } },
          f.missing ? h('span', { class: 'missing' }, 'missing') : (shownValue(f) ? userText(shownValue(f), { max: 200 }) : h('span', { class: 'muted' }, '—')),
          f.failure ? h('span', { class: 'field-failure' }, userText(f.failure.reason), f.failure.code ? ` (error ${f.failure.code})` : '') : ''),
      ])));
    }
    const addressField = object.fields.find((f) => f.machineName === 'address_sids');
    if (addressField) {
      parts.push(h('div', { class: 'address-block' },
        object.addresses.length
          ? object.addresses.map((a) => (a.found ? addressView(a) : h('span', { class: 'missing' }, `An address that is not in this account (${a.sid})`)))
          : h('span', { class: 'missing' }, 'No address is named'),
        addressField.failure ? h('span', { class: 'field-failure' }, userText(addressField.failure.reason), addressField.failure.code ? ` (error ${addressField.failure.code})` : '') : ''));
    }
    const actions = h('div', { class: 'actions' });
    if (object.readable && fields.length && !object.needsFile && block.kind === 'end-user') {
      actions.append(h('button', { type: 'button', class: 'fix-edit', onclick: () => openEdit(block, object, slot, null) }, 'Edit'));
    }
    if (addressField) {
      const found = object.addresses.find((a) => a.found);
      if (found) actions.append(h('button', { type: 'button', class: 'fix-correct', onclick: () => openCorrectAddress(block, object, found, slot) }, 'Correct this address'));
      actions.append(h('button', { type: 'button', class: 'secondary fix-address', onclick: () => openPickAddress(block, object, slot) }, 'Use another address…'));
    }
    if (block.kind === 'customer-profile' || block.kind === 'trust-product') {
      actions.append(h('button', { type: 'button', class: 'secondary', onclick: () => openLinkPicker(block, slot, object) }, 'Link another…'));
    } else if (!object.needsFile) {
      actions.append(h('button', { type: 'button', class: 'secondary fix-reuse', onclick: () => openReuse(block, slot, object) }, 'Replace with another…'));
    }
    if (object.assignmentSid) {
      actions.append(h('button', { type: 'button', class: 'secondary danger fix-remove', onclick: () => remove(block, object) }, `Remove from this ${one()}`));
    }
    return h('div', { class: 'assigned', dataset: { object: object.objectSid } }, parts, actions);
  }

  function statusWords(status) {
    const s = String(status).toLowerCase();
    return {
      draft: 'draft', 'pending-review': 'being reviewed by Twilio', 'in-review': 'being reviewed by Twilio',
      approved: 'approved by Twilio', 'twilio-approved': 'approved by Twilio', rejected: 'rejected by Twilio',
      'twilio-rejected': 'rejected by Twilio', expired: 'expired', 'provisionally-approved': 'provisionally approved',
    }[s] ?? s;
  }

  // ---- Guided: a new draft, one requirement after another ----

  /** The blocks a person can fill here (a file is uploaded in the Console). */
  function fillable(block) {
    return block.kind !== 'document' || block.accepted.some((a) => !a.needsFile);
  }

  /**
   * Says how far the draft got and opens the next requirement with nothing assigned:
   * a choice among what the account already has when it has some, else the form for a
   * new one. When every requirement has something, points to "Check compliance now".
   * Answers whether it opened something (which then has the focus).
   */
  async function walk() {
    const open = data.blocks.filter((b) => !b.assigned.length);
    const next = open.find(fillable);
    const done = data.blocks.length - open.length;
    guide.hidden = false;
    if (!next) {
      guided = false;
      guide.replaceChildren(h('p', {}, h('strong', {}, 'Every requirement has something assigned. '),
        open.length ? 'What is left is a file to upload in the Twilio Console. ' : '',
        'Press “Check compliance now” to have Twilio check the draft, then “Submit for review…” at the top.'));
      focusOn(check);
      return true;
    }
    guide.replaceChildren(h('p', {}, h('strong', {}, `Step ${done + 1} of ${data.blocks.length}: ${next.name}. `),
      'Fill each requirement in turn. You can stop at any time: the draft keeps what is done, and the list shows how far it got.'));
    const el = blocks.querySelector(`[data-requirement="${CSS.escape(next.requirementName)}"]`);
    const slot = el?.querySelector('.editor-slot');
    if (!slot) return false;
    el.scrollIntoView({ block: 'start' });
    if (next.kind === 'customer-profile' || next.kind === 'trust-product') {
      await openLinkPicker(next, slot, null);
      return true;
    }
    const kind = next.kind === 'document' ? 'supporting-document' : 'end-user';
    const types = next.accepted.filter((a) => !a.needsFile).map((a) => a.machineName);
    const have = await candidates(kind, types).catch(() => []);
    if (have.length) await openReuse(next, slot, null, { orNew: true });
    else await openCreate(next, slot);
    return true;
  }

  /** The account's records of `types` that this profile does not use yet. */
  async function candidates(kind, types) {
    const found = (await Promise.all(types.map((t) => busy(() => api.listObjects(kind, t))))).flatMap((l) => l.records);
    const taken = new Set(data.blocks.flatMap((b) => b.assigned.map((o) => o.objectSid)));
    return found.filter((o) => !taken.has(o.sid));
  }

  // ---- Editors: one open at a time, in the block's slot ----

  async function claimSlot() {
    if (editor?.isDirty() && !(await confirmDialog('Discard your changes?', 'Another form in “What Twilio needs” has changes that are not saved. If you go on, they are lost.', 'Discard changes'))) {
      return false;
    }
    editor?.close();
    editor = null;
    return true;
  }

  function panel(slot, titleText, body, actions, { onClose, isDirty }) {
    const heading = h('h4', { tabindex: '-1' }, titleText);
    const problems = h('div', { class: 'editor-message' });
    const form = h('form', { class: 'editor', novalidate: true }, heading, problems, body, h('div', { class: 'actions' }, actions));
    slot.replaceChildren(form);
    editor = {
      isDirty,
      close: () => { slot.replaceChildren(); onClose?.(); },
    };
    return { form, heading, problems };
  }

  function cancelButton(slot) {
    return h('button', { type: 'button', class: 'secondary', onclick: async () => {
      if (editor?.isDirty() && !(await confirmDialog('Discard your changes?', 'The changes in this form are not saved. If you close it, they are lost.', 'Discard changes'))) return;
      editor?.close();
      editor = null;
      focusOn(slot.closest('.req-block')?.querySelector('h3'));
    } }, 'Cancel');
  }

  /** Shows an error: beside its field when it names one, else as a panel; the focus goes there. */
  function showError(error, problems, inputs) {
    const target = inputs?.find((i) => i.spec.machineName === error.field);
    if (target) {
      target.setError(error.message);
      target.focus();
      problems.replaceChildren();
    } else {
      const p = errorPanel(error, ctx);
      problems.replaceChildren(p);
      focusOn(p);
    }
  }

  async function openEdit(block, object, slot, focusField) {
    if (!(await claimSlot())) return;
    const nameId = `edit-name-${object.objectSid}`;
    const nameInput = h('input', { id: nameId, type: 'text', autocomplete: 'off' });
    nameInput.value = object.friendlyName ?? '';
    const inputs = object.fields.filter((f) => f.machineName !== 'address_sids').map((f) => fieldInput(f, f.value, { idPrefix: `edit-${object.objectSid}`, onChange: refresh }));
    for (const i of inputs) {
      const f = object.fields.find((x) => x.machineName === i.spec.machineName);
      if (f?.failure) i.setError(f.failure.reason);
    }
    const save = h('button', { type: 'submit', class: 'editor-save', disabled: true }, 'Save changes');
    const isDirty = () => nameInput.value !== (object.friendlyName ?? '') || inputs.some((i) => i.changed());
    const { form, heading, problems } = panel(slot, `Edit ${block.name}`,
      [h('div', { class: 'field' }, h('label', { for: nameId }, 'Name in your account'), nameInput,
        h('p', { class: 'help' }, 'Only you see this name; it tells your records apart.')), ...inputs.map((i) => i.wrap)],
      [save, cancelButton(slot)], { isDirty });
    nameInput.addEventListener('input', refresh);
    function refresh() {
      let valid = true;
      for (const i of inputs) {
        if (!i.changed()) continue;
        const bad = checkField(i.spec, i.value());
        i.setError(bad);
        if (bad) valid = false;
      }
      save.disabled = !isDirty() || !valid || !nameInput.value.trim();
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      if (save.disabled) return;
      const here = live();
      const changes = {};
      for (const i of inputs) if (i.changed()) changes[i.spec.machineName] = normalised(i);
      const name = nameInput.value !== (object.friendlyName ?? '') ? nameInput.value : null;
      save.disabled = true;
      try {
        await busy(() => api.saveObject(object.objectSid, name, changes, ctx.sid()));
        if (!here()) return;
        toast('Saved. Check compliance again to see what Twilio thinks now.');
        editor = null;
        await load({ focusBlock: block.requirementName });
      } catch (error) {
        if (!here()) return;
        showError(error, problems, inputs); // what was typed stays in the form
        refresh();
        // Locked because a profile in review or approved uses it too (a copy shares the
        // original's records): the edits can go into a new record for this profile.
        if (error.code === 60711 && object.assignmentSid && ctx.profile()?.status === 'draft') {
          problems.querySelector('.error-panel')?.append(h('div', { class: 'actions' },
            h('button', { type: 'button', class: 'save-as-new', onclick: () => saveAsNew(block, object, inputs, nameInput.value, problems) },
              `Save as a new ${block.name} for this ${one()}`)));
        }
      }
    });
    const target = inputs.find((i) => i.spec.machineName === focusField);
    if (target) target.focus(); else heading.focus();
  }

  /**
   * The record with the edits, as a new one that replaces it on this profile only: the
   * original stays as it is for the profiles that use it.
   */
  async function saveAsNew(block, object, inputs, name, problems) {
    const here = live();
    const attributes = {};
    for (const f of object.fields) if (!f.missing) attributes[f.machineName] = f.value;
    for (const i of inputs) attributes[i.spec.machineName] = normalised(i);
    const kind = block.kind === 'document' ? 'supporting-document' : 'end-user';
    try {
      const made = await busy(() => api.createObject(kind, object.typeName, name, attributes, null));
      await busy(() => api.replaceAssignment(ctx.sid(), object.assignmentSid, made.object.sid, ctx.kind()));
      if (!here()) return;
      toast(`Saved as a new ${block.name} for this ${one()}. The original is unchanged.`);
      editor = null;
      await load({ focusBlock: block.requirementName });
    } catch (error) {
      if (here()) showError(error, problems, inputs);
    }
  }

  /** What a field sends: a phone number in international form, a list as a list. */
  function normalised(input) {
    const v = input.value();
    if (input.spec.kind === 'phone') return internationalPhone(String(v)) ?? v;
    return v;
  }

  /** A value another assigned object already holds for the same field, to start from. */
  function prefill(machineName) {
    if (machineName === 'business_name' && ctx.profile()?.friendly_name) return ctx.profile().friendly_name;
    for (const b of data?.blocks ?? []) {
      for (const o of b.assigned) {
        const f = o.fields.find((x) => x.machineName === machineName && !x.missing && !x.failure);
        if (f) return f.value;
      }
    }
    return '';
  }

  async function openCreate(block, slot, focusField = null) {
    if (!(await claimSlot())) return;
    const accepted = block.accepted.filter((a) => !a.needsFile);
    let type = accepted[0];
    const kind = block.kind === 'document' ? 'supporting-document' : 'end-user';
    const body = h('div');
    const typeSelect = accepted.length > 1
      ? h('select', { id: `create-type-${block.requirementName}`, onchange: () => { type = accepted.find((a) => a.machineName === typeSelect.value); build(); } },
        accepted.map((a) => h('option', { value: a.machineName }, a.name)))
      : null;
    const nameId = `create-name-${block.requirementName}`;
    const nameInput = h('input', { id: nameId, type: 'text', autocomplete: 'off' });
    nameInput.value = `${ctx.profile()?.friendly_name ?? 'Profile'} — ${block.name}`.slice(0, 200);
    let inputs = [];
    let address = null; // the address picker, for an address document
    const save = h('button', { type: 'submit', class: 'editor-save' }, `Add ${block.name}`);
    const isDirty = () => inputs.some((i) => i.changed()) || Boolean(address?.chosen());
    const { form, heading, problems } = panel(slot, `Add ${block.name}`, body, [save, cancelButton(slot)], { isDirty });
    function build() {
      const fields = type.fields.filter((f) => f.machineName !== 'address_sids');
      inputs = fields.map((f) => fieldInput(f, prefill(f.machineName), { idPrefix: `create-${block.requirementName}`, onChange: () => {} }));
      address = type.fields.some((f) => f.machineName === 'address_sids') ? addressPicker(`create-${block.requirementName}`, null) : null;
      body.replaceChildren(
        typeSelect ? h('div', { class: 'field' }, h('label', { for: typeSelect.id }, 'Which kind'), typeSelect) : '',
        h('div', { class: 'field' }, h('label', { for: nameId }, 'Name in your account'), nameInput,
          h('p', { class: 'help' }, 'Only you see this name; it tells your records apart.')),
        ...inputs.map((i) => i.wrap),
        address?.el ?? '');
    }
    build();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const here = live();
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
        await busy(() => api.createObject(kind, type.machineName, nameInput.value, attributes, { kind: ctx.kind(), sid: ctx.sid() }));
        if (!here()) return;
        toast(`${block.name} added. Check compliance again to see what Twilio thinks now.`);
        editor = null;
        await load({ focusBlock: block.requirementName });
      } catch (error) {
        if (!here()) return;
        save.disabled = false;
        if (error.partial) {
          halfDone(error, problems, block);
        } else {
          showError(error, problems, inputs);
        }
      }
    });
    const target = inputs.find((i) => i.spec.machineName === focusField) ?? inputs[0];
    if (target) target.focus(); else heading.focus();
  }

  /** Created but not assigned: say what exists and offer to finish or undo. */
  function halfDone(error, problems, block) {
    const p = errorPanel(error, ctx);
    const created = error.partial;
    p.append(h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: async () => {
        try {
          await busy(() => api.assignObject(ctx.sid(), created.sid, ctx.kind()));
          toast(`Added to the ${one()}.`);
          editor = null;
          await load({ focusBlock: block.requirementName });
        } catch (again) {
          problems.replaceChildren(errorPanel(again, ctx));
        }
      } }, `Add it to the ${one()}`),
      h('button', { type: 'button', class: 'secondary danger', onclick: async () => {
        try {
          await busy(() => api.deleteObject(created.sid, ctx.sid()));
          toast(`“${plainUserText(created.name ?? created.sid)}” was deleted; nothing was added.`);
          problems.replaceChildren(h('p', { class: 'notice' }, 'Deleted. Your details are still in the form: correct them and add again.'));
        } catch (again) {
          problems.replaceChildren(errorPanel(again, ctx));
        }
      } }, 'Delete it')));
    problems.replaceChildren(p);
    focusOn(p);
  }

  /**
   * A choice among the account's addresses, or a new one. `resolve(problems)` gives the
   * chosen address SID (creating the new address first), or null with the reason shown.
   */
  function addressPicker(idPrefix, current) {
    const select = h('select', { id: `${idPrefix}-address`, onchange: () => { newForm.el.hidden = select.value !== 'new'; } },
      h('option', { value: '' }, 'Loading the account’s addresses…'));
    const error = h('p', { class: 'field-error', 'aria-live': 'polite' });
    const newForm = addressForm(null, { idPrefix: `${idPrefix}-new` });
    newForm.el.hidden = true;
    const el = h('div', { class: 'field address-picker' },
      h('label', { for: select.id }, 'Address'), select, error, newForm.el);
    busy(() => api.listAddresses()).then((listing) => {
      select.replaceChildren(
        h('option', { value: '' }, 'Choose an address…'),
        ...listing.records.map((a) => h('option', { value: a.sid, selected: a.sid === current }, addressLines(a).join(' — ').slice(0, 160))),
        h('option', { value: 'new' }, 'A new address…'));
      if (!listing.records.length) { select.value = 'new'; newForm.el.hidden = false; }
    }).catch((e) => { error.textContent = e.message; });
    return {
      el,
      chosen: () => select.value,
      async resolve(problems) {
        if (select.value === 'new') {
          const bad = newForm.check();
          if (bad) { newForm.focus(bad); return null; }
          try {
            const made = await busy(() => api.createAddress(newForm.values()));
            return made.sid;
          } catch (e) {
            if (e.field) { newForm.setError(e.field, e.message); newForm.focus(e.field); } else problems.replaceChildren(errorPanel(e, ctx));
            return null;
          }
        }
        if (!select.value) {
          error.textContent = 'Choose an address, or “A new address…”.';
          select.focus();
          return null;
        }
        return select.value;
      },
    };
  }

  async function openPickAddress(block, object, slot) {
    if (!(await claimSlot())) return;
    const current = object.addresses[0]?.sid ?? null;
    const picker = addressPicker(`pick-${object.objectSid}`, current);
    const save = h('button', { type: 'submit', class: 'editor-save' }, 'Use this address');
    const { form, problems } = panel(slot, `The address of ${block.name}`, picker.el, [save, cancelButton(slot)], {
      isDirty: () => picker.chosen() && picker.chosen() !== current,
    });
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const here = live();
      const chosen = await picker.resolve(problems);
      if (!chosen || !here()) return;
      try {
        await busy(() => api.saveObject(object.objectSid, null, { address_sids: [chosen] }, ctx.sid()));
        toast('The address is changed. Check compliance again to see what Twilio thinks now.');
        editor = null;
        await load({ focusBlock: block.requirementName });
      } catch (error) {
        if (here()) showError(error, problems, []);
      }
    });
    picker.el.querySelector('select').focus();
  }

  async function openCorrectAddress(block, object, address, slot) {
    if (!(await claimSlot())) return;
    const raw = {
      customer_name: address.customerName, street: address.street, street_secondary: address.streetSecondary,
      city: address.city, region: address.region, postal_code: address.postalCode, iso_country: address.isoCountry,
    };
    const save = h('button', { type: 'submit', class: 'editor-save', disabled: true }, 'Save the address');
    const form = addressForm(raw, {
      idPrefix: `correct-${address.sid}`,
      onChange: () => { save.disabled = !form.changed(); },
      onNewInstead: () => openPickAddress(block, object, slot),
    });
    const { form: el, problems } = panel(slot, 'Correct this address', form.el, [save, cancelButton(slot)], { isDirty: () => form.changed() });
    el.addEventListener('submit', async (event) => {
      event.preventDefault();
      const bad = form.check();
      if (bad) { form.focus(bad); return; }
      const here = live();
      try {
        await busy(() => api.updateAddress(address.sid, form.changes()));
        toast('The address is corrected.');
        editor = null;
        await load({ focusBlock: block.requirementName });
      } catch (error) {
        if (!here()) return;
        if (error.field) { form.setError(error.field, error.message); form.focus(error.field); } else showError(error, problems, []);
      }
    });
    form.focus('street');
  }

  /** Reuse one of the account's objects (replacing `current` when given). */
  async function openReuse(block, slot, current, { orNew = false } = {}) {
    if (!(await claimSlot())) return;
    const kind = block.kind === 'document' ? 'supporting-document' : 'end-user';
    const list = h('div', { class: 'reuse-list', role: 'radiogroup', 'aria-label': `Your ${block.name} records` }, h('p', { class: 'muted' }, 'Loading…'));
    const save = h('button', { type: 'submit', class: 'editor-save', disabled: true }, current ? 'Replace' : 'Assign it');
    const fresh = orNew ? h('button', { type: 'button', class: 'secondary reuse-new', onclick: () => { editor = null; openCreate(block, slot); } }, 'Enter a new one instead') : null;
    const { form, problems, heading } = panel(slot, current ? `Replace ${block.name}` : `Use a ${block.name} you already have`, list, [save, fresh, cancelButton(slot)], { isDirty: () => false });
    const types = block.accepted.map((a) => a.machineName);
    try {
      const choices = await candidates(kind, types);
      list.replaceChildren(...(choices.length ? choices.map((o, i) => {
        const id = `reuse-${block.requirementName}-${i}`;
        return h('div', { class: 'radio-row' },
          h('input', { type: 'radio', name: `reuse-${block.requirementName}`, id, value: o.sid, onchange: () => { save.disabled = false; } }),
          h('label', { for: id }, userText(o.friendly_name ?? o.sid, { max: 160, expandable: false }), h('span', { class: 'muted' }, ` · ${localDate(o.date_created)}`)));
      }) : [h('p', { class: 'muted' }, `Your account has no other ${block.name} to use. Add a new one instead.`)]));
      const narrow = narrowingBox(list, { label: `Find a ${block.name} by name`, onChange: () => { save.disabled = !list.querySelector('input:checked'); } });
      if (narrow) list.before(narrow);
    } catch (error) {
      list.replaceChildren(errorPanel(error, ctx));
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = list.querySelector('input:checked')?.value;
      if (!chosen) return;
      const name = list.querySelector('input:checked + label')?.textContent ?? chosen;
      if (current && !(await confirmDialog(`Replace “${plainUserText(current.friendlyName ?? current.objectSid)}”?`,
        `This ${one()} will use “${name}” for ${block.name} instead. “${plainUserText(current.friendlyName ?? current.objectSid)}” stays in your account; only this ${one()} stops using it.`, 'Replace'))) return;
      const here = live();
      try {
        if (current?.assignmentSid) await busy(() => api.replaceAssignment(ctx.sid(), current.assignmentSid, chosen, ctx.kind()));
        else await busy(() => api.assignObject(ctx.sid(), chosen, ctx.kind()));
        if (!here()) return;
        toast(current ? 'Replaced.' : 'Assigned.');
        editor = null;
        await load({ focusBlock: block.requirementName });
      } catch (error) {
        if (here()) showError(error, problems, []);
      }
    });
    heading.focus();
  }

  /** Link a profile (a primary profile, the profile a trust product builds on). */
  async function openLinkPicker(block, slot, current) {
    if (!(await claimSlot())) return;
    const list = h('div', { class: 'reuse-list', role: 'radiogroup', 'aria-label': 'Your profiles' }, h('p', { class: 'muted' }, 'Loading…'));
    const sidId = `link-sid-${block.requirementName}`;
    const sidInput = h('input', { id: sidId, type: 'text', autocomplete: 'off', spellcheck: 'false', placeholder: 'BU…' });
    const save = h('button', { type: 'submit', class: 'editor-save' }, 'Link it');
    const { form, problems, heading } = panel(slot, `Link ${block.name}`,
      [list, h('div', { class: 'field' }, h('label', { for: sidId }, 'Or paste the SID of a profile of the parent account'), sidInput)],
      [save, cancelButton(slot)], { isDirty: () => Boolean(sidInput.value.trim()) });
    // A primary profile must be approved; what a trust product builds on may also be submitted.
    const statuses = ctx.kind() === 'trust-product' ? ['twilio-approved', 'in-review', 'pending-review'] : ['twilio-approved'];
    try {
      // One after another: a list load replaces the one of the same list still running.
      const pages = [];
      for (const status of statuses) pages.push(await busy(() => api.listProfiles({ status, friendlyName: null }, null, 'customer-profile')));
      const own = pages.flatMap((p) => p.records).filter((p) => p.sid !== ctx.sid());
      list.replaceChildren(...(own.length ? own.map((p, i) => {
        const id = `link-${block.requirementName}-${i}`;
        return h('div', { class: 'radio-row' },
          h('input', { type: 'radio', name: `link-${block.requirementName}`, id, value: p.sid }),
          h('label', { for: id }, userText(p.friendly_name ?? p.sid, { max: 160, expandable: false }), h('span', { class: 'muted' }, ` · ${statusWords(p.status)}`)));
      }) : [h('p', { class: 'muted' }, ctx.kind() === 'trust-product'
        ? 'This account has no approved or submitted profile to build on. Submit a customer profile for review first.'
        : 'This account has no approved profile to link.')]));
      const narrow = narrowingBox(list, { label: 'Find a profile by name' });
      if (narrow) list.before(narrow);
      // Only each status's first page is offered; the SID box below reaches any other.
      if (pages.some((p) => p.nextPageUrl)) list.append(h('p', { class: 'muted' }, `These are the first ${own.length} of your profiles that can be linked. For another one, paste its SID below.`));
    } catch (error) {
      list.replaceChildren(errorPanel(error, ctx));
    }
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const chosen = list.querySelector('input:checked')?.value ?? sidInput.value.trim();
      if (!/^BU[0-9a-fA-F]{32}$/.test(chosen)) {
        problems.replaceChildren(h('p', { class: 'field-error' }, 'Choose a profile, or paste a profile SID: BU followed by 32 letters a–f and digits 0–9.'));
        sidInput.focus();
        return;
      }
      const here = live();
      try {
        if (current?.assignmentSid) await busy(() => api.replaceAssignment(ctx.sid(), current.assignmentSid, chosen, ctx.kind()));
        else await busy(() => api.assignObject(ctx.sid(), chosen, ctx.kind()));
        if (!here()) return;
        toast('Linked.');
        editor = null;
        await load({ focusBlock: block.requirementName });
      } catch (error) {
        if (here()) showError(error, problems, []);
      }
    });
    heading.focus();
  }

  async function remove(block, object) {
    const name = plainUserText(object.friendlyName ?? object.objectSid);
    const ok = await confirmDialog(`Remove “${name}” from this ${one()}?`,
      `This profile will no longer use “${name}” for ${block.name}, and Twilio will see that requirement as not met until something else is assigned. “${name}” stays in your account and can be assigned again.`,
      `Remove from this ${one()}`);
    if (!ok) return;
    const here = live();
    try {
      await busy(() => api.unassignObject(ctx.sid(), object.assignmentSid, ctx.kind()));
      if (!here()) return;
      toast(`“${name}” was removed from this ${one()}.`);
      await load({ focusBlock: block.requirementName });
      if (object.objectSid.startsWith('BU')) return;
      // Nothing else uses it now? Then offer to delete it (and an address only it named).
      const leftovers = await busy(() => api.objectUsage([object.objectSid])).catch(() => null);
      if (!here() || !leftovers?.complete || !leftovers.records.some((r) => !r.usedBy.length)) return;
      const offer = leftoversPanel(leftovers, { heading: `“${name}” was removed from this ${one()}.`, onReenterCredentials: ctx.onReenterCredentials });
      message.replaceChildren(offer);
      focusOn(offer.querySelector('h2'));
    } catch (error) {
      if (here()) {
        const p = errorPanel(error, ctx);
        message.replaceChildren(p);
        focusOn(p);
      }
    }
  }

  async function checkNow() {
    const profile = ctx.profile();
    if (!profile?.policy_sid) return;
    const here = live();
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
      editor = null;
      guided = walkThrough;
      guide.hidden = true;
      guide.replaceChildren();
      message.replaceChildren();
      summary.textContent = '';
      section.hidden = false;
      load();
    },
    reload: () => load(),
    /** Opens the editor of the block `requirementName`, with `field` focused. */
    async fix(requirementName, field) {
      if (!data) await load();
      const block = data?.blocks.find((b) => b.requirementName === requirementName)
        ?? data?.blocks.find((b) => b.accepted.some((a) => a.machineName === requirementName));
      if (!block) return;
      const el = blocks.querySelector(`[data-requirement="${CSS.escape(block.requirementName)}"]`);
      const slot = el?.querySelector('.editor-slot');
      if (!slot) return;
      el.scrollIntoView({ block: 'start' });
      const object = block.assigned[0];
      if (!object) {
        if (block.kind === 'customer-profile' || block.kind === 'trust-product') await openLinkPicker(block, slot, null);
        else if (block.accepted.some((a) => !a.needsFile)) await openCreate(block, slot, field);
        else focusOn(el.querySelector('h3'));
      } else if (field === 'address_sids' || object.fields.some((f) => f.machineName === 'address_sids')) {
        const found = object.addresses.find((a) => a.found);
        if (found) await openCorrectAddress(block, object, found, slot); else await openPickAddress(block, object, slot);
      } else if (block.kind === 'end-user' && object.readable) {
        await openEdit(block, object, slot, field);
      } else {
        focusOn(el.querySelector('h3'));
      }
    },
    isDirty: () => Boolean(editor?.isDirty()),
    dispose() {
      visit += 1;
      editor = null;
      section.hidden = true;
      api.cancelLoad('requirements', ctx.sid() ?? '').catch(() => {});
    },
  };
}
