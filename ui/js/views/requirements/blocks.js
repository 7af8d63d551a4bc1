// One block of "What Twilio needs": a requirement, what is assigned for it with every
// field in words, the latest evaluation's failures beside the field they are about, and
// the buttons that fix it.

import { openTwilioPage } from '../../api.js';
import { h, userText, twilioWords } from '../../format.js';
import { addressView } from '../../address-form.js';
import { blockStatus } from '../../verdict.js';

/**
 * @typedef {import('../../../types/commands').Block} Block
 * @typedef {import('../../../types/commands').AssignedObject} AssignedObject
 * @typedef {import('../../../types/commands').FieldValue} ShownField
 * @typedef {import('./section.js').Section} Section
 * @typedef {object} Fixes what each button of a block opens, in the block's slot
 * @property {(block: Block, slot: HTMLElement, current: AssignedObject | null) => void} link
 * @property {(block: Block, slot: HTMLElement) => void} create
 * @property {(block: Block, slot: HTMLElement, current: AssignedObject | null) => void} reuse
 * @property {(block: Block, object: AssignedObject, slot: HTMLElement) => void} edit
 * @property {(block: Block, object: AssignedObject, slot: HTMLElement) => void} correctAddress
 * @property {(block: Block, object: AssignedObject, slot: HTMLElement) => void} pickAddress
 * @property {(block: Block, object: AssignedObject) => void} remove
 * @property {(block: Block) => void} recheck has Twilio check again
 */

const STATUS_WORDS = {
  passed: 'Passed',
  failed: 'Needs fixing',
  unknown: 'Not checked yet',
  unnamed: 'Not named by Twilio’s check',
  checking: 'Checking…',
};

/** Twilio's error number, small, under its words. @param {number | null | undefined} code */
function errorCode(code) {
  return code ? h('span', { class: 'error-code' }, `Twilio error ${code}`) : '';
}

/**
 * A value as the read-only view shows it: the words of a choice, a list joined.
 * @param {ShownField} field
 * @returns {string | null}
 */
export function shownValue(field) {
  const v = field.value;
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length)) return null;
  const list = Array.isArray(v) ? v.map(String) : String(v).split(',').map((s) => s.trim()).filter(Boolean);
  if (field.choices?.length) {
    return list.map((x) => field.choices.find((c) => c.value === x)?.label ?? x).join(', ');
  }
  return Array.isArray(v) ? list.join(', ') : String(v);
}

/** A status of a profile or record in words, for the line under a record's name. */
export function statusWords(/** @type {string} */ status) {
  const s = String(status).toLowerCase();
  /** @type {Record<string, string>} */
  const words = {
    draft: 'draft', 'pending-review': 'being reviewed by Twilio', 'in-review': 'being reviewed by Twilio',
    approved: 'approved by Twilio', 'twilio-approved': 'approved by Twilio', rejected: 'rejected by Twilio',
    'twilio-rejected': 'rejected by Twilio', expired: 'expired', 'provisionally-approved': 'provisionally approved',
  };
  return words[s] ?? s;
}

/** @param {string} status */
function badge(status) {
  return h('span', { class: `badge req-${status}` }, STATUS_WORDS[/** @type {keyof STATUS_WORDS} */ (status)] ?? status);
}

/** "Upload it in the Twilio Console", for a document Twilio needs as a file. */
export function consoleButton(/** @type {Section} */ req) {
  const demo = req.ctx.isDemo();
  return h('button', {
    type: 'button', class: 'secondary', disabled: demo,
    title: demo ? 'Demo profiles do not exist in the Twilio Console' : 'Opens the profile in your browser',
    onclick: () => openTwilioPage(`https://console.twilio.com/us1/account/trust-hub/${req.ctx.kind() === 'trust-product' ? 'trust-products' : 'customer-profiles'}/${req.ctx.sid()}`),
  }, 'Upload it in the Twilio Console');
}

/**
 * The block of one requirement.
 * @param {Section} req
 * @param {Block} block
 * @param {Fixes} fixes
 */
export function renderBlock(req, block, fixes) {
  const slot = h('div', { class: 'editor-slot' });
  const { checking, problem } = req.state(block.requirementName);
  const data = req.data();
  const status = checking ? 'checking' : data ? blockStatus(block, data) : block.status;
  const head = h('div', { class: 'block-head' }, h('h3', { tabindex: '-1' }, userText(twilioWords(block.name), { max: 120 })), badge(status));
  /** @type {(Node | string)[]} */
  const parts = [head];
  if (block.description && block.kind === 'document') parts.push(h('p', { class: 'help' }, userText(block.description, { max: 300 })));
  if (problem) {
    parts.push(h('div', { class: 'notice warning recheck-problem' }, h('p', {}, problem),
      h('button', { type: 'button', class: 'secondary small', onclick: () => fixes.recheck(block) }, 'Check again')));
  }
  if (block.failure && !checking) {
    parts.push(h('p', { class: 'reason' }, userText(block.failure.reason), ' ', errorCode(block.failure.code)));
  }
  if (block.advice) parts.push(h('p', { class: 'advice' }, block.advice));
  if (!block.assigned.length) {
    parts.push(h('p', { class: 'muted' }, 'Nothing is assigned for this yet.'));
    parts.push(emptyActions(req, block, slot, fixes));
  }
  for (const object of block.assigned) parts.push(renderAssigned(req, block, object, slot, fixes));
  parts.push(slot);
  return h('section', { class: `req-block status-${status}`, dataset: { requirement: block.requirementName }, 'aria-label': twilioWords(block.name), 'aria-busy': checking ? 'true' : null }, parts);
}

/**
 * What a block with nothing assigned offers: link a profile, add a record, reuse one, or
 * upload a file in the Console.
 * @param {Section} req @param {Block} block @param {HTMLElement} slot @param {Fixes} fixes
 */
function emptyActions(req, block, slot, fixes) {
  const actions = h('div', { class: 'actions' });
  if (block.kind === 'customer-profile' || block.kind === 'trust-product') {
    actions.append(h('button', { type: 'button', class: 'fix-add', onclick: () => fixes.link(block, slot, null) }, `Link ${block.name}`));
    return actions;
  }
  const accepted = block.accepted[0];
  if (accepted?.needsFile) {
    actions.append(consoleButton(req));
    return actions;
  }
  actions.append(
    h('button', { type: 'button', class: 'fix-add', onclick: () => fixes.create(block, slot) }, `Add ${block.name}`),
    h('button', { type: 'button', class: 'secondary fix-reuse', onclick: () => fixes.reuse(block, slot, null) }, 'Use one you already have…'));
  return actions;
}

/**
 * One record assigned for the block: its name, fields, address, and what can be done to it.
 * @param {Section} req @param {Block} block @param {AssignedObject} object @param {HTMLElement} slot @param {Fixes} fixes
 */
function renderAssigned(req, block, object, slot, fixes) {
  /** @type {(Node | string)[]} */
  const parts = [h('p', { class: 'object-name' },
    h('strong', {}, userText(object.friendlyName ?? object.objectSid, { max: 160 })),
    object.typeLabel ? h('span', { class: 'muted' }, ' · ', userText(twilioWords(object.typeLabel), { max: 80 })) : '',
    object.status ? h('span', { class: 'muted' }, ` · ${statusWords(object.status)}`) : '')];
  if (!object.readable) {
    parts.push(h('p', { class: 'muted' }, block.kind === 'customer-profile'
      ? 'A profile that these credentials cannot read (it may belong to the parent account).'
      : 'This could not be read from Twilio.'));
  }
  const fields = object.fields.filter((f) => f.machineName !== 'address_sids');
  if (object.needsFile) {
    parts.push(h('p', { class: 'file-note' }, 'This document is a file. Files are uploaded in the Twilio Console, which shows its review too.'), consoleButton(req));
  } else if (fields.length) {
    parts.push(h('dl', { class: 'fields' }, fields.flatMap((f) => {
      const shown = shownValue(f);
      return [
        h('dt', {}, twilioWords(f.label)),
        h('dd', { dataset: { field: f.machineName } },
          f.missing ? h('span', { class: 'missing' }, 'missing') : (shown ? userText(shown, { max: 200 }) : h('span', { class: 'muted' }, '—')),
          f.failure ? h('span', { class: 'field-failure' }, userText(f.failure.reason), ' ', errorCode(f.failure.code)) : ''),
      ];
    })));
  }
  const addressField = object.fields.find((f) => f.machineName === 'address_sids');
  if (addressField) {
    parts.push(h('div', { class: 'address-block' },
      object.addresses.length
        ? object.addresses.map((a) => (a.found ? addressView(a) : h('span', { class: 'missing' }, `An address that is not in this account (${a.sid})`)))
        : h('span', { class: 'missing' }, 'No address is named'),
      addressField.failure ? h('span', { class: 'field-failure' }, userText(addressField.failure.reason), ' ', errorCode(addressField.failure.code)) : ''));
  }
  const actions = h('div', { class: 'actions' });
  if (object.readable && fields.length && !object.needsFile && block.kind === 'end-user') {
    actions.append(h('button', { type: 'button', class: 'fix-edit', onclick: () => fixes.edit(block, object, slot) }, 'Edit'));
  }
  if (addressField) {
    const found = object.addresses.find((a) => a.found);
    if (found) actions.append(h('button', { type: 'button', class: 'fix-correct', onclick: () => fixes.correctAddress(block, object, slot) }, 'Correct this address'));
    actions.append(h('button', { type: 'button', class: 'secondary fix-address', onclick: () => fixes.pickAddress(block, object, slot) }, 'Use another address…'));
  }
  if (block.kind === 'customer-profile' || block.kind === 'trust-product') {
    actions.append(h('button', { type: 'button', class: 'secondary', onclick: () => fixes.link(block, slot, object) }, 'Link another…'));
  } else if (!object.needsFile) {
    actions.append(h('button', { type: 'button', class: 'secondary fix-reuse', onclick: () => fixes.reuse(block, slot, object) }, 'Replace with another…'));
  }
  if (object.assignmentSid) {
    actions.append(h('button', { type: 'button', class: 'danger fix-remove', onclick: () => fixes.remove(block, object) }, `Remove from this ${req.one()}…`));
  }
  return h('div', { class: 'assigned', dataset: { object: object.objectSid } }, parts, actions);
}
