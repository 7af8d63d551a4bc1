// Twilio's decisions, told while the app runs: the bar above the window's content lists
// each decision the watch saw with a button that opens the profile, the Settings dialog
// sets how often the watch looks, and a clicked system notification opens its profile.

import { api, listen } from './api.js';
import { h, plainUserText } from './format.js';
import { byId, toast } from './ui.js';

/**
 * @typedef {import('../types/commands').Decision} Decision
 * @typedef {import('../types/commands').NotificationTarget} Target a profile under its account
 */

/** The most decisions the bar lists; the others are counted (the overview lists them all). */
const SHOWN = 3;

/**
 * `onOpen({ accountSid, kind, sid })` opens a profile under its account; `onDecision(d)`
 * hears each decision (the overview marks its row).
 * @param {{ onOpen: (target: Target) => void, onDecision?: (decision: Decision) => void }} options
 */
export function setupWatch({ onOpen, onDecision }) {
  const bar = byId('decisions');
  const list = h('ul', { id: 'decision-list' });
  const notices = h('div', { id: 'decision-notices' });
  const moreText = h('span');
  const dismissAll = h('button', { type: 'button', class: 'link-button' }, 'Dismiss all');
  const more = h('p', { id: 'decision-more', class: 'muted', hidden: true }, moreText, ' ', dismissAll);
  let hidden = 0; // decisions beyond the ones listed
  bar.replaceChildren(notices, list, more);
  const update = () => {
    more.hidden = hidden === 0;
    moreText.textContent = hidden === 1 ? '1 more decision: the Overview lists it under Recent changes.'
      : `${hidden} more decisions: the Overview lists them under Recent changes.`;
    bar.hidden = list.children.length === 0 && notices.children.length === 0;
  };
  dismissAll.addEventListener('click', () => { list.replaceChildren(); hidden = 0; update(); });

  const notice = (/** @type {string} */ text, warning = true) => {
    const dismiss = h('button', { type: 'button', class: 'link-button' }, 'Dismiss');
    const p = h('p', { class: `notice${warning ? ' warning' : ''}` }, text, ' ', dismiss);
    dismiss.addEventListener('click', () => { p.remove(); update(); });
    notices.append(p);
    update();
  };

  listen('watch-decision', (d) => {
    const open = h('button', { type: 'button', class: 'link-button' }, 'Open');
    const dismiss = h('button', { type: 'button', class: 'link-button' }, 'Dismiss');
    const item = h('li', { class: d.after === 'twilio-approved' ? 'approved' : 'rejected', dataset: { sid: d.sid } },
      h('span', { class: 'decision-title' }, d.title), h('bdi', {}, plainUserText(d.name ?? d.sid, 100)), open, dismiss);
    open.addEventListener('click', () => { item.remove(); update(); onOpen(d); });
    dismiss.addEventListener('click', () => { item.remove(); update(); });
    list.prepend(item);
    while (list.children.length > SHOWN) {
      list.lastElementChild.remove();
      hidden += 1;
    }
    update();
    onDecision?.(d);
  });
  listen('watch-notice', (payload) => notice(String(payload)));
  listen('watch-open', (target) => onOpen(target));
  // How the history was opened, at start; that a write to it failed, after it is read.
  const historyNotice = () => api.historyNotice().then((n) => { if (n) notice(n.message); }).catch(() => {});
  historyNotice();
  document.addEventListener('history-read', historyNotice);

  const dialog = byId('settings-dialog', HTMLDialogElement);
  const interval = byId('settings-interval', HTMLSelectElement);
  const notify = byId('settings-notify', HTMLInputElement);
  const error = byId('settings-error');
  byId('settings-open').addEventListener('click', async () => {
    error.hidden = true;
    try {
      const s = await api.watchSettings();
      interval.value = String(s.checkEveryMinutes);
      notify.checked = s.notify;
    } catch { /* the defaults shown stay */ }
    dialog.showModal();
    interval.focus();
  });
  byId('settings-cancel').addEventListener('click', () => dialog.close());
  byId('settings-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      await api.saveWatchSettings({ checkEveryMinutes: Number(interval.value), notify: notify.checked });
      dialog.close();
      toast(interval.value === '0' ? 'Saved. TrustHub Desk will not check for decisions.' : 'Saved.');
    } catch (e) {
      error.textContent = e.message;
      error.hidden = false;
    }
  });
}
