// Home: the account's profiles (search, filter, load more) and "open by SID".

import { api } from '../api.js';
import { h, STATUSES, statusInfo, localDate, text } from '../format.js';
import { busy, errorPanel } from '../ui.js';

const SID_PATTERN = /^BU[0-9a-fA-F]{32}$/;
// Only the rows near the screen are in the page, so 10,000 profiles cost no more than 50.
// Rows are one line high (app.css); the height is measured once drawn.
const ROW_PX = 44;
const OVERSCAN = 12;
let stopWatching = null; // the previous list's scroll listener

export function showHome(root, { onOpen, onReenterCredentials }) {
  let filter = { status: null, friendlyName: null };
  let next = null;
  let generation = 0;
  let records = [];
  let drawn = { first: -1, last: -1, total: -1 };
  let rowPx = ROW_PX;

  const sidInput = h('input', {
    id: 'open-sid', name: 'sid', type: 'text', autocomplete: 'off', spellcheck: 'false',
    placeholder: 'BUxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'aria-describedby': 'open-sid-help open-sid-error',
  });
  const sidError = h('p', { class: 'field-error', id: 'open-sid-error', 'aria-live': 'polite' });
  const openForm = h('form', { class: 'open-form', novalidate: true, onsubmit: openBySid },
    h('div', { class: 'field' },
      h('label', { for: 'open-sid' }, 'Open a profile by its SID'),
      h('div', { class: 'inline' }, sidInput, h('button', { type: 'submit', id: 'open-profile' }, 'Open')),
      h('p', { class: 'help', id: 'open-sid-help' }, 'Paste a Customer-Profile SID: BU followed by 32 letters and digits.'),
      sidError));

  const search = h('input', { id: 'search-name', type: 'search', placeholder: 'Business or profile name', autocomplete: 'off' });
  const statusSelect = h('select', { id: 'filter-status' },
    h('option', { value: '' }, 'All statuses'),
    STATUSES.map((s) => h('option', { value: s.value }, s.label)));
  const filterForm = h('form', { class: 'filters', role: 'search', onsubmit: (e) => { e.preventDefault(); applyFilter(); } },
    h('div', { class: 'field' }, h('label', { for: 'search-name' }, 'Search by name'), search),
    h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSelect),
    h('button', { type: 'submit', id: 'search' }, 'Search'));
  statusSelect.addEventListener('change', applyFilter);

  const rows = h('tbody', { id: 'profile-rows' });
  const table = h('table', { class: 'list profile-table', id: 'profile-list' },
    h('caption', { class: 'visually-hidden' }, 'Your Customer-Profiles'),
    h('thead', {}, h('tr', {},
      h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Status'),
      h('th', { scope: 'col' }, 'Notification e-mail'), h('th', { scope: 'col' }, 'Last updated'))),
    rows);
  const listMessage = h('div', { class: 'list-message', 'aria-live': 'polite' });
  const more = h('button', { type: 'button', id: 'load-more', class: 'secondary', hidden: true, onclick: loadMore }, 'Load more');
  const count = h('p', { class: 'count', id: 'profile-count' });

  root.replaceChildren(
    h('h1', { id: 'home-title' }, 'Your Customer-Profiles'),
    openForm,
    h('div', { class: 'card' }, filterForm, count, table, listMessage, h('div', { class: 'actions center' }, more)),
  );

  async function openBySid(event) {
    event.preventDefault();
    const sid = sidInput.value.trim();
    if (!SID_PATTERN.test(sid)) {
      sidError.textContent = sid
        ? 'This does not look like a Customer-Profile SID: it starts with BU followed by 32 letters a–f and digits 0–9.'
        : 'Paste the SID of the profile you want to open.';
      sidInput.setAttribute('aria-invalid', 'true');
      sidInput.focus();
      return;
    }
    sidError.textContent = '';
    sidInput.setAttribute('aria-invalid', 'false');
    onOpen(sid);
  }

  function applyFilter() {
    filter = { status: statusSelect.value || null, friendlyName: search.value.trim() || null };
    records = [];
    draw(true);
    next = null;
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
    rows.replaceChildren(spacer(first), ...records.slice(first, last).map((p, i) => row(p, first + i)), spacer(records.length - last));
    const measured = rows.querySelector('tr:not(.spacer)')?.getBoundingClientRect().height;
    if (measured && Math.abs(measured - rowPx) > 0.1) {
      rowPx = measured;
      draw(true);
    }
  }

  function spacer(count) {
    const cell = h('td', { colspan: '4' });
    cell.style.height = `${count * rowPx}px`;
    return h('tr', { class: 'spacer', 'aria-hidden': 'true', hidden: count === 0 }, cell);
  }

  let pending = false;
  const onScroll = () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => { pending = false; if (root.contains(rows) && !root.hidden) draw(); });
  };
  stopWatching?.();
  window.addEventListener('scroll', onScroll, { passive: true });
  window.addEventListener('resize', onScroll);
  stopWatching = () => {
    window.removeEventListener('scroll', onScroll);
    window.removeEventListener('resize', onScroll);
  };

  function loadMore() {
    if (next) load(next);
  }

  async function load(pageUrl) {
    const mine = ++generation;
    more.disabled = true;
    listMessage.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
    try {
      const page = await busy(() => api.listProfiles(filter, pageUrl));
      if (mine !== generation) return; // a newer search replaced this one
      records = records.concat(page.records);
      draw(true);
      next = page.nextPageUrl;
      more.hidden = !next;
      count.textContent = `${records.length} profile${records.length === 1 ? '' : 's'} shown${next ? ' — more available' : ''}`;
      listMessage.replaceChildren(records.length ? '' : h('p', { class: 'muted' },
        filter.status || filter.friendlyName ? 'No profiles match this search.' : 'This account has no Customer-Profiles yet.'));
    } catch (error) {
      if (mine !== generation) return;
      listMessage.replaceChildren(errorPanel(error, { onReenterCredentials }));
    } finally {
      more.disabled = false;
    }
  }

  function row(p, index) {
    const status = statusInfo(p.status);
    const open = h('button', { type: 'button', class: 'link-button row-open', title: text(p.friendly_name), onclick: () => onOpen(p.sid) }, text(p.friendly_name));
    return h('tr', { dataset: { sid: p.sid ?? '' }, 'aria-rowindex': String(index + 2) },
      h('td', {}, open),
      h('td', {}, h('span', { class: `badge status-${p.status}` }, status.label)),
      h('td', { title: text(p.email) }, text(p.email)),
      h('td', {}, localDate(p.date_updated)));
  }

  load(null);
  return { focus: () => search.focus() };
}
