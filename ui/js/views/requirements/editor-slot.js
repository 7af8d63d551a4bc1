// The one editor open at a time in "What Twilio needs": it opens in its block's slot,
// asks before dropping unsaved changes, and shows an error beside its field or as a panel.

import { h } from '../../format.js';
import { confirmDialog, errorPanel, focusOn } from '../../ui.js';

/**
 * @typedef {import('../../fields.js').FieldInput} FieldInput
 * @typedef {import('../../api.js').UiError} UiError
 * @typedef {object} Panel
 * @property {HTMLFormElement} form
 * @property {HTMLElement} heading
 * @property {HTMLElement} problems where the editor's errors are shown
 * @typedef {ReturnType<typeof createEditorSlot>} EditorSlot
 */

/** @param {{ onReenterCredentials?: () => void }} ctx what an error panel offers */
export function createEditorSlot(ctx) {
  /** @type {{ isDirty: () => boolean, close: () => void } | null} the editor open, if one is */
  let editor = null;

  return {
    isDirty: () => Boolean(editor?.isDirty()),
    /** Forgets the editor without closing it (the blocks are drawn again). */
    forget() {
      editor = null;
    },

    /** Closes the editor open, after asking when it has unsaved changes; false when kept. */
    async claim() {
      if (editor?.isDirty() && !(await confirmDialog('Discard your changes?', 'Another form in “What Twilio needs” has changes that are not saved. If you go on, they are lost.', 'Discard changes', undefined, { danger: true }))) {
        return false;
      }
      editor?.close();
      editor = null;
      return true;
    },

    /**
     * A form in `slot`, its heading, a place for errors, `body` and the `actions` buttons.
     * @param {HTMLElement} slot
     * @param {string} titleText
     * @param {(Node | string)[] | Node} body
     * @param {(Node | string | null)[]} actions
     * @param {{ onClose?: () => void, isDirty: () => boolean }} options
     * @returns {Panel}
     */
    panel(slot, titleText, body, actions, { onClose, isDirty }) {
      const heading = h('h4', { tabindex: '-1' }, titleText);
      const problems = h('div', { class: 'editor-message' });
      const form = /** @type {HTMLFormElement} */ (h('form', { class: 'editor', novalidate: true }, heading, problems, body, h('div', { class: 'actions' }, actions)));
      slot.replaceChildren(form);
      editor = {
        isDirty,
        close: () => { slot.replaceChildren(); onClose?.(); },
      };
      return { form, heading, problems };
    },

    /** "Cancel": closes the editor (asking first when it has changes), focus back on its block. */
    cancelButton(/** @type {HTMLElement} */ slot) {
      return h('button', { type: 'button', class: 'secondary', onclick: async () => {
        if (editor?.isDirty() && !(await confirmDialog('Discard your changes?', 'The changes in this form are not saved. If you close it, they are lost.', 'Discard changes', undefined, { danger: true }))) return;
        editor?.close();
        editor = null;
        focusOn(slot.closest('.req-block')?.querySelector('h3'));
      } }, 'Cancel');
    },

    /**
     * Shows an error: beside its field when it names one, else as a panel; the focus goes there.
     * @param {UiError} error
     * @param {HTMLElement} problems
     * @param {FieldInput[]} [inputs]
     */
    showError(error, problems, inputs = []) {
      const target = inputs.find((i) => i.spec.machineName === error.field);
      if (target) {
        target.setError(error.message);
        target.focus();
        problems.replaceChildren();
      } else {
        const p = errorPanel(error, ctx);
        problems.replaceChildren(p);
        focusOn(p);
      }
    },
  };
}
