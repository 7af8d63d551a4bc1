// The Texting tab's toll-free numbers: each with its verification in plain words, Twilio's
// reasons for a rejection with the time left to edit it, and the one thing to do next
// (verify, edit, or delete and start again), which opens the form in the tab.

import { h, userText } from '../format.js';
import { reasonLine } from './campaign-fields.js';
import { tollfreeAction, tollfreeTone } from '../tollfree-words.js';

/**
 * @typedef {import('../../types/commands').TollfreeView} TollfreeView
 * @typedef {import('../../types/commands').TollfreeNumber} TollfreeNumber
 */

/**
 * The card; `onAct` opens the form for a number. Only the first number with something to
 * do gets the primary button, and only when the tab has given none yet.
 * @param {TollfreeView} view
 * @param {{ primary: boolean, onAct: (n: TollfreeNumber) => void }} options
 */
export function tollfreeCard(view, { primary, onAct }) {
  let primaryGiven = !primary;
  const rows = view.numbers.map((n) => {
    const words = tollfreeAction(n.next);
    const button = words
      ? h('button', { type: 'button', class: primaryGiven || n.next === 'start-again' ? 'secondary' : 'primary', dataset: { act: n.next }, onclick: () => onAct(n) }, words)
      : '';
    if (words && n.next !== 'start-again') primaryGiven = true;
    return h('tr', { dataset: { number: n.phoneNumber } },
      h('th', { scope: 'row' }, userText(n.phoneNumber, { max: 20 }),
        n.friendlyName && n.friendlyName !== n.phoneNumber ? h('span', { class: 'muted' }, ' ', userText(n.friendlyName, { max: 60 })) : ''),
      h('td', {}, h('span', { class: `badge tone-${tollfreeTone(n.statusCode)}` }, n.status),
        n.editLeft ? h('p', { class: 'edit-left' }, h('strong', {}, n.editLeft)) : '',
        n.next === 'start-again' ? h('p', { class: 'muted' }, 'Its edit window has closed: it can only be deleted and sent again, losing its place in the queue.') : '',
        n.reasons.length ? h('ul', { class: 'reasons' }, ...n.reasons.map(reasonLine)) : ''),
      h('td', { class: 'row-actions' }, button));
  });
  const waiting = view.numbers.filter((n) => n.next === 'verify').length;
  return h('section', { class: 'card', id: 'tollfree', 'aria-labelledby': 'tollfree-title' },
    h('h2', { id: 'tollfree-title' }, 'Toll-free numbers'),
    h('p', {}, view.numbers.length
      ? `A toll-free number texts nothing until Twilio verifies it.${waiting ? ` ${waiting === 1 ? 'One number is' : `${waiting} numbers are`} not verified yet.` : ''}`
      : 'This account has no toll-free numbers.'),
    view.incomplete ? h('p', { class: 'muted' }, view.incomplete) : '',
    rows.length
      ? h('table', { class: 'list tollfree-numbers' },
        h('caption', { class: 'visually-hidden' }, 'Toll-free numbers and their verification'),
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Number'), h('th', { scope: 'col' }, 'Verification'),
          h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'What to do')))),
        h('tbody', {}, ...rows))
      : '');
}
