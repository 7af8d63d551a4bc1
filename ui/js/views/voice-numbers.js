// The numbers on an approved voice Trust Product (SHAKEN/STIR, CNAM, Voice Integrity):
// how many of the account's numbers it covers, each one removable, and numbers added
// several at once — chosen with a find box, the plan said first (a number not on the
// business's Customer-Profile goes there first), applied step by step with progress, and
// a stop half-way said exactly, with what was done and a way to go on.

import { api, listen } from '../api.js';
import { h, userText } from '../format.js';
import { busy, confirmDialog, errorPanel, focusOn, toast } from '../ui.js';
import { voiceLabel, voicePlan } from '../tollfree-words.js';

/**
 * @typedef {import('../../types/commands').VoiceNumbersView} VoiceNumbersView
 * @typedef {import('../../types/commands').VoiceApplied} VoiceApplied
 * @typedef {import('../../types/commands').CustomerProfile} CustomerProfile
 */

const VOICE = ['shaken-stir', 'cnam', 'voice-integrity'];

/** The card, shown for an approved voice Trust Product only. @param {{ onReenterCredentials: () => void }} options */
export function createVoiceNumbers({ onReenterCredentials }) {
  const el = h('section', { class: 'card', id: 'voice-numbers', hidden: true, 'aria-labelledby': 'voice-title' });
  let visit = 0;

  /**
   * Shows the card for `product` when it is an approved voice Trust Product.
   * @param {CustomerProfile} product
   */
  async function show(product) {
    const mine = ++visit;
    el.hidden = true;
    if (product.status !== 'twilio-approved' || !product.sid) return;
    try {
      const policies = await api.listPolicies('trust-product');
      const purpose = policies.find((p) => p.sid === product.policy_sid)?.purpose;
      if (mine !== visit || !purpose || !VOICE.includes(purpose)) return;
      const view = await api.loadVoiceNumbers(product.sid);
      if (mine !== visit) return;
      render(view);
    } catch (error) {
      if (mine !== visit || error.kind === 'cancelled') return;
      el.replaceChildren(h('h2', { id: 'voice-title' }, 'Numbers for calls'), errorPanel(error, { onReenterCredentials }));
      el.hidden = false;
    }
  }

  const reload = async (/** @type {string} */ sid) => render(await api.loadVoiceNumbers(sid));

  /** @param {VoiceNumbersView} v */
  function render(v) {
    const on = v.numbers.filter((n) => n.onProduct);
    const add = h('button', { type: 'button', class: 'primary', id: 'voice-add', disabled: !v.profileSid || on.length === v.numbers.length }, 'Add numbers…');
    const picker = h('div', { id: 'voice-picker' });
    add.addEventListener('click', () => { add.hidden = true; openPicker(v, picker, () => { add.hidden = false; }); });
    const list = on.length
      ? h('ul', { class: 'voice-on', id: 'voice-on' }, ...on.map((n) => h('li', { dataset: { number: n.phoneNumber } }, userText(voiceLabel(n), { max: 80 }), ' ',
        h('button', { type: 'button', class: 'link-button danger-text', dataset: { act: 'remove' }, onclick: () => remove(v, n) }, 'Remove…'))))
      : h('p', { class: 'muted' }, `No number is on it yet, so calls from the business’s numbers are not covered.`);
    el.replaceChildren(
      h('h2', { id: 'voice-title' }, `Numbers on this ${v.kind} product`),
      h('p', { id: 'voice-coverage' }, h('strong', {}, `${on.length} of ${v.numbers.length} numbers`), ` on ${v.kind}.`),
      v.profileSid ? '' : h('p', { class: 'notice warning' }, 'This Trust Product has no Customer-Profile assigned, and Twilio takes numbers only after they are on the business’s profile. Assign the profile under What Twilio needs first.'),
      list, h('div', { class: 'actions' }, add), picker);
    el.hidden = false;
  }

  /** @param {VoiceNumbersView} v @param {VoiceNumbersView['numbers'][number]} n */
  async function remove(v, n) {
    if (!(await confirmDialog('Remove the number?', `Take ${n.phoneNumber} off “${v.productName}”? Its calls are no longer covered by ${v.kind}. It stays on the Customer-Profile.`, 'Remove the number', undefined, { danger: true }))) return;
    try {
      await busy(() => api.removeVoiceNumber(v.productSid, n.sid));
      toast(`${n.phoneNumber} was taken off “${v.productName}”.`);
      await reload(v.productSid);
    } catch (error) {
      el.append(errorPanel(error, { onReenterCredentials }));
    }
  }

  /** The choice of numbers, the plan and the run. @param {VoiceNumbersView} v @param {HTMLElement} root @param {() => void} onClose */
  function openPicker(v, root, onClose) {
    const chosen = new Set();
    const free = v.numbers.filter((n) => !n.onProduct);
    const rows = free.map((n, i) => {
      const box = h('input', { type: 'checkbox', id: `voice-number-${i}`, value: n.sid, disabled: Boolean(n.notAllowed) });
      box.addEventListener('change', () => { if (box.checked) chosen.add(n.sid); else chosen.delete(n.sid); update(); });
      return h('div', { class: 'check-row', dataset: { number: n.phoneNumber } }, box, h('label', { for: box.id }, userText(voiceLabel(n), { max: 80 }),
        n.notAllowed ? h('span', { class: 'muted' }, ` — ${n.notAllowed}`) : n.onProfile ? '' : h('span', { class: 'muted' }, ' — not on the profile yet')));
    });
    const find = h('input', { type: 'search', id: 'voice-find', autocomplete: 'off', spellcheck: 'false', placeholder: '+1 415 or a name' });
    find.addEventListener('input', () => {
      const words = find.value.replace(/[\s()-]/g, '').toLocaleLowerCase();
      for (const row of rows) row.hidden = Boolean(words) && !row.textContent.replace(/[\s()-]/g, '').toLocaleLowerCase().includes(words);
    });
    const plan = h('ul', { id: 'voice-plan' });
    const planEmpty = h('p', { class: 'muted' }, 'Nothing changes yet: tick the numbers to add.');
    const apply = h('button', { type: 'submit', class: 'primary', id: 'voice-apply', disabled: true }, 'Add the numbers…');
    const cancel = h('button', { type: 'button', class: 'secondary', id: 'voice-cancel', onclick: () => { root.replaceChildren(); onClose(); } }, 'Cancel');
    const progress = h('progress', { class: 'voice-progress', id: 'voice-progress', max: 1, value: 0, hidden: true });
    const progressWords = h('p', { id: 'voice-progress-words', 'aria-live': 'polite' });
    const result = h('div', { id: 'voice-result', 'aria-live': 'polite' });
    const update = () => {
      const p = voicePlan(v.numbers, chosen, v.profileName ?? 'the business', v.productName);
      plan.replaceChildren(...p.lines.map((l) => h('li', {}, userText(l, { max: 300 }))));
      planEmpty.hidden = p.lines.length > 0;
      apply.disabled = p.lines.length === 0;
    };
    const form = h('form', { id: 'voice-form' },
      h('fieldset', { class: 'field numbers-list' }, h('legend', {}, 'The account’s numbers not on it'),
        rows.length > 8 ? h('div', { class: 'field' }, h('label', { for: 'voice-find' }, 'Find'), find) : '',
        ...rows),
      h('h3', {}, 'What will happen'), planEmpty, plan,
      h('div', { class: 'actions' }, apply, cancel), progress, progressWords, result);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      const p = voicePlan(v.numbers, chosen, v.profileName ?? 'the business', v.productName);
      if (!p.lines.length) return;
      const what = p.toProfile ? ` ${p.toProfile === 1 ? 'One goes' : `${p.toProfile} go`} to the Customer-Profile first, as Twilio requires.` : '';
      if (!(await confirmDialog('Add the numbers?', `Add ${p.lines.length === 1 ? 'this number' : `these ${p.lines.length} numbers`} to “${v.productName}”?${what} Nothing is charged.`, 'Add the numbers', apply, { items: p.lines }))) return;
      await run([...chosen], p.steps);
    });

    /** Runs the steps for `sids`, showing progress; a stop shows what was done. @param {string[]} sids @param {number} steps */
    async function run(sids, steps) {
      apply.disabled = true;
      result.replaceChildren();
      progress.hidden = false;
      progress.max = Math.max(steps, 1);
      progress.value = 0;
      progressWords.textContent = `0 of ${steps} steps done…`;
      const stop = await listen('voice-progress', (d) => { progress.max = d.total; progress.value = d.done; progressWords.textContent = `${d.done} of ${d.total} steps done…`; });
      try {
        const done = await api.assignVoiceNumbers(v.productSid, v.profileSid ?? '', sids);
        stop();
        if (!done.failed) {
          toast(`Done: ${count(done, 'product')} added to “${v.productName}”.`);
          await reload(v.productSid);
          return;
        }
        stopped(done, sids);
      } catch (error) {
        stop();
        result.replaceChildren(errorPanel(error, { onReenterCredentials }));
        apply.disabled = false;
      }
    }

    /** Says what was done, what failed and why, and offers to go on without it. @param {VoiceApplied} done @param {string[]} sids */
    function stopped(done, sids) {
      const label = (/** @type {string} */ sid) => { const n = v.numbers.find((x) => x.sid === sid); return n ? voiceLabel(n) : sid; };
      const failed = /** @type {NonNullable<VoiceApplied['failed']>} */ (done.failed);
      const where = failed.target === 'profile' ? `onto the Customer-Profile “${v.profileName ?? ''}”` : `onto “${v.productName}”`;
      const finished = done.done.filter((s) => s.target === 'product').map((s) => label(s.numberSid));
      const rest = sids.filter((s) => s !== failed.numberSid && !done.done.some((d) => d.numberSid === s && d.target === 'product'));
      for (const s of done.done) {
        const n = v.numbers.find((x) => x.sid === s.numberSid);
        if (n && s.target === 'profile') n.onProfile = true;
        if (n && s.target === 'product') n.onProduct = true;
      }
      const go = h('button', { type: 'button', class: 'primary', id: 'voice-continue' }, rest.length ? `Continue without ${label(failed.numberSid)}` : 'Close');
      go.addEventListener('click', async () => {
        if (!rest.length) { await reload(v.productSid); return; }
        const p = voicePlan(v.numbers, new Set(rest), v.profileName ?? '', v.productName);
        await run(rest, p.steps);
      });
      const panel = h('div', { class: 'error-panel', role: 'alert', tabindex: '-1', id: 'voice-stopped' },
        h('p', { class: 'error-message' }, `Stopped: ${finished.length} of ${new Set(sids).size} numbers were added.`),
        finished.length ? h('p', {}, 'Added: ', userText(finished.join(', '), { max: 600 })) : '',
        h('p', {}, 'Not done: ', userText(label(failed.numberSid), { max: 80 }), ` ${where}. `, done.error?.message ?? ''),
        rest.length ? h('p', {}, `${rest.length === 1 ? 'One more number was' : `${rest.length} more numbers were`} not tried yet.`) : '',
        h('div', { class: 'actions' }, go));
      result.replaceChildren(panel);
      progressWords.textContent = '';
      focusOn(panel);
    }
    root.replaceChildren(form);
    update();
    focusOn(rows.length > 8 ? find : /** @type {HTMLElement} */ (rows[0]?.querySelector('input') ?? apply));
  }

  return {
    el,
    show,
    hide() { visit += 1; el.hidden = true; },
  };
}

/** How many numbers went onto `target`, in words. @param {VoiceApplied} done @param {'profile' | 'product'} target */
function count(done, target) {
  const n = done.done.filter((s) => s.target === target).length;
  return n === 1 ? 'one number' : `${n} numbers`;
}
