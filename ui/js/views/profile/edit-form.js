// The edit form of a profile: its name, notification e-mail and status-change web address,
// checked while typing; Save sends only what changed, Undo puts back what Twilio holds. The
// status changes only through Submit for review…; while Twilio reviews the profile, the
// form is read-only and says why in one line.

import { h, statusInfo } from '../../format.js';
import { invisibleNote } from '../../ui.js';
import { PROFILE_CHECKS } from '../../checks.js';

/**
 * @typedef {import('../../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../../types/commands').ProfileUpdate} ProfileUpdate
 * @typedef {'friendlyName' | 'email' | 'statusCallback'} Key
 * @typedef {ProfileUpdate} Changes what differs from what Twilio holds, by field
 */

/** @type {{ key: Key, api: 'friendly_name' | 'email' | 'status_callback', label: string, type: string, help: string }[]} */
const FIELDS = [
  { key: 'friendlyName', api: 'friendly_name', label: 'Profile name', type: 'text',
    help: 'The name you know this profile by. Only you see it.' },
  { key: 'email', api: 'email', label: 'Notification e-mail', type: 'email',
    help: 'Twilio writes here when the profile’s status changes.' },
  { key: 'statusCallback', api: 'status_callback', label: 'Status-change web address (optional)', type: 'url',
    help: 'A web address of yours that Twilio calls when the status changes. Leave as it is if you do not use one.' },
];

/** A field's name in the "unsaved changes" line. */
function labelOf(/** @type {Key} */ key) {
  return FIELDS.find((f) => f.key === key).label.replace(' (optional)', '').toLowerCase();
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
  /** @type {Record<Key, HTMLInputElement>} */
  const inputs = /** @type {any} */ ({});
  /** @type {Record<Key, HTMLElement>} */
  const errors = /** @type {any} */ ({});
  /** @type {Record<Key, { update: () => void }>} */
  const notes = /** @type {any} */ ({});
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

  const save = h('button', { type: 'submit', id: 'save', class: 'secondary', disabled: true }, 'Save changes');
  const undo = h('button', { type: 'button', id: 'undo', class: 'secondary', disabled: true, onclick: () => { if (held) fill(held); refresh(); } }, 'Undo changes');
  const changesNote = h('p', { class: 'muted', id: 'changes-note', 'aria-live': 'polite' }, 'No changes yet.');
  const lockNote = h('p', { class: 'notice', id: 'lock-note', hidden: true });
  const fields = h('fieldset', { class: 'plain' }, ...rows, changesNote, h('div', { class: 'actions' }, save, undo));
  const form = h('form', {
    class: 'card edit-form', id: 'edit-form', novalidate: true,
    onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); const c = changes(); if (!saving && Object.keys(c).length) onSubmit(c); },
  }, h('h2', {}, 'Edit'), lockNote, fields);

  /** Puts what Twilio holds in the form. @param {CustomerProfile} p */
  function fill(p) {
    held = p;
    for (const f of FIELDS) {
      inputs[f.key].value = p[f.api] ?? '';
      notes[f.key].update();
    }
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
    return out;
  }

  function refresh() {
    const changed = changes();
    let valid = true;
    for (const f of FIELDS) {
      const message = f.key in changed ? PROFILE_CHECKS[f.key](changed[f.key]) : '';
      errors[f.key].textContent = message;
      inputs[f.key].setAttribute('aria-invalid', message ? 'true' : 'false');
      if (message) valid = false;
    }
    const keys = /** @type {Key[]} */ (Object.keys(changed));
    save.disabled = saving || keys.length === 0 || !valid;
    undo.disabled = saving || keys.length === 0;
    changesNote.textContent = keys.length === 0 ? 'No changes yet.'
      : `${keys.length} unsaved change${keys.length === 1 ? '' : 's'}: ${keys.map(labelOf).join(', ')}.`;
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
      for (const f of FIELDS) {
        inputs[f.key].value = '';
        errors[f.key].textContent = '';
        inputs[f.key].setAttribute('aria-invalid', 'false');
        notes[f.key].update();
      }
      changesNote.textContent = 'No changes yet.';
      save.disabled = true;
      undo.disabled = true;
      lockNote.hidden = true;
      fields.disabled = false;
    },
    /** Puts edits back after what Twilio holds was read again. @param {Changes} pending */
    keep(pending) {
      for (const [k, v] of Object.entries(pending)) {
        if (k in inputs) inputs[/** @type {Key} */ (k)].value = String(v);
      }
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
    /**
     * Read-only while Twilio reviews the profile (Twilio refuses changes then), with one
     * line saying why.
     * @param {CustomerProfile} p
     */
    showLock(p) {
      const reviewing = ['pending-review', 'in-review'].includes(p.status);
      fields.disabled = reviewing;
      lockNote.hidden = !reviewing;
      lockNote.textContent = reviewing
        ? `${statusInfo(p.status).label}: Twilio takes no changes while it reviews the profile. If Twilio rejects it, you can change it again.`
        : '';
    },
    /**
     * Shows `message` beside the field `key` and focuses it; false when the form has no such field.
     * @param {string | null | undefined} key
     * @param {string} message
     */
    fieldError(key, message) {
      if (!key || !(key in errors) || fields.disabled) return false;
      errors[/** @type {Key} */ (key)].textContent = message;
      inputs[/** @type {Key} */ (key)].setAttribute('aria-invalid', 'true');
      inputs[/** @type {Key} */ (key)].focus();
      return true;
    },
    /** Refreshes, keeping the messages Twilio's answer put beside the fields. */
    refreshKeepingErrors() {
      const stillShown = FIELDS.map((f) => errors[f.key].textContent);
      refresh();
      FIELDS.forEach((f, i) => {
        if (stillShown[i] && !errors[f.key].textContent) errors[f.key].textContent = stillShown[i];
      });
    },
  };
}
