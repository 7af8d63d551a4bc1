// Why Twilio rejected a profile, at the top of it: each reason in plain words, what to
// change, a button that opens the record concerned with its field focused, and Twilio's
// page about it. The error number is shown small, under the words.

import { openTwilioPage } from '../../api.js';
import { h } from '../../format.js';

/**
 * @typedef {import('../../rejections.js').Rejection} Rejection
 * @typedef {import('../../rejections.js').Target} Target
 */

/**
 * The card. `onFix(target)` opens the record a reason is about; it answers words to show
 * when it could not (the record was removed), else ''.
 * @param {{ onFix: (target: Target) => Promise<string> }} options
 */
export function createReasons({ onFix }) {
  const list = h('ol', { class: 'reason-list' });
  /** @type {Map<Rejection, HTMLElement>} where each reason's button says what it could not do */
  const notes = new Map();
  /** Opens the record `r` is about, and says so when it could not. @param {Rejection} r */
  async function fix(r) {
    const words = await onFix(r.target);
    const note = notes.get(r);
    if (note) note.textContent = words;
  }
  const el = h('section', { class: 'card reasons-card', id: 'rejections', 'aria-labelledby': 'rejections-title', hidden: true },
    h('h2', { id: 'rejections-title', tabindex: '-1' }, 'Why Twilio rejected it'),
    list);

  /** @param {Rejection} r @param {number} i */
  function item(r, i) {
    const note = h('p', { class: 'reason-note', 'aria-live': 'polite' });
    notes.set(r, note);
    const button = r.target
      ? h('button', { type: 'button', class: 'secondary reason-fix', id: `reason-fix-${i}`, onclick: () => fix(r) }, `Fix ${r.target.label}`)
      : null;
    const more = r.moreInfo
      ? h('button', { type: 'button', class: 'link-button more-info', onclick: () => openTwilioPage(r.moreInfo) }, 'More about this error')
      : null;
    return h('li', { class: 'reason-item', dataset: { code: String(r.code ?? '') } },
      h('p', { class: 'reason-title' }, h('strong', {}, r.title)),
      h('p', {}, r.cause),
      h('p', {}, h('span', { class: 'label-inline' }, 'What to change: '), r.change),
      h('div', { class: 'actions' }, button, more),
      note,
      r.code === null ? null : h('p', { class: 'error-code' }, `Twilio error ${r.code}`));
  }

  return {
    el,
    /** Shows `reasons`; none hides the card. @param {Rejection[]} reasons */
    show(reasons) {
      el.hidden = reasons.length === 0;
      notes.clear();
      list.replaceChildren(...reasons.map(item));
    },
    fix,
  };
}
