// Home: the account's profiles or Trust Products: one search box that takes a name or a
// SID, a status filter, what type each one is, how far each draft got, and load more.

import { api } from '../api.js';
import { h, STATUSES, statusInfo, localDate, text, fillUserText, count as counted, number } from '../format.js';
import { busy, errorPanel, focusOn, BoundedCache, limited } from '../ui.js';

/** How far each draft got, by SID: read for the rows on screen, a few at a time. */
const progress = new BoundedCache(400);
const oneAtATime = limited(3);
/** What each policy is for, by kind of list: the Type column. */
const purposes = new BoundedCache(4);

/** Forgets what was cached about the previous account. */
export function clearHomeCaches() {
  progress.clear();
  purposes.clear();
}

/** The Type column's words for a policy's purpose (docs/GLOSSARY.md). */
const TYPE_WORDS = {
  primary: 'Primary', secondary: 'Secondary', starter: 'Starter', 'a2p-messaging': 'A2P',
  'shaken-stir': 'SHAKEN/STIR', cnam: 'CNAM', 'voice-integrity': 'Voice Integrity', other: 'Other',
};

/**
 * @typedef {import('../../types/commands').BundleKind} BundleKind
 * @typedef {import('../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../types/commands').ProfileFilter} ProfileFilter
 * @typedef {HTMLTableRowElement & { parts: { name: HTMLElement, open: HTMLButtonElement, type: HTMLElement, badge: HTMLElement,
 *   done: HTMLElement, email: HTMLElement, updated: HTMLElement } }} PooledRow a row of the pool, filled again and again
 * @typedef {object} HomeOptions
 * @property {BundleKind} [kind]
 * @property {(sid: string, kind: BundleKind) => void} onOpen
 * @property {(kind: BundleKind) => void} onNew
 * @property {() => void} onReenterCredentials
 */

/** The words of each kind of list. */
const WORDS = {
  'customer-profile': {
    title: 'Your Customer-Profiles', one: 'profile', many: 'profiles', none: 'This account has no Customer-Profiles yet.',
    start: 'Start one with “New profile…”: TrustHub Desk says what to have ready and walks you through what Twilio needs.',
    notSid: 'This does not look like a Customer-Profile SID', create: 'New profile…', collection: 'CustomerProfiles', prefix: '',
  },
  'trust-product': {
    title: 'Your Trust Products', one: 'Trust Product', many: 'Trust Products', none: 'This account has no Trust Products yet.',
    start: 'A Trust Product is made on an approved Customer-Profile. Start one with “New Trust Product…”.',
    notSid: 'This does not look like a Trust Product SID', create: 'New Trust Product…', collection: 'TrustProducts', prefix: 'tp-',
  },
};

const SID_PATTERN = /^BU[0-9a-fA-F]{32}$/;
// Only the rows near the screen are in the page, so 10,000 profiles cost no more than 50.
// Rows are one line high (app.css); the height is measured once drawn.
const ROW_PX = 44;
const OVERSCAN = 12;
/**
 * The list of profiles, built once per account and kept while a profile is open, so the
 * person comes back to the same search, pages and place. Returns a controller:
 * `resume({ returnTo, changed })` shows it again (the row of `changed` updated, the focus
 * on the row of `returnTo`), `pause()` stops its loading and listeners while hidden,
 * `dispose()` when the account changes.
 */
export function createHome(/** @type {HTMLElement} */ root, /** @type {HomeOptions} */ { kind = 'customer-profile', onOpen, onNew, onReenterCredentials }) {
  const words = WORDS[kind];
  const id = (/** @type {string} */ name) => `${words.prefix}${name}`;
  /** @type {ProfileFilter} */
  let filter = { status: null, friendlyName: null };
  /** @type {string | null} */
  let next = null;
  /** @type {Set<string>} next-page addresses already loaded: a repeat ends the list */
  let fetched = new Set();
  let generation = 0;
  /** @type {CustomerProfile[]} */
  let records = [];
  let drawn = { first: -1, last: -1, total: -1 };
  let rowPx = ROW_PX;

  const search = h('input', {
    id: id('search-name'), type: 'search', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'Business or profile name, or a SID (BU…)', 'aria-describedby': id('search-error'),
  });
  const searchError = h('p', { class: 'field-error', id: id('search-error'), 'aria-live': 'polite' });
  const statusSelect = h('select', { id: id('filter-status') },
    h('option', { value: '' }, 'All statuses'),
    STATUSES.map((s) => h('option', { value: s.value }, s.label)));
  const filterForm = h('form', { class: 'filters', role: 'search', novalidate: true, onsubmit: (/** @type {Event} */ e) => { e.preventDefault(); applyFilter(); } },
    h('div', { class: 'field grow' }, h('label', { for: id('search-name') }, 'Search by name or SID'), search, searchError),
    h('div', { class: 'field' }, h('label', { for: id('filter-status') }, 'Status'), statusSelect),
    h('button', { type: 'submit', id: id('search'), class: 'secondary' }, 'Search'));
  statusSelect.addEventListener('change', applyFilter);

  const rows = h('tbody', { id: id('profile-rows') });
  const table = h('table', { class: 'list profile-table', id: id('profile-list') },
    h('caption', { class: 'visually-hidden' }, words.title),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Type'), h('th', { scope: 'col' }, 'Status'),
      h('th', { scope: 'col' }, 'Notification e-mail'), h('th', { scope: 'col' }, 'Last updated'))),
    rows);
  const listMessage = h('div', { class: 'list-message', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', id: id('load-more'), class: 'secondary', hidden: true, onclick: loadMore }, 'Load more');
  const count = h('p', { class: 'count', id: id('profile-count') });

  const title = h('h1', { id: id('home-title'), tabindex: '-1' }, words.title);
  const newButton = h('button', { type: 'button', id: id('new-bundle'), class: 'primary', onclick: () => onNew(kind) }, words.create);
  const notice = h('div', { class: 'home-notice', id: id('home-notice') });
  root.replaceChildren(
    h('div', { class: 'title-row' }, title, h('div', { class: 'actions' }, newButton)),
    notice,
    h('div', { class: 'card' }, filterForm, count, table, listMessage, h('div', { class: 'actions center' }, more)),
  );

  /** A SID opens its profile; anything else searches the names. */
  function applyFilter() {
    const typed = search.value.trim();
    searchError.textContent = '';
    search.setAttribute('aria-invalid', 'false');
    if (SID_PATTERN.test(typed)) {
      onOpen(typed, kind);
      return;
    }
    if (/^BU[0-9a-f]{20,}$/i.test(typed)) {
      searchError.textContent = `${words.notSid}: it is BU followed by 32 letters a–f and digits 0–9, and this one has ${number(typed.length - 2)}.`;
      search.setAttribute('aria-invalid', 'true');
      search.focus();
      return;
    }
    filter = { status: /** @type {import('../../types/commands').ProfileStatus | null} */ (statusSelect.value || null), friendlyName: typed || null };
    records = [];
    draw(true);
    next = null;
    fetched = new Set();
    load(null);
  }

  /** Puts the rows that are on screen (and a few around them) into the table. */
  function draw(force = false) {
    const viewTop = window.scrollY - (rows.getBoundingClientRect().top + window.scrollY);
    const first = Math.max(0, Math.floor(viewTop / rowPx) - OVERSCAN);
    const last = Math.min(records.length, Math.ceil((viewTop + window.innerHeight) / rowPx) + OVERSCAN);
    if (!force && first === drawn.first && last === drawn.last && records.length === drawn.total) return;
    drawn = { first, last, total: records.length };
    table.setAttribute('aria-rowcount', String(records.length + 1));
    // The same row elements are filled again: scrolling and coming back create none.
    while (pool.length < last - first) pool.push(newRow());
    const shown = pool.slice(0, Math.max(0, last - first));
    shown.forEach((r, i) => fillRow(r, records[first + i], first + i));
    setSpacer(top, first);
    setSpacer(bottom, records.length - last);
    const wanted = [top, ...shown, bottom];
    if (rows.childElementCount !== wanted.length || wanted.some((el, i) => rows.children[i] !== el)) {
      rows.replaceChildren(...wanted);
    }
    const measured = rows.querySelector('tr:not(.spacer)')?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowPx) > 0.1) {
      rowPx = measured;
      draw(true);
    }
  }

  function spacer() {
    return h('tr', { class: 'spacer', 'aria-hidden': 'true' }, h('td', { colspan: '5' }));
  }
  const top = spacer();
  const bottom = spacer();
  /** @type {PooledRow[]} */
  const pool = [];

  /** @param {HTMLTableRowElement} tr @param {number} count rows it stands for */
  function setSpacer(tr, count) {
    tr.hidden = count === 0;
    /** @type {HTMLElement} */ (tr.firstChild).style.height = `${count * rowPx}px`;
  }

  let pending = false;
  const onScroll = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; if (root.contains(rows) && !root.hidden) draw(); });
  };
  let listening = false;
  /** @param {boolean} on */
  function listen(on) {
    if (on === listening) return;
    listening = on;
    const how = on ? 'addEventListener' : 'removeEventListener';
    window[how]('scroll', onScroll, { passive: true });
    window[how]('resize', onScroll);
  }
  listen(true);
  let disposed = false;

  function loadMore() {
    if (next) load(next);
  }

  /** @param {string | null} pageUrl */
  async function load(pageUrl) {
    const mine = ++generation;
    more.disabled = true;
    listMessage.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const page = await busy(() => api.listProfiles(filter, pageUrl, kind));
      if (mine !== generation || disposed) return; // a newer search replaced this one
      if (pageUrl) fetched.add(pageUrl);
      records = records.concat(page.records);
      draw(true);
      const repeated = page.nextPageUrl && fetched.has(page.nextPageUrl);
      next = repeated ? null : page.nextPageUrl;
      more.hidden = !next;
      count.textContent = `${counted(records.length, words.one, words.many)} shown${next ? ' — more available' : ''}`;
      const searched = Boolean(filter.status || filter.friendlyName);
      listMessage.replaceChildren(repeated
        ? h('p', { class: 'notice warning list-note', role: 'status' },
          `Showing the ${counted(records.length, words.one, words.many)} received so far. Twilio named a page it had already sent, so TrustHub Desk stopped rather than ask for the same pages again and again.`)
        : records.length ? '' : h('div', { class: 'empty-state' },
          h('p', {}, searched ? `No ${words.many} match this search.` : words.none),
          h('p', { class: 'muted' }, searched ? 'Try part of the name, or choose “All statuses”.' : words.start)));
    } catch (error) {
      if (mine !== generation || disposed || error.kind === 'cancelled') return;
      listMessage.replaceChildren(errorPanel(error, { onReenterCredentials }));
    } finally {
      more.disabled = false;
    }
  }

  /** One row of the pool; `fillRow` puts a profile in it. @returns {PooledRow} */
  function newRow() {
    const name = h('bdi');
    const open = h('button', { type: 'button', class: 'link-button row-open', onclick: (/** @type {MouseEvent} */ e) => onOpen(/** @type {HTMLElement} */ (e.currentTarget).closest('tr').dataset.sid, kind) }, name);
    const type = h('td', { class: 'type' });
    const badge = h('span', { class: 'badge' }, h('bdi'));
    const done = h('span', { class: 'progress muted' });
    const email = h('td', {}, h('bdi'));
    const updated = h('td');
    const tr = /** @type {PooledRow} */ (h('tr', {}, h('td', {}, open), type, h('td', {}, badge, done), email, updated));
    tr.parts = { name, open, type, badge, done, email, updated };
    return tr;
  }

  /** "2 of 4 requirements added" beside a draft: how far it got. @param {PooledRow} tr @param {CustomerProfile} p */
  function fillProgress(tr, p) {
    const { done } = tr.parts;
    done.textContent = '';
    if (p.status !== 'draft' || !p.sid || !p.policy_sid) return;
    progress.get(p.sid, () => oneAtATime(() => api.draftProgress(p.sid, p.policy_sid, kind))).then((got) => {
      if (tr.dataset.sid !== p.sid || !got.needed) return;
      done.textContent = got.assigned >= got.needed ? ' everything added' : ` ${number(got.assigned)} of ${counted(got.needed, 'requirement')} added`;
    }).catch(() => {}); // a comfort: the row stands without it
  }

  /** What the profile in `tr` is for (its policy's purpose), once the policies are known. @param {PooledRow} tr @param {CustomerProfile} p */
  function fillType(tr, p) {
    const { type } = tr.parts;
    type.textContent = '';
    if (!p.policy_sid) return;
    purposes.get(kind, () => api.listPolicies(kind)).then((choices) => {
      if (tr.dataset.sid !== p.sid) return;
      const purpose = choices.find((c) => c.sid === p.policy_sid)?.purpose;
      type.textContent = purpose ? TYPE_WORDS[purpose] : 'Other';
    }).catch(() => {}); // the row stands without it
  }

  /** Puts the profile `p`, the `index`th, in the row `tr`. @param {PooledRow} tr @param {CustomerProfile} p @param {number} index */
  function fillRow(tr, p, index) {
    const { name, open, badge, email, updated } = tr.parts;
    tr.dataset.sid = p.sid ?? '';
    tr.setAttribute('aria-rowindex', String(index + 2));
    open.title = text(p.friendly_name).slice(0, 400);
    fillUserText(name, p.friendly_name, { max: 120, expandable: false });
    badge.className = `badge status-${p.status}`;
    fillUserText(/** @type {HTMLElement} */ (badge.firstChild), statusInfo(p.status).label, { max: 40, expandable: false });
    email.title = text(p.email).slice(0, 400);
    fillUserText(/** @type {HTMLElement} */ (email.firstChild), p.email, { max: 120, expandable: false });
    updated.textContent = localDate(p.date_updated);
    fillProgress(tr, p);
    fillType(tr, p);
  }

  load(null);
  title.focus();
  return {
    /**
     * Shows the list again: `changed` updated in it, `deleted` out of it, `created` in it,
     * `notice` above it, the focus on the row of `returnTo`.
     * @param {{ returnTo?: string | null, changed?: CustomerProfile | null, deleted?: string | null,
     *   created?: CustomerProfile | null, notice?: HTMLElement | null }} [resume]
     */
    resume({ returnTo: sid = null, changed = null, deleted = null, created = null, notice: shown = null } = {}) {
      listen(true);
      notice.replaceChildren(...(shown ? [shown] : []));
      if (sid) progress.delete(sid);
      if (changed?.sid) {
        const i = records.findIndex((p) => p.sid === changed.sid);
        if (i >= 0) records[i] = changed;
      }
      if (deleted) {
        records = records.filter((p) => p.sid !== deleted);
        if (search.value.trim() === deleted) search.value = ''; // it opens nothing now
      }
      if (created?.sid && !records.some((p) => p.sid === created.sid)) records.unshift(created);
      draw(true);
      if (shown) focusOn(shown.querySelector('h2') ?? shown);
      else if (sid && records.some((p) => p.sid === sid)) focusRow(sid);
      else title.focus();
      if (!records.length && !next) load(null); // nothing was loaded (it was left while loading)
    },
    /** Shows `el` above the list (what a deleted draft left behind) and focuses its heading. */
    /** @param {HTMLElement} el */
    notify(el) {
      notice.replaceChildren(el);
      focusOn(el.querySelector('h2') ?? el);
    },
    pause() {
      listen(false);
      generation += 1; // an answer still on its way is dropped
      more.disabled = false;
      if (listMessage.textContent === 'Loading…') listMessage.replaceChildren();
      api.cancelLoad(words.collection).catch(() => {});
    },
    dispose() {
      disposed = true;
      listen(false);
      api.cancelLoad(words.collection).catch(() => {});
    },
  };

  /** @param {string} sid */
  function focusRow(sid) {
    const button = /** @type {HTMLElement | null} */ ([...rows.querySelectorAll('tr')].find((tr) => tr.dataset.sid === sid)?.querySelector('.row-open'));
    if (button) button.focus();
  }
}
