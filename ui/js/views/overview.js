// Overview: every profile and Trust Product of every saved account (and, when asked, of
// their subaccounts) in one table, what needs attention first, with counts per status that
// filter it. It loads when shown; the last result is kept for the server, so coming back
// shows it at once while it is read again in the background.

import { api, listen } from '../api.js';
import { h, STATUSES, statusInfo, count, number } from '../format.js';
import { errorPanel, toast } from '../ui.js';
import { accountNames, accountRows, rankRows, attention, filterRows, orderRows, countRows, changedWords } from '../overview-rows.js';
import { overviewTexting } from './overview-texting.js';
import { overviewTable, nextTask } from './overview-table.js';
import { overviewRecent } from './overview-recent.js';

/** Rows drawn at first, and more with each "Show more": a few hundred rows in the page
 * would hold the window still while drawn (docs/PERFORMANCE.md). */
const ROWS_AT_ONCE = 100;
/** Accounts made into rows in one task: with 500 subaccounts, all at once would hold the
 * window still for over 100 ms. */
const ACCOUNTS_PER_TASK = 100;
/** A kept result older than this is read again when the Overview is shown. */
const FRESH_MS = 60_000;
/** Where the window remembers "Include subaccounts" (a yes or no, nothing personal). */
const INCLUDE_KEY = 'trusthub-desk.overview.include-subaccounts';

/**
 * @typedef {import('../../types/commands').Overview} Overview
 * @typedef {import('../../types/commands').OverviewAccount} OverviewAccount
 * @typedef {import('../../types/commands').Decision} Decision
 * @typedef {import('../overview-rows.js').Row} Row
 * @typedef {{ status: string, account: string, name: string, sort: string }} ShownFilters
 * @typedef {object} OverviewOptions
 * @property {() => string} who the server and mode the overview is read on
 * @property {() => boolean} canIncludeSubaccounts
 * @property {(account: OverviewAccount, row: Row) => void} onOpen
 * @property {(account: OverviewAccount) => void} onOpenTexting opens an account's Texting tab
 * @property {() => void} onReenterCredentials
 */

/** @type {{ who: string, result: Overview, include: boolean, at: number, filters?: ShownFilters } | null} the last load, for the server and mode it was read on */
let kept = null;

/** Forgets the kept overview (another server or mode). */
export function clearOverview() {
  kept = null;
}


/**
 * The overview in `root`. `who()` names the server and mode (the kept result belongs to it);
 * `canIncludeSubaccounts()` says whether the connection may list subaccounts;
 * `onOpen(account, row)` opens a row under its account.
 */
export function createOverview(/** @type {HTMLElement} */ root, /** @type {OverviewOptions} */ { who, canIncludeSubaccounts, onOpen, onOpenTexting, onReenterCredentials }) {
  const texting = overviewTexting({ onOpen: onOpenTexting });
  const include = h('input', { type: 'checkbox', id: 'overview-subaccounts' });
  const includeRow = h('div', { class: 'check-row' }, include, h('label', { for: 'overview-subaccounts' }, 'Include subaccounts'));
  const loadButton = h('button', { type: 'button', id: 'overview-load', class: 'secondary' }, 'Refresh');
  const cancel = h('button', { type: 'button', id: 'overview-cancel', class: 'secondary', hidden: true }, 'Stop');
  const bar = h('progress', { id: 'overview-progress', max: 1, value: 0, hidden: true, 'aria-labelledby': 'overview-progress-text' });
  const barText = h('p', { id: 'overview-progress-text', class: 'muted', role: 'status' });
  const counts = h('div', { id: 'overview-counts', class: 'overview-counts' });
  const problems = h('div', { id: 'overview-problems' });
  const statusFilter = h('select', { id: 'overview-status' },
    h('option', { value: '' }, 'All statuses'), h('option', { value: 'attention' }, 'Needs attention'),
    h('option', { value: 'changed' }, 'Changed since you last looked'),
    ...STATUSES.map((s) => h('option', { value: s.value }, s.label)));
  const accountFilter = h('select', { id: 'overview-account' }, h('option', { value: '' }, 'All accounts'));
  const nameFilter = h('input', { id: 'overview-name', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: 'Business or profile name' });
  const sort = h('select', { id: 'overview-sort' },
    h('option', { value: 'attention' }, 'Needs attention first'), h('option', { value: 'name' }, 'Name'),
    h('option', { value: 'updated' }, 'Last updated, newest first'), h('option', { value: 'account' }, 'Account'));
  const shown = h('p', { id: 'overview-shown', class: 'muted', 'aria-live': 'polite' });
  const phone = h('input', { id: 'overview-phone', type: 'tel', autocomplete: 'off', spellcheck: 'false', placeholder: '+1 415 555 0100', 'aria-describedby': 'overview-phone-help overview-phone-error' });
  const phoneFind = h('button', { type: 'submit', id: 'overview-phone-find', class: 'secondary' }, 'Find');
  const phoneClear = h('button', { type: 'button', id: 'overview-phone-clear', class: 'link-button', hidden: true }, 'Show every row again');
  const phoneError = h('p', { class: 'field-error', id: 'overview-phone-error', 'aria-live': 'polite' });
  const phoneResult = h('p', { id: 'overview-phone-result', class: 'muted', 'aria-live': 'polite' });
  const phoneForm = h('form', { class: 'phone-search', id: 'overview-phone-form', hidden: true },
    h('label', { for: 'overview-phone' }, 'Look up a phone number: its profiles, and what it needs to text'),
    h('div', { class: 'inline-field' }, phone, phoneFind),
    h('p', { class: 'help', id: 'overview-phone-help' }, 'In international format (+1 …): a + and the country code first. Each account is asked for its numbers once.'),
    phoneError, phoneResult, phoneClear);
  /** @type {Set<string> | null} "account:sid" of the records the number is assigned to, while a search narrows the list */
  let phoneMatches = null;
  const more = h('button', { type: 'button', id: 'overview-more', class: 'secondary', hidden: true }, 'Show more');
  const exportButton = h('button', { type: 'button', id: 'overview-export', class: 'secondary', hidden: true }, 'Export as CSV…');
  let limit = ROWS_AT_ONCE;
  const rowsTable = overviewTable({ onOpen });
  const recent = overviewRecent();
  const table = rowsTable.table;
  const field = (/** @type {string} */ id, /** @type {string} */ label, /** @type {HTMLElement} */ input) => h('div', { class: 'field' }, h('label', { for: id }, label), input);

  root.replaceChildren(
    h('div', { class: 'title-row' }, h('h1', { id: 'overview-title' }, 'Everything at a glance')),
    h('p', { class: 'lead' }, 'Every Customer-Profile and Trust Product of your saved accounts in one list, what needs your attention first.'),
    h('div', { class: 'actions' }, includeRow, loadButton, cancel),
    bar, barText, problems, counts,
    h('div', { class: 'filters overview-filters' },
      field('overview-status', 'Status', statusFilter), field('overview-account', 'Account', accountFilter),
      field('overview-name', 'Name', nameFilter), field('overview-sort', 'Order', sort)),
    phoneForm,
    h('div', { class: 'actions' }, shown, exportButton), table, h('div', { class: 'actions' }, more), texting.element, recent.element);

  /** @type {Overview | null} */
  let result = null;
  let loading = false;
  /** @type {Map<string, string>} account SID → how the person knows it */
  let names = new Map();
  /** @type {Row[]} every row of `result`, made once per result */
  let all = [];
  let again = false; // "Include subaccounts" changed while loading: load again once stopped
  /** @type {ReturnType<typeof setTimeout> | null} a redraw for the decisions just heard */
  let redrawSoon = null;
  let showing = 0; // answers shown: a newer one stops the making of an older one's rows

  loadButton.addEventListener('click', () => load());
  include.addEventListener('change', () => {
    try {
      localStorage.setItem(INCLUDE_KEY, String(include.checked));
    } catch {
      // Not remembered: the choice still holds for now.
    }
    if (!loading) load();
    else {
      again = true;
      api.cancelLoad('overview', '');
    }
  });
  cancel.addEventListener('click', () => api.cancelLoad('overview', ''));
  const redraw = () => { limit = ROWS_AT_ONCE; draw(); };
  for (const el of [statusFilter, accountFilter, sort]) el.addEventListener('change', redraw);
  nameFilter.addEventListener('input', redraw);
  more.addEventListener('click', () => { limit += ROWS_AT_ONCE; draw(); });
  phoneForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!result) return;
    phoneError.textContent = '';
    phone.setAttribute('aria-invalid', 'false');
    phoneResult.textContent = 'Looking…';
    phoneFind.disabled = true;
    const searched = result;
    try {
      const accounts = searched.accounts.filter((a) => !a.error)
        .map((a) => ({ accountSid: a.accountSid, bundles: a.rows.map((r) => ({ kind: r.kind, sid: r.sid })) }));
      const found = await api.findPhoneNumber(phone.value, accounts);
      if (result !== searched) return;
      phoneMatches = new Set(found.matches.map((m) => `${m.accountSid}:${m.sid}`));
      const n = found.matches.length;
      const unread = found.failed.length ? ` ${found.failed.length} ${found.failed.length === 1 ? 'account' : 'accounts'} could not be asked: ${found.failed[0].error.message}` : '';
      const texting = found.texting.map((t) => ` ${found.texting.length > 1 ? `${names.get(t.accountSid) ?? 'An account'}: ` : ''}${t.words}`).join('');
      phoneResult.textContent = (n === 0 ? `${found.number} is assigned to no profile or Trust Product of these accounts.`
        : `${found.number} is assigned to ${n === 1 ? '1 record' : `${n} records`}: shown below.`) + texting + unread;
      phoneClear.hidden = false;
      limit = ROWS_AT_ONCE;
      draw();
    } catch (error) {
      phoneResult.textContent = '';
      if (error.field === 'number') {
        phoneError.textContent = error.message;
        phone.setAttribute('aria-invalid', 'true');
        phone.focus();
      } else if (error.kind !== 'cancelled') {
        problems.replaceChildren(errorPanel(error, { onReenterCredentials }));
      }
    } finally {
      phoneFind.disabled = false;
    }
  });
  phoneClear.addEventListener('click', () => {
    phoneMatches = null;
    phoneResult.textContent = '';
    phoneClear.hidden = true;
    redraw();
  });
  exportButton.addEventListener('click', async () => {
    try {
      const name = await api.exportOverview(filtered().map((r) => ({
        name: r.friendlyName ?? '', kind: r.unread ? '' : (r.kind === 'trust-product' ? 'Trust Product' : 'Customer-Profile'),
        account: r.accountName, status: r.unread ? 'Not read' : statusInfo(r.status).label,
        lastUpdated: r.dateUpdated ?? '', needsAttention: r.why?.words ?? '', changed: r.changed ? changedWords(r.changed) : '',
        sid: r.sid ?? '', accountSid: r.account.accountSid,
      })));
      if (name) toast(`The overview was saved as ${name}.`);
    } catch (error) {
      problems.replaceChildren(errorPanel(error));
    }
  });
  const unlisten = listen('overview-progress', (payload) => {
    if (!loading) return;
    bar.max = Math.max(1, payload.total);
    bar.value = payload.done;
    barText.textContent = `${number(payload.done)} of ${count(payload.total, 'account')} read`;
  });

  /** Reads every account; what is shown stays until the new answer replaces it. */
  async function load() {
    if (loading) return;
    loading = true;
    loadButton.disabled = true;
    cancel.hidden = false;
    bar.hidden = false;
    bar.removeAttribute('value');
    const refreshing = result ? ' The list below is the last one read; it is replaced when this ends.' : '';
    barText.textContent = (include.checked ? 'Listing the subaccounts…' : 'Reading your accounts…') + refreshing;
    try {
      const answer = await api.loadOverview(include.checked);
      kept = { who: who(), result: answer, include: include.checked, at: Date.now() };
      problems.replaceChildren();
      await show(answer);
      barText.textContent = `${count(answer.accounts.length, 'account')} read at ${new Date().toLocaleTimeString(undefined, { timeStyle: 'short' })}.`;
    } catch (error) {
      barText.textContent = '';
      if (again) return;
      problems.replaceChildren(error.kind === 'cancelled'
        ? h('p', { class: 'notice warning', role: 'status' }, 'Stopped. Nothing was changed; press Refresh when you are ready.')
        : errorPanel(error, { onReenterCredentials }));
    } finally {
      loading = false;
      loadButton.disabled = false;
      cancel.hidden = true;
      bar.hidden = true;
      if (again) {
        again = false;
        load();
      }
    }
  }

  /**
   * Shows `answer`: its rows are made a slice of accounts at a time, the window free in
   * between; what is shown stays until they are ready, and a newer answer stops it.
   * @param {Overview} answer @param {ShownFilters | null} [filters]
   */
  async function show(answer, filters = null) {
    const mine = ++showing;
    const named = accountNames(answer);
    const now = Date.now();
    /** @type {Row[]} */
    const rows = [];
    for (let i = 0; i < answer.accounts.length; i += ACCOUNTS_PER_TASK) {
      for (const a of answer.accounts.slice(i, i + ACCOUNTS_PER_TASK)) rows.push(...accountRows(a, named.get(a.accountSid) ?? a.accountSid, now));
      await nextTask();
      if (mine !== showing) return;
    }
    rankRows(rows);
    await nextTask();
    if (mine !== showing) return;
    result = answer;
    all = rows;
    names = named;
    phoneForm.hidden = false;
    phoneMatches = null;
    phoneResult.textContent = '';
    phoneClear.hidden = true;
    limit = ROWS_AT_ONCE;
    // The account chosen stays, alone in the list, until the list of every account is made
    // (after the table).
    accountFilter.replaceChildren(h('option', { value: filters?.account ?? '' }, (filters?.account && named.get(filters.account)) || 'All accounts'));
    if (filters) {
      statusFilter.value = filters.status;
      nameFilter.value = filters.name;
      sort.value = filters.sort;
    }
    const failed = answer.accounts.filter((a) => a.error).length;
    problems.replaceChildren(
      ...answer.subaccountNotes.map((n) => h('p', { class: 'notice warning' }, n)),
      ...(failed ? [h('p', { class: 'notice warning', id: 'overview-failed' },
        failed === 1 ? '1 account could not be read: its row says why, and the others are shown.' : `${failed} accounts could not be read: their rows say why, and the others are shown.`)] : []),
      ...answer.accounts.flatMap((a) => a.notes.map((n) => h('p', { class: 'notice' }, `${names.get(a.accountSid)}: ${n.message}`))));
    draw();
    // Five hundred accounts in the Account list cost a frame of their own.
    await nextTask();
    if (mine !== showing) return;
    const chosen = accountFilter.value;
    accountFilter.replaceChildren(h('option', { value: '' }, 'All accounts'),
      ...answer.accounts.map((a) => h('option', { value: a.accountSid }, named.get(a.accountSid))));
    accountFilter.value = chosen;
    recent.show(answer, all, names);
    // After the table is painted: the texting read must not hold up its first frame.
    requestAnimationFrame(() => setTimeout(() => { if (result === answer) texting.show(answer, names); }, 0));
  }

  /** The rows the filters let through, in no order. */
  function filtered() {
    return filterRows(all, { status: statusFilter.value, account: accountFilter.value, name: nameFilter.value, phoneMatches });
  }

  function draw() {
    if (!result) return;
    if (kept?.result === result) {
      kept.filters = { status: statusFilter.value, account: accountFilter.value, name: nameFilter.value, sort: sort.value };
    }
    const { byStatus, attention: needing, changed: changedCount } = countRows(all);
    // Each count filters the table to its rows; pressed again, it shows every row.
    const countButton = (/** @type {string} */ value, /** @type {string} */ words, /** @type {string} */ cls, /** @type {string} */ id) => h('button', {
      type: 'button', class: `count ${cls}`, id, 'aria-pressed': String(statusFilter.value === value),
      onclick: () => { statusFilter.value = statusFilter.value === value ? '' : value; redraw(); },
    }, words);
    counts.replaceChildren(
      countButton('attention', `Needs attention: ${number(needing)}`, 'attention', 'overview-count-attention'),
      ...(changedCount ? [countButton('changed', `Changed since you last looked: ${number(changedCount)}`, 'changed', 'overview-changed-count')] : []),
      ...STATUSES.filter((s) => byStatus.has(s.value)).map((s) => countButton(s.value, `${s.label}: ${number(byStatus.get(s.value))}`, `badge status-${s.value}`, `overview-count-${s.value}`)));
    const rows = orderRows(filtered(), sort.value);
    const drawn = Math.min(limit, rows.length);
    shown.textContent = drawn < rows.length
      ? `${number(drawn)} of ${number(rows.length)} shown, the most urgent first: narrow the list with the filters above, or show more.`
      : `${number(rows.length)} of ${number(all.length)} shown.`;
    if (sort.value !== 'attention' && drawn < rows.length) shown.textContent = shown.textContent.replace(', the most urgent first', '');
    more.hidden = drawn >= rows.length;
    table.hidden = rows.length === 0;
    exportButton.hidden = rows.length === 0;
    rowsTable.show(rows.slice(0, drawn));
  }

  /** Whether the person last chose to include subaccounts. */
  function remembered() {
    try {
      return localStorage.getItem(INCLUDE_KEY) === 'true';
    } catch {
      return false;
    }
  }

  return {
    /** Shown: the kept result of this server and mode, and whether subaccounts may be asked for. */
    resume() {
      includeRow.hidden = !canIncludeSubaccounts();
      include.checked = !includeRow.hidden && remembered();
      if (kept && kept.who === who()) {
        if (kept.result !== result) show(kept.result, kept.filters);
        // Shown at once; read again behind it when old or asked with other subaccounts.
        if (Date.now() - kept.at > FRESH_MS || kept.include !== include.checked) load();
      } else {
        load();
      }
    },
    pause() {
      texting.stop();
      if (loading) api.cancelLoad('overview', '');
      if (phoneFind.disabled) api.cancelLoad('phone-search', '');
    },
    /** Twilio decided on a record the watch followed: its row shows it at once. */
    /** @param {Decision} d */
    decided(d) {
      const row = all.find((r) => r.sid === d.sid && r.account?.accountSid === d.accountSid);
      if (!row) return;
      row.changed = { before: row.changed?.before ?? d.before, after: d.after };
      row.status = d.after;
      row.reasons = d.reasons;
      row.why = attention(row);
      // The kept result too, so the overview shows it when the person comes back to it.
      const account = result.accounts.find((a) => a.accountSid === d.accountSid);
      const record = account?.rows.find((r) => r.sid === d.sid);
      if (record) {
        record.status = d.after;
        record.reasons = d.reasons;
        account.changes = [...(account.changes ?? []).filter((c) => c.sid !== d.sid), { kind: d.kind, sid: d.sid, ...row.changed }];
      }
      // Decisions come in bursts (a round of the watch): the table is drawn again at most
      // once a second, not once per decision.
      redrawSoon ??= setTimeout(() => {
        redrawSoon = null;
        draw();
        if (result) recent.show(result, all, names);
      }, 1000);
    },
    dispose() {
      unlisten.then((stop) => stop());
    },
  };
}
