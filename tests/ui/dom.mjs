// A document for the window's renderers to draw into under Node (linkedom), and a Tauri
// bridge that answers nothing: the renderers are tested by the text they make.
import { createRequire } from 'node:module';

// The tools are installed under scripts/ (scripts/package.json), not beside the tests.
const require = createRequire(new URL('../../scripts/package.json', import.meta.url));
const { parseHTML } = require('linkedom');

const { window, document } = parseHTML('<!doctype html><html><body></body></html>');
window.__TAURI__ = {
  core: { invoke: () => Promise.reject(new Error('no Rust side in this test')) },
  event: { listen: () => Promise.resolve(() => {}) },
  opener: { openUrl: () => Promise.resolve() },
};
for (const name of ['HTMLElement', 'HTMLInputElement', 'HTMLButtonElement', 'HTMLSelectElement', 'HTMLDialogElement',
  'HTMLDetailsElement', 'HTMLTableRowElement', 'HTMLFormElement', 'Node', 'Element', 'Event', 'CustomEvent']) {
  globalThis[name] ??= window[name];
}
// linkedom's select tells its value but cannot be given one: a browser's can.
const select = window.HTMLSelectElement.prototype;
const selectValue = Object.getOwnPropertyDescriptor(select, 'value');
if (selectValue?.get && !selectValue.set) {
  Object.defineProperty(select, 'value', {
    get: selectValue.get,
    set(v) {
      for (const o of this.querySelectorAll('option')) o.toggleAttribute('selected', o.getAttribute('value') === String(v));
    },
  });
}
globalThis.window = window;
globalThis.document = document;
globalThis.CSS ??= { escape: (s) => String(s).replace(/["\\]/g, '\\$&') };

/** Everything a person reads in `el`: its text, and the names buttons and regions carry. */
export function readable(el) {
  const labels = [...el.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label'));
  return [el.textContent, ...labels].join('\n');
}

/** A machine name such as business_name or address_sids: never on screen. */
export const RAW_KEY = /\b[a-z][a-z0-9]*_[a-z0-9_]+\b/;

export { window, document };
