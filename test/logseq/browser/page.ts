// The Logseq-like page of the Chromium harness, for suites that need their own: the host page
// (test/logseq/browser/host.html with its driver) on one origin, the built plugin folder on
// another, the example vault loaded and the plugin connected.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { build } from 'esbuild';
import type { Browser, Page } from 'playwright-core';
import { EXAMPLE_VAULT, ROOT, TODAY } from '../../helpers/vault';
import { ensureBuilt, filesOf, mldocMacroArguments } from '../harness';

export interface LogseqPage {
  page: Page;
  /** Uncaught errors and console errors of the page and its frames, from before the host loaded. */
  errors: string[];
  close(): Promise<void>;
}

function serve(routes: Record<string, [string, string]>): Promise<Server> {
  const server = createServer((req, res) => {
    const route = routes[req.url?.split('?')[0] ?? ''];
    res.writeHead(route ? 200 : 404, { 'content-type': route?.[0] ?? 'text/plain' });
    res.end(route?.[1] ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * A started host page in `browser` (the example vault plus `extraFiles`) whose `{{renderer …}}`
 * macros in `macros` can be rendered. `pluginDir`: another build of the plugin folder (a bench
 * comparing two builds); default this tree's `dist/logseq`, built if missing.
 */
export async function openLogseqPage(browser: Browser, macros: string[], viewport = { width: 1280, height: 860 }, extraFiles: Record<string, string> = {}, pluginDir?: string): Promise<LogseqPage> {
  const plugin = pluginDir === undefined ? ensureBuilt() : readFileSync(join(pluginDir, 'index.js'), 'utf8');
  const dist = pluginDir ?? join(ROOT, 'dist/logseq');
  const driver = await build({ entryPoints: [join(ROOT, 'test/logseq/browser/driver.ts')], bundle: true, write: false, format: 'iife', platform: 'browser', logLevel: 'warning' });
  const host = await serve({
    '/': ['text/html', readFileSync(join(ROOT, 'test/logseq/browser/host.html'), 'utf8')],
    '/driver.js': ['text/javascript', driver.outputFiles[0]!.text],
    '/favicon.ico': ['image/svg+xml', readFileSync(join(dist, 'icon.svg'), 'utf8')],
  });
  const folder = await serve({
    '/plugin/index.html': ['text/html', readFileSync(join(dist, 'index.html'), 'utf8')],
    '/plugin/index.js': ['text/javascript', plugin],
    // The plugin itself, which index.js adds (a build before session 25 has none).
    ...(existsSync(join(dist, 'plugin.js')) ? { '/plugin/plugin.js': ['text/javascript', readFileSync(join(dist, 'plugin.js'), 'utf8')] as [string, string] } : {}),
  });
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1 });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  // Relative dates ("22 days ago") as of the test date, so screenshots do not change daily.
  await page.clock.setFixedTime(new Date(`${TODAY}T12:00:00`));
  await page.goto(`http://127.0.0.1:${(host.address() as AddressInfo).port}/`);
  const macroArguments = Object.fromEntries(macros.map((m) => [m, mldocMacroArguments(m) ?? []]));
  const pluginOrigin = `http://127.0.0.1:${(folder.address() as AddressInfo).port}`;
  await page.evaluate((start) => window.mmStart(start), { files: [...filesOf(EXAMPLE_VAULT), ...Object.entries(extraFiles)], macroArguments, pluginOrigin });
  return {
    page,
    errors,
    close: async () => {
      await page.close();
      await new Promise((r) => host.close(r));
      await new Promise((r) => folder.close(r));
    },
  };
}
