#!/usr/bin/env node
// The release assets for a version tag, in dist/release/: the Obsidian plugin (main.js,
// manifest.json, styles.css, and the same three zipped), the Logseq zip (`npm run package:logseq`).
// Fails when the versions disagree (package.json, manifest.json, versions.json, the tag) or when
// any asset carries a source map (a .map file, or a sourceMappingURL in a script, in a zip too).
// Usage: node scripts/release.mjs [--tag <tag>] [--skip-build] [--out <dir>]
import { Buffer } from 'node:buffer';
import { execFileSync } from 'node:child_process';
import { copyFile, mkdir, readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { unzipSync } from 'fflate';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const at = (path) => join(ROOT, path);
const OBSIDIAN_FILES = ['main.js', 'manifest.json', 'styles.css'];

/** Every problem with the versions: Obsidian wants the tag to be the manifest's version exactly (no `v`). */
export function versionProblems({ pkg, manifest, versions, tag }) {
  const problems = [];
  if (pkg.version !== manifest.version) problems.push(`package.json is ${pkg.version} but manifest.json is ${manifest.version} (run npm version to bump both)`);
  if (versions[manifest.version] !== manifest.minAppVersion) problems.push(`versions.json has no "${manifest.version}": "${manifest.minAppVersion}" entry for manifest.json's version`);
  if (tag !== undefined && tag !== manifest.version) problems.push(`the tag "${tag}" is not the version ${manifest.version} (Obsidian finds a release by its exact version)`);
  return problems;
}

/** Source maps in `files` (name → bytes), looking inside zips and scripts. */
export function sourceMapProblems(files) {
  const problems = [];
  for (const [name, bytes] of Object.entries(files)) {
    if (/\.map$/i.test(name)) problems.push(`${name} is a source map`);
    else if (/\.zip$/i.test(name)) for (const inner of sourceMapProblems(unzipSync(bytes))) problems.push(`${name}: ${inner}`);
    else if (/\.(m?js|cjs|css|html)$/i.test(name) && /[#@]\s*sourceMappingURL\s*=/.test(Buffer.from(bytes).toString('utf8'))) problems.push(`${name} points at a source map (sourceMappingURL)`);
  }
  return problems;
}

async function readJson(path) {
  return JSON.parse(await readFile(at(path), 'utf8'));
}

function npmRun(script, env) {
  execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
}

async function build(pkg) {
  if (!pkg.scripts?.['package:logseq']) throw new Error('package.json has no "package:logseq" script: the Logseq zip cannot be built (the Logseq plugin adds that script).');
  npmRun('package:obsidian');
  // The Logseq packer also writes the marketplace manifest, which names the repository of the release.
  npmRun('package:logseq', process.env.MATURITY_MAP_REPO || process.env.GITHUB_REPOSITORY ? { MATURITY_MAP_REPO: process.env.MATURITY_MAP_REPO || process.env.GITHUB_REPOSITORY } : {});
}

export async function assembleRelease({ tag, skipBuild = false, out = 'dist/release' } = {}) {
  const [pkg, manifest, versions] = await Promise.all([readJson('package.json'), readJson('manifest.json'), readJson('versions.json')]);
  const versionIssues = versionProblems({ pkg, manifest, versions, tag });
  if (versionIssues.length > 0) throw new Error(`cannot release:\n  ${versionIssues.join('\n  ')}`);
  if (!skipBuild) await build(pkg);
  const sources = [
    ...OBSIDIAN_FILES.map((name) => ({ from: `dist/obsidian/${name}`, name })),
    { from: `dist/${manifest.id}-${manifest.version}.zip`, name: `${manifest.id}-obsidian-${manifest.version}.zip` },
    { from: `dist/maturity-map-logseq-${pkg.version}.zip`, name: `maturity-map-logseq-${pkg.version}.zip` },
  ];
  const outDir = join(ROOT, out);
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  const files = {};
  for (const s of sources) {
    await copyFile(at(s.from), join(outDir, s.name));
    files[s.name] = new Uint8Array(await readFile(join(outDir, s.name)));
  }
  const mapIssues = sourceMapProblems(files);
  if (mapIssues.length > 0) throw new Error(`source maps must not ship:\n  ${mapIssues.join('\n  ')}`);
  return { dir: outDir, files: (await readdir(outDir)).sort() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({ options: { tag: { type: 'string' }, 'skip-build': { type: 'boolean' }, out: { type: 'string' } } });
  try {
    const { dir, files } = await assembleRelease({ tag: values.tag, skipBuild: values['skip-build'] === true, out: values.out });
    console.log(`release assets in ${dir}:\n  ${files.join('\n  ')}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
