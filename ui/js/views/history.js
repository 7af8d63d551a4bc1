// A profile's history: what was changed through the app and what Twilio decided, newest
// first, from the record kept on this computer (no field values, only which fields).

import { api } from '../api.js';
import { h, localDate } from '../format.js';
import { toast, errorPanel } from '../ui.js';

/** @typedef {import('../../types/commands').HistoryLine} HistoryLine */

/** Date and time as the person's system writes them, nothing when unknown; by the one
 * formatter of format.js: one made per line held the window still for long histories.
 * @param {string | null | undefined} iso */
export function localDateTime(iso) {
  return Number.isNaN(Date.parse(iso ?? '')) ? '' : localDate(iso);
}

/** Tells the window the history was just read: a failure to write it is then said, once. */
export function historyRead() {
  document.dispatchEvent(new CustomEvent('history-read'));
}

/** One line of the history: when, what, and how it ended. @param {HistoryLine} line @param {Node | null} [extra] */
export function historyItem(line, extra = null) {
  const failed = line.outcome !== 'done';
  return h('li', { class: failed ? 'failed' : '' },
    h('time', { datetime: line.at }, localDateTime(line.at)), ' ',
    ...(extra ? [extra, ' '] : []),
    h('span', { class: 'words' }, line.words),
    failed ? h('span', { class: 'result' }, ` — ${line.result}`) : '');
}

/** The History card of the profile view. */
export function createTimeline() {
  const list = h('ol', { class: 'timeline', id: 'history-list' });
  const empty = h('p', { class: 'muted', id: 'history-empty' },
    'Nothing recorded yet. Changes you make here, and decisions TrustHub Desk sees Twilio make, will be listed here.');
  const problems = h('div', { id: 'history-message' });
  /** @type {string | null} */
  let sid = null;
  const exportButton = h('button', { type: 'button', class: 'secondary', id: 'history-export', disabled: true }, 'Export as CSV…');
  exportButton.addEventListener('click', async () => {
    try {
      const name = await api.exportHistory(sid);
      if (name) toast(`The history was saved as ${name}.`);
    } catch (error) {
      problems.replaceChildren(errorPanel(error));
    }
  });
  const el = h('section', { class: 'card history', id: 'history', 'aria-labelledby': 'history-title' },
    h('div', { class: 'title-row' }, h('h2', { id: 'history-title' }, 'History'), exportButton),
    problems, empty, list,
    h('p', { class: 'help' }, 'Kept on this computer only: what changed and when, never the values you typed.'));

  return {
    el,
    /**
     * Shows the history of `next`; `isCurrent` drops an answer for a profile left since.
     * Answers the lines read (newest first), or null when they could not be read.
     * @param {string} next
     * @param {() => boolean} isCurrent
     * @returns {Promise<HistoryLine[] | null>}
     */
    async load(next, isCurrent) {
      if (next !== sid) list.replaceChildren();
      sid = next;
      problems.replaceChildren();
      try {
        const lines = await api.profileHistory(next);
        if (!isCurrent() || next !== sid) return null;
        list.replaceChildren(...lines.map((l) => historyItem(l)));
        historyRead();
        empty.hidden = lines.length > 0;
        exportButton.disabled = lines.length === 0;
        return lines;
      } catch (error) {
        if (isCurrent()) problems.replaceChildren(errorPanel(error));
        return null;
      }
    },
  };
}
