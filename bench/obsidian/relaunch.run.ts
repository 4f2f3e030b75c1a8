// MM_BENCH_RELAUNCH=1 npm run bench:obsidian -- bench/obsidian/relaunch.run.ts: the heap across
// repeated launches in one process (skipped otherwise). Two ways: the app quit and relaunched over
// the same cache (what startup.run.ts does between phases), and the plugin disabled and enabled in
// one running app (a user's toggle, an update). After each: full collections, the heap in use, and
// how many unloaded plugins and indexes are still reachable (a FinalizationRegistry: no reference
// of the probe's own keeps them). MM_BENCH_NOTES (default 2,000); MM_BENCH_VIEWS_USED=1 opens the
// dashboard, the graph and a note and edits it in each launch; MM_BENCH_HEAP_SNAPSHOTS=dir writes
// heap snapshots after the third and fourth unload of each way, to diff.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';
import { it } from 'vitest';
import { loadVault } from '../corpus';
import type { Harness } from '../../test/obsidian/harness/app';
import { newIndexedDB } from '../../test/obsidian/harness/node-host';
import { createHarness, dispose, whenClosed } from '../../test/obsidian/helpers';

const NOTES = Number(process.env['MM_BENCH_NOTES'] ?? 2000);
const ROUNDS = 6;
const USE_VIEWS = process.env['MM_BENCH_VIEWS_USED'] === '1';
const SNAPSHOTS = process.env['MM_BENCH_HEAP_SNAPSHOTS'] ?? '';
const run = process.env['MM_BENCH_RELAUNCH'] === '1' ? it : it.skip;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Loaded {
  api: { ready(): Promise<void> };
  indexer: { index: object; closed: Promise<void>; flushWrites(): Promise<void> };
}
const loaded = (h: Harness) => h.plugin as unknown as Loaded;

/** Counts the plugins and indexes made and those collected since. */
function tracker() {
  let made = 0;
  let freed = 0;
  const registry = new FinalizationRegistry<string>(() => freed++);
  return {
    watch(h: Harness): void {
      registry.register(loaded(h), 'plugin');
      registry.register(loaded(h).indexer.index, 'index');
      made += 2;
    },
    reachable: () => `${made - freed} of ${made}`,
  };
}

async function collectAndReport(label: string, round: number, reachable: string): Promise<void> {
  await wait(100);
  for (let i = 0; i < 3; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    await wait(10);
  }
  if (SNAPSHOTS !== '' && (round === 2 || round === 3)) await heapSnapshot(join(SNAPSHOTS, `${label}-${round}.heapsnapshot`));
  process.stdout.write(`${label} ${round}: heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB; unloaded plugins and indexes still reachable: ${reachable}\n`);
}

async function startPlugin(h: Harness): Promise<void> {
  await h.loadPlugin();
  h.loadVault();
  h.app.workspace.finishLayout();
  await loaded(h).api.ready();
  await loaded(h).indexer.flushWrites();
}

/** Open the dashboard, the graph and a note, edit the note, then close the tabs opened. */
async function useViews(h: Harness, target: string): Promise<void> {
  const first = h.app.workspace.leaves[0];
  await h.command('open-dashboard');
  await h.command('open-graph');
  await h.open(target);
  await h.edit(target, (text) => text.replace(/\*\*Current Stage\*\*: [^\n]*/, '**Current Stage**: Staging'));
  await wait(500);
  for (const leaf of [...h.app.workspace.leaves]) if (leaf !== first) leaf.detach();
  await h.settle();
}

function benchFiles(): { files: Record<string, string>; target: string } {
  const vault = loadVault(NOTES, 1);
  const files: Record<string, string> = {};
  vault.paths.forEach((p, i) => (files[p] = vault.texts[i]!));
  const target = vault.paths.find((p) => /\*\*Current Stage\*\*: Development/.test(files[p]!))!;
  return { files, target };
}

run(`relaunches and reloads over ${NOTES} notes`, async () => {
  const { files, target } = benchFiles();
  const device = newIndexedDB();
  const relaunched = tracker();
  for (let round = 0; round < ROUNDS; round++) {
    let h: Harness | null = createHarness({ files, indexedDB: device, workers: true });
    await startPlugin(h);
    relaunched.watch(h);
    if (USE_VIEWS) await useViews(h, target);
    dispose(h);
    h = null;
    await whenClosed();
    await collectAndReport('relaunch', round, relaunched.reachable());
  }
  const h = createHarness({ files, indexedDB: device, workers: true });
  await startPlugin(h);
  const reloaded = tracker();
  for (let round = 0; round < ROUNDS; round++) {
    if (USE_VIEWS) await useViews(h, target);
    reloaded.watch(h);
    const closed = loaded(h).indexer.closed;
    h.unloadPlugin();
    await closed;
    await h.settle();
    await collectAndReport('disable/enable', round, reloaded.reachable());
    await h.loadPlugin();
    await loaded(h).api.ready();
    await loaded(h).indexer.flushWrites();
  }
  dispose(h);
  await whenClosed();
});

async function heapSnapshot(path: string): Promise<void> {
  const session = new Session();
  session.connect();
  const chunks: string[] = [];
  session.on('HeapProfiler.addHeapSnapshotChunk', (m) => chunks.push((m.params as { chunk: string }).chunk));
  await new Promise<void>((resolve, reject) => session.post('HeapProfiler.takeHeapSnapshot', {}, (err) => (err ? reject(err) : resolve())));
  session.disconnect();
  writeFileSync(path, chunks.join(''));
}
