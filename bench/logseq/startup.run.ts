// The built Logseq plugin (real SDK) against the fake 0.10.x host over a generated 10,000-page
// graph: start-up until a card shows, the longest stretch the thread was held meanwhile (host
// queries and plugin work together: Logseq runs both on its UI thread), and how many files'
// text a route change and one edit pull. The core's cold index of the same texts, in the same
// run, is the reference for the start-up time.
import { it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { createIndex } from '../../src/core/index';
import { loadVault } from '../corpus';
import { loadPlugin, slotElement, until, type Loaded } from '../../test/logseq/harness';
import { ROOT } from '../../test/helpers/vault';

const PAGES = Number(process.env['MM_BENCH_PAGES'] ?? 10_000);

/** A graph's page file: `pages/A___B.md` for the generated `A/B.md`. */
const pageFile = (path: string) => `pages/${path.replace(/\//g, '___')}`;

/**
 * The longest stretch the thread was held, from a 1 ms timer chain: between two of its turns,
 * the CPU time the process used (what a task costs even when a shared machine descheduled us)
 * and the wall time (what a user would have waited, here inflated by other processes).
 */
function watchThread() {
  let stopped = false;
  let lastWall = performance.now();
  let lastCpu = process.cpuUsage();
  const worst = { cpu: 0, wall: 0 };
  const tick = () => {
    if (stopped) return;
    const wall = performance.now();
    const cpu = process.cpuUsage(lastCpu);
    // Never more than the wall gap: other threads (the GC's helpers) add CPU time in parallel.
    worst.cpu = Math.max(worst.cpu, Math.min((cpu.user + cpu.system) / 1000, wall - lastWall));
    worst.wall = Math.max(worst.wall, wall - lastWall);
    lastWall = wall;
    lastCpu = process.cpuUsage();
    setTimeout(tick, 1);
  };
  setTimeout(tick, 1);
  return () => {
    stopped = true;
    return worst;
  };
}

function stageOf(l: Loaded, slot: string): string | null {
  return slotElement(l, slot)?.querySelector('.mm-card .mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage') ?? null;
}

it(`Logseq plugin over a ${PAGES}-page graph`, async () => {
  const vault = loadVault(PAGES, 1);
  const files = new Map<string, string>();
  vault.paths.forEach((p, i) => files.set(pageFile(p), vault.texts[i]!));
  const bytes = vault.texts.reduce((n, t) => n + t.length, 0);

  let t = performance.now();
  const index = createIndex({});
  for (const [path, text] of files) index.upsert(path, text);
  const core = performance.now() - t;
  const target = [...files.keys()].find((p) => index.component(p)?.note.stage?.id === 'development' && /\*\*Current Stage\*\*: Development/.test(files.get(p)!))!;

  // The graph is built before the plugin connects; the clock starts at the handshake.
  let stopWatch: () => { cpu: number; wall: number } = () => ({ cpu: 0, wall: 0 });
  let started = 0;
  const l = await loadPlugin({
    files,
    settings: { pollSeconds: 0 },
    beforeRun: () => {
      stopWatch = watchThread();
      started = performance.now();
    },
  });
  const block = l.graph.addBlock(l.graph.pageOfFile(target)!, '{{renderer :maturity}}');
  const slot = l.fake.renderBlock(block);
  await until(l, () => stageOf(l, slot) === 'development', 'the first card', 1_200_000);
  const startup = performance.now() - started;
  const held = stopWatch();
  const longest = held.cpu;
  const pulledAtStart = l.graph.stats.filesPulled;

  let before = l.graph.stats.filesPulled;
  l.fake.navigate('Some other page');
  await l.settle(1500);
  const onRoute = l.graph.stats.filesPulled - before;

  before = l.graph.stats.filesPulled;
  t = performance.now();
  l.fake.editInApp(target, files.get(target)!.replace(/\*\*Current Stage\*\*: Development/, '**Current Stage**: Staging'));
  await until(l, () => stageOf(l, slot) === 'staging', 'the edit', 60_000);
  const editShown = performance.now() - t;
  await l.settle(5000); // the second look after a long page's late write
  const onEdit = l.graph.stats.filesPulled - before;
  await l.close();

  const lines = [
    `start-up: ${startup.toFixed(0)} ms`,
    `longest main-thread task: ${longest.toFixed(0)} ms`,
    `files pulled on a route change with nothing changed: ${onRoute}`,
    `files pulled after one page edit: ${onEdit}`,
  ];
  const context = [
    `pages: ${files.size} (${(bytes / 1e6).toFixed(1)} MB of text, ${index.ids().length} components); files pulled at start-up: ${pulledAtStart}`,
    `start-up / the core's cold index of the same texts in this run: ${(startup / core).toFixed(1)}× (core ${core.toFixed(0)} ms)`,
    `the edit shown after ${editShown.toFixed(0)} ms (Logseq writes the file on a 1 s queue; the plugin looks 1.3 s after the last edit)`,
    `longest main-thread task is CPU time between two turns of a 1 ms timer (host and plugin share the thread, as in Logseq); in wall time ${held.wall.toFixed(0)} ms on this shared machine`,
    `of which the slowest single query in the host (datascript, as Logseq runs it): ${l.graph.stats.slowestQueryMs.toFixed(0)} ms`,
    `machine: ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(1)} at the end (shared)`,
  ];
  process.stdout.write(`\n${lines.join('\n')}\n${context.join('\n')}\n`);
  writeFileSync(
    join(ROOT, 'bench/results-logseq.json'),
    `${JSON.stringify(
      {
        pages: files.size,
        megabytes: Number((bytes / 1e6).toFixed(1)),
        components: index.ids().length,
        startupMs: Math.round(startup),
        coreColdIndexMs: Math.round(core),
        startupToCore: Number((startup / core).toFixed(2)),
        longestMainThreadTaskMs: Math.round(longest),
        longestWallGapMs: Math.round(held.wall),
        slowestHostQueryMs: Math.round(l.graph.stats.slowestQueryMs),
        filesPulledAtStartup: pulledAtStart,
        filesPulledOnRouteChange: onRoute,
        filesPulledAfterOneEdit: onEdit,
        editShownMs: Math.round(editShown),
        machine: { cores: cpus().length, loadAverage: Number(loadavg()[0]!.toFixed(1)), shared: true },
      },
      null,
      2,
    )}\n`,
  );
});
