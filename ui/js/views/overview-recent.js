// The Overview's "Recent changes": the newest lines of the history kept on this computer
// for the accounts shown, each with its account and record by the names the table shows.

import { api } from '../api.js';
import { h, plainUserText } from '../format.js';
import { historyItem, historyRead } from './history.js';

/**
 * @typedef {import('../../types/commands').Overview} Overview
 * @typedef {import('../../types/commands').HistoryLine} HistoryLine
 * @typedef {import('../overview-rows.js').Row} Row
 */

export function overviewRecent() {
  const list = h('ol', { class: 'timeline', id: 'overview-history-list' });
  const empty = h('p', { class: 'muted' }, 'Nothing recorded yet for these accounts.');
  const element = h('details', { class: 'card history', id: 'overview-history', hidden: true },
    h('summary', {}, h('h2', { class: 'inline-heading' }, 'Recent changes')), empty, list,
    h('p', { class: 'help' }, 'Changes made in TrustHub Desk and status changes it saw, kept on this computer only. Each profile shows its own under History.'));
  /** @type {{ lines: HistoryLine[], rows: Row[], names: Map<string, string> } | null} read, not listed yet */
  let unlisted = null;
  let asked = 0; // readings: only the newest is shown
  // Listed when opened: two hundred lines made while closed would hold the window still for nothing.
  element.addEventListener('toggle', () => { if (element.open) listNow(); });

  function listNow() {
    if (!unlisted) return;
    const { lines, rows, names } = unlisted;
    unlisted = null;
    // Which record each line is about, by the name the overview shows for it.
    const rowNames = new Map(rows.filter((r) => !r.unread).map((r) => [`${r.account.accountSid}:${r.sid}`, r.friendlyName]));
    list.replaceChildren(...lines.map((l) => {
      const record = rowNames.get(`${l.accountSid}:${l.bundleSid ?? l.objectSid}`) ?? l.bundleSid ?? l.objectSid;
      const where = h('span', { class: 'muted' }, `${names.get(l.accountSid) ?? l.accountSid} · `, h('bdi', {}, plainUserText(record ?? '', 80)), ':');
      return historyItem(l, where);
    }));
  }

  return {
    element,
    /**
     * Reads the newest changes of `answer`'s accounts; `rows` and `names` are the table's.
     * @param {Overview} answer @param {Row[]} rows @param {Map<string, string>} names
     */
    async show(answer, rows, names) {
      const mine = ++asked;
      try {
        const lines = await api.recentHistory(answer.accounts.map((a) => a.accountSid));
        if (mine !== asked) return;
        element.hidden = false;
        empty.hidden = lines.length > 0;
        unlisted = { lines, rows, names };
        if (element.open) listNow();
        historyRead();
      } catch {
        if (mine === asked) element.hidden = true;
      }
    },
  };
}
