// Writes the update feed (latest.json) of a release from its files: every installer with
// a signature beside it (`<file>.sig`, made by the Tauri CLI with createUpdaterArtifacts)
// becomes the download of its system, architecture and installer type, the keys the
// updater looks for: `{os}-{arch}-{installer}`, and `{os}-{arch}` for the default one.
//   node scripts/latest-json.mjs <folder> <version> <download base URL> [notes file] > latest.json
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

// File name endings (as the Tauri CLI and tauri-action name them) and what they are.
const KINDS = [
  [/_amd64\.deb$/, 'linux-x86_64', 'deb'],
  [/_arm64\.deb$/, 'linux-aarch64', 'deb'],
  [/\.x86_64\.rpm$/, 'linux-x86_64', 'rpm'],
  [/\.aarch64\.rpm$/, 'linux-aarch64', 'rpm'],
  [/_amd64\.AppImage$/, 'linux-x86_64', 'appimage', true],
  [/_aarch64\.AppImage$/, 'linux-aarch64', 'appimage', true],
  [/_x64-setup\.exe$/, 'windows-x86_64', 'nsis', true],
  [/_x64_[A-Za-z-]+\.msi$/, 'windows-x86_64', 'msi'],
  [/_arm64-setup\.exe$/, 'windows-aarch64', 'nsis', true],
  [/_aarch64\.app\.tar\.gz$/, 'darwin-aarch64', 'app', true],
  [/_x64\.app\.tar\.gz$/, 'darwin-x86_64', 'app', true],
];

export function feed(folder, version, base, notes = '') {
  const platforms = {};
  for (const file of readdirSync(folder).sort()) {
    const kind = KINDS.find(([pattern]) => pattern.test(file));
    if (!kind || !existsSync(join(folder, `${file}.sig`))) continue;
    const [, target, installer, isDefault] = kind;
    const entry = {
      signature: readFileSync(join(folder, `${file}.sig`), 'utf8').trim(),
      url: `${base.replace(/\/$/, '')}/${encodeURIComponent(file)}`,
    };
    platforms[`${target}-${installer}`] = entry;
    if (isDefault) platforms[target] = entry;
  }
  if (Object.keys(platforms).length === 0) throw new Error(`no signed installer in ${folder}`);
  return { version: version.replace(/^v/, ''), notes, pub_date: new Date().toISOString(), platforms };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [folder, version, base, notesFile] = process.argv.slice(2);
  if (!folder || !version || !base) {
    console.error('usage: node scripts/latest-json.mjs <folder> <version> <download base URL> [notes file]');
    process.exit(2);
  }
  const notes = notesFile ? readFileSync(notesFile, 'utf8').trim() : '';
  console.log(JSON.stringify(feed(folder, version, base, notes), null, 2));
}
