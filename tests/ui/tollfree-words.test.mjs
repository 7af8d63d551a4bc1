import { test } from 'node:test';
import assert from 'node:assert/strict';
import { voicePlan, voiceLabel, tollfreeAction, tollfreeTone } from '../../ui/js/tollfree-words.js';

const n = (sid, phoneNumber, onProfile, onProduct, friendlyName = null) => ({ sid, phoneNumber, friendlyName, onProfile, onProduct });

test('the voice plan puts a number on the profile first, skips one already on the product, and counts the steps', () => {
  const numbers = [
    n('PN1', '+14155550101', true, false, 'Front desk'),
    n('PN2', '+14155550102', false, false),
    n('PN3', '+14155550103', false, true),
    n('PN4', '+14155550104', false, false),
  ];
  const plan = voicePlan(numbers, new Set(['PN1', 'PN2', 'PN3']), 'Acme', 'Acme — signed calls');
  assert.deepEqual(plan.lines, [
    '+14155550101 (Front desk): onto “Acme — signed calls”',
    '+14155550102: first onto the Customer-Profile “Acme”, then onto “Acme — signed calls”',
  ]);
  assert.equal(plan.steps, 3);
  assert.equal(plan.toProfile, 1);
  assert.deepEqual(voicePlan(numbers, new Set(), 'Acme', 'P').lines, []);
  assert.equal(voiceLabel(n('PN9', '+1', false, false, '+1')), '+1');
});

test('each toll-free state has its button and tone', () => {
  assert.equal(tollfreeAction('verify'), 'Verify this number…');
  assert.equal(tollfreeAction('edit'), 'Edit and send again…');
  assert.equal(tollfreeAction('start-again'), 'Delete and start again…');
  assert.equal(tollfreeAction('wait'), null);
  assert.equal(tollfreeAction('none'), null);
  assert.deepEqual(['NONE', 'PENDING_REVIEW', 'TWILIO_APPROVED', 'TWILIO_REJECTED'].map(tollfreeTone), ['waiting', 'waiting', 'ok', 'bad']);
});
