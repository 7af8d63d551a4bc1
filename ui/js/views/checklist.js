// Twilio's check as a checklist: each requirement passed or needs fixing, what failed and
// why, and a Fix button that opens the field to change.

import { count, h, localDate, userText } from '../format.js';
import { checklistItems, evaluationLabel, failedCount } from '../evaluations.js';

/** @typedef {import('../../types/commands').Evaluation} Evaluation */

/** @param {string | null} status */
export function evaluationBadge(status) {
  return h('span', { class: `badge eval-${status}` }, evaluationLabel(status));
}

/**
 * An evaluation as a checklist: each requirement passed or failed, with what to fix, and
 * for each failed one a Fix button (`onFix(requirementName, field)`) when there is a place
 * to fix it.
 * @param {Evaluation} evaluation
 * @param {{ onFix?: ((requirement: string, field: string | null) => void) | null }} [options]
 */
export function checklist(evaluation, { onFix = null } = {}) {
  const items = checklistItems(evaluation).map((item) => {
    const fix = item.fix && onFix
      ? h('button', {
        type: 'button', class: 'small fix', 'aria-label': `Fix ${item.name}`,
        onclick: () => onFix(item.fix.requirement, item.fix.field),
      }, 'Fix')
      : null;
    return h('li', { class: item.passed ? 'passed' : 'failed', dataset: { requirement: item.requirement } },
      h('span', { class: 'mark', 'aria-hidden': 'true' }, item.passed ? '✓' : '✗'),
      h('div', { class: 'item' },
        h('strong', {}, userText(item.name)),
        h('span', { class: 'outcome' }, item.passed ? ' — passed' : ' — needs fixing'),
        fix ? h('span', {}, ' ', fix) : null,
        item.reason ? h('p', { class: 'reason' }, userText(item.reason)) : null,
        item.fields.length ? h('ul', { class: 'invalid-fields' }, item.fields.map((f) => h('li', {},
          h('strong', {}, userText(f.name)), ': ', userText(f.reason),
          f.code ? h('span', { class: 'error-code' }, ` Twilio error ${f.code}`) : null))) : null));
  });
  const failed = failedCount(evaluation);
  return h('div', { class: 'checklist', id: 'checklist' },
    h('p', { class: 'summary', tabindex: '-1' }, evaluationBadge(evaluation.status), ' ',
      failed ? `${count(failed, 'requirement')} ${failed === 1 ? 'needs' : 'need'} fixing. Fix each one here with its Fix button.` : evaluation.status === 'compliant' ? 'Every requirement passed.' : 'It does not pass yet.',
      ' Checked ', localDate(evaluation.date_created), '.'),
    h('ul', { class: 'checklist-items' }, items));
}
