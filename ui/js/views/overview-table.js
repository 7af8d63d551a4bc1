// The Overview's table of records: one row per profile or Trust Product (or per account
// that could not be read), laid out a few rows a frame so that the window never stands
// still while a long list is drawn.

import { h, statusInfo, localDate, fillUserText } from '../format.js';
import { changedWords } from '../overview-rows.js';

/** @typedef {import('../overview-rows.js').Row} Row */

/** Rows laid out in one frame: a hundred at once held the window still for over 50 ms. */
export const ROWS_PER_FRAME = 25;

/** Resolves in a task of its own: the window paints and answers clicks before it. */
export const nextTask = () => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => resolve(undefined);
  channel.port2.postMessage(null);
});

/**
 * Fills `tbody` with a row per item: the first frame's at once (the screenful a person
 * sees), the others a frame at a time below it. Returns what stops the frames still to
 * come, for when a newer list replaces this one.
 * @template T
 * @param {HTMLElement} tbody @param {T[]} items @param {(item: T) => HTMLElement} rowOf
 * @returns {() => void}
 */
export function drawInFrames(tbody, items, rowOf) {
  let stopped = false;
  tbody.replaceChildren(...items.slice(0, ROWS_PER_FRAME).map(rowOf));
  const rest = (/** @type {number} */ from) => requestAnimationFrame(() => {
    if (stopped) return;
    tbody.append(...items.slice(from, from + ROWS_PER_FRAME).map(rowOf));
    if (from + ROWS_PER_FRAME < items.length) rest(from + ROWS_PER_FRAME);
  });
  if (items.length > ROWS_PER_FRAME) rest(ROWS_PER_FRAME);
  return () => { stopped = true; };
}

/** @param {{ onOpen: (account: Row['account'], row: Row) => void }} options */
export function overviewTable({ onOpen }) {
  const tbody = h('tbody', { id: 'overview-rows' });
  const table = h('table', { class: 'list overview-table', id: 'overview-table', hidden: true },
    h('thead', {}, h('tr', {}, ...['Name', 'Account', 'Status', 'Last updated', 'Needs attention'].map((t) => h('th', { scope: 'col' }, t)))),
    tbody);
  let stopDrawing = () => {};

  /** @param {Row} r */
  function rowElement(r) {
    if (r.unread) {
      return h('tr', { class: 'unread' },
        h('td', { class: 'muted' }, 'Its profiles could not be read'),
        h('td', {}, r.accountName),
        h('td', {}, h('span', { class: 'badge' }, 'Not read')),
        h('td', {}, ''),
        h('td', { class: 'attention' }, r.why?.words ?? ''));
    }
    const name = h('bdi');
    fillUserText(name, r.friendlyName ?? r.sid ?? '', { max: 120, expandable: false });
    const kindWord = r.kind === 'trust-product' ? 'Trust Product' : 'Customer-Profile';
    const open = h('button', { type: 'button', class: 'link-button', dataset: { sid: r.sid ?? '' } }, name);
    open.addEventListener('click', () => onOpen(r.account, r));
    const status = h('span', { class: `badge status-${r.status}` }, statusInfo(r.status).label);
    return h('tr', {},
      h('td', {}, open, h('span', { class: 'muted kind' }, ` · ${kindWord}`)),
      h('td', {}, r.accountName),
      h('td', {}, status),
      h('td', {}, localDate(r.dateUpdated)),
      h('td', { class: r.why ? 'attention' : '' },
        ...(r.changed ? [h('span', { class: 'changed-mark' }, changedWords(r.changed)), r.why ? h('br') : ''] : []),
        r.why?.words ?? ''));
  }

  return {
    table,
    /** Shows `rows`, a few a frame (`drawInFrames`). @param {Row[]} rows */
    show(rows) {
      stopDrawing();
      stopDrawing = drawInFrames(tbody, rows, rowElement);
    },
  };
}
