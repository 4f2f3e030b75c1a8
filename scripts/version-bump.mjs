#!/usr/bin/env node
// `npm version <v>` runs this (the "version" script): manifest.json takes package.json's new
// version, and versions.json maps it to the manifest's minAppVersion, as Obsidian's sample plugin
// does. In a git work tree both files are staged, so npm's version commit and tag include them.
import { execFileSync } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';

const version = process.env.npm_package_version;
if (!version) {
  console.error('version-bump: run it through `npm version <version>` (npm_package_version is not set).');
  process.exit(1);
}
const manifest = JSON.parse(await readFile('manifest.json', 'utf8'));
manifest.version = version;
await writeFile('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`);
const versions = JSON.parse(await readFile('versions.json', 'utf8'));
versions[version] = manifest.minAppVersion;
await writeFile('versions.json', `${JSON.stringify(versions, null, 2)}\n`);

let inGit = false;
try {
  inGit = execFileSync('git', ['rev-parse', '--is-inside-work-tree'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim() === 'true';
} catch {
  inGit = false;
}
if (inGit) execFileSync('git', ['add', 'manifest.json', 'versions.json'], { stdio: 'inherit' });
console.log(`manifest.json and versions.json at ${version} (minAppVersion ${manifest.minAppVersion})`);
