// The window's modules as a newcomer meets them: each says in its first line what it is,
// none is over 400 lines, each is reached from main.js, and index.html preloads each one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ui = resolve(dirname(fileURLToPath(import.meta.url)), '../../ui');
const modules = readdirSync(join(ui, 'js'), { recursive: true })
  .map(String).filter((f) => f.endsWith('.js')).map((f) => `js/${f.split('\\').join('/')}`).sort();
const source = (m) => readFileSync(join(ui, m), 'utf8');

test('each module opens with a comment that says what it is', () => {
  for (const m of modules) assert.match(source(m), /^\/\/ \S.{20,}\n/, m);
});

test('no module is over 400 lines', () => {
  const long = modules.map((m) => [m, source(m).split('\n').length - 1]).filter(([, n]) => n > 400);
  assert.deepEqual(long, []);
});

test('every module is reached from main.js, and every import names a module that exists', () => {
  const reached = new Set();
  const visit = (m) => {
    if (reached.has(m)) return;
    reached.add(m);
    assert.ok(modules.includes(m), `${m} is imported but does not exist`);
    for (const [, spec] of source(m).matchAll(/^import [^;]*? from '(\.[^']+)';$/gms)) {
      visit(relative(ui, resolve(ui, dirname(m), spec)).split('\\').join('/'));
    }
  };
  visit('js/main.js');
  assert.deepEqual(modules.filter((m) => !reached.has(m)), [], 'modules nothing imports');
});

test('index.html preloads every module but main.js, and nothing else', () => {
  const html = readFileSync(join(ui, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]).sort();
  assert.deepEqual(preloaded, modules.filter((m) => m !== 'js/main.js'));
  assert.match(html, /<script type="module" src="js\/main.js"><\/script>/);
});
