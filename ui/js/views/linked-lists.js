// The records linked to a profile: evaluations, entity assignments, channel endpoints.

import { api } from '../api.js';
import { h, localDate, sidKind, text } from '../format.js';
import { busy, errorPanel, sidWithCopy } from '../ui.js';

/** Names of end users and supporting documents, fetched once per session. */
const objectCache = new Map();

const TITLES = {
  evaluations: 'Evaluations',
  'entity-assignments': 'Entity assignments',
  'channel-endpoint-assignments': 'Phone numbers (channel endpoints)',
};

export async function showLinkedList(root, which, sid, ctx) {
  const body = h('div', { class: 'list-body' }, h('p', { class: 'muted' }, 'Loading…'));
  const heading = h('h2', { id: 'linked-title', tabindex: '-1' }, TITLES[which]);
  const tools = which === 'evaluations'
    ? h('button', { type: 'button', id: 'check-compliance', onclick: () => checkCompliance(body, sid, ctx) }, 'Check compliance now')
    : null;
  root.replaceChildren(h('section', { class: 'card', 'aria-labelledby': 'linked-title', id: `list-${which}` },
    h('div', { class: 'title-row' }, heading, tools), body));
  heading.focus();
  try {
    if (which === 'evaluations') renderEvaluations(body, await busy(() => api.listEvaluations(sid)));
    else if (which === 'entity-assignments') renderEntities(body, await busy(() => api.listEntityAssignments(sid)));
    else renderChannels(body, await busy(() => api.listChannelEndpointAssignments(sid)));
  } catch (error) {
    if (ctx.isCurrent()) body.replaceChildren(errorPanel(error, ctx));
  }
}

function table(caption, headers, rows, empty) {
  if (!rows.length) return h('p', { class: 'muted' }, empty);
  return h('table', { class: 'list' },
    h('caption', { class: 'visually-hidden' }, caption),
    h('thead', {}, h('tr', {}, headers.map((x) => h('th', { scope: 'col' }, x)))),
    h('tbody', {}, rows));
}

function evaluationBadge(status) {
  const label = status === 'compliant' ? 'Compliant' : status === 'noncompliant' ? 'Not compliant' : text(status);
  return h('span', { class: `badge eval-${status}` }, label);
}

function renderEvaluations(body, evaluations) {
  // Newest first, whatever order the server used.
  const sorted = [...evaluations].sort((a, b) => String(b.date_created).localeCompare(String(a.date_created)));
  const rows = sorted.map((e, i) => h('tr', {},
    h('td', {}, evaluationBadge(e.status)),
    h('td', {}, localDate(e.date_created)),
    h('td', {}, sidWithCopy(e.sid)),
    h('td', {}, h('button', { type: 'button', class: 'link-button', onclick: () => showChecklist(detail, e) }, i === 0 ? 'Show checklist (latest)' : 'Show checklist'))));
  const detail = h('div', { class: 'checklist-holder' });
  body.replaceChildren(table('Evaluations, newest first', ['Result', 'Date', 'Evaluation SID', ''], rows,
    'No evaluations yet. Use “Check compliance now” to have Twilio check this profile.'), detail);
}

/** An evaluation as a checklist: each requirement passed or failed, with what to fix. */
export function checklist(evaluation) {
  const items = (evaluation.results ?? []).map((r) => {
    const passed = r.passed === true;
    const invalid = r.invalid ?? [];
    return h('li', { class: passed ? 'passed' : 'failed' },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, passed ? '✓' : '✗'),
      h('div', {},
        h('strong', {}, r.requirement_friendly_name ?? r.friendly_name ?? 'Requirement'),
        h('span', { class: 'outcome' }, passed ? ' — passed' : ' — failed'),
        !passed && r.failure_reason ? h('p', { class: 'reason' }, r.failure_reason) : null,
        invalid.length ? h('ul', { class: 'invalid-fields' }, invalid.map((f) => h('li', {},
          h('strong', {}, f.friendly_name ?? f.object_field ?? 'Field'),
          f.object_field ? h('code', {}, ` ${f.object_field}`) : null,
          ': ', f.failure_reason ?? 'not valid',
          f.error_code ? h('span', { class: 'muted' }, ` (error ${f.error_code})`) : null))) : null));
  });
  const failed = (evaluation.results ?? []).filter((r) => r.passed !== true).length;
  return h('div', { class: 'checklist', id: 'checklist' },
    h('p', { class: 'summary' }, evaluationBadge(evaluation.status), ' ',
      failed ? `${failed} requirement${failed === 1 ? '' : 's'} to fix. Fix them in the Twilio Console, then check again.` : 'Every requirement is met.',
      ' Checked ', localDate(evaluation.date_created), '.'),
    h('ul', { class: 'requirements' }, items));
}

function showChecklist(holder, evaluation) {
  holder.replaceChildren(checklist(evaluation));
  holder.scrollIntoView({ block: 'start' });
}

async function checkCompliance(body, sid, ctx) {
  const profile = ctx.profile();
  if (!profile?.policy_sid) return;
  const button = document.getElementById('check-compliance');
  if (button) button.disabled = true;
  try {
    const evaluation = await busy(() => api.createEvaluation(sid, profile.policy_sid));
    if (!ctx.isCurrent()) return;
    renderEvaluations(body, await busy(() => api.listEvaluations(sid)));
    showChecklist(body.querySelector('.checklist-holder'), evaluation);
  } catch (error) {
    if (ctx.isCurrent()) body.prepend(errorPanel(error, ctx));
  } finally {
    if (button) button.disabled = false;
  }
}

function renderEntities(body, assignments) {
  const rows = assignments.map((a) => {
    const nameCell = h('td', {}, '…');
    const typeCell = h('td', {}, '…');
    describeObject(a.object_sid, nameCell, typeCell);
    return h('tr', {},
      h('td', {}, sidKind(a.object_sid)),
      nameCell, typeCell,
      h('td', {}, sidWithCopy(a.object_sid)),
      h('td', {}, localDate(a.date_created)));
  });
  body.replaceChildren(table('Entity assignments', ['Kind', 'Name', 'Type', 'SID', 'Assigned'], rows,
    'Nothing is assigned to this profile yet.'));
}

/** Fills in the name and type of an end user or supporting document, once per session. */
async function describeObject(sid, nameCell, typeCell) {
  const prefix = String(sid).slice(0, 2);
  const fetcher = prefix === 'IT' ? api.fetchEndUser : prefix === 'RD' ? api.fetchSupportingDocument : null;
  if (!fetcher) {
    nameCell.textContent = '—';
    typeCell.textContent = '—';
    return;
  }
  if (!objectCache.has(sid)) objectCache.set(sid, fetcher(sid).catch((e) => { objectCache.delete(sid); throw e; }));
  try {
    const o = await objectCache.get(sid);
    nameCell.textContent = text(o.friendly_name);
    typeCell.textContent = humanType(o.type);
  } catch {
    nameCell.textContent = 'Could not be loaded';
    typeCell.textContent = '—';
  }
}

function humanType(type) {
  if (!type) return '—';
  return type.replace(/^customer_profile_/, '').replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
}

function renderChannels(body, assignments) {
  const rows = assignments.map((a) => h('tr', {},
    h('td', {}, sidKind(a.channel_endpoint_sid) === 'Phone number' ? 'Phone number' : text(a.channel_endpoint_type)),
    h('td', {}, sidWithCopy(a.channel_endpoint_sid)),
    h('td', {}, sidWithCopy(a.sid)),
    h('td', {}, localDate(a.date_created))));
  body.replaceChildren(table('Channel-endpoint assignments', ['Kind', 'Endpoint SID', 'Assignment SID', 'Assigned'], rows,
    'No phone numbers are assigned to this profile.'));
}
