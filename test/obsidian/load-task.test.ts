// @vitest-environment happy-dom
// What the plugin puts on the app's main thread as it loads (bench:obsidian's cold start; see
// docs/benchmarks.md, session 24). The app compiles main.js whole in the task that loads the
// plugin, so the first tests count what V8 reads there; then onload and the start that follows,
// which make nothing that the first build makes again.
import { Script } from 'node:vm';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { workerSources } from './harness/node-host';
import { createHarness, mainJs, startHarness, useHarnessSession } from './helpers';
import { element } from './view-work';

useHarnessSession();
const code = mainJs();

/** The longest string or template literal in `source`, in characters. */
function longestLiteral(source: string): number {
  const file = ts.createSourceFile('main.js', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  let longest = 0;
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteralLike(node) || ts.isTemplateLiteralToken(node)) longest = Math.max(longest, node.text.length);
    ts.forEachChild(node, visit);
  };
  visit(file);
  return longest;
}

/** A worker's code as the build keeps it (scripts/targets.mjs): in a function's comment, `*` `/` and `%` escaped. */
const inComment = (source: string) => `String(function(){/*${source.replace(/%/g, '%25').replace(/\*\//g, '%2A/')}*/})`;

describe('main.js, compiled whole in the task that loads the plugin', () => {
  it('is ASCII: one character above U+007F makes V8 hold and scan all of it as two-byte text', () => {
    expect(code.match(/[\u0080-\uffff]/g) ?? []).toEqual([]);
  });

  it("holds no literal over 16 KB: the workers' 350 KB of code sit in comments, which V8 only skips", () => {
    expect(longestLiteral(code)).toBeLessThan(16_000);
  });

  it('starts each worker from the code its comment holds, whole', async () => {
    const before = workerSources.length;
    const h = await startHarness();
    await h.command('open-graph');
    await element(() => document.querySelector('.maturity-map-graph-body .mm-graph-canvas:not([aria-busy]) svg'));
    const started = new Set(workerSources.slice(before));
    // The parse worker's (the cold start parsed in it) and the graph layout's.
    expect([...started].map((source) => (source.includes('laid-out') ? 'layout' : 'parse')).sort()).toEqual(['layout', 'parse']);
    for (const source of started) {
      expect(() => new Script(source)).not.toThrow();
      expect(code.includes(inComment(source)), 'the code, escaped, in a comment of main.js').toBe(true);
    }
  });
});

describe('the start before the first build', () => {
  it('makes no index as the plugin loads: the first one is the build\'s', async () => {
    const h = createHarness();
    await h.loadPlugin();
    const indexer = (h.plugin as unknown as { indexer: { current: unknown; index: { ids(): string[] } } }).indexer;
    expect(indexer.current).toBeNull();
    h.loadVault();
    h.app.workspace.finishLayout();
    await h.settle();
    await (h.plugin as unknown as { api: { ready(): Promise<void> } }).api.ready();
    expect(indexer.current).not.toBeNull();
    expect(indexer.index.ids().length).toBeGreaterThan(10);
  });

  it('formats no number with toLocaleString: its first call sets up the number formatting (~20 ms here)', async () => {
    const toLocaleString = vi.spyOn(Number.prototype, 'toLocaleString');
    try {
      const h = await startHarness();
      expect(document.querySelector('.maturity-map-status-bar')).not.toBeNull();
      expect((h.plugin as unknown as { indexer: { progress: { phase: string } } }).indexer.progress.phase).toBe('ready');
      expect(toLocaleString).not.toHaveBeenCalled();
    } finally {
      toLocaleString.mockRestore();
    }
  });
});
