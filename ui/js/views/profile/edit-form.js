// The edit form of a profile: its name, notification e-mail, status-change web address and
// status, checked while typing; Save sends only what changed, Undo puts back what Twilio holds.

import { h, STATUSES, statusInfo } from '../../format.js';
import { invisibleNote } from '../../ui.js';
import { PROFILE_CHECKS } from '../../checks.js';

/**
 * @typedef {import('../../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../../types/commands').ProfileUpdate} ProfileUpdate
 * @typedef {'friendlyName' | 'email' | 'statusCallback'} TextKey
 * @typedef {TextKey | 'status'} Key
 * @typedef {import('../../../types/commands').ProfileStatus} ProfileStatus
 * @typedef {ProfileUpdate} Changes what differs from what Twilio holds, by field
 */

/** @type {{ key: TextKey, api: 'friendly_name' | 'email' | 'status_callback', label: string, type: string, help: string }[]} */
const FIELDS = [
  { key: 'friendlyName', api: 'friendly_name', label: 'Profile name', type: 'text',
    help: 'The name you know this profile by.' },
  { key: 'email', api: 'email', label: 'Notification e-mail', type: 'email',
    help: 'Twilio writes here when the profile’s status changes.' },
  { key: 'statusCallback', api: 'status_callback', label: 'Status-change web address (optional)', type: 'url',
    help: 'A web address of yours that Twilio calls when the status changes. Leave as it is if you do not use one.' },
];

/** A field's name in the "unsaved changes" line. */
function labelOf(/** @type {Key} */ key) {
  return key === 'status' ? 'status' : FIELDS.find((f) => f.key === key).label.replace(' (optional)', '').toLowerCase();
}

/**
 * The form. `onSubmit(changes)` saves; the form shows what Twilio holds once `fill(p)`
 * gave it, and which fields differ.
 * @param {{ onSubmit: (changes: Changes) => void }} options
 */
export function createEditForm({ onSubmit }) {
  /** @type {CustomerProfile | null} what Twilio holds */
  let held = null;
  let saving = false;
  /** @type {Record<Key, HTMLInputElement | HTMLSelectElement>} */
  const inputs = /** @type {any} */ ({});
  /** @type {Record<Key, HTMLElement>} */
  const errors = /** @type {any} */ ({});
  /** @type {Partial<Record<Key, { update: () => void }>>} */
  const notes = {};
  const rows = FIELDS.map((f) => {
    const id = `edit-${f.key}`;
    const input = h('input', { id, name: f.key, type: f.type, autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-help ${id}-error`, oninput: refresh });
    inputs[f.key] = input;
    errors[f.key] = h('p', { class: 'field-error', id: `${id}-error`, 'aria-live': 'polite' });
    const note = invisibleNote(input, refresh);
    notes[f.key] = note;
    return h('div', { class: 'field' }, h('label', { for: id }, f.label), input, note.note,
      h('p', { class: 'help', id: `${id}-help` }, f.help), errors[f.key]);
  });
  inputs.status = /** @type {HTMLSelectElement} */ (h('select', { id: 'edit-status', name: 'status', 'aria-describedby': 'edit-status-help edit-status-error', onchange: refresh },
    STATUSES.map((s) => h('option', { value: s.value }, s.label))));
  errors.status = h('p', { class: 'field-error', id: 'edit-status-error', 'aria-live': 'polite' });
  const statusHelp = h('p', { class: 'help', id: 'edit-status-help' });
  const statusField = h('div', { class: 'field' },
    h('label', { for: 'edit-status' }, 'Status'), inputs.status, statusHelp,
    h('p', { class: 'help' }, 'Customers normally choose only Draft or Pending review (to submit the profile). Twilio sets the other statuses.'),
    errors.status);

  const save = /** @type {HTMLButtonElement} */ (h('button', { type: 'submit', id: 'save', disabled: true }, 'Save changes'));
  const undo = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', id: 'undo', class: 'secondary', disabled: true, onclick: () => { if (held) fill(held); refresh(); } }, 'Undo changes'));
  const changesNote = h('p', { class: 'muted', id: 'changes-note', 'aria-live': 'polite' }, 'No changes yet.');
  const lockNote = h('p', { class: 'notice warning', id: 'lock-note', hidden: true });
  const form = /** @type {HTMLFormElement} */ (h('form', { class: 'card edit-form', id: 'edit-form', novalidate: true, onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); const c = changes(); if (!saving && Object.keys(c).length) onSubmit(c); } },
    h('h2', {}, 'Edit'), lockNote, ...rows, statusField, changesNote,
    h('div', { class: 'actions' }, save, undo)));

  /** Puts what Twilio holds in the form. @param {CustomerProfile} p */
  function fill(p) {
    held = p;
    for (const f of FIELDS) {
      inputs[f.key].value = p[f.api] ?? '';
      notes[f.key].update();
    }
    inputs.status.value = p.status ?? 'draft';
  }

  /**
   * The fields that differ from what Twilio holds: exactly what Save will send.
   * @returns {Changes}
   */
  function changes() {
    if (!held) return {};
    /** @type {Changes} */
    const out = {};
    for (const f of FIELDS) {
      const now = inputs[f.key].value;
      if (now !== (held[f.api] ?? '')) out[f.key] = now;
    }
    if (inputs.status.value !== held.status) out.status = /** @type {ProfileStatus} */ (inputs.status.value);
    return out;
  }

  function refresh() {
    const changed = changes();
    let valid = true;
    for (const key of /** @type {Key[]} */ (Object.keys(inputs))) {
      const message = key !== 'status' && key in changed ? PROFILE_CHECKS[key](changed[key]) : '';
      errors[key].textContent = message;
      inputs[key].setAttribute('aria-invalid', message ? 'true' : 'false');
      if (message) valid = false;
    }
    const count = Object.keys(changed).length;
    save.disabled = saving || count === 0 || !valid;
    undo.disabled = saving || count === 0;
    changesNote.textContent = count === 0 ? 'No changes yet.'
      : `${count} unsaved change${count === 1 ? '' : 's'}: ${/** @type {Key[]} */ (Object.keys(changed)).map(labelOf).join(', ')}.`;
    statusHelp.textContent = statusInfo(inputs.status.value).explain;
  }

  return {
    el: form,
    fill,
    changes,
    refresh,
    /** Empties the form for another profile. */
    reset() {
      held = null;
      saving = false;
      for (const key of /** @type {Key[]} */ (Object.keys(inputs))) {
        inputs[key].value = '';
        errors[key].textContent = '';
        inputs[key].setAttribute('aria-invalid', 'false');
      }
      for (const f of FIELDS) notes[f.key].update();
      changesNote.textContent = 'No changes yet.';
      save.disabled = true;
      undo.disabled = true;
      lockNote.hidden = true;
    },
    /** Puts edits back after what Twilio holds was read again. @param {Changes} pending */
    keep(pending) {
      for (const [k, v] of Object.entries(pending)) inputs[/** @type {Key} */ (k)].value = String(v);
    },
    /** While saving or submitting, nothing can be saved again. @param {boolean} on */
    setSaving(on) {
      saving = on;
      refresh();
    },
    /** While the profile loads, the form cannot be used. @param {boolean} on */
    setInert(on) {
      form.inert = on;
    },
    /** Says under the form when Twilio will likely refuse changes. @param {CustomerProfile} p */
    showLock(p) {
      const locked = ['pending-review', 'in-review', 'twilio-approved'].includes(p.status);
      lockNote.hidden = !locked;
      lockNote.textContent = locked
        ? `This profile is ${statusInfo(p.status).label.toLowerCase()}. Twilio normally refuses changes to it until the review ends; if you save, Twilio’s answer is shown here and your edits stay in the form.`
        : '';
    },
    /**
     * Shows `message` beside the field `key` and focuses it; false when the form has no such field.
     * @param {string | null | undefined} key
     * @param {string} message
     */
    fieldError(key, message) {
      if (!key || !(key in errors)) return false;
      errors[/** @type {Key} */ (key)].textContent = message;
      inputs[/** @type {Key} */ (key)].setAttribute('aria-invalid', 'true');
      inputs[/** @type {Key} */ (key)].focus();
      return true;
    },
    /** Refreshes, keeping the messages Twilio's answer put beside the fields. */
    refreshKeepingErrors() {
      const stillShown = Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, e.textContent]));
      refresh();
      for (const [k, text] of Object.entries(stillShown)) {
        const error = errors[/** @type {Key} */ (k)];
        if (text && !error.textContent) error.textContent = text;
      }
    },
  };
}
