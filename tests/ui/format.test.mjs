// Turning API values into words: dates, numbers, statuses, and characters one cannot see.
// Run with LANG=en_US.UTF-8 and TZ=UTC (scripts/package.json), so the words are fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  DASH, localDate, number, count, text, statusInfo, invisibleChars, invisibleName, withoutInvisible,
  plainUserText, sidKind,
} from '../../ui/js/format.js';

test('the tests run in the locale and time zone they expect', () => {
  assert.equal(Intl.DateTimeFormat().resolvedOptions().locale, 'en-US');
  assert.equal(Intl.DateTimeFormat().resolvedOptions().timeZone, 'UTC');
});

test('dates from the API in local time; a dash for none; odd text shown as it came', () => {
  assert.equal(localDate('2026-03-04T05:06:07Z'), 'Mar 4, 2026, 5:06 AM');
  assert.equal(localDate('2026-12-31T23:59:00+02:00'), 'Dec 31, 2026, 9:59 PM');
  assert.equal(localDate(null), DASH);
  assert.equal(localDate(''), DASH);
  assert.equal(localDate('not a date'), 'not a date');
});

test('numbers grouped, counts with their noun', () => {
  assert.equal(number(1234567), '1,234,567');
  assert.equal(count(1, 'account'), '1 account');
  assert.equal(count(0, 'account'), '0 accounts');
  assert.equal(count(12345, 'reason'), '12,345 reasons');
  assert.equal(count(2, 'Trust Product'), '2 Trust Products');
  assert.equal(count(3, 'policy', 'policies'), '3 policies');
});

test('text: a dash for nothing, anything else as text', () => {
  assert.equal(text(null), DASH);
  assert.equal(text(''), DASH);
  assert.equal(text(0), '0');
});

test('statuses in words, an unknown one shown rather than hidden', () => {
  assert.equal(statusInfo('twilio-rejected').label, 'Rejected by Twilio');
  assert.equal(statusInfo('pending-review').label, 'Pending review');
  assert.equal(statusInfo('on-hold').label, 'Unknown (on-hold)');
  assert.equal(statusInfo(null).label, DASH);
});

test('invisible characters are found, named and removed; the zero-width joiner is kept', () => {
  const value = 'Ac\u202Eme\u200B👩\u200D💻\u0007';
  assert.deepEqual(invisibleChars(value), ['\u202E', '\u200B', '\u0007']);
  assert.equal(invisibleName('\u202E'), 'U+202E right-to-left override');
  assert.equal(invisibleName('\u0007'), 'U+0007 invisible character');
  assert.equal(withoutInvisible(value), 'Acme👩\u200D💻');
  assert.deepEqual(invisibleChars('plain'), []);
  assert.deepEqual(invisibleChars(null), []);
});

test('plain text for places that take text only: marks written out, long text cut', () => {
  assert.equal(plainUserText('Evil\u202Eco'), 'Evil[U+202E]co');
  assert.equal(plainUserText('x'.repeat(130)), `${'x'.repeat(120)}…`);
  assert.equal(plainUserText('👍'.repeat(5), 3), '👍👍👍…', 'cut by characters, not halves of them');
  assert.equal(plainUserText(null), '');
});

test('what a SID names, from its prefix', () => {
  assert.equal(sidKind('ITxxxx'), 'Business details or person');
  assert.equal(sidKind('RDxxxx'), 'Document');
  assert.equal(sidKind('PNxxxx'), 'Phone number');
  assert.equal(sidKind('ZZxxxx'), 'Other');
  assert.equal(sidKind(null), 'Other');
});
