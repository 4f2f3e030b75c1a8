// Shared set-up for the plugin tests: the example vault, the built bundle and the manifest, loaded
// into the harness. Each test gets a fresh app and must dispose of it (the harness registries are
// module-level, like the app's).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_VAULT, listMarkdown, ROOT } from '../helpers/vault';
import { Harness, type HarnessOptions } from './harness/app';
import { installIndexedDB, installWorkers, newIndexedDB, removeWorkers } from './harness/node-host';
import type { PluginManifest } from './harness/plugin';
import { track } from './harness/session';

export { dispose, useHarnessSession, whenClosed } from './harness/session';

export const MAIN_JS = join(ROOT, 'dist/obsidian/main.js');
export const MANIFEST: PluginManifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8')) as PluginManifest;

/** The built bundle; built here when a test run starts without `npm run build`. */
export function mainJs(): string {
  if (!existsSync(MAIN_JS)) execFileSync(process.execPath, [join(ROOT, 'scripts/build.mjs'), '--only', 'obsidian'], { cwd: ROOT });
  return readFileSync(MAIN_JS, 'utf8');
}

export function exampleFiles(): Record<string, string> {
  const files: Record<string, string> = {};
  for (const path of listMarkdown(EXAMPLE_VAULT)) files[path] = readFileSync(join(EXAMPLE_VAULT, path), 'utf8');
  return files;
}

export interface NodeHostOptions {
  /** The device's IndexedDB (share one to relaunch over the same cache); null: none. Default: a fresh one. */
  indexedDB?: ReturnType<typeof newIndexedDB> | null;
  /** Web Workers available (default true). */
  workers?: boolean;
}

/** A harness app with what a browser gives the plugin (workers, IndexedDB); not started. */
export function createHarness(options: Partial<HarnessOptions> & NodeHostOptions = {}): Harness {
  const { indexedDB, workers, ...rest } = options;
  if (workers === false) removeWorkers();
  else installWorkers();
  installIndexedDB(indexedDB === undefined ? newIndexedDB() : indexedDB);
  const harness = new Harness({ files: exampleFiles(), mainJs: mainJs(), manifest: MANIFEST, ...rest });
  track(harness);
  return harness;
}

export async function startHarness(options: Partial<HarnessOptions> & NodeHostOptions = {}): Promise<Harness> {
  return createHarness(options).start();
}

