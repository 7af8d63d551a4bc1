// An evaluation (Twilio's compliance check) in the words of its checklist: each result
// passed or failed, what failed and where to fix it. No DOM here: Node's tests run it.

import { keyWords, text, twilioWords } from './format.js';

/**
 * @typedef {import('../types/commands').Evaluation} Evaluation
 * @typedef {import('../types/commands').RequirementResult} RequirementResult
 * @typedef {object} ChecklistField
 * @property {string} name the field's name in words (never a machine name)
 * @property {string} reason
 * @property {number | null} code
 * @typedef {object} ChecklistItem
 * @property {string} name the requirement's name in words
 * @property {string} requirement the requirement's machine name, '' when Twilio gave none
 * @property {boolean} passed
 * @property {string | null} reason why it failed, in Twilio's words
 * @property {{ requirement: string, field: string | null } | null} fix where to fix it, when there is a place
 * @property {ChecklistField[]} fields the fields Twilio found wrong
 */

/** Twilio's verdict in the glossary's words: "Passed", "Needs fixing", or the status as it came. */
export function evaluationLabel(/** @type {string | null | undefined} */ status) {
  if (status === 'compliant') return 'Passed';
  if (status === 'noncompliant') return 'Needs fixing';
  return text(status);
}

/**
 * One checklist line per result of `evaluation`. A result counts as passed only when
 * Twilio says so: a missing or odd `passed` is a failure, never a pass.
 * @param {Evaluation} evaluation
 * @returns {ChecklistItem[]}
 */
export function checklistItems(evaluation) {
  return (evaluation.results ?? []).map((r) => {
    const passed = r.passed === true;
    const target = r.requirement_name || r.object_type;
    const invalid = r.invalid ?? [];
    return {
      name: twilioWords(r.requirement_friendly_name ?? r.friendly_name ?? (target ? keyWords(target) : 'Requirement')),
      requirement: r.requirement_name ?? '',
      passed,
      reason: passed ? null : r.failure_reason ?? null,
      fix: !passed && target ? { requirement: target, field: invalid[0]?.object_field ?? null } : null,
      fields: invalid.map((f) => ({
        name: f.friendly_name ?? (f.object_field ? keyWords(f.object_field) : 'Field'),
        reason: f.failure_reason ?? 'not valid',
        code: f.error_code ?? null,
      })),
    };
  });
}

/** How many results of `evaluation` did not pass. */
export function failedCount(/** @type {Evaluation} */ evaluation) {
  return (evaluation.results ?? []).filter((r) => r.passed !== true).length;
}

/**
 * Evaluations newest first, whatever order the server used.
 * @param {Evaluation[]} evaluations
 */
export function newestFirst(evaluations) {
  return [...evaluations].sort((a, b) => String(b.date_created).localeCompare(String(a.date_created)));
}
