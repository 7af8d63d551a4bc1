// The top of a profile: its status, what that means, and the one next step with the one
// primary button of the view (Submit for review… when that is the next step).

import { h, fillUserText, statusInfo } from '../../format.js';

/**
 * @typedef {import('../../next-step.js').NextStep} NextStep
 * @typedef {import('../../next-step.js').Action} Action
 */

/**
 * The card. `onAction(action)` does what the primary button says; `submit` is the view's
 * Submit for review… button, placed here, primary only when submitting is the next step.
 * @param {{ onAction: (action: Action) => void, submit: HTMLButtonElement }} options
 */
export function createStatusCard({ onAction, submit }) {
  const badge = h('span', { class: 'badge' }, h('bdi'));
  const meaning = h('span', { class: 'explain' });
  const next = h('p', { class: 'next', id: 'next-step-text' });
  /** @type {Action} */
  let action = 'none';
  const go = h('button', { type: 'button', class: 'primary', id: 'next-step', hidden: true, onclick: () => onAction(action) });
  const el = h('section', { class: 'card status-card', id: 'status-card', 'aria-labelledby': 'status-card-title' },
    h('h2', { id: 'status-card-title', class: 'visually-hidden' }, 'Status and next step'),
    h('p', { class: 'status-line' }, badge, ' ', meaning),
    next,
    h('div', { class: 'actions' }, go, submit));
  return {
    el,
    /** @param {string | null} status the status on the wire @param {NextStep} step @param {boolean} canSubmit */
    show(status, step, canSubmit) {
      badge.className = `badge status-${status}`;
      fillUserText(/** @type {HTMLElement} */ (badge.firstChild), step.status, { max: 60 });
      meaning.textContent = statusInfo(status).explain;
      next.textContent = step.next;
      action = step.action;
      const submitting = step.action === 'submit';
      go.hidden = step.action === 'none' || submitting;
      go.textContent = step.label;
      submit.hidden = !canSubmit;
      submit.classList.toggle('primary', submitting);
      submit.classList.toggle('secondary', !submitting);
    },
    /** Another profile is being loaded. */
    reset() {
      next.textContent = '';
      meaning.textContent = '';
      go.hidden = true;
      submit.hidden = true;
    },
  };
}
