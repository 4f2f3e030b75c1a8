// dist/logseq/ is a folder Logseq loads as an unpacked plugin: package.json with the `logseq`
// key, an HTML main that loads the bundle by a relative path (a `.js` main would make Logseq load
// the SDK from a CDN), the icon, and no network URL the plugin needs.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { join } from 'node:path';
import { ROOT } from '../helpers/vault';
import { ensureBuilt } from './harness';

const DIST = join(ROOT, 'dist/logseq');

describe('the Logseq plugin package', () => {
  const bundle = ensureBuilt();
  const pkg = JSON.parse(readFileSync(join(DIST, 'package.json'), 'utf8')) as { version: string; logseq: Record<string, string> };

  it('declares id, title, icon and an HTML main in the logseq key', () => {
    expect(pkg.logseq).toEqual({ id: 'maturity-map', title: 'Maturity Map', icon: './icon.svg', main: 'index.html' });
    expect(pkg.version).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);
    expect(existsSync(join(DIST, 'icon.svg'))).toBe(true);
  });

  it('loads the bundle from index.html by a relative path, with no CDN', () => {
    const html = readFileSync(join(DIST, pkg.logseq['main']!), 'utf8');
    expect(html).toMatch(/<script src="\.\/index\.js"><\/script>/);
    expect(html).not.toMatch(/https?:/);
    expect(html).toContain('<div id="app"></div>');
    expect(bundle).not.toContain('cdn.jsdelivr.net');
  });

  it('npm run package:logseq: a marketplace zip (one folder with package.json, main, icon, README; no source map) and the manifest', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'scripts/logseq-package.mjs'), '--repo=example-org/maturity-map'], { encoding: 'utf8' });
    const zipPath = join(ROOT, `dist/maturity-map-logseq-${pkg.version}.zip`);
    expect(out).toContain(zipPath);
    const entries = unzipSync(readFileSync(zipPath));
    expect(Object.keys(entries).sort()).toEqual(['maturity-map/README.md', 'maturity-map/icon.svg', 'maturity-map/index.html', 'maturity-map/index.js', 'maturity-map/package.json', 'maturity-map/plugin.js']);
    const inZip = JSON.parse(strFromU8(entries['maturity-map/package.json']!)) as { logseq: Record<string, string> };
    expect(inZip.logseq).toEqual({ id: 'maturity-map', title: 'Maturity Map', icon: './icon.svg', main: 'index.html' });
    expect(strFromU8(entries['maturity-map/README.md']!)).toContain('# Maturity Map for Logseq');
    expect(strFromU8(entries['maturity-map/index.js']!)).not.toContain('sourceMappingURL');
    expect(readdirSync(DIST).filter((f) => f.endsWith('.map'))).toEqual([]);
    const manifest = JSON.parse(readFileSync(join(ROOT, 'dist/logseq-marketplace/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ title: 'Maturity Map', repo: 'example-org/maturity-map', icon: './icon.svg', unsupportedGraphType: 'db' });
    expect(typeof manifest['description']).toBe('string');
    expect(typeof manifest['author']).toBe('string');
    expect(existsSync(join(ROOT, 'dist/logseq-marketplace/icon.svg'))).toBe(true);
  });

  it('bundles the SDK client (index.js) and the views (plugin.js, beside it), and no Node built-ins', () => {
    const plugin = readFileSync(join(DIST, 'plugin.js'), 'utf8');
    expect(bundle).toContain('__LSP__HOST__'); // @logseq/libs, which sets up the global `logseq`
    expect(bundle).toContain('"./plugin.js"'); // added by index.js by a relative path, as index.html adds index.js
    expect(plugin).toContain('mm-card');
    expect(plugin).not.toContain('cdn.jsdelivr.net');
    for (const code of [bundle, plugin]) expect(code).not.toMatch(/require\(["']node:/);
  });
});
