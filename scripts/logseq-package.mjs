// Writes what makes dist/logseq/ a Logseq plugin folder next to the bundle: package.json (the
// `logseq` key: id, title, icon, main), index.html (loads ./index.js by a relative path, so no
// CDN copy of the SDK is used; Logseq would inject one for a `.js` main) and the icon.
import { readFile, writeFile } from 'node:fs/promises';

const root = new URL('../', import.meta.url);
const out = new URL('dist/logseq/', root);

export const PLUGIN_ID = 'maturity-map';

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

export async function writeLogseqPackage() {
  const project = JSON.parse(await readFile(new URL('package.json', root), 'utf8'));
  const pkg = {
    name: 'logseq-maturity-map',
    version: project.version,
    description: project.description,
    license: project.license,
    main: 'index.html',
    logseq: { id: PLUGIN_ID, title: 'Maturity Map', icon: './icon.svg', main: 'index.html' },
  };
  await writeFile(new URL('package.json', out), `${JSON.stringify(pkg, null, 2)}\n`);
  await writeFile(new URL('index.html', out), HTML);
  await writeFile(new URL('icon.svg', out), ICON);
}
