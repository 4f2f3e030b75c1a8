#!/usr/bin/env node
// Zips the built Obsidian plugin for a release: dist/maturity-map-<version>.zip holding
// maturity-map/{main.js,manifest.json,styles.css}, ready to unzip into <vault>/.obsidian/plugins/.
// Run `npm run build` first (the `package:obsidian` script does).
import { readFile, writeFile } from 'node:fs/promises';
import { zipSync } from 'fflate';

const at = (path) => new URL(`../${path}`, import.meta.url);
const manifest = JSON.parse(await readFile(at('manifest.json'), 'utf8'));
const versions = JSON.parse(await readFile(at('versions.json'), 'utf8'));
if (versions[manifest.version] !== manifest.minAppVersion) {
  console.error(`versions.json has no entry "${manifest.version}": "${manifest.minAppVersion}" for manifest.json's version.`);
  process.exit(1);
}
const files = {};
for (const name of ['main.js', 'manifest.json', 'styles.css']) {
  files[`${manifest.id}/${name}`] = new Uint8Array(await readFile(at(`dist/obsidian/${name}`)));
}
const out = `dist/${manifest.id}-${manifest.version}.zip`;
// A fixed date keeps the archive byte-for-byte reproducible.
await writeFile(at(out), zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
console.log(`packed ${out}`);
