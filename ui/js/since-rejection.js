// What changed on a rejected profile since Twilio rejected it: submitting the very data
// Twilio just refused would be rejected again, so the window warns when nothing changed and
// lists what did. Told from what Twilio says of each record (when it last changed, when it
// was put on the profile) and from the history kept on this computer. No DOM here.

import { keyWords } from './format.js';

/**
 * @typedef {import('../types/commands').CustomerProfile} CustomerProfile
 * @typedef {import('../types/commands').Requirements} Requirements
 * @typedef {import('../types/commands').HistoryLine} HistoryLine
 * @typedef {object} Change one thing that changed since the rejection
 * @property {string} what the record or requirement, in words
 * @property {string | null} name the record's name in the account, when it has one
 * @property {string[]} fields which fields, when the history knows (never their values)
 * @typedef {object} SinceRejection
 * @property {number | null} rejectedAt when Twilio rejected it (milliseconds), if that can be told
 * @property {Change[]} changes
 */

/** A date from Twilio (ISO 8601, or the classic API's RFC 2822) in milliseconds, or NaN. */
const time = (/** @type {string | null | undefined} */ text) => Date.parse(text ?? '');

/**
 * When the profile was rejected: the newest time the history saw it become rejected, else
 * when Twilio last changed it (Twilio changes it when it rejects).
 * @param {CustomerProfile} profile
 * @param {HistoryLine[]} history
 */
export function rejectedAt(profile, history) {
  const seen = history
    .filter((l) => l.statusAfter === 'twilio-rejected' && l.outcome === 'done')
    .map((l) => time(l.at))
    .filter(Number.isFinite);
  if (seen.length) return Math.max(...seen);
  const updated = time(profile.date_updated);
  return Number.isFinite(updated) ? updated : null;
}

/**
 * What changed since `profile` was rejected. Each record is named once, with the fields
 * the history says changed in it.
 * @param {{ profile: CustomerProfile, requirements: Requirements | null, history: HistoryLine[] }} input
 * @returns {SinceRejection}
 */
export function sinceRejection({ profile, requirements, history }) {
  const when = rejectedAt(profile, history);
  if (when === null) return { rejectedAt: null, changes: [] };
  const after = (/** @type {string | null | undefined} */ text) => time(text) > when;
  /** @type {Map<string, { what: string, name: string | null, fields: Set<string> }>} */
  const changes = new Map();
  const note = (/** @type {string} */ key, /** @type {string} */ what, /** @type {string | null} */ name, /** @type {string[]} */ fields = []) => {
    const entry = changes.get(key) ?? { what, name, fields: new Set() };
    for (const f of fields) entry.fields.add(f);
    changes.set(key, entry);
  };
  // The labels of the fields the requirements know, to name the history's fields in words.
  /** @type {Map<string, string>} */
  const labels = new Map();
  for (const block of requirements?.blocks ?? []) {
    for (const accepted of block.accepted) for (const f of accepted.fields) labels.set(f.machineName, f.label.toLowerCase());
  }
  const words = (/** @type {string} */ key) => labels.get(key) ?? keyWords(key).toLowerCase();
  // What this computer changed: the profile's own fields, records edited, added or removed.
  for (const line of history) {
    if (line.source !== 'app' || line.outcome !== 'done' || !after(line.at)) continue;
    if (line.statusAfter === 'pending-review') continue; // a submission is not a change
    // The record itself, or the record whose address it is.
    const holds = (/** @type {import('../types/commands').AssignedObject} */ o) => o.objectSid === line.objectSid || o.addresses.some((a) => a.sid === line.objectSid);
    const block = (requirements?.blocks ?? []).find((b) => b.assigned.some(holds));
    const record = block?.assigned.find(holds);
    const what = line.objectSid === profile.sid ? 'The profile' : block?.name ?? line.words;
    note(line.objectSid, what, record?.friendlyName ?? null, line.fields.map(words));
  }
  // What Twilio says changed, wherever it was changed (here, in the Console, by a colleague).
  for (const block of requirements?.blocks ?? []) {
    for (const o of block.assigned) {
      if (after(o.dateUpdated) || after(o.assignedAt)) note(o.objectSid, block.name, o.friendlyName);
      for (const a of o.addresses) {
        if (a.found && after(a.dateUpdated)) note(a.sid, block.name, o.friendlyName, ['address']);
      }
    }
  }
  return {
    rejectedAt: when,
    changes: [...changes.values()].map((c) => ({ what: c.what, name: c.name, fields: [...c.fields] })),
  };
}

/**
 * One change in words: "Business Information “Acme Ltd”: website url, business name".
 * @param {Change} change
 */
export function changeWords(change) {
  const name = change.name ? ` “${change.name}”` : '';
  const fields = change.fields.length ? `: ${change.fields.join(', ')}` : '';
  return `${change.what}${name}${fields}`;
}
