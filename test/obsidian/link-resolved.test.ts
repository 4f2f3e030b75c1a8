// @vitest-environment happy-dom
// Proof in Obsidian's own terms: after the link edit, the metadata cache's `resolvedLinks` (what
// the Backlinks pane, the graph view and Breadcrumbs read) holds an edge from each note to each
// dependency it linked; before it, none of those edges existed. On the corpus vaults and on
// "complete" vaults where every real dependency line names one component.
import { describe, expect, it } from 'vitest';
import { completeVault, corpusVaults, linkVault, type Files } from '../helpers/link-corpus';
import { corpusAvailable } from '../helpers/vault';
import { installEnvironment } from './harness/app';
import { App } from './harness/plugin';

function appWith(files: Files): App {
  installEnvironment();
  const app = new App();
  for (const [path, text] of Object.entries(files)) app.vault.seed(path, text);
  return app;
}

/** Edges `from → to` the cache resolves, for the given notes. */
function resolvedEdges(app: App, paths: string[]): Set<string> {
  const out = new Set<string>();
  for (const path of paths) {
    app.metadataCache.getCache(path);
    for (const to of Object.keys(app.metadataCache.resolvedLinks[path] ?? {})) out.add(`${path} → ${to}`);
  }
  return out;
}

/** Link the vault, then check each linked dependency is an edge of resolvedLinks (and was not before). */
function prove(files: Files): number {
  const { linked } = linkVault(files, 'obsidian');
  const wanted = linked.flatMap(({ path, result }) => result.linked.map((l) => `${path} → ${l.id}`));
  const changed = linked.filter((n) => n.result.changes.length > 0).map((n) => n.path);
  const before = resolvedEdges(appWith(files), changed);
  const after = resolvedEdges(appWith(Object.fromEntries(linked.map((n) => [n.path, n.result.text]))), changed);
  for (const edge of wanted) {
    expect(before.has(edge), edge).toBe(false);
    expect(after.has(edge), edge).toBe(true);
  }
  return wanted.length;
}

describe.runIf(corpusAvailable())('linked dependencies in Obsidian’s resolvedLinks', () => {
  it('the corpus vaults as they are', () => {
    const counts = corpusVaults().map((v) => prove(v.files));
    expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(1);
  });

  it('every real dependency line, each name naming one component', () => {
    let edges = 0;
    for (const vault of corpusVaults()) {
      for (const [path, text] of Object.entries(vault.files)) {
        const files = completeVault(path, text);
        if (files) edges += prove(files);
      }
    }
    expect(edges).toBeGreaterThan(50);
  });
});
