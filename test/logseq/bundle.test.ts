// The deliverable itself: dist/logseq/index.js, which the plugin frame's page runs first, and
// plugin.js, which index.js adds (src/logseq/plugin-script.ts). The frame compiles each as it
// loads (and every function again, lazily, on its first call).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createFakeGraph } from './fake/graph';
import { ensureBuilt, loadPlugin, PLUGIN_BUNDLE, until } from './harness';
import { createTaskClock } from './task-clock';

describe('index.js and plugin.js', () => {
  it('are ASCII: one character above U+007F makes V8 hold and scan all of a script as two-byte text', () => {
    // esbuild leaves such characters in regular expression literals, and the build escapes them
    // (scripts/ascii.mjs; docs/benchmarks.md, session 25).
    const code = `${ensureBuilt()}\n${readFileSync(PLUGIN_BUNDLE, 'utf8')}`;
    expect(code.match(/[\u0080-\uffff]/g) ?? []).toEqual([]);
    // The parser's arrows and dashes are there, escaped (the history arrow, the criterion dash).
    expect(code).toContain('\\u2192|->|\\u27f6|\\u2794');
    expect(code).toContain('\\s[-\\u2013\\u2014]\\s+');
  });

  it('index.js, the task that loads the plugin in Logseq, holds the SDK and the loader only: the plugin is in plugin.js', () => {
    // Evaluating all of it in that one task held Logseq's UI thread 50-126 ms (docs/benchmarks.md,
    // session 25, "Logseq's load"); @logseq/libs alone is 94 KB of it.
    const index = ensureBuilt();
    const plugin = readFileSync(PLUGIN_BUNDLE, 'utf8');
    expect(index.length).toBeLessThan(110_000);
    for (const marker of ['mm-card', 'sugiyama', '\\u2192|->|\\u27f6|\\u2794']) {
      expect(index, marker).not.toContain(marker);
      expect(plugin, marker).toContain(marker);
    }
  });
});

describe('the frame page loading the plugin (the harness, as Chromium does it)', () => {
  it('runs index.js in one task and plugin.js in a later task of its own; the plugin starts after both', async () => {
    const clock = createTaskClock();
    const l = await loadPlugin({ files: new Map(), graph: createFakeGraph({}), clock, beforeRun: () => clock.recording(true) });
    try {
      await l.settle(200);
      const names = clock.since(0).map((t) => t.what);
      const index = names.indexOf('load index.js');
      const plugin = names.indexOf('load plugin.js');
      expect(index).toBeGreaterThanOrEqual(0);
      expect(plugin).toBeGreaterThan(index);
      expect(names.filter((n) => n.startsWith('load '))).toEqual(['load index.js', 'load plugin.js']);
      // The plugin registered its toolbar button, so its start ran (after plugin.js's task).
      await until(l, () => l.host.document.querySelector('#fake-toolbar [data-on-click="mmToggleMain"]') !== null, 'the toolbar button');
    } finally {
      await l.close();
    }
  });
});
