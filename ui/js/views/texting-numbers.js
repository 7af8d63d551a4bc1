// The numbers in a campaign's Messaging Service: every number of the account with a tick
// for "in this service", what the ticks will change said before anything is sent, and
// each number added or removed, with what did not go through named.

import { api } from '../api.js';
import { h, userText } from '../format.js';
import { busy, confirmDialog, errorPanel, focusOn, toast } from '../ui.js';
import { numberLabel, numbersPlan } from '../texting-words.js';

/**
 * @typedef {import('../../types/commands').ServiceView} ServiceView
 * @typedef {import('../../types/commands').NumberRef} NumberRef
 */

/**
 * @param {HTMLElement} root
 * @param {{ service: ServiceView, services: ServiceView[], numbers: NumberRef[], onDone: () => void, onCancel: () => void, onReenterCredentials: () => void }} options
 */
export function numbersPanel(root, { service, services, numbers, onDone, onCancel, onReenterCredentials }) {
  const back = h('button', { type: 'button', class: 'link-button back', id: 'numbers-back', onclick: onCancel }, '‹ Back to texting');
  const title = h('h1', { id: 'numbers-title', tabindex: '-1' }, 'Numbers in “', userText(service.name || 'a service with no name', { max: 80 }), '”');
  const ticked = new Set(service.numbers);
  const plan = h('ul', { id: 'numbers-plan' });
  const planEmpty = h('p', { class: 'muted', id: 'numbers-plan-empty' }, 'Nothing changes yet: tick the numbers that should send this campaign’s texts.');
  const apply = h('button', { type: 'submit', class: 'primary', id: 'numbers-apply', disabled: true }, 'Apply the changes…');
  const result = h('div', { id: 'numbers-result', 'aria-live': 'polite' });
  const sorted = [...numbers].sort((a, b) => a.phoneNumber.localeCompare(b.phoneNumber));
  const rows = sorted.map((n, i) => {
    const elsewhere = n.serviceSid && n.serviceSid !== service.sid ? services.find((s) => s.sid === n.serviceSid) : null;
    const box = h('input', { type: 'checkbox', id: `numbers-${i}`, value: n.sid, checked: ticked.has(n.sid), disabled: Boolean(elsewhere) });
    box.addEventListener('change', () => {
      if (box.checked) ticked.add(n.sid); else ticked.delete(n.sid);
      update();
    });
    return h('div', { class: 'check-row' }, box, h('label', { for: box.id }, userText(numberLabel(n), { max: 80 }),
      elsewhere ? h('span', { class: 'muted' }, ' — in “', userText(elsewhere.name, { max: 60 }), '”: remove it there first') : ''));
  });
  const update = () => {
    const p = numbersPlan(service, numbers, ticked);
    plan.replaceChildren(...p.lines.map((l) => h('li', {}, l)));
    planEmpty.hidden = p.lines.length > 0;
    apply.disabled = p.lines.length === 0;
  };
  // A long list narrows as the person types; hidden numbers keep their ticks.
  const narrow = h('input', { type: 'search', id: 'numbers-narrow', autocomplete: 'off', spellcheck: 'false', placeholder: '+1 415 or a name' });
  narrow.addEventListener('input', () => {
    const words = narrow.value.replace(/[\s()-]/g, '').toLocaleLowerCase();
    for (const row of rows) row.hidden = Boolean(words) && !row.textContent.replace(/[\s()-]/g, '').toLocaleLowerCase().includes(words);
  });
  const form = h('form', { class: 'card', id: 'numbers-form' },
    h('fieldset', { class: 'field numbers-list' }, h('legend', {}, 'The account’s numbers'),
      h('p', { class: 'help' }, 'A number sends a campaign’s texts when it is in the campaign’s Messaging Service. A number can be in one service only.'),
      rows.length > 8 ? h('div', { class: 'field' }, h('label', { for: 'numbers-narrow' }, 'Show only'), narrow) : '',
      ...(rows.length ? rows : [h('p', { class: 'muted' }, 'This account has no phone numbers yet. Buy one in the Twilio Console.')])),
    h('h2', {}, 'What will change'), planEmpty, plan,
    h('div', { class: 'actions' }, apply), result);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    result.replaceChildren();
    const p = numbersPlan(service, numbers, ticked);
    if (!p.lines.length) return;
    const many = p.lines.length === 1 ? 'this change' : `these ${p.lines.length} changes`;
    if (!(await confirmDialog('Change the numbers?', `Apply ${many} to “${service.name}”? Nothing is charged.`, p.remove.length ? 'Apply, removing numbers' : 'Apply the changes', apply, { items: p.lines, danger: p.remove.length > 0 }))) return;
    apply.disabled = true;
    try {
      const done = await busy(() => api.changeServiceNumbers(service.sid, p.add, p.remove));
      if (!done.failed.length) {
        toast(`Done: ${done.added.length} added, ${done.removed.length} removed.`);
        onDone();
        return;
      }
      const label = (/** @type {string} */ sid) => numberLabel(numbers.find((n) => n.sid === sid) ?? { sid, phoneNumber: sid, friendlyName: null, serviceSid: null });
      const panel = h('div', { class: 'error-panel', role: 'alert', tabindex: '-1' },
        h('p', { class: 'error-message' }, `${done.added.length + done.removed.length} of ${p.lines.length} changes were made. These were not:`),
        h('ul', {}, ...done.failed.map((f) => h('li', {}, userText(label(f.field), { max: 80 }), `: ${f.message}`))),
        h('div', { class: 'actions' }, h('button', { type: 'button', class: 'secondary', onclick: onDone }, 'Back to texting')));
      result.replaceChildren(panel);
      focusOn(panel);
    } catch (error) {
      const panel = errorPanel(error, { onReenterCredentials });
      result.replaceChildren(panel);
      focusOn(panel);
      apply.disabled = false;
    }
  });
  root.replaceChildren(back, title, h('p', { class: 'lead' }, 'Tick the numbers that send this campaign’s texts. Nothing is sent until you apply the changes.'), form);
  update();
  focusOn(title);
}
