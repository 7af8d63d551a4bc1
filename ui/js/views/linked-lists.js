// What a profile links to: Twilio's checks of it, the records it uses, its phone numbers.
// One section, built once per profile view and filled again for each list shown (its
// tables keep their rows); leaving the view stops the loading.

import { api } from '../api.js';
import { h, keyWords, localDate, sidKind, fillUserText } from '../format.js';
import { busy, confirmDialog, errorPanel, sidSlot, focusOn, toast, BoundedCache } from '../ui.js';
import { evaluationLabel, newestFirst } from '../evaluations.js';
import { checklist } from './checklist.js';
import { pooledTable } from '../pooled-table.js';

/**
 * @typedef {import('../../types/commands').Evaluation} Evaluation
 * @typedef {import('../../types/commands').EntityAssignment} EntityAssignment
 * @typedef {import('../../types/commands').ChannelEndpointAssignment} ChannelEndpointAssignment
 * @typedef {import('../../types/commands').PhoneNumber} PhoneNumber
 * @typedef {import('../../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../../types/commands').BundleKind} BundleKind
 * @typedef {'evaluations' | 'entity-assignments' | 'channel-endpoint-assignments'} Which
 * @typedef {object} ListContext what the profile view tells the list it shows
 * @property {BundleKind} kind
 * @property {() => boolean} isCurrent
 * @property {() => CustomerProfile | null} profile
 * @property {(updated: CustomerProfile) => void} onProfileChanged
 * @property {(requirement: string, field: string | null) => void} onFix
 * @property {(evaluation: Evaluation) => void} [onChecked]
 * @property {() => void} [onReenterCredentials]
 * @typedef {{ listing: { note: { message: string } | null } }} Noted
 */
/**
 * @template T
 * @typedef {import('../../types/commands').Listing<T>} Listing
 */

/** Names and types of end users and supporting documents, the most recently shown 200. */
const objects = new BoundedCache(200);

/** Forgets what was cached about the previous account. */
export function clearLinkedCaches() {
  objects.clear();
}

const TITLES = {
  evaluations: 'Twilio’s checks',
  'entity-assignments': 'Records this profile uses',
  'channel-endpoint-assignments': 'Phone numbers',
};

/**
 * The linked-lists section of one profile view. `show(which, sid, ctx)` loads and shows
 * one list; `dispose()` stops its loading (the person left, or chose another list).
 */
export function createLinkedLists(/** @type {HTMLElement} */ root) {
  /** @type {Which | null} */
  let which = null;
  /** @type {string | null} */
  let sid = null;
  /** @type {ListContext | null} */
  let ctx = null;
  let visit = 0;
  /** @type {Evaluation[]} */
  let evaluations = [];
  /** @type {string | null} */
  let next = null;

  const heading = h('h2', { id: 'linked-title', tabindex: '-1' });
  const check = h('button', { type: 'button', id: 'check-compliance', onclick: () => checkCompliance() }, 'Check with Twilio');
  const note = h('p', { class: 'notice warning list-note', role: 'status', hidden: true });
  const message = h('div', { class: 'list-message' });
  const older = h('button', { type: 'button', class: 'secondary', id: 'older-evaluations', onclick: () => showOlder() }, 'Show older checks');
  const olderRow = h('div', { class: 'actions center', hidden: true }, older);
  const detail = h('div', { class: 'checklist-holder' });

  const evaluationTable = pooledTable('Twilio’s checks, newest first', ['Result', 'Date', 'SID', ''], () => {
    const badge = h('span', { class: 'badge' });
    const date = h('td');
    const sidCell = sidSlot();
    /** @type {{ evaluation: Evaluation | null }} */
    const shown = { evaluation: null };
    const button = h('button', { type: 'button', class: 'link-button', onclick: () => showChecklist(shown.evaluation) });
    const tr = h('tr', {}, h('td', {}, badge), date, h('td', {}, sidCell.el), h('td', {}, button));
    return { tr, badge, date, sidCell, button, shown };
  });
  const entityTable = pooledTable('Records this profile uses', ['What', 'Name', 'Type', 'SID', 'Added'], () => {
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
    /** @type {{ assignment: { sid: string, number: string } | null }} */
    const shown = { assignment: null };
    const remove = h('button', { type: 'button', class: 'danger small remove-number', onclick: () => removeNumber(shown.assignment) }, 'Remove…');
    const tr = h('tr', {}, h('td', {}, number), h('td', {}, name), h('td', {}, endpoint.el), date, h('td', {}, remove));
    return { tr, number, name, endpoint, date, remove, shown };
  });
  // Assigning one of the account's numbers.
  const numberSelect = h('select', { id: 'assign-number' });
  const assignNumber = h('button', { type: 'button', id: 'assign-number-button', onclick: () => addNumber() }, 'Assign');
  const numberForm = h('div', { class: 'field inline-field', hidden: true },
    h('label', { for: 'assign-number' }, 'Assign one of this account’s phone numbers'),
    h('div', { class: 'inline' }, numberSelect, assignNumber));
  /** @type {Map<string, PhoneNumber>} PN SID → the account's number */
  let numbers = new Map();
  const tables = { evaluations: evaluationTable, 'entity-assignments': entityTable, 'channel-endpoint-assignments': channelTable };

  const section = h('section', { class: 'card', 'aria-labelledby': 'linked-title' },
    h('div', { class: 'title-row' }, heading, check), note, numberForm, message,
    evaluationTable.table, entityTable.table, channelTable.table, olderRow, detail);

  /** A check bound to this showing of a list. */
  function guard() {
    const mine = visit;
    return () => mine === visit && ctx.isCurrent();
  }

  /** Shows `error` unless the list was left or the load cancelled. @param {import('../api.js').UiError} error @param {() => boolean} live */
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
          busy(() => api.listPhoneNumbers()).catch(() => /** @type {Listing<PhoneNumber>} */ ({ records: [], note: null })),
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

  /** @param {string} text what the list says when it has nothing, or '' */
  function empty(text) {
    message.replaceChildren(text ? h('p', { class: 'muted' }, text) : '');
  }

  /** @param {Evaluation} [shownChecklist] the evaluation whose checklist to open */
  function renderEvaluations(shownChecklist) {
    const sorted = newestFirst(evaluations);
    empty(sorted.length ? '' : 'Twilio has not checked this profile yet. Use “Check with Twilio” to have it checked now.');
    evaluationTable.show(sorted, (row, e, i) => {
      row.badge.className = `badge eval-${e.status}`;
      row.badge.textContent = evaluationLabel(e.status);
      row.date.textContent = localDate(e.date_created);
      row.sidCell.set(e.sid);
      row.shown.evaluation = e;
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

  /** @param {Evaluation | null} evaluation */
  function showChecklist(evaluation) {
    if (!evaluation) return;
    detail.replaceChildren(checklist(evaluation, { onFix: ctx.onFix }));
    detail.scrollIntoView({ block: 'start' });
    focusOn(detail.querySelector('.summary'));
  }

  /** @param {Listing<EntityAssignment>} listing */
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

  /** @param {Listing<ChannelEndpointAssignment>} listing */
  function renderChannels(listing) {
    listNote(listing);
    empty(listing.records.length ? '' : 'No phone numbers are assigned to this profile.');
    channelTable.show(listing.records, (row, a) => {
      const n = numbers.get(a.channel_endpoint_sid);
      fillUserText(row.number, n?.phone_number ?? (sidKind(a.channel_endpoint_sid) === 'Phone number' ? 'Phone number' : a.channel_endpoint_type));
      fillUserText(row.name, n?.friendly_name ?? '');
      row.endpoint.set(a.channel_endpoint_sid);
      row.date.textContent = localDate(a.date_created);
      row.shown.assignment = { sid: a.sid, number: n?.phone_number ?? a.channel_endpoint_sid };
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

  /** @param {{ sid: string, number: string } | null} assignment */
  async function removeNumber(assignment) {
    if (!assignment) return;
    const ok = await confirmDialog(`Remove ${assignment.number} from this profile?`,
      `${assignment.number} stays in your Twilio account; only this profile stops listing it.`, 'Remove the number', undefined, { danger: true });
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

  /** Why a list shows less than all, when it does. @param {{ note: { message: string } | null }} listing */
  function listNote(listing) {
    note.hidden = !listing.note;
    note.textContent = listing.note?.message ?? '';
  }

  return {
    /**
     * Loads and shows the list `nextWhich` of the profile `nextSid`.
     * @param {Which} nextWhich @param {string} nextSid @param {ListContext} nextCtx
     */
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

/**
 * Fills in the name and type of an end user or supporting document, in its row.
 * @param {string | null} sid
 * @param {{ tr: HTMLTableRowElement, name: HTMLElement, type: HTMLElement }} row
 * @param {() => boolean} live
 */
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

/** A record type's machine name in words: "Authorized representative 1". @param {string | null} type */
function humanType(type) {
  return type ? keyWords(type.replace(/^customer_profile_/, '')) : '—';
}
