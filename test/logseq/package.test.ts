// dist/logseq/ is a folder Logseq loads as an unpacked plugin: package.json with the `logseq`
// key, an HTML main that loads the bundle by a relative path (a `.js` main would make Logseq load
// the SDK from a CDN), the icon, and no network URL the plugin needs.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
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

  it('bundles the SDK client and the views, and no Node built-ins', () => {
    expect(bundle).toContain('__LSP__HOST__'); // @logseq/libs, which sets up the global `logseq`
    expect(bundle).toContain('mm-card');
    expect(bundle).not.toMatch(/require\(["']node:/);
  });
});
