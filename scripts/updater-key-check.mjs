// Does a signature come from the key whose public half the app trusts? Compares the key
// number in a minisign signature (a .sig made by `tauri signer sign`) with the one in a
// public key, so a release signed with the wrong secret stops before it is published
// (an app would refuse every update made with it).
//   node scripts/updater-key-check.mjs <file.sig> [public key, default: tauri.conf.json's]
import { readFileSync } from 'node:fs';

const keyNumber = (base64Text, what) => {
  // Both are base64 of text whose second line is base64 of: algorithm (2 bytes), key number (8), ...
  const line = Buffer.from(base64Text.trim(), 'base64').toString('utf8').split('\n')[1] ?? '';
  const bytes = Buffer.from(line.trim(), 'base64');
  if (bytes.length < 10) throw new Error(`${what} is not a minisign ${what}`);
  return Buffer.from(bytes.subarray(2, 10)).reverse().toString('hex').toUpperCase(); // shown as minisign shows it
};

const [sigFile, publicKey] = process.argv.slice(2);
if (!sigFile) {
  console.error('usage: node scripts/updater-key-check.mjs <file.sig> [public key]');
  process.exit(2);
}
const trusted = publicKey ?? JSON.parse(readFileSync(new URL('../tauri.conf.json', import.meta.url))).plugins.updater.pubkey;
const signedBy = keyNumber(readFileSync(sigFile, 'utf8'), 'signature');
const expected = keyNumber(trusted, 'public key');
if (signedBy !== expected) {
  console.error(`The signing key (key ${signedBy}) is not the one the app trusts (key ${expected}): set TAURI_SIGNING_PRIVATE_KEY to the secret half of plugins.updater.pubkey in tauri.conf.json (docs/RELEASING.md).`);
  process.exit(1);
}
console.log(`signed by key ${signedBy}, the key the app trusts`);
