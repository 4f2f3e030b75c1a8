// The built plugin in the harness over a generated vault: how long the start-up build takes next
// to the core alone (same texts, same run), how long the longest slice holds the main thread,
// and what one edit costs until an open header shows it. Figures are ratios to a reference
// measured in the same run; absolute times are printed for context only.
import { it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { loadVault } from '../corpus';
import { Harness } from '../../test/obsidian/harness/app';
import { mainJs, MANIFEST } from '../../test/obsidian/helpers';
import { median } from '../measure';

const NOTES = Number(process.env['MM_BENCH_NOTES'] ?? 2000);

it(`plugin start-up over ${NOTES} generated notes`, async () => {
  const vault = loadVault(NOTES, 1);
  const files: Record<string, string> = {};
  vault.paths.forEach((p, i) => (files[p] = vault.texts[i]!));
  const code = mainJs();

  const coreRuns: number[] = [];
  const pluginRuns: number[] = [];
  const slices: number[] = [];
  let sliceCount = 0;
  let slowest = { ms: 0, path: '', chars: 0 };
  for (let rep = 0; rep < 3; rep++) {
    let t = performance.now();
    const index = createIndex({});
    for (const [path, text] of Object.entries(files)) {
      const one = performance.now();
      index.upsert(path, text);
      const took = performance.now() - one;
      if (took > slowest.ms) slowest = { ms: took, path, chars: text.length };
    }
    coreRuns.push(performance.now() - t);

    const h = new Harness({ files, mainJs: code, manifest: MANIFEST });
    await h.loadPlugin();
    const api = (h.plugin as unknown as { api: { ready(): Promise<void>; events: { on(n: string, cb: () => void): unknown } } }).api;
    let last = 0;
    api.events.on('progress', () => {
      const at = performance.now();
      // A progress event is sent just before each yield: the gap since the last resume is one slice.
      if (last) slices.push(at - last);
      sliceCount++;
      setTimeout(() => (last = performance.now()), 0);
    });
    t = performance.now();
    h.app.workspace.finishLayout();
    await api.ready();
    pluginRuns.push(performance.now() - t);
    h.unloadPlugin();
    document.body.replaceChildren();
  }

  // One edit to a component while its note is open: until the header shows the new stage.
  const h = new Harness({ files, mainJs: code, manifest: MANIFEST });
  await h.start();
  const target = vault.paths.find((p) => /\*\*Current Stage\*\*: Development/.test(files[p]!))!;
  await h.open(target);
  const editRuns: number[] = [];
  const upsertRuns: number[] = [];
  const index = createIndex({});
  for (const [path, text] of Object.entries(files)) index.upsert(path, text);
  for (let i = 0; i < 20; i++) {
    const stage = i % 2 === 0 ? 'Staging' : 'Development';
    const text = files[target]!.replace(/\*\*Current Stage\*\*: [^\n]*/, `**Current Stage**: ${stage}`);
    let t = performance.now();
    index.upsert(target, text);
    upsertRuns.push(performance.now() - t);
    // From the metadata cache's 'changed' event (what the app sends after its own parse) until the
    // header is redrawn at the next frame.
    const header = () => document.querySelector('.workspace-leaf:not([style*="none"]) .maturity-map-header')?.textContent ?? '';
    t = performance.now();
    h.app.metadataCache.trigger('changed', h.file(target), text, {});
    while (!header().includes(stage)) await new Promise((r) => requestAnimationFrame(r));
    editRuns.push(performance.now() - t);
  }
  h.unloadPlugin();

  const core = median(coreRuns);
  const plugin = median(pluginRuns);
  const sorted = [...slices].sort((a, b) => a - b);
  const lines = [
    `notes: ${NOTES} (${vault.components} components)`,
    `start-up build, plugin / core alone: ${(plugin / core).toFixed(2)}× (plugin ${plugin.toFixed(0)} ms, core ${core.toFixed(0)} ms; median of 3)`,
    `main-thread slices during the build: ${Math.round(sliceCount / 3)} per build; longest ${sorted[sorted.length - 1]?.toFixed(1)} ms, median ${median(slices).toFixed(1)} ms; the slowest single note takes ${slowest.ms.toFixed(1)} ms in the core alone (${slowest.path}, ${slowest.chars} chars)`,
    `one edit until the open header is redrawn, vs the core upsert alone: ${(median(editRuns) / median(upsertRuns)).toFixed(1)}× (${median(editRuns).toFixed(2)} ms vs ${median(upsertRuns).toFixed(2)} ms; from the 'changed' event, including the wait for the next frame)`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);
});
