// The Overview's long lists are drawn a few rows a frame: the first frame's at once, the
// rest one frame after another, and a newer list stops the frames of the one it replaces.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { document } from './dom.mjs';

/** Frames asked for and not yet run. @type {FrameRequestCallback[]} */
const frames = [];
globalThis.requestAnimationFrame = (callback) => frames.push(callback);
const runFrame = () => frames.shift()?.(0);

const { drawInFrames, ROWS_PER_FRAME } = await import('../../ui/js/views/overview-table.js');

const row = (/** @type {number} */ n) => {
  const tr = document.createElement('tr');
  tr.textContent = String(n);
  return tr;
};
const drawn = (/** @type {HTMLElement} */ tbody) => [...tbody.children].map((tr) => Number(tr.textContent));
const upTo = (/** @type {number} */ n) => Array.from({ length: n }, (_, i) => i);

test('a long list: one frame of rows at once, then a frame at a time until all are drawn, in order', () => {
  frames.length = 0;
  const tbody = document.createElement('tbody');
  const items = upTo(ROWS_PER_FRAME * 2 + 3);
  drawInFrames(tbody, items, row);
  assert.deepEqual(drawn(tbody), upTo(ROWS_PER_FRAME));
  runFrame();
  assert.deepEqual(drawn(tbody), upTo(ROWS_PER_FRAME * 2));
  runFrame();
  assert.deepEqual(drawn(tbody), items);
  assert.equal(frames.length, 0, 'no frame is asked for once all are drawn');
});

test('a short list is drawn at once and asks for no frame', () => {
  frames.length = 0;
  const tbody = document.createElement('tbody');
  tbody.append(row(99));
  drawInFrames(tbody, upTo(3), row);
  assert.deepEqual(drawn(tbody), [0, 1, 2], 'what was there before is replaced');
  assert.equal(frames.length, 0);
});

test('a stopped drawing adds nothing more: a newer list is not mixed with the rows of the old one', () => {
  frames.length = 0;
  const tbody = document.createElement('tbody');
  const stop = drawInFrames(tbody, upTo(ROWS_PER_FRAME * 3), row);
  stop();
  drawInFrames(tbody, [7, 8], row);
  runFrame();
  assert.deepEqual(drawn(tbody), [7, 8]);
});
