// The link edit on copies of every corpus note (in memory; the corpus is never written): the only
// changed bytes are the inserted link syntax, a second run changes nothing, and the dependencies
// resolve to the same components as before. Run in the corpus vaults as they are, and in
// "complete" vaults where each plain-text dependency names exactly one component.
import { describe, expect, it } from 'vitest';
import { createIndex, type LinkStyle } from '../../../src/core/index';
import { completeVault, corpusVaults, linkVault, type Files } from '../../helpers/link-corpus';
import { sameBytes, withoutInsertedLinks } from '../../helpers/link-proof';
import { corpusAvailable, TODAY } from '../../helpers/vault';

function edges(files: Files): string[] {
  const index = createIndex({ today: TODAY });
  index.batch(() => {
    for (const [path, text] of Object.entries(files)) index.upsert(path, text);
  });
  return index.components().flatMap((c) => c.dependencies.map((d) => `${c.id} → ${d.id ?? '-'} (${d.candidateCount})`)).sort();
}

/** Link, prove the bytes, link again: returns how many links went in. */
function proveVault(files: Files, style: LinkStyle): { links: number; notes: number; skipped: Record<string, number> } {
  const { linked } = linkVault(files, style);
  const after: Files = {};
  const skipped: Record<string, number> = {};
  let links = 0;
  let notes = 0;
  for (const { path, before, result } of linked) {
    expect(sameBytes(withoutInsertedLinks(result, style), before), path).toBe(true);
    after[path] = result.text;
    links += result.linked.length;
    if (result.changes.length > 0) notes++;
    for (const s of result.skipped) skipped[s.reason] = (skipped[s.reason] ?? 0) + 1;
  }
  const again = linkVault(after, style).linked;
  for (const { path, result } of again) expect(result.changes, path).toEqual([]);
  expect(edges(after)).toEqual(edges(files));
  return { links, notes, skipped };
}

describe.runIf(corpusAvailable())('link edit on the corpus', () => {
  const vaults = corpusVaults();
  for (const style of ['obsidian', 'logseq'] as const) {
    it(`${style}: the corpus vaults as they are`, () => {
      const counts = vaults.map((v) => ({ vault: v.name, files: Object.keys(v.files).length, ...proveVault(v.files, style) }));
      console.log(`link edit (${style}), corpus vaults: ${JSON.stringify(counts)}`);
      // tta-repo: Gameplay Loop's "Agent Orchestration" is the one plain name that names one
      // component. Obsidian reaches it by path; in Logseq every MATURITY.md is the page "MATURITY",
      // so no page reference can reach it and it is left as text.
      const repo = counts.find((c) => c.vault === 'tta-repo')!;
      if (style === 'obsidian') expect(repo.links).toBe(1);
      else expect([repo.links, repo.skipped['no-target']]).toEqual([0, 1]);
      expect(counts.find((c) => c.vault === 'tta-kb')!.links).toBeGreaterThan(0);
      expect(counts.every((c) => (c.skipped['ambiguous'] ?? 0) > 0)).toBe(true); // two Neo4j notes in each
    });

    it(`${style}: every real dependency line, each name naming one component`, () => {
      let links = 0;
      let notes = 0;
      const skipped: Record<string, number> = {};
      for (const vault of vaults) {
        for (const [path, text] of Object.entries(vault.files)) {
          const files = completeVault(path, text);
          if (files === null) continue;
          const proved = proveVault(files, style);
          links += proved.links;
          notes += proved.notes;
          for (const [k, v] of Object.entries(proved.skipped)) skipped[k] = (skipped[k] ?? 0) + v;
        }
      }
      console.log(`link edit (${style}), complete vaults: ${links} links in ${notes} notes; left: ${JSON.stringify(skipped)}`);
      expect(links).toBeGreaterThan(50);
      // Every name resolves to one component here: nothing is left as unresolved or ambiguous.
      expect(skipped['unresolved'] ?? 0).toBe(0);
      expect(skipped['ambiguous'] ?? 0).toBe(0);
    });
  }
});
