// The Logseq plugin folder and its marketplace release.
// - writeLogseqPackage() (run by the build, next to the bundle): dist/logseq/package.json (the
//   `logseq` key: id, title, icon, main), index.html (loads ./index.js by a relative path, so no
//   CDN copy of the SDK is used; Logseq would inject one for a `.js` main) and the icon.
// - Run as a script (`npm run package:logseq`): also README.md in the folder, then
//   dist/maturity-map-logseq-<version>.zip with the folder inside (Logseq's installer takes the zip
//   of a GitHub release, extracts it and uses the folder that holds package.json) and
//   dist/logseq-marketplace/ (manifest.json + icon) for a pull request to logseq/marketplace.
//   No source map ships; the script fails if one is there.
import { mkdir, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { zipSync, strToU8 } from 'fflate';

const root = new URL('../', import.meta.url);
const out = new URL('dist/logseq/', root);

export const PLUGIN_ID = 'maturity-map';
const TITLE = 'Maturity Map';
/** Files of the plugin folder that go into the release, in this order. */
const RELEASE_FILES = ['package.json', 'index.html', 'index.js', 'plugin.js', 'icon.svg', 'README.md'];

const ICON = `<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64" viewBox="0 0 24 24" fill="none" stroke="#6d28d9" stroke-width="2" stroke-linecap="round">
<circle cx="5" cy="12" r="3" fill="#d97706" stroke="none"/><circle cx="19" cy="6" r="3" fill="#2563eb" stroke="none"/><circle cx="19" cy="18" r="3" fill="#16a34a" stroke="none"/>
<path d="M8 11l8-4M8 13l8 4"/></svg>
`;

const HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Maturity Map</title>
</head>
<body>
<div id="app"></div>
<script src="./index.js"></script>
</body>
</html>
`;

async function project() {
  return JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
}

export async function writeLogseqPackage() {
  const p = await project();
  const pkg = {
    name: 'logseq-maturity-map',
    version: p.version,
    description: p.description,
    license: p.license,
    main: 'index.html',
    logseq: { id: PLUGIN_ID, title: TITLE, icon: './icon.svg', main: 'index.html' },
  };
  await writeFile(new URL('package.json', out), `${JSON.stringify(pkg, null, 2)}\n`);
  await writeFile(new URL('index.html', out), HTML);
  await writeFile(new URL('icon.svg', out), ICON);
  // Builds before this one wrote a source map next to the bundle: it must not linger and ship.
  for (const f of await readdir(out)) if (f.endsWith('.map')) await rm(new URL(f, out));
}

/** `owner/name` of the GitHub repository whose releases carry the zip: --repo=, MATURITY_MAP_REPO, or package.json `repository`. */
function releaseRepo(p) {
  const arg = process.argv.find((a) => a.startsWith('--repo='))?.slice('--repo='.length);
  const raw = arg ?? process.env.MATURITY_MAP_REPO ?? p.repository?.url ?? p.repository ?? '';
  const repo = String(raw).replace(/^git\+/, '').replace(/\.git$/, '').replace(/^(https:\/\/|git@)github\.com[/:]/, '');
  return /^[\w.-]+\/[\w.-]+$/.test(repo) ? repo : null;
}

/** The marketplace's packages/<id>/manifest.json (logseq/marketplace README: title, description, author, repo, icon). */
export function marketplaceManifest(p, repo) {
  return {
    title: TITLE,
    description: p.description,
    author: typeof p.author === 'string' ? p.author : (p.author?.name ?? 'Maturity Map contributors'),
    repo,
    icon: './icon.svg',
    // File graphs only: the plugin reads Markdown files and says so on a DB graph.
    unsupportedGraphType: 'db',
  };
}

export async function releaseLogseq() {
  await writeLogseqPackage();
  await writeFile(new URL('README.md', out), await readFile(new URL('docs/logseq.md', root), 'utf8'));
  const present = await readdir(out);
  const maps = present.filter((f) => f.endsWith('.map'));
  if (maps.length > 0) throw new Error(`dist/logseq holds source maps (${maps.join(', ')}): they must not ship.`);
  const p = await project();
  const files = {};
  for (const name of RELEASE_FILES) files[`${PLUGIN_ID}/${name}`] = new Uint8Array(await readFile(new URL(name, out)));
  const zipPath = new URL(`dist/maturity-map-logseq-${p.version}.zip`, root);
  await writeFile(zipPath, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
  const repo = releaseRepo(p);
  if (!repo) throw new Error(`wrote ${fileURLToPath(zipPath)}, but not the marketplace manifest: name the GitHub repository that will carry the release (--repo=owner/name, MATURITY_MAP_REPO, or "repository" in package.json).`);
  const market = new URL('dist/logseq-marketplace/', root);
  await rm(market, { recursive: true, force: true });
  await mkdir(market, { recursive: true });
  await writeFile(new URL('manifest.json', market), `${JSON.stringify(marketplaceManifest(p, repo), null, 2)}\n`);
  await writeFile(new URL('icon.svg', market), strToU8(ICON));
  return { zip: fileURLToPath(zipPath), manifest: fileURLToPath(new URL('manifest.json', market)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  try {
    const { zip, manifest } = await releaseLogseq();
    console.log(`wrote ${zip}\nwrote ${manifest}`);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
