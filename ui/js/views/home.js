// Home: the account's profiles (search, filter, load more) and "open by SID".

import { api } from '../api.js';
import { h, STATUSES, statusInfo, localDate, text } from '../format.js';
import { busy, errorPanel } from '../ui.js';

const SID_PATTERN = /^BU[0-9a-fA-F]{32}$/;

export function showHome(root, { onOpen, onReenterCredentials }) {
  let filter = { status: null, friendlyName: null };
  let next = null;
  let generation = 0;

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
  const table = h('table', { class: 'list', id: 'profile-list' },
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
    rows.replaceChildren();
    next = null;
    load(null);
  }

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
      rows.append(...page.records.map(row));
      next = page.nextPageUrl;
      more.hidden = !next;
      count.textContent = `${rows.childElementCount} profile${rows.childElementCount === 1 ? '' : 's'} shown${next ? ' — more available' : ''}`;
      listMessage.replaceChildren(rows.childElementCount ? '' : h('p', { class: 'muted' },
        filter.status || filter.friendlyName ? 'No profiles match this search.' : 'This account has no Customer-Profiles yet.'));
    } catch (error) {
      if (mine !== generation) return;
      listMessage.replaceChildren(errorPanel(error, { onReenterCredentials }));
    } finally {
      more.disabled = false;
    }
  }

  function row(p) {
    const status = statusInfo(p.status);
    const open = h('button', { type: 'button', class: 'link-button row-open', onclick: () => onOpen(p.sid) }, text(p.friendly_name));
    return h('tr', { dataset: { sid: p.sid ?? '' } },
      h('td', {}, open),
      h('td', {}, h('span', { class: `badge status-${p.status}` }, status.label)),
      h('td', {}, text(p.email)),
      h('td', {}, localDate(p.date_updated)));
  }

  load(null);
  return { focus: () => search.focus() };
}
