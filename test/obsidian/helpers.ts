// Shared set-up for the plugin tests: the example vault, the built bundle and the manifest, loaded
// into the harness. Each test gets a fresh app and must dispose of it (the harness registries are
// module-level, like the app's).
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_VAULT, listMarkdown, ROOT } from '../helpers/vault';
import { Harness, type HarnessOptions } from './harness/app';
import type { PluginManifest } from './harness/plugin';

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

export async function startHarness(options: Partial<HarnessOptions> = {}): Promise<Harness> {
  const harness = new Harness({ files: exampleFiles(), mainJs: mainJs(), manifest: MANIFEST, ...options });
  return harness.start();
}

export function dispose(harness: Harness | null): void {
  if (!harness) return;
  if (harness.plugin) harness.unloadPlugin();
  for (const modal of document.querySelectorAll('.modal-container')) modal.remove();
  for (const popover of [...harness.popovers]) popover.hide();
  harness.menus.length = 0;
  document.body.empty();
}
