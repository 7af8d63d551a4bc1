// The records linked to a profile: evaluations, entity assignments, channel endpoints.
// One section, built once per profile view and filled again for each list shown (its
// tables keep their rows); leaving the view stops the loading.

import { api } from '../api.js';
import { h, localDate, sidKind, text, userText, fillUserText } from '../format.js';
import { busy, confirmDialog, errorPanel, sidSlot, focusOn, toast, BoundedCache } from '../ui.js';

/** Names and types of end users and supporting documents, the most recently shown 200. */
const objects = new BoundedCache(200);

/** Forgets what was cached about the previous account. */
export function clearLinkedCaches() {
  objects.clear();
}

const TITLES = {
  evaluations: 'Evaluations',
  'entity-assignments': 'Entity assignments',
  'channel-endpoint-assignments': 'Phone numbers',
};

/** A table whose rows are kept and filled again; `make` builds one row's parts. */
function pooledTable(caption, headers, make) {
  const body = h('tbody');
  const table = h('table', { class: 'list', hidden: true },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    body);
  const pool = [];
  return {
    table,
    /** Shows `items`, each put in a row by `fill(row, item, index)`. */
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

/**
 * The linked-lists section of one profile view. `show(which, sid, ctx)` loads and shows
 * one list; `dispose()` stops its loading (the person left, or chose another list).
 */
export function createLinkedLists(root) {
  let which = null;
  let sid = null;
  let ctx = null;
  let visit = 0;
  let evaluations = [];
  let next = null;

  const heading = h('h2', { id: 'linked-title', tabindex: '-1' });
  const check = h('button', { type: 'button', id: 'check-compliance', onclick: () => checkCompliance() }, 'Check compliance now');
  const note = h('p', { class: 'notice warning list-note', role: 'status', hidden: true });
  const message = h('div', { class: 'list-message' });
  const older = h('button', { type: 'button', class: 'secondary', id: 'older-evaluations', onclick: () => showOlder() }, 'Show older evaluations');
  const olderRow = h('div', { class: 'actions center', hidden: true }, older);
  const detail = h('div', { class: 'checklist-holder' });

  const evaluationTable = pooledTable('Evaluations, newest first', ['Result', 'Date', 'Evaluation SID', ''], () => {
    const badge = h('span', { class: 'badge' });
    const date = h('td');
    const sidCell = sidSlot();
    const button = h('button', { type: 'button', class: 'link-button', onclick: () => showChecklist(button.evaluation) });
    const tr = h('tr', {}, h('td', {}, badge), date, h('td', {}, sidCell.el), h('td', {}, button));
    return { tr, badge, date, sidCell, button };
  });
  const entityTable = pooledTable('Entity assignments', ['Kind', 'Name', 'Type', 'SID', 'Assigned'], () => {
    const kind = h('td');
    const name = h('bdi');
    const type = h('bdi');
    const sidCell = sidSlot();
    const date = h('td');
    const tr = h('tr', {}, kind, h('td', {}, name), h('td', {}, type), h('td', {}, sidCell.el), date);
    return { tr, kind, name, type, sidCell, date };
  });
  const channelTable = pooledTable('Phone numbers assigned', ['Number', 'Name', 'SID', 'Assigned', ''], () => {
    const number = h('bdi');
    const name = h('bdi');
    const endpoint = sidSlot();
    const date = h('td');
    const remove = h('button', { type: 'button', class: 'secondary danger small remove-number', onclick: () => removeNumber(remove.assignment) }, 'Remove');
    const tr = h('tr', {}, h('td', {}, number), h('td', {}, name), h('td', {}, endpoint.el), date, h('td', {}, remove));
    return { tr, number, name, endpoint, date, remove };
  });
  // Assigning one of the account's numbers.
  const numberSelect = h('select', { id: 'assign-number' });
  const assignNumber = h('button', { type: 'button', id: 'assign-number-button', onclick: () => addNumber() }, 'Assign');
  const numberForm = h('div', { class: 'field inline-field', hidden: true },
    h('label', { for: 'assign-number' }, 'Assign one of this account’s phone numbers'),
    h('div', { class: 'inline' }, numberSelect, assignNumber));
  let numbers = new Map(); // PN SID → the account's number
  const tables = { evaluations: evaluationTable, 'entity-assignments': entityTable, 'channel-endpoint-assignments': channelTable };

  const section = h('section', { class: 'card', 'aria-labelledby': 'linked-title' },
    h('div', { class: 'title-row' }, heading, check), note, numberForm, message,
    evaluationTable.table, entityTable.table, channelTable.table, olderRow, detail);

  /** A check bound to this showing of a list. */
  function guard() {
    const mine = visit;
    return () => mine === visit && ctx.isCurrent();
  }

  function failed(error, live) {
    if (!live() || error.kind === 'cancelled') return;
    const panel = errorPanel(error, ctx);
    message.replaceChildren(panel);
    return panel;
  }

  async function load() {
    const live = guard();
    try {
      if (which === 'evaluations') {
        const page = await busy(() => api.listEvaluations(sid, null, ctx.kind));
        if (!live()) return;
        evaluations = page.records;
        next = page.nextPageUrl ?? null;
        renderEvaluations();
      } else if (which === 'entity-assignments') {
        const listing = await busy(() => api.listEntityAssignments(sid, ctx.kind));
        if (live()) renderEntities(listing);
      } else {
        const [listing, account] = await Promise.all([
          busy(() => api.listChannelEndpointAssignments(sid, ctx.kind)),
          busy(() => api.listPhoneNumbers()).catch(() => ({ records: [] })),
        ]);
        if (!live()) return;
        numbers = new Map(account.records.map((n) => [n.sid, n]));
        renderChannels(listing);
      }
    } catch (error) {
      failed(error, live);
    }
  }

  async function showOlder() {
    const live = guard();
    older.disabled = true;
    try {
      const page = await busy(() => api.listEvaluations(sid, next, ctx.kind));
      if (!live()) return;
      evaluations = evaluations.concat(page.records);
      next = page.nextPageUrl ?? null;
      renderEvaluations();
    } catch (error) {
      failed(error, live);
    } finally {
      older.disabled = false;
    }
  }

  function empty(text) {
    message.replaceChildren(text ? h('p', { class: 'muted' }, text) : '');
  }

  function renderEvaluations(shownChecklist) {
    // Newest first, whatever order the server used.
    const sorted = [...evaluations].sort((a, b) => String(b.date_created).localeCompare(String(a.date_created)));
    empty(sorted.length ? '' : 'No evaluations yet. Use “Check compliance now” to have Twilio check this profile.');
    evaluationTable.show(sorted, (row, e, i) => {
      row.badge.className = `badge eval-${e.status}`;
      row.badge.textContent = evaluationLabel(e.status);
      row.date.textContent = localDate(e.date_created);
      row.sidCell.set(e.sid);
      row.button.evaluation = e;
      row.button.textContent = i === 0 ? 'Show checklist (latest)' : 'Show checklist';
    });
    olderRow.hidden = !next;
    if (shownChecklist) showChecklist(shownChecklist);
  }

  async function checkCompliance() {
    const profile = ctx.profile();
    if (!profile?.policy_sid) return;
    const live = guard();
    check.disabled = true;
    try {
      const evaluation = await busy(() => api.createEvaluation(sid, profile.policy_sid, ctx.kind));
      if (!live()) return;
      evaluations = [evaluation, ...evaluations.filter((e) => e.sid !== evaluation.sid)];
      renderEvaluations(evaluation);
      ctx.onChecked?.(evaluation);
    } catch (error) {
      const panel = failed(error, live);
      if (panel) focusOn(panel);
    } finally {
      check.disabled = false;
    }
  }

  function showChecklist(evaluation) {
    detail.replaceChildren(checklist(evaluation, { onFix: ctx.onFix }));
    detail.scrollIntoView({ block: 'start' });
    detail.querySelector('.summary')?.focus();
  }

  function renderEntities(listing) {
    listNote(listing);
    empty(listing.records.length ? '' : 'Nothing is assigned to this profile yet.');
    const live = guard();
    entityTable.show(listing.records, (row, a) => {
      row.kind.textContent = sidKind(a.object_sid);
      row.name.textContent = '…';
      row.type.textContent = '…';
      row.sidCell.set(a.object_sid);
      row.date.textContent = localDate(a.date_created);
      row.tr.dataset.object = a.object_sid ?? '';
      describeObject(a.object_sid, row, live);
    });
  }

  function renderChannels(listing) {
    listNote(listing);
    empty(listing.records.length ? '' : 'No phone numbers are assigned to this profile.');
    channelTable.show(listing.records, (row, a) => {
      const n = numbers.get(a.channel_endpoint_sid);
      fillUserText(row.number, n?.phone_number ?? (sidKind(a.channel_endpoint_sid) === 'Phone number' ? 'Phone number' : a.channel_endpoint_type));
      fillUserText(row.name, n?.friendly_name ?? '');
      row.endpoint.set(a.channel_endpoint_sid);
      row.date.textContent = localDate(a.date_created);
      row.remove.assignment = { sid: a.sid, number: n?.phone_number ?? a.channel_endpoint_sid };
    });
    const assigned = new Set(listing.records.map((a) => a.channel_endpoint_sid));
    const free = [...numbers.values()].filter((n) => !assigned.has(n.sid));
    numberSelect.replaceChildren(
      h('option', { value: '' }, free.length ? 'Choose a number…' : 'No other number in this account'),
      ...free.map((n) => h('option', { value: n.sid }, `${n.phone_number ?? n.sid}${n.friendly_name ? ` — ${n.friendly_name}` : ''}`)));
    numberForm.hidden = false;
    assignNumber.disabled = !free.length;
  }

  async function addNumber() {
    const chosen = numberSelect.value;
    const live = guard();
    if (!chosen) { numberSelect.focus(); return; }
    assignNumber.disabled = true;
    try {
      await busy(() => api.assignPhoneNumber(sid, chosen, ctx.kind));
      if (!live()) return;
      toast(`${numbers.get(chosen)?.phone_number ?? 'The number'} is assigned to this profile.`);
      await load();
      numberSelect.focus();
    } catch (error) {
      const panel = failed(error, live);
      if (panel) focusOn(panel);
    } finally {
      assignNumber.disabled = false;
    }
  }

  async function removeNumber(assignment) {
    if (!assignment) return;
    const ok = await confirmDialog(`Remove ${assignment.number} from this profile?`,
      `${assignment.number} stays in your Twilio account; only this profile stops listing it.`, 'Remove');
    if (!ok) return;
    const live = guard();
    try {
      await busy(() => api.unassignPhoneNumber(sid, assignment.sid, ctx.kind));
      if (!live()) return;
      toast(`${assignment.number} was removed from this profile.`);
      await load();
      focusOn(heading);
    } catch (error) {
      const panel = failed(error, live);
      if (panel) focusOn(panel);
    }
  }

  /** Why a list shows less than all, when it does. */
  function listNote(listing) {
    note.hidden = !listing.note;
    note.textContent = listing.note?.message ?? '';
  }

  return {
    /** Loads and shows the list `nextWhich` of the profile `nextSid`. */
    show(nextWhich, nextSid, nextCtx) {
      if (which && sid) api.cancelLoad(which, sid).catch(() => {});
      visit += 1;
      which = nextWhich;
      sid = nextSid;
      ctx = nextCtx;
      evaluations = [];
      next = null;
      heading.textContent = TITLES[which];
      section.id = `list-${which}`;
      check.hidden = which !== 'evaluations';
      numberForm.hidden = true;
      check.disabled = false;
      note.hidden = true;
      olderRow.hidden = true;
      detail.replaceChildren();
      for (const t of Object.values(tables)) t.hide();
      message.replaceChildren(h('p', { class: 'muted' }, 'Loading…'));
      if (section.parentNode !== root) root.replaceChildren(section);
      section.hidden = false;
      heading.focus();
      load();
    },
    /** Stops the loading and hides the section (the view is left or shows another profile). */
    dispose() {
      if (which && sid) api.cancelLoad(which, sid).catch(() => {});
      visit += 1;
      which = null;
      sid = null;
      section.hidden = true;
    },
  };
}

function evaluationLabel(status) {
  return status === 'compliant' ? 'Compliant' : status === 'noncompliant' ? 'Not compliant' : text(status);
}

function evaluationBadge(status) {
  return h('span', { class: `badge eval-${status}` }, evaluationLabel(status));
}

/**
 * An evaluation as a checklist: each requirement passed or failed, with what to fix, and
 * for each failed one a Fix button (`onFix(requirementName, field)`) when there is a place
 * to fix it.
 */
export function checklist(evaluation, { onFix = null } = {}) {
  const items = (evaluation.results ?? []).map((r) => {
    const passed = r.passed === true;
    const invalid = r.invalid ?? [];
    const name = r.requirement_friendly_name ?? r.friendly_name ?? 'Requirement';
    const fix = !passed && onFix && (r.requirement_name || r.object_type)
      ? h('button', {
        type: 'button', class: 'small fix', 'aria-label': `Fix ${name}`,
        onclick: () => onFix(r.requirement_name ?? r.object_type, invalid[0]?.object_field ?? null),
      }, 'Fix')
      : null;
    return h('li', { class: passed ? 'passed' : 'failed', dataset: { requirement: r.requirement_name ?? '' } },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, passed ? '✓' : '✗'),
      h('div', { class: 'item' },
        h('strong', {}, userText(name)),
        h('span', { class: 'outcome' }, passed ? ' — passed' : ' — failed'),
        fix ? h('span', {}, ' ', fix) : null,
        !passed && r.failure_reason ? h('p', { class: 'reason' }, userText(r.failure_reason)) : null,
        invalid.length ? h('ul', { class: 'invalid-fields' }, invalid.map((f) => h('li', {},
          h('strong', {}, userText(f.friendly_name ?? f.object_field ?? 'Field')),
          f.object_field ? h('code', {}, ' ', userText(f.object_field, { max: 80 })) : null,
          ': ', userText(f.failure_reason ?? 'not valid'),
          f.error_code ? h('span', { class: 'muted' }, ` (error ${f.error_code})`) : null))) : null));
  });
  const failed = (evaluation.results ?? []).filter((r) => r.passed !== true).length;
  return h('div', { class: 'checklist', id: 'checklist' },
    h('p', { class: 'summary', tabindex: '-1' }, evaluationBadge(evaluation.status), ' ',
      failed ? `${failed} requirement${failed === 1 ? '' : 's'} to fix. Fix each one here with its Fix button, then check again.` : 'Every requirement is met.',
      ' Checked ', localDate(evaluation.date_created), '.'),
    h('ul', { class: 'requirements' }, items));
}

/** Fills in the name and type of an end user or supporting document, in its row. */
async function describeObject(sid, row, live) {
  const prefix = String(sid).slice(0, 2);
  const fetcher = prefix === 'IT' ? api.fetchEndUser : prefix === 'RD' ? api.fetchSupportingDocument : null;
  const stillThere = () => live() && row.tr.dataset.object === (sid ?? '');
  if (!fetcher) {
    row.name.textContent = '—';
    row.type.textContent = '—';
    return;
  }
  try {
    const o = await objects.get(sid, () => fetcher(sid));
    if (!stillThere()) return;
    fillUserText(row.name, o.friendly_name);
    fillUserText(row.type, humanType(o.type));
  } catch {
    if (!stillThere()) return;
    row.name.textContent = 'Could not be loaded';
    row.type.textContent = '—';
  }
}

function humanType(type) {
  if (!type) return '—';
  return type.replace(/^customer_profile_/, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}
