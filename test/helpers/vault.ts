// Test helpers: load a folder of notes into an index, and find the shared corpus when present.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { createIndex, type IndexOptions, type MaturityIndex } from '../../src/core/index';

export const ROOT = resolve(__dirname, '../..');
export const EXAMPLE_VAULT = join(ROOT, 'examples/vault');
export const CORPUS = resolve(ROOT, '../shared/corpus');
export const TODAY = '2026-11-24';

/**
 * Whether the shared corpus (or one folder of it) is here. Absent, its suites are skipped with a
 * notice, unless MATURITY_MAP_REQUIRE_CORPUS=1 (set by .ci/run): then a missing corpus is an error.
 */
export function corpusAvailable(name = ''): boolean {
  const path = join(CORPUS, name);
  if (existsSync(path)) return true;
  if (process.env['MATURITY_MAP_REQUIRE_CORPUS'] === '1') {
    throw new Error(`MATURITY_MAP_REQUIRE_CORPUS=1, but ${path} is absent: the corpus suites cannot run.`);
  }
  console.warn(`NOTICE: ${path} is absent; corpus tests are skipped.`);
  return false;
}

export function listMarkdown(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) {
        if (!name.startsWith('.')) walk(full);
      } else if (/\.md$/i.test(name)) out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function loadFolder(dir: string, options: IndexOptions = {}): MaturityIndex {
  const index = createIndex({ today: TODAY, ...options });
  for (const path of listMarkdown(dir)) index.upsert(path, readFileSync(join(dir, path), 'utf8'));
  return index;
}

/**
 * A corpus folder's index for a `describe.runIf(corpusAvailable(…))` block. Vitest runs a skipped
 * block's body to collect its tests, so the body must not read a folder that is absent: then
 * this is an empty index the skipped tests never see.
 */
export function loadCorpusFolder(dir: string, options: IndexOptions = {}): MaturityIndex {
  return existsSync(dir) ? loadFolder(dir, options) : createIndex({ today: TODAY, ...options });
}

export function listCorpusMarkdown(dir: string): string[] {
  return existsSync(dir) ? listMarkdown(dir) : [];
}

export function readNote(dir: string, path: string): string {
  return readFileSync(join(dir, path), 'utf8');
}
