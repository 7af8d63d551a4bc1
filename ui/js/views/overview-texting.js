// The Overview's texting: one line per account the Overview read — its brands and
// campaigns approved of all, the numbers that cannot text US numbers yet, and the first
// thing that needs doing — what needs the person first. Read after the profiles, so the
// table above is never held up by it; the last reading is kept with its overview.

import { api } from '../api.js';
import { h, count, number } from '../format.js';
import { errorPanel } from '../ui.js';
import { drawInFrames } from './overview-table.js';

/**
 * @typedef {import('../../types/commands').Overview} Overview
 * @typedef {import('../../types/commands').OverviewAccount} OverviewAccount
 * @typedef {import('../../types/commands').TextingSummary} TextingSummary
 */

/** Lines drawn at first, and more with each "Show more" (as the table above). */
const LINES_AT_ONCE = 100;

/** Below this rank an account needs the person (src-tauri/trusthub/messaging/summary.rs). */
const REVIEWING = 5;

/** @type {WeakMap<Overview, TextingSummary[]>} the texting read for each overview result */
const read = new WeakMap();

/**
 * Orders the lines: the person's work first, then Twilio's reviews, then the rest; by
 * account name within each.
 * @param {TextingSummary[]} lines
 * @param {Map<string, string>} names
 */
export function orderTexting(lines, names) {
  const rank = (/** @type {TextingSummary} */ l) => (l.error ? REVIEWING : l.rank);
  return [...lines].sort((a, b) => rank(a) - rank(b)
    || (names.get(a.accountSid) ?? '').localeCompare(names.get(b.accountSid) ?? ''));
}

/** @param {{ onOpen: (account: OverviewAccount) => void }} options */
export function overviewTexting({ onOpen }) {
  const status = h('p', { class: 'muted', id: 'overview-texting-status', role: 'status' });
  const tbody = h('tbody', { id: 'overview-texting-rows' });
  const table = h('table', { class: 'list', id: 'overview-texting-table', hidden: true },
    h('thead', {}, h('tr', {}, ...['Account', 'Brands approved', 'Campaigns approved', 'Numbers that cannot text yet', 'Toll-free numbers verified', 'Numbers on voice products', 'Needs attention'].map((t) => h('th', { scope: 'col' }, t)))),
    tbody);
  const element = h('section', { class: 'card', id: 'overview-texting', 'aria-labelledby': 'overview-texting-title' },
    h('h2', { id: 'overview-texting-title' }, 'Texting'),
    h('p', { class: 'help' }, 'Brands, campaigns and the numbers in their Messaging Services, toll-free verifications, and the numbers on approved voice Trust Products (SHAKEN/STIR, CNAM, Voice Integrity), account by account. Open an account to see each business and do what is next.'),
    status, table);
  const more = h('button', { type: 'button', class: 'secondary', id: 'overview-texting-more', hidden: true }, 'Show more');
  element.append(h('div', { class: 'actions' }, more));
  let generation = 0;
  let limit = LINES_AT_ONCE;
  /** @type {(() => void) | null} draws the lines shown again (with a higher limit) */
  let again = null;
  let stopDrawing = () => {};
  more.addEventListener('click', () => { limit += LINES_AT_ONCE; again?.(); });

  /** @param {Overview} answer @param {Map<string, string>} names */
  function draw(answer, names) {
    const lines = read.get(answer) ?? [];
    const byAccount = new Map(answer.accounts.map((a) => [a.accountSid, a]));
    again = () => draw(answer, names);
    const ordered = orderTexting(lines, names);
    more.hidden = ordered.length <= limit;
    stopDrawing();
    // A few lines a frame, as the table above, so that a long list never holds the window still.
    stopDrawing = drawInFrames(tbody, ordered.slice(0, limit), (l) => {
      const account = byAccount.get(l.accountSid);
      const open = h('button', { type: 'button', class: 'link-button', dataset: { account: l.accountSid } }, names.get(l.accountSid) ?? 'An account');
      if (account) open.addEventListener('click', () => onOpen(account));
      return h('tr', { class: l.rank < REVIEWING && !l.error ? 'attention' : '' },
        h('td', {}, open),
        h('td', {}, l.error ? '—' : `${number(l.brandsApproved)} of ${number(l.brands)}`),
        h('td', {}, l.error ? '—' : `${number(l.campaignsApproved)} of ${number(l.campaigns)}`),
        h('td', {}, l.error ? '—' : number(l.numbersNotTexting)),
        h('td', {}, l.error || !l.tollFree ? '—' : `${number(l.tollFreeVerified)} of ${number(l.tollFree)}`),
        h('td', { class: 'voice-lines' }, l.error || !l.voice.length ? '—' : l.voice.flatMap((v, i) => (i ? [h('br'), v] : [v]))),
        h('td', {}, l.error ?? l.attention ?? 'Nothing: every brand and campaign is approved.'));
    });
    table.hidden = lines.length === 0;
    const waiting = lines.filter((l) => !l.error && l.rank < REVIEWING).length;
    status.textContent = lines.length ? (waiting ? `${count(waiting, 'account')} need${waiting === 1 ? 's' : ''} you for texting.` : 'No account needs you for texting.') : '';
  }

  return {
    element,
    /**
     * Shows the texting of `answer`'s accounts: at once when already read, else read now.
     * @param {Overview} answer @param {Map<string, string>} names
     */
    async show(answer, names) {
      generation += 1;
      const mine = generation;
      limit = LINES_AT_ONCE;
      if (read.has(answer)) {
        draw(answer, names);
        return;
      }
      const accounts = answer.accounts.filter((a) => !a.error).map((a) => a.accountSid);
      if (!accounts.length) return;
      status.textContent = `Reading the texting of ${count(accounts.length, 'account')}…`;
      try {
        const lines = await api.overviewTexting(accounts);
        read.set(answer, lines);
        if (mine === generation) draw(answer, names);
      } catch (error) {
        if (mine !== generation) return;
        status.textContent = '';
        if (error.kind !== 'cancelled') status.replaceChildren(errorPanel(error));
      }
    },
    // The lines being drawn are left to finish: the same result is shown on coming back.
    stop() {
      generation += 1;
      api.cancelLoad('overview-texting', '').catch(() => {});
    },
  };
}
