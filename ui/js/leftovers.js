// What a deleted draft, or a record removed from a profile, left behind: the records that
// nothing uses any more are offered for deleting, each named; those something still uses
// are said and kept. Nothing is deleted without a question that names it.

import { api } from './api.js';
import { h, keyWords, userText, plainUserText } from './format.js';
import { busy, confirmDialog, errorPanel, focusOn, toast } from './ui.js';

/**
 * @typedef {import('../types/commands').Leftovers} Leftovers
 * @typedef {import('../types/commands').Leftover} Leftover
 */

/** @type {Record<string, string>} */
const WHAT = { 'end-user': 'Record', document: 'Document', address: 'Address' };
/** @type {Record<string, string>} */
const USED_BY = { 'customer-profile': 'profile', 'trust-product': 'Trust Product', document: 'document', 'phone-number': 'phone number' };

/** A record's name as one line, with what it is (its type in words, never its machine name). @param {Leftover} record */
function named(record) {
  const what = record.typeName ? keyWords(record.typeName) : WHAT[record.what] ?? 'Record';
  return `${what}: ${plainUserText(record.name ?? record.sid).slice(0, 160)}`;
}

/**
 * The panel for `leftovers` ({ records, complete }) under `heading` (an h2 that takes the focus).
 * @param {Leftovers | null} leftovers
 * @param {{ heading: string, onReenterCredentials?: () => void }} options
 */
export function leftoversPanel(leftovers, { heading, onReenterCredentials }) {
  const title = h('h2', { tabindex: '-1' }, heading);
  const panel = h('div', { class: 'card notice-card leftovers', id: 'leftovers', tabindex: '-1', role: 'region', 'aria-label': heading }, title);
  const records = leftovers?.records ?? [];
  if (!records.length) return panel;
  if (!leftovers.complete) {
    panel.append(h('p', {}, 'TrustHub Desk could not read every profile, so it cannot tell whether anything else still uses the records it used. They are kept:'),
      h('ul', {}, records.map((r) => h('li', {}, named(r)))));
    return panel;
  }
  const unused = records.filter((r) => !r.usedBy.length);
  const used = records.filter((r) => r.usedBy.length);
  const result = h('div', { class: 'leftover-result', 'aria-live': 'polite' });
  if (unused.length) {
    const boxes = unused.map((r, i) => {
      const id = `leftover-${i}`;
      return h('div', { class: 'check-row' },
        h('input', { type: 'checkbox', id, value: r.sid }),
        h('label', { for: id }, named(r)));
    });
    const remove = h('button', { type: 'button', id: 'delete-leftovers', class: 'danger' }, 'Delete the checked records…');
    const keep = h('button', { type: 'button', class: 'secondary', id: 'keep-leftovers' }, 'Keep them');
    const form = h('fieldset', { class: 'leftover-choice' },
      h('legend', {}, unused.length === 1
        ? 'Nothing else uses this record any more. Delete it from your Twilio account too?'
        : 'Nothing else uses these records any more. Delete them from your Twilio account too?'),
      boxes, h('div', { class: 'actions' }, remove, keep));
    keep.addEventListener('click', () => {
      form.replaceWith(h('p', { class: 'muted' }, 'Kept in your account. You can use them in another profile.'));
      focusOn(title);
    });
    remove.addEventListener('click', async () => {
      const chosen = unused.filter((r) => boxes.some((b) => b.querySelector('input').checked && b.querySelector('input').value === r.sid));
      if (!chosen.length) {
        result.replaceChildren(h('p', { class: 'field-error' }, 'Tick the records to delete, or keep them.'));
        return;
      }
      const list = chosen.map(named).join('; ');
      const ok = await confirmDialog(chosen.length === 1 ? 'Delete this record?' : `Delete these ${chosen.length} records?`,
        `They are deleted from your Twilio account for good: ${list}. This cannot be undone.`, chosen.length === 1 ? 'Delete the record' : `Delete the ${chosen.length} records`, remove, { danger: true });
      if (!ok) return;
      remove.disabled = true;
      try {
        const done = await busy(() => api.deleteRecords(chosen.map((r) => r.sid)));
        const failed = done.filter((d) => !d.deleted);
        const gone = done.length - failed.length;
        form.replaceWith(h('p', {}, gone ? `Deleted ${gone} record${gone === 1 ? '' : 's'}.` : 'Nothing was deleted.'));
        result.replaceChildren(...failed.map((d) => {
          const r = chosen.find((x) => x.sid === d.sid);
          return h('p', { class: 'field-error' }, `${named(r)} was not deleted: ${d.message ?? 'Twilio refused.'}`);
        }));
        toast(gone ? `Deleted ${gone} record${gone === 1 ? '' : 's'}.` : 'Nothing was deleted.');
        focusOn(title);
      } catch (error) {
        remove.disabled = false;
        result.replaceChildren(errorPanel(error, { onReenterCredentials }));
      }
    });
    panel.append(form);
  }
  if (used.length) {
    panel.append(h('p', {}, 'Kept, because something else uses them:'),
      h('ul', {}, used.map((r) => h('li', {}, named(r), ' — used by ',
        r.usedBy.slice(0, 3).flatMap((u, i) => [i ? ', ' : '', `${USED_BY[u.what] ?? 'record'} “`, userText(u.name ?? u.sid, { max: 80, expandable: false }), '”']),
        r.usedBy.length > 3 ? ` and ${r.usedBy.length - 3} more` : ''))));
  }
  panel.append(result);
  return panel;
}
