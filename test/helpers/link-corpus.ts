// The corpus through the link edit, for the proofs in each host's terms: the corpus folders as
// vaults (copies in memory, never written), every note linked as the CLI links it, and "complete"
// vaults where each plain-text dependency of a real note names exactly one (stub) component, so
// every real dependency line is exercised, not only the few the corpus itself resolves.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  createIndex,
  createPipeline,
  DEFAULT_STAGES,
  indexResolution,
  linkDependencies,
  logseqLinkTargets,
  obsidianLinkTargets,
  parseNote,
  type LinkEditResult,
  type LinkStyle,
} from '../../src/core/index';
import { nameKey } from '../../src/core/text';
import { CORPUS, listCorpusMarkdown, TODAY } from './vault';

export const pipeline = createPipeline(DEFAULT_STAGES);

export type Files = Record<string, string>;

/** The corpus folders as vaults: `tta-repo` (MATURITY.md tree), `tta-kb` (Logseq graph), the template. */
export function corpusVaults(): Array<{ name: string; files: Files }> {
  return ['tta-repo', 'tta-kb'].map((name) => {
    const dir = join(CORPUS, name);
    const files: Files = {};
    for (const path of listCorpusMarkdown(dir)) files[path] = readFileSync(join(dir, path), 'utf8');
    return { name, files };
  });
}

export interface LinkedNote {
  path: string;
  before: string;
  result: LinkEditResult;
}

/** Every note of the vault through the link edit, with the index and targets the CLI uses. */
export function linkVault(files: Files, style: LinkStyle): { linked: LinkedNote[]; targetOf: (id: string) => string | null } {
  const index = createIndex({ today: TODAY });
  index.batch(() => {
    for (const [path, text] of Object.entries(files)) index.upsert(path, text);
  });
  const obsidian = obsidianLinkTargets(Object.keys(files));
  const logseq = logseqLinkTargets(Object.keys(files), (id) => files[id] ?? null);
  const targetOf = style === 'obsidian' ? obsidian : logseq;
  const linked = Object.entries(files).map(([path, before]) => ({
    path,
    before,
    result: linkDependencies(before, pipeline, { style, selfId: path, resolve: indexResolution(index, path), targetOf }),
  }));
  return { linked, targetOf };
}

/**
 * The note and one stub component per distinct plain-text dependency name (file named after the
 * dependency, so Obsidian's `[[Name]]` and Logseq's `[[name]]` both reach it); null when the note
 * has no plain-text dependency.
 */
export function completeVault(path: string, text: string): Files | null {
  const names = new Map<string, string>();
  for (const dep of parseNote(text, pipeline).dependencies) {
    if (!dep.link && !names.has(nameKey(dep.name))) names.set(nameKey(dep.name), dep.name);
  }
  if (names.size === 0) return null;
  const files: Files = { [path]: text };
  let n = 0;
  for (const name of names.values()) {
    // A name a file cannot carry gets a neutral file name and its component name in front matter.
    const safe = /^[^/\\:*?"<>|#^[\]]+$/.test(name) && !name.startsWith('.');
    const file = `stubs/${safe ? name : `stub ${n++}`}.md`;
    files[file] = `---\ncomponent: ${JSON.stringify(name)}\ncurrent_stage: Staging\n---\n# ${name}\n\n**Current Stage**: Staging\n**Owner**: team\n`;
  }
  return files;
}
