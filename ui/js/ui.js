// Shared pieces of the window: busy indicator, toast, confirm dialog, error panel, copy button.

import { h } from './format.js';
import { openTwilioPage } from './api.js';

let busyCount = 0;

/** Runs `work` with the busy bar shown; nested calls keep it shown until all end. */
export async function busy(work) {
  busyCount += 1;
  document.getElementById('busy').hidden = false;
  document.body.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    busyCount -= 1;
    if (busyCount === 0) {
      document.getElementById('busy').hidden = true;
      document.body.removeAttribute('aria-busy');
    }
  }
}

let toastTimer;
export function toast(message) {
  const el = document.getElementById('toast');
  el.textContent = message;
  el.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { el.hidden = true; }, 4000);
}

/** An in-window yes/no question; resolves true for OK. */
export function confirmDialog(title, message, okLabel = 'OK') {
  const dialog = document.getElementById('confirm-dialog');
  document.getElementById('confirm-title').textContent = title;
  document.getElementById('confirm-text').textContent = message;
  document.getElementById('confirm-ok').textContent = okLabel;
  dialog.returnValue = '';
  dialog.showModal();
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
  });
}

/**
 * An error as a panel: what happened, Twilio's code, a link to Twilio's page about it,
 * and the next step where there is one.
 */
export function errorPanel(error, { onReenterCredentials } = {}) {
  const panel = h('div', { class: 'error-panel', role: 'alert' },
    h('p', { class: 'error-message' }, error.message));
  if (error.detail && error.detail !== error.message) {
    panel.append(h('p', { class: 'error-detail' }, `Twilio said: “${error.detail}”`));
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

export function copyButton(value, label = 'Copy') {
  return h('button', {
    type: 'button', class: 'copy', title: `Copy ${value}`, 'aria-label': `Copy ${value}`,
    onclick: async (e) => {
      await navigator.clipboard.writeText(value);
      e.currentTarget.textContent = 'Copied';
      const btn = e.currentTarget;
      setTimeout(() => { btn.textContent = label; }, 1500);
    },
  }, label);
}

/** A SID in monospace with a copy button beside it. */
export function sidWithCopy(sid) {
  if (!sid) return '—';
  return h('span', { class: 'sid' }, h('code', {}, sid), ' ', copyButton(sid));
}
