// A table whose rows are built once and filled again for each list shown: a profile's
// linked records, shown and shown again, create no new rows.

import { h } from './format.js';

/**
 * A table whose rows are kept and filled again; `make` builds one row's parts.
 * @template {{ tr: HTMLTableRowElement }} R
 * @param {string} caption
 * @param {string[]} headers
 * @param {() => R} make
 */
export function pooledTable(caption, headers, make) {
  const body = h('tbody');
  const table = h('table', { class: 'list', hidden: true },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    body);
  /** @type {R[]} */
  const pool = [];
  return {
    table,
    /**
     * Shows `items`, each put in a row by `fill(row, item, index)`.
     * @template I
     * @param {I[]} items
     * @param {(row: R, item: I, index: number) => void} fill
     */
    show(items, fill) {
      while (pool.length < items.length) pool.push(make());
      items.forEach((item, i) => fill(pool[i], item, i));
      const rows = pool.slice(0, items.length).map((r) => r.tr);
      if (body.childElementCount !== rows.length || rows.some((tr, i) => body.children[i] !== tr)) body.replaceChildren(...rows);
      table.hidden = items.length === 0;
    },
    hide() {
      table.hidden = true;
    },
  };
}
