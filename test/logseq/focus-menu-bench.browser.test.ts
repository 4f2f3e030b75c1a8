// A measurement, not a test: the tasks that show a 2,000-component graph slot in Chromium, for two
// builds of the plugin taking turns. Run only when asked:
//   MM_FOCUS_MENU_BENCH=/path/to/other/dist/logseq,dist/logseq [MM_FOCUS_MENU_ROUNDS=3] \
//     npx vitest run test/logseq/focus-menu-bench.browser.test.ts
// Each round opens the Logseq-like page with a generated graph (2,300 notes) over one build,
// draws `view=graph` (50 components), measures a reference task (a fixed table of 25 rows and a
// sort, median of 5, each a task of its own), then Show more straight to 2,000 components under
// Chromium's trace. Printed: the longest main-thread task from the press until every piece is in,
// the task that injects the focus menu (a trace stamp from a MutationObserver, which runs at
// the end of that task) and the longest task in the 300 ms after it (style and layout), each also
// as a ratio to the reference task; with a Find field, how long a Find takes to list its matches.
// Also: the longest task and the tasks over 50 ms by CPU time (the trace's thread time; wall time
// on a loaded machine is mostly waiting), the tasks over 50 ms by what held them (rendering, GC,
// the plugin's frame, the host), and the drawing's SVG elements a component.
import { chromium, type Browser, type Page } from 'playwright-core';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from '../browser/chromium';
import { openLogseqPage } from './browser/page';
import { generatedGraph } from './generated-graph';

const BUILDS = (process.env['MM_FOCUS_MENU_BENCH'] ?? '').split(',').filter((d) => d !== '').map((d) => resolve(d));
const ROUNDS = Number(process.env['MM_FOCUS_MENU_ROUNDS'] ?? 3);
const GRAPH = '{{renderer :maturity-query, view=graph}}';
const SLOT = '#block-1';
const SHOWN = 2000;
// MM_FOCUS_MENU_PROFILE=1 adds V8's sampling profiler to the trace (with MM_FOCUS_MENU_TRACE, to read which scripts held a task).
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', ...(process.env['MM_FOCUS_MENU_PROFILE'] ? ['disabled-by-default-v8.cpu_profiler'] : [])];

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  /** The thread's CPU time in the event (µs): what a loaded machine's waits do not inflate. */
  tdur?: number;
  pid: number;
  tid: number;
  args?: { name?: string; data?: { message?: string; frame?: string; url?: string; frames?: Array<{ frame: string; url: string }> } };
}

/** What held a long task: Chromium's rendering (style, layout, paint), a GC, the plugin's frame (its own scripts) or the host's. */
type TaskKind = 'rendering' | 'gc' | 'plugin' | 'host';
const RENDERING = new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit', 'HitTest']);
const GC = new Set(['MajorGC', 'MinorGC', 'V8.GC_MC_INCREMENTAL', 'BlinkGC.AtomicPhase']);

/** The kind of each task over 50 ms, and the longest task of each kind (ms). */
function kindsOf(events: TraceEvent[], mains: Set<string>, long: TraceEvent[]): Partial<Record<TaskKind, { count: number; longest: number }>> {
  const pluginFrames = new Set(events.flatMap((e) => e.args?.data?.frames ?? []).filter((f) => f.url.includes('/plugin/')).map((f) => f.frame));
  const onMain = events.filter((e) => e.ph === 'X' && e.name !== 'RunTask' && mains.has(`${e.pid}:${e.tid}`));
  const kinds: Partial<Record<TaskKind, { count: number; longest: number }>> = {};
  for (const task of long) {
    const end = task.ts + (task.dur ?? 0);
    const inside = onMain.filter((e) => e.tid === task.tid && e.pid === task.pid && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end);
    const spent = (names: Set<string>) => inside.filter((e) => names.has(e.name)).reduce((sum, e) => sum + (e.dur ?? 0), 0);
    const half = (task.dur ?? 0) / 2;
    const kind: TaskKind = spent(RENDERING) > half ? 'rendering' : spent(GC) > half ? 'gc' : inside.some((e) => pluginFrames.has(e.args?.data?.frame ?? '')) ? 'plugin' : 'host';
    const seen = (kinds[kind] ??= { count: 0, longest: 0 });
    seen.count++;
    seen.longest = Math.max(seen.longest, (task.dur ?? 0) / 1000);
  }
  return kinds;
}

/** The fixed reference work, in the page: its median wall time over 5 tasks. */
function referenceTask(page: Page): Promise<number> {
  return page.evaluate(async () => {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      await new Promise((r) => setTimeout(r, 0));
      const t0 = performance.now();
      const table = document.createElement('table');
      for (let r = 0; r < 25; r++) {
        const tr = table.insertRow();
        for (let c = 0; c < 11; c++) tr.insertCell().textContent = `row ${r} cell ${c}`;
      }
      document.body.appendChild(table);
      void table.getBoundingClientRect().height;
      table.remove();
      let seed = 1;
      Array.from({ length: 20_000 }, () => (seed = (seed * 48271) % 2147483647)).sort((a, b) => a - b);
      times.push(performance.now() - t0);
    }
    return times.sort((a, b) => a - b)[2]!;
  });
}

/** Every piece of the slot in, `n` nodes drawn. */
function complete(page: Page, n: number): Promise<unknown> {
  return page.waitForFunction(
    ([selector, count]) => {
      const el = document.querySelector(selector as string);
      if (!el || el.querySelector('[aria-busy="true"]')) return false;
      const parts = [...el.querySelectorAll('.mm-slot-part')].every((part) => part.children.length > 0);
      const layers = [...el.querySelectorAll('[data-mm-layers]')].every((first) => (first.closest('.mm-graph-canvas')?.querySelectorAll('[data-injected-ui]').length ?? 0) >= Number(first.getAttribute('data-mm-layers')));
      return parts && layers && el.querySelectorAll('.mm-graph-nodes > .mm-node').length === count;
    },
    [SLOT, n],
    { timeout: 300_000, polling: 200 },
  );
}

/** The main threads' tasks (ms) and the time of the menu's mark, from a Chromium trace. */
function tasksOf(trace: Buffer): { tasks: Array<{ ts: number; ms: number; cpu: number }>; mark: number | null; kinds: ReturnType<typeof kindsOf>; mostStyled: number } {
  const all = allTasksOf(trace);
  const press = all.press ?? 0;
  const styled = all.events.filter((e) => e.name === 'UpdateLayoutTree' && e.ts >= press && all.mains.has(`${e.pid}:${e.tid}`)).map((e) => (e.args as { elementCount?: number } | undefined)?.elementCount ?? 0);
  const mostStyled = Math.max(0, ...styled);
  if (all.press === null) return { ...all, mostStyled };
  const after = all.runs.filter((e) => e.ts + (e.dur ?? 0) >= press);
  return { ...all, mostStyled, tasks: after.map((e) => ({ ts: e.ts, ms: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 })), kinds: kindsOf(all.events, all.mains, after.filter((e) => (e.dur ?? 0) > 50_000)) };
}

/** Every main-thread task of the trace, and the press's stamp (Find's trace has none). */
function allTasksOf(trace: Buffer): { tasks: Array<{ ts: number; ms: number; cpu: number }>; mark: number | null; kinds: ReturnType<typeof kindsOf>; press: number | null; runs: TraceEvent[]; events: TraceEvent[]; mains: Set<string> } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  if (process.env['MM_FOCUS_MENU_TRACE']) writeFileSync(`${process.env['MM_FOCUS_MENU_TRACE']}-${Date.now()}.json`, trace);
  const mains = new Set(events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}:${e.tid}`));
  const runs = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && mains.has(`${e.pid}:${e.tid}`));
  const tasks = runs.map((e) => ({ ts: e.ts, ms: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 }));
  const mark = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'mm-menu-in')?.ts ?? null;
  const press = events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === 'mm-press')?.ts ?? null;
  return { tasks, mark, kinds: kindsOf(events, mains, runs.filter((e) => (e.dur ?? 0) > 50_000)), press, runs, events, mains };
}

interface Round {
  build: string;
  reference: number;
  longest: number;
  over50: number;
  /** The same two by the tasks' CPU time. */
  longestCpu: number;
  over50Cpu: number;
  menuTask: number;
  afterMenu: number;
  options: number;
  /** The tasks over 50 ms by what held them, press until every piece is in. */
  kinds: ReturnType<typeof kindsOf>;
  /** Elements in the drawing (its layers included) per component drawn. */
  elementsPerNode: number;
  /** The most elements one style pass took in (what piled up between two renderings), and ms from the press until every piece was in. */
  mostStyled: number;
  shownMs: number;
  /** A Find's answer (a build with the field): ms from Enter until the menu lists the matches, and the longest task meanwhile. */
  find: { ms: number; longest: number } | null;
}

/** Types a name's word in Find and presses Enter, under the trace: until the menu lists its matches. */
async function findAnswer(browser: Browser, page: Page): Promise<Round['find']> {
  const field = page.locator(`${SLOT} input.mm-graph-find`);
  if ((await field.count()) === 0) return null;
  await field.fill('adapter');
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const t0 = Date.now();
  await field.press('Enter');
  await page.waitForFunction((s) => document.querySelector(`${s} select.mm-graph-focus optgroup`)?.getAttribute('label') === 'Named like “adapter”', SLOT, { timeout: 120_000, polling: 20 });
  const ms = Date.now() - t0;
  const { tasks } = tasksOf(await browser.stopTracing());
  return { ms, longest: Math.max(...tasks.map((t) => t.ms)) };
}

async function round(browser: Browser, build: string, files: Record<string, string>): Promise<Round> {
  const logseq = await openLogseqPage(browser, [GRAPH], { width: 1280, height: 860 }, files, build);
  const { page } = logseq;
  try {
    await page.evaluate((macro) => window.mmRenderMacro('Daily/2026-11-20.md', macro, 'block-1'), GRAPH);
    await complete(page, 50);
    await page.evaluate(([s, shown]) => {
      // What the model reads of the press (markup.ts slotAction): the rows to show, as many presses would reach.
      document.querySelector(`${s} button.mm-show-more`)!.setAttribute('data-mm-arg', String(shown));
      // The end of the task that puts a new focus menu in the slot: mark it for the trace.
      const menus = new Set(document.querySelectorAll('select.mm-graph-focus'));
      new MutationObserver((_, observer) => {
        if ([...document.querySelectorAll(`${s} select.mm-graph-focus`)].some((m) => !menus.has(m))) {
          console.timeStamp('mm-menu-in');
          (window as unknown as { mmMenuIn: number }).mmMenuIn = performance.now();
          observer.disconnect();
        }
      }).observe(document.querySelector(s as string)!, { childList: true, subtree: true });
      // The press itself, for the trace: tasks that ended before it (Playwright's own checks before it clicks) are not the act's.
      document.addEventListener('click', () => console.timeStamp('mm-press'), { capture: true, once: true });
    }, [SLOT, SHOWN] as const);
    const reference = await referenceTask(page);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    const pressed = Date.now();
    await page.locator(`${SLOT} button.mm-show-more`).click();
    await complete(page, SHOWN);
    const shownMs = Date.now() - pressed;
    const { tasks, mark, kinds, mostStyled } = tasksOf(await browser.stopTracing());
    // MM_FOCUS_MENU_SHOT=/path/prefix: what the slot shows at 2,000, one picture a round.
    if (process.env['MM_FOCUS_MENU_SHOT']) await page.locator(SLOT).screenshot({ path: `${process.env['MM_FOCUS_MENU_SHOT']}-${Date.now()}.png` });
    const menuTask = mark === null ? NaN : Math.max(0, ...tasks.filter((t) => t.ts <= mark && mark <= t.ts + t.ms * 1000).map((t) => t.ms));
    const afterMenu = mark === null ? NaN : Math.max(0, ...tasks.filter((t) => t.ts > mark && t.ts < mark + 300_000).map((t) => t.ms));
    const options = await page.evaluate((s) => document.querySelectorAll(`${s} select.mm-graph-focus option`).length, SLOT);
    const elementsPerNode = await page.evaluate((s) => document.querySelectorAll(`${s} .mm-graph-canvas svg *`).length / document.querySelectorAll(`${s} .mm-graph-nodes > .mm-node`).length, SLOT);
    const find = await findAnswer(browser, page);
    if (mark === null) console.log('no mark in the trace; in the page:', await page.evaluate(() => (window as unknown as { mmMenuIn?: number }).mmMenuIn));
    return { build, reference, longest: Math.max(...tasks.map((t) => t.ms)), over50: tasks.filter((t) => t.ms > 50).length, longestCpu: Math.max(...tasks.map((t) => t.cpu)), over50Cpu: tasks.filter((t) => t.cpu > 50).length, menuTask, afterMenu, options, kinds, elementsPerNode, find, mostStyled, shownMs };
  } finally {
    await logseq.close();
  }
}

describeWithChromium('the tasks that show a 2,000-component graph slot (bench)', () => {
  it.runIf(BUILDS.length > 0)('two builds, taking turns', async () => {
    const { files } = generatedGraph(2300, 1);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const rounds: Round[] = [];
    try {
      for (let r = 0; r < ROUNDS; r++) for (const build of r % 2 === 0 ? BUILDS : [...BUILDS].reverse()) rounds.push(await round(browser, build, Object.fromEntries(files)));
    } finally {
      await browser.close();
    }
    const f = (ms: number, ref: number) => `${ms.toFixed(0)} ms (${(ms / ref).toFixed(1)}×)`;
    for (const r of rounds) console.log(`${r.build}: reference ${r.reference.toFixed(1)} ms; longest task ${f(r.longest, r.reference)}, ${r.over50} over 50 ms (by CPU time: longest ${r.longestCpu.toFixed(0)} ms, ${r.over50Cpu} over 50 ms); the menu's injection ${f(r.menuTask, r.reference)}, longest in the 300 ms after ${f(r.afterMenu, r.reference)}; ${r.options} options; ${r.elementsPerNode.toFixed(1)} SVG elements a component; every piece in after ${r.shownMs} ms, at most ${r.mostStyled} elements styled in one task; over 50 ms by kind: ${Object.entries(r.kinds).map(([k, v]) => `${k} ${v.count} (longest ${v.longest.toFixed(0)} ms)`).join(', ') || 'none'}${r.find ? `; Find answered in ${r.find.ms} ms, longest task meanwhile ${f(r.find.longest, r.reference)}` : ''}`);
    expect(rounds.length).toBe(ROUNDS * BUILDS.length);
  }, 3_600_000);
});
