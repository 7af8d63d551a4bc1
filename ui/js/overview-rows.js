// The Overview's rows: why each needs attention, which the filters let through, in what
// order, and the counts above the table. No DOM here: Node's test runner runs it.

import { localDate, number, statusInfo } from './format.js';
import { REJECTIONS } from './rejections.js';

/** A draft nobody touched for this long needs attention. */
export const STALE_DAYS = 30;
/** An approval that ends within this many days needs attention. */
export const ENDING_DAYS = 30;
const DAY = 86_400_000;
// One collator for every comparison: `localeCompare` would make one per call.
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** How urgent a reason is: an account not read, a rejection, an approval ending, an old draft. */
export const URGENCY = { unread: 4, rejected: 3, ending: 2, stale: 1 };

/**
 * @typedef {import('../types/commands').OverviewAccount} OverviewAccount
 * @typedef {import('../types/commands').Overview} Overview
 * @typedef {import('../types/commands').BundleKind} BundleKind
 * @typedef {{ words: string, urgency: number }} Attention
 * @typedef {{ before: string | null, after: string | null }} Change a status before and after
 * @typedef {object} Row one line of the table: a record, or an account that could not be read
 * @property {OverviewAccount} account
 * @property {string} accountName how the person knows the account
 * @property {string | null} sid
 * @property {string | null} friendlyName
 * @property {string | null} status
 * @property {BundleKind | null} kind
 * @property {string | null} dateUpdated
 * @property {string | null} validUntil
 * @property {number} reasons how many reasons Twilio gave for a rejection
 * @property {number | null} [firstReason] the error number of the first of them
 * @property {number} updated the last update in milliseconds, 0 when unknown
 * @property {string} lowerName the name in lower case, for the name filter
 * @property {Change | null} changed since the person last looked
 * @property {Attention | null} why
 * @property {boolean} [unread] the account could not be read: this row stands for it
 * @property {number} nameRank its place in the order by name (set by `rankRows`)
 * @property {number} accountRank its account's place in the order by account name
 * @typedef {{ status: string, account: string, name: string, phoneMatches?: Set<string> | null }} Filters
 */

/**
 * Why a row needs attention, or null if it does not.
 * @param {{ status: string | null, dateUpdated?: string | null, validUntil?: string | null, reasons?: number, firstReason?: number | null }} row
 * @param {number} [now]
 * @returns {Attention | null}
 */
export function attention(row, now = Date.now()) {
  const updated = Date.parse(row.dateUpdated ?? '');
  const ends = Date.parse(row.validUntil ?? '');
  if (row.status === 'twilio-rejected') {
    const n = row.reasons ?? 0;
    // The first reason in words, when the app knows its code; else how many there are.
    const first = row.firstReason ? REJECTIONS[row.firstReason]?.title : null;
    if (first) {
      const more = n > 1 ? ` (and ${n === 2 ? '1 more reason' : `${number(n - 1)} more reasons`})` : '';
      return { urgency: URGENCY.rejected, words: `Rejected: ${first}${more}` };
    }
    return { urgency: URGENCY.rejected, words: n === 1 ? 'Rejected by Twilio: 1 reason' : `Rejected by Twilio: ${number(n)} reasons` };
  }
  if (row.status === 'twilio-approved' && !Number.isNaN(ends) && ends - now < ENDING_DAYS * DAY) {
    return { urgency: URGENCY.ending, words: `${ends < now ? 'Approval ended' : 'Approval ends'} ${localDate(row.validUntil)}` };
  }
  if (row.status === 'draft' && !Number.isNaN(updated) && now - updated > STALE_DAYS * DAY) {
    const days = Math.floor((now - updated) / DAY);
    return { urgency: URGENCY.stale, words: `Draft untouched for ${number(days)} days` };
  }
  return null;
}

/**
 * Every account of `answer` by how the person knows it, its parents found once.
 * @param {Overview} answer
 * @returns {Map<string, string>} account SID → name
 */
export function accountNames(answer) {
  const own = new Map(answer.accounts.map((a) => [a.accountSid, a.name ?? a.accountSid]));
  return new Map(answer.accounts.map((a) => [a.accountSid, a.parentSid
    ? `${own.get(a.accountSid)} (subaccount of ${own.get(a.parentSid) ?? a.parentSid})` : own.get(a.accountSid)]));
}

/**
 * The rows of one account, named `name`; an account that could not be read is one row
 * saying why. Unranked: `rankRows` orders them once all are made.
 * @param {OverviewAccount} a
 * @param {string} name
 * @param {number} [now]
 * @returns {Row[]}
 */
export function accountRows(a, name, now = Date.now()) {
  if (a.error) {
    return [{
      account: a, accountName: name, unread: true, sid: null, friendlyName: null, status: null, kind: null,
      dateUpdated: null, validUntil: null, reasons: 0, firstReason: null, updated: 0, lowerName: '', changed: null,
      why: { words: a.error.message, urgency: URGENCY.unread }, nameRank: 0, accountRank: 0,
    }];
  }
  return a.rows.map((r) => /** @type {Row} */ ({
    ...r, account: a, accountName: name, why: attention(r, now), changed: (a.changes ?? []).find((c) => c.sid === r.sid) ?? null,
    updated: Date.parse(r.dateUpdated ?? '') || 0, lowerName: (r.friendlyName ?? '').toLocaleLowerCase(), nameRank: 0, accountRank: 0,
  }));
}

/**
 * Gives each row its place by name and by account name, so that every order after is a
 * comparison of numbers: the collator runs once per result, not once per sort.
 * @param {Row[]} rows
 */
export function rankRows(rows) {
  [...rows].sort((a, b) => collator.compare(a.friendlyName ?? '', b.friendlyName ?? ''))
    .forEach((r, i) => { r.nameRank = i; });
  const accounts = [...new Set(rows.map((r) => r.accountName))].sort(collator.compare);
  const accountRank = new Map(accounts.map((name, i) => [name, i]));
  for (const r of rows) r.accountRank = accountRank.get(r.accountName) ?? 0;
  return rows;
}

/**
 * The rows the filters let through, in the order given.
 * @param {Row[]} rows
 * @param {Filters} filters
 */
export function filterRows(rows, { status, account, name, phoneMatches = null }) {
  const words = name.trim().toLocaleLowerCase();
  /** @param {Row} r */
  const byStatus = (r) => {
    if (status === 'attention') return Boolean(r.why);
    if (status === 'changed') return Boolean(r.changed);
    return !status || r.status === status;
  };
  return rows.filter((r) => byStatus(r)
    && (!phoneMatches || phoneMatches.has(`${r.account.accountSid}:${r.sid}`))
    && (!account || r.account.accountSid === account)
    && (!words || r.lowerName.includes(words)));
}

/** @param {Row} a @param {Row} b */
const byName = (a, b) => a.nameRank - b.nameRank;

/** @type {Record<string, (a: Row, b: Row) => number>} */
const ORDERS = {
  attention: (a, b) => (b.why?.urgency ?? 0) - (a.why?.urgency ?? 0) || byName(a, b),
  name: byName,
  updated: (a, b) => b.updated - a.updated,
  account: (a, b) => a.accountRank - b.accountRank || byName(a, b),
};

/**
 * The rows sorted in place by `order` (attention, name, updated or account) and returned.
 * @param {Row[]} rows
 * @param {string} order
 */
export function orderRows(rows, order) {
  return rows.sort(ORDERS[order] ?? ORDERS.attention);
}

/**
 * What the counts above the table say: rows per status (unread accounts apart), how many
 * need attention, how many changed since the person last looked.
 * @param {Row[]} rows
 */
export function countRows(rows) {
  /** @type {Map<string, number>} */
  const byStatus = new Map();
  let attentionCount = 0;
  let changed = 0;
  for (const r of rows) {
    if (!r.unread && r.status) byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
    if (r.why) attentionCount += 1;
    if (r.changed) changed += 1;
  }
  return { byStatus, attention: attentionCount, changed };
}

/**
 * A change since the person last looked, in words.
 * @param {Change} c
 */
export function changedWords(c) {
  return `Changed: ${statusInfo(c.before).label} → ${statusInfo(c.after).label}`;
}
