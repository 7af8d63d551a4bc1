// Shared pieces of the window: busy indicator, toast, confirm dialog, error panel, copy
// button, the note under an input that holds invisible characters, focus helpers.

import { h, userText, fillUserText, invisibleChars, invisibleName, withoutInvisible } from './format.js';
import { openTwilioPage } from './api.js';

/** @typedef {import('./api.js').UiError} UiError */

/**
 * An element of index.html by its id, checked to be of `type` (an HTMLElement by default):
 * a renamed id or element fails here, loudly, not later as a missing property.
 * @template {HTMLElement} T
 * @param {string} id
 * @param {{ new (): T, prototype: T }} [type]
 * @returns {T}
 */
export function byId(id, type = /** @type {any} */ (HTMLElement)) {
  const el = document.getElementById(id);
  if (!(el instanceof type)) throw new Error(`The window has no #${id} of the kind expected.`);
  return el;
}

let busyCount = 0;

/**
 * Runs `work` with the busy bar shown; nested calls keep it shown until all end.
 * @template T
 * @param {() => Promise<T>} work
 * @returns {Promise<T>}
 */
export async function busy(work) {
  busyCount += 1;
  byId('busy').hidden = false;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    busyCount -= 1;
    if (busyCount === 0) {
      byId('busy').hidden = true;
      document.body.removeAttribute('aria-busy');
    }
  }
}

/** @type {ReturnType<typeof setTimeout> | undefined} */
let toastTimer;
/** Says `message` for a few seconds at the bottom of the window. @param {string} message */
export function toast(message) {
  const el = byId('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
}

/**
 * @typedef {object} ConfirmOptions
 * @property {boolean} [danger] the act destroys or cannot be undone: its button is red
 * @property {boolean} [primary] the act is the view's next step: its button is solid
 * @property {string} [cancelLabel] the words of the button that answers no
 * @property {string[]} [items] a list shown under the message (what changed, the reasons)
 */

/**
 * An in-window yes/no question; resolves true for the button named `okLabel` (name the
 * act: "Delete the draft", not "OK"). Escape and the other button answer no, and the
 * focus starts on it. The focus goes back to `returnTo` when the question closes.
 * @param {string} title
 * @param {string} message
 * @param {string} [okLabel]
 * @param {Element | null} [returnTo]
 * @param {ConfirmOptions} [options]
 * @returns {Promise<boolean>}
 */
export function confirmDialog(title, message, okLabel = 'OK', returnTo = document.activeElement, options = {}) {
  const dialog = byId('confirm-dialog', HTMLDialogElement);
  const before = returnTo;
  const ok = byId('confirm-ok', HTMLButtonElement);
  byId('confirm-title').textContent = title;
  byId('confirm-text').textContent = message;
  byId('confirm-list').replaceChildren(...(options.items ?? []).map((item) => h('li', {}, userText(item, { max: 300 }))));
  byId('confirm-list').hidden = !options.items?.length;
  byId('confirm-cancel').textContent = options.cancelLabel ?? 'Cancel';
  ok.textContent = okLabel;
  ok.className = options.danger ? 'danger-solid' : options.primary === false ? 'secondary' : 'primary';
  dialog.returnValue = '';
  dialog.showModal();
  byId('confirm-cancel').focus();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
      resolve(dialog.returnValue === 'ok');
    }, { once: true });
  });
}

/** Moves the focus to `el` (a heading or a message), making it focusable if it is not. @param {HTMLElement | null | undefined} el */
export function focusOn(el) {
  if (!el) return;
  if (!el.matches('a, button, input, select, textarea, [tabindex]')) el.setAttribute('tabindex', '-1');
  el.focus();
}

/**
 * An error as a panel: what happened and what to do, Twilio's own words, its code, a
 * link to Twilio's page about it, and the next step where there is one.
 */
export function errorPanel(/** @type {UiError} */ error, /** @type {{ onReenterCredentials?: () => void }} */ { onReenterCredentials } = {}) {
  const panel = h('div', { class: 'error-panel', role: 'alert', tabindex: '-1' },
    h('p', { class: 'error-message' }, error.message));
  if (error.detail && error.detail !== error.message) {
    panel.append(h('p', { class: 'error-detail' }, 'Twilio said: “', userText(error.detail, { max: 300 }), '”'));
  }
  const meta = [];
  if (error.code) meta.push(`Error ${error.code}`);
  if (error.status) meta.push(`HTTP status ${error.status}`);
  if (meta.length) panel.append(h('p', { class: 'error-code' }, meta.join(' · ')));
  const actions = h('div', { class: 'actions' });
  if (error.moreInfo) {
    actions.append(h('button', { type: 'button', class: 'link-button more-info', onclick: () => openTwilioPage(error.moreInfo) },
      'More about this error'));
  }
  if (error.kind === 'unauthorized' && onReenterCredentials) {
    actions.append(h('button', { type: 'button', class: 'reenter', onclick: onReenterCredentials }, 'Enter credentials again'));
  }
  if (actions.childElementCount) panel.append(actions);
  return panel;
}

export function copyButton(/** @type {string} */ value, label = 'Copy') {
  return h('button', {
    type: 'button', class: 'copy', title: `Copy ${value}`, 'aria-label': `Copy ${value}`,
    onclick: async (/** @type {MouseEvent} */ e) => {
      const btn = /** @type {HTMLButtonElement} */ (e.currentTarget);
      await navigator.clipboard.writeText(value);
      btn.textContent = 'Copied';
      setTimeout(() => { btn.textContent = label; }, 1500);
    },
  }, label);
}

/** A SID in monospace with a copy button beside it. @param {string | null | undefined} sid */
export function sidWithCopy(sid) {
  if (!sid) return '—';
  const slot = sidSlot();
  slot.set(sid);
  return slot.el;
}

/** A place for a SID and its copy button that can be filled again (a reused view). */
export function sidSlot() {
  const code = h('code');
  const button = h('button', {
    type: 'button', class: 'copy',
    onclick: async (/** @type {MouseEvent} */ e) => {
      const btn = /** @type {HTMLButtonElement} */ (e.currentTarget);
      await navigator.clipboard.writeText(btn.dataset.value);
      btn.textContent = 'Copied';
      setTimeout(() => { btn.textContent = 'Copy'; }, 1500);
    },
  }, 'Copy');
  const el = h('span', { class: 'sid' }, code, ' ', button);
  return {
    el,
    /** @param {string | null | undefined} sid */
    set(sid) {
      const has = Boolean(sid);
      button.hidden = !has;
      fillUserText(code, has ? sid : '', { max: 40, expandable: false });
      button.dataset.value = sid ?? '';
      button.title = `Copy ${String(sid ?? '').slice(0, 40)}`;
      button.setAttribute('aria-label', button.title);
    },
  };
}

/**
 * A note under a text input that appears when its value holds characters one cannot see
 * (a right-to-left override, a zero-width space...): it shows the value with each of them
 * as a visible mark, and offers to remove them. `onChange` runs after a removal.
 */
export function invisibleNote(/** @type {HTMLInputElement | HTMLTextAreaElement} */ input, /** @type {(() => void) | undefined} */ onChange) {
  const note = h('div', { class: 'invisible-note', id: `${input.id}-invisible`, 'aria-live': 'polite', hidden: true });
  const update = () => {
    const found = invisibleChars(input.value);
    note.hidden = found.length === 0;
    if (!found.length) {
      note.replaceChildren();
      return;
    }
    const names = [...new Set(found.map(invisibleName))].join(', ');
    note.replaceChildren(
      h('p', {}, `This value holds ${found.length} character${found.length === 1 ? '' : 's'} you cannot see (${names}). As it really is: `,
        userText(input.value, { max: 200 })),
      h('button', {
        type: 'button', class: 'secondary small',
        onclick: () => {
          input.value = withoutInvisible(input.value);
          update();
          onChange?.();
          input.focus();
        },
      }, 'Remove them'));
  };
  input.addEventListener('input', update);
  const describedBy = input.getAttribute('aria-describedby');
  input.setAttribute('aria-describedby', `${describedBy ? `${describedBy} ` : ''}${note.id}`);
  return { note, update };
}

/**
 * A cache that holds at most `max` entries, dropping the least recently used: names of
 * policies, end users and documents. Cleared when the account changes.
 */
export class BoundedCache {
  /** @param {number} max */
  constructor(max) {
    this.max = max;
    /** @type {Map<string, Promise<any>>} */
    this.entries = new Map();
  }

  /**
   * The cached promise for `key`, or `load()`'s; a failed load is not kept.
   * @template T
   * @param {string} key
   * @param {() => Promise<T>} load
   * @returns {Promise<T>}
   */
  get(key, load) {
    let value = this.entries.get(key);
    if (value) {
      this.entries.delete(key);
    } else {
      value = load();
      value.catch(() => { if (this.entries.get(key) === value) this.entries.delete(key); });
    }
    this.entries.set(key, value);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value);
    return value;
  }

  /** @param {string} key */
  delete(key) {
    this.entries.delete(key);
  }

  clear() {
    this.entries.clear();
  }

  get size() {
    return this.entries.size;
  }
}

/**
 * Runs at most `n` of the tasks given to it at once; the rest wait their turn. For many
 * small requests (the progress of each draft in a list) that must not arrive all at once.
 */
export function limited(/** @type {number} */ n) {
  let running = 0;
  /** @type {{ task: () => Promise<any>, resolve: (v: any) => void, reject: (e: any) => void }[]} */
  const queue = [];
  const next = () => {
    if (running >= n || !queue.length) return;
    running += 1;
    const { task, resolve, reject } = queue.shift();
    task().then(resolve, reject).finally(() => { running -= 1; next(); });
  };
  /** @template T @param {() => Promise<T>} task @returns {Promise<T>} */
  const run = (task) => new Promise((resolve, reject) => { queue.push({ task, resolve, reject }); next(); });
  return run;
}

let narrowCount = 0;

/**
 * Over a long list of choices (`.radio-row`s in `list`), a box that narrows it by name as
 * the person types. A choice the box hides is unchosen, so what is saved is always shown.
 * Nothing is added for a short list. `onChange` hears that the choice may have changed.
 */
export function narrowingBox(/** @type {HTMLElement} */ list, /** @type {{ label: string, threshold?: number, onChange?: () => void }} */ { label, threshold = 8, onChange = () => {} }) {
  const rows = /** @type {HTMLElement[]} */ ([...list.querySelectorAll('.radio-row')]);
  if (rows.length <= threshold) return null;
  narrowCount += 1;
  const id = `narrow-${narrowCount}`;
  const input = h('input', { id, type: 'search', class: 'narrow-input', autocomplete: 'off', spellcheck: 'false' });
  const none = h('p', { class: 'muted narrow-none', hidden: true }, 'Nothing in this list matches. Try fewer letters.');
  const count = h('p', { class: 'muted narrow-count', 'aria-live': 'polite' });
  input.addEventListener('input', () => {
    const words = input.value.trim().toLocaleLowerCase();
    let shown = 0;
    for (const row of rows) {
      const match = !words || row.textContent.toLocaleLowerCase().includes(words);
      row.hidden = !match;
      if (match) shown += 1;
      const radio = row.querySelector('input');
      if (!match && radio?.checked) radio.checked = false;
    }
    none.hidden = shown > 0;
    count.textContent = words ? `${shown} of ${rows.length} shown` : '';
    onChange();
  });
  list.append(none);
  return h('div', { class: 'field narrow' }, h('label', { for: id }, label), input, count);
}
