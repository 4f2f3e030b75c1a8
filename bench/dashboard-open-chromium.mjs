// The standalone dashboard page's open in Chromium as a reader's browser does it: no Playwright, so
// no DevTools Network domain, whose agent keeps every byte of the document and decodes all of it
// again when it has loaded — one task of 77–87 ms of CPU for the 6 MB page of a 10k vault, in every
// Playwright run and in nobody's browser (docs/benchmarks.md, session 27). Chromium is driven over
// its DevTools pipe (a browser-wide trace, `Page.navigate`, `Runtime.evaluate` to see the board).
// `node bench/dashboard-open-chromium.mjs [--rounds 4] [--settle 9000] [--network] a.html b.html …`
// opens the pages in turns, round after round, and prints for each open, from the board's
// navigation until `--settle` ms after the board shows: the longest main-thread task (wall and CPU,
// and what it held), the tasks over 50 ms, the longest HTML parser task's CPU, the parser's CPU in
// all, the main thread's CPU, and when the first full garbage collection came; last, as JSON, each
// page's ranges. `--network` enables the Network domain as Playwright does. Chromium runs under
// `taskset -c 1` where taskset exists (the machine's other core is the lead's benchmarks').
import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i < 0 ? fallback : process.argv[i + 1];
};
const ROUNDS = Number(arg('rounds', 4));
const SETTLE_MS = Number(arg('settle', 9000));
const NETWORK = process.argv.includes('--network');
const PAGES = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !['--rounds', '--settle'].includes(all[i - 1]));
const CHROMIUM = process.env.MATURITY_MAP_CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--remote-debugging-pipe', 'about:blank'];
const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'blink.gc', 'cppgc', 'loading', 'v8.execute'];
/** Outermost task events of the renderer's main thread (as bench/dashboard-tasks.ts counts them). */
const TASK_EVENTS = new Set(['ThreadControllerImpl::RunTask', 'RunTask', 'BlinkScheduler_PerformMicrotaskCheckpoint']);
/** What a task held, by the first of these events inside it. */
const KINDS = [
  ['DocumentLoader::BodyLoadingFinished', 'document loaded'],
  ['ParseHTML', 'HTML parser'],
  ['DocumentLoader::CommitNavigation', 'navigation commit'],
  ['MajorGC', 'full collection'],
  ['CppGC.IncrementalSweep', 'Blink heap sweep'],
  ['WebFrameWidgetImpl::UpdateLifecycle', 'frame'],
  ['MinorGC', 'scavenge'],
  ['FunctionCall', 'script'],
  ['RunMicrotasks', 'script'],
];

/** Chromium with its DevTools pipe: `send(method, params, sessionId)` and the trace's events. */
function launch() {
  const pinned = spawnSync('taskset', ['-V']).status === 0;
  const [command, args] = pinned ? ['taskset', ['-c', '1', CHROMIUM, ...CHROMIUM_ARGS]] : [CHROMIUM, CHROMIUM_ARGS];
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] });
  const waiting = new Map();
  const traced = [];
  let traceDone = () => undefined;
  let buffer = '';
  let nextId = 1;
  child.stdio[4].on('data', (data) => {
    buffer += data.toString();
    for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
      const message = JSON.parse(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
      const pending = waiting.get(message.id);
      waiting.delete(message.id);
      if (pending && message.error) pending.reject(new Error(JSON.stringify(message.error)));
      else if (pending) pending.resolve(message.result);
      else if (message.method === 'Tracing.dataCollected') traced.push(...message.params.value);
      else if (message.method === 'Tracing.tracingComplete') traceDone();
    }
  });
  const send = (method, params = {}, sessionId) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      waiting.set(id, { resolve, reject });
      child.stdio[3].write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });
  const traceEnded = new Promise((resolve) => (traceDone = resolve));
  return { send, traced, traceEnded, close: () => child.kill() };
}

/** One open of `page`, traced from its navigation until `SETTLE_MS` after the board shows. */
async function openPage(page) {
  const chromium = launch();
  try {
    const { send } = chromium;
    const { targetId } = await send('Target.createTarget', { url: 'about:blank' });
    const { sessionId } = await send('Target.attachToTarget', { targetId, flatten: true });
    if (NETWORK) await send('Network.enable', {}, sessionId);
    await send('Emulation.setDeviceMetricsOverride', { width: 1360, height: 900, deviceScaleFactor: 1, mobile: false }, sessionId);
    await send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: CATEGORIES } });
    const started = Date.now();
    await send('Page.navigate', { url: pathToFileURL(page).href }, sessionId);
    const board = { expression: `document.querySelector('.mm-board-item') !== null`, returnByValue: true };
    while ((await send('Runtime.evaluate', board, sessionId).catch(() => null))?.result?.value !== true) {
      if (Date.now() - started > 300_000) throw new Error(`${page}: no board after 5 minutes`);
      await sleep(100);
    }
    const boardMs = Date.now() - started;
    await sleep(SETTLE_MS);
    await send('Tracing.end');
    await chromium.traceEnded;
    return { boardMs, ...openFigures(chromium.traced) };
  } finally {
    chromium.close();
  }
}

/** The main thread's outermost tasks, and every complete event on it, in time order. */
function mainThread(events) {
  const main = new Set(events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const all = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const tasks = [];
  let end = -Infinity;
  for (const e of all) {
    if (!TASK_EVENTS.has(e.name) || e.ts < end) continue; // a task inside the one before it
    end = e.ts + e.dur;
    tasks.push(e);
  }
  return { all, tasks };
}

/** The figures of one open's trace (ms). */
function openFigures(events) {
  const { all, tasks } = mainThread(events);
  const inside = (task, name) => all.some((e) => e.name === name && e.ts >= task.ts && e.ts < task.ts + task.dur);
  const kind = (task) => KINDS.find(([name]) => inside(task, name))?.[1] ?? 'other';
  const ms = (us) => Math.round((us ?? 0) / 100) / 10;
  const longestWall = tasks.reduce((a, t) => (t.dur > a.dur ? t : a), tasks[0]);
  const longestCpu = tasks.reduce((a, t) => (t.tdur > a.tdur ? t : a), tasks[0]);
  const parser = tasks.filter((t) => inside(t, 'ParseHTML'));
  const fullCollection = all.find((e) => e.name === 'MajorGC');
  return {
    longestWallMs: ms(longestWall.dur),
    longestWallKind: kind(longestWall),
    longestCpuMs: ms(longestCpu.tdur),
    longestCpuKind: kind(longestCpu),
    over50Wall: tasks.filter((t) => t.dur > 50_000).map((t) => `${ms(t.dur)}/${ms(t.tdur)} ${kind(t)}`),
    over50Cpu: tasks.filter((t) => t.tdur > 50_000).length,
    parserTaskCpuMs: ms(Math.max(0, ...parser.map((t) => t.tdur))),
    parserCpuMs: ms(all.filter((e) => e.name === 'ParseHTML').reduce((sum, e) => sum + (e.tdur ?? 0), 0)),
    mainThreadCpuMs: ms(tasks.reduce((sum, t) => sum + (t.tdur ?? 0), 0)),
    fullCollectionAtMs: fullCollection ? ms(fullCollection.ts - tasks[0].ts) : null,
  };
}

function line(page, round, f) {
  const over = f.over50Wall.length ? ` [${f.over50Wall.join(', ')}]` : '';
  return `${page} round ${round}: board ${f.boardMs} ms; longest task ${f.longestWallMs} ms wall (${f.longestWallKind}), ${f.longestCpuMs} ms CPU (${f.longestCpuKind}); over 50 ms wall ${f.over50Wall.length}${over}, CPU ${f.over50Cpu}; parser task ${f.parserTaskCpuMs} ms CPU, parser ${f.parserCpuMs} in all; main thread ${f.mainThreadCpuMs} ms CPU; first full collection ${f.fullCollectionAtMs === null ? 'none' : `at ${f.fullCollectionAtMs} ms`}`;
}

const range = (values) => [Math.min(...values), Math.max(...values)];
const results = new Map(PAGES.map((page) => [page, []]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const page of PAGES) {
    const figures = await openPage(resolve(page));
    results.get(page).push(figures);
    console.log(line(page, round, figures));
  }
}
const summary = {};
for (const [page, runs] of results) {
  summary[page] = {
    longestCpuMs: range(runs.map((r) => r.longestCpuMs)),
    longestWallMs: range(runs.map((r) => r.longestWallMs)),
    over50Wall: runs.map((r) => r.over50Wall.length),
    parserTaskCpuMs: range(runs.map((r) => r.parserTaskCpuMs)),
    parserCpuMs: range(runs.map((r) => r.parserCpuMs)),
    mainThreadCpuMs: range(runs.map((r) => r.mainThreadCpuMs)),
    boardMs: range(runs.map((r) => r.boardMs)),
  };
}
console.log(JSON.stringify({ network: NETWORK, settleMs: SETTLE_MS, pages: summary }, null, 2));
