// Views of the whole graph in the built Logseq plugin: a query macro, a graph-view query and the
// dashboard, each opened once in its own relaunch over the same graph and frame storage (so each
// finds no component view built yet, as after the app starts). Each phase is timed from the
// user's act (the block rendered, the toolbar clicked, a dashboard tab pressed) until its results
// show, and its tasks are counted until the plugin goes quiet. The dashboard's tabs, header sort,
// Show more and filter (dashboard-phases.ts) each begin with the dashboard opened, not counted.
import type { IDBFactory } from 'fake-indexeddb';
import { loadPlugin, quiet, slotElement, until, viewComplete, type Loaded } from '../../test/logseq/harness';
import { createTaskClock, type TaskClock, type TaskRecord } from '../../test/logseq/task-clock';
import { createGcLog } from '../../test/logseq/gc-log';
import type { FakeGraph } from '../../test/logseq/fake/graph';
import { renameSync, writeFileSync } from 'node:fs';
import { startCpuProfile } from '../obsidian/cpu-profile';
import { actShown, boardShown, dashboardRoot, doAct, frameEvent, listOf, type DashboardAct } from './dashboard-phases';

export interface ViewPhase {
  /** The printed line's name. */
  name: string;
  /** The macro rendered on a page; none: the dashboard is opened from the toolbar. */
  macro?: string;
  /** "Show more" pressed this many times once the results show, each press measured on its own. */
  presses?: number;
  /** A table header pressed once the results show (before any Show more): the whole result sorted by that column. */
  sortBy?: string;
  /** A dashboard phase: the dashboard opened first (not counted), then this is the act. */
  dashboard?: DashboardAct;
}

/** `MM_BENCH_VIEWS=owner,graph`: only the phases whose name holds one of these words (default every phase). */
const ONLY = (process.env['MM_BENCH_VIEWS'] ?? '').split(',').map((w) => w.trim()).filter((w) => w !== '');

export const VIEW_PHASES: ViewPhase[] = ([
  { name: 'query macro (text, limit 20)', macro: '{{renderer :maturity-query, text=pay, limit=20}}' },
  { name: 'query macro (stage, a page shown + Show more)', macro: '{{renderer :maturity-query, stage=staging}}', presses: 3 },
  { name: 'query macro (blocked=true: a filter that reads every view)', macro: '{{renderer :maturity-query, blocked=true}}' },
  { name: 'query macro (every component, Owner header pressed + Show more)', macro: '{{renderer :maturity-query}}', sortBy: 'owner', presses: 2 },
  { name: 'graph query (stage, view=graph)', macro: '{{renderer :maturity-query, stage=staging, view=graph}}' },
  { name: 'dashboard open' },
  { name: 'dashboard graph tab', dashboard: { tab: 'graph' } },
  { name: 'dashboard timeline tab + Show more', dashboard: { tab: 'timeline' }, presses: 1 },
  { name: 'dashboard table tab, Owner header pressed + Show more', dashboard: { tab: 'table' }, sortBy: 'owner', presses: 1 },
  { name: 'dashboard cards tab + Show more', dashboard: { tab: 'cards' }, presses: 1 },
  { name: 'dashboard text filter typed (pay)', dashboard: { filter: 'pay' } },
] satisfies ViewPhase[]).filter((phase) => ONLY.length === 0 || ONLY.some((word) => phase.name.includes(word)));

export interface PhaseFigures {
  /** Of each task over 50 ms and of the longest of each side: ms of garbage collection within it (gc-log.ts). */
  gcMs: Map<TaskRecord, number>;
  name: string;
  /** From the act until the results show. */
  ms: number;
  longest: TaskRecord | null;
  /** The longest in the plugin frame (the 50 ms rule's side) and in the host (Logseq sanitising and injecting what we send). */
  longestFrame: TaskRecord | null;
  longestHost: TaskRecord | null;
  over50: TaskRecord[];
  /** What showed (rows, the Show more button, board items). */
  shown: string;
  /** Each "Show more" press: from the click until its rows and button are in, and the longest task until quiet. */
  presses: Array<{ ms: number; longest: TaskRecord | null; rows: number; over50: number }>;
  /** The header press (`sortBy`): from the click until the table shows that order, and the longest task until quiet. */
  sort: { ms: number; longest: TaskRecord | null; rows: number; over50: number } | null;
}

/** `MM_BENCH_WAIT_S`: how long a phase waits for what it looks for before it fails (default 600 s). */
const WAIT_MS = 1000 * Number(process.env['MM_BENCH_WAIT_S'] ?? 600);
/** How long a Show more press waits for its rows. */
const PRESS_WAIT_MS = Math.min(WAIT_MS, 60_000);

/**
 * Wait until `check` holds, looking every `everyMs` in a task of the harness's own: a look run
 * from a plain timer would be charged to the frame or host task open at that moment.
 */
async function pollUntil(clock: TaskClock, check: () => boolean, what: string, everyMs = 20, ms = WAIT_MS): Promise<void> {
  const end = Date.now() + ms;
  for (;;) {
    const held = await new Promise<boolean>((resolve) => setTimeout(clock.wrap('harness', `poll ${what}`, () => resolve(check())), everyMs));
    if (held) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
  }
}

/** A slot showing its view: our markup, and no placeholder still waiting. */
function slotShown(el: Element | null): boolean {
  return el?.querySelector('[data-injected-ui] .mm-logseq-slot') !== null && el?.querySelector('[aria-busy="true"]') === null && viewComplete(el);
}

/** A query table's rows: the head's <tr>s and the rows later pieces inject (<div role="row">, Logseq parses templates in a <div>). */
const ROWS = 'tr[data-mm-id], [role="row"][data-mm-id]';

function describeSlot(el: Element): string {
  const rows = el.querySelectorAll(ROWS).length;
  const nodes = el.querySelectorAll('.mm-graph-nodes > *').length;
  const more = el.querySelector('button.mm-show-more')?.textContent ?? 'no Show more';
  return nodes > 0 ? `${nodes} graph nodes` : `${rows} rows, ${more}`;
}

/** Relaunch (warm, no polling) with every task recorded; ready once a badge on `page` shows. */
async function relaunch(graph: FakeGraph, device: IDBFactory, page: string): Promise<{ l: Loaded; clock: TaskClock }> {
  const clock = createTaskClock();
  const l = await loadPlugin({ files: new Map(), graph, indexedDB: device, settings: { pollSeconds: 0 }, clock, beforeRun: () => clock.recording(true) });
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(page)!, '{{renderer :maturity-badge}}'));
  await until(l, () => slotElement(l, slot)?.querySelector('.mm-inline-badge') !== null, 'the badge on a relaunch', 600_000);
  await quiet(l, 'the relaunch to go quiet', 60_000);
  return { l, clock };
}

/**
 * Where a phase's acts happen: a macro's slot in Logseq's window (a press there is the host's, which
 * posts the model call to the frame: the harness's own task, as before), or the dashboard in the
 * plugin's frame (a press there is the frame's own task, dashboard-phases.ts).
 */
interface Target {
  root(): Element;
  /** Rows a Show more adds, and its button. */
  rows: string;
  more: string;
  /** Every piece of the view in, nothing busy. */
  ready(): boolean;
  press(el: HTMLElement, what: string): void;
}

function slotTarget(l: Loaded, clock: TaskClock, slot: string): Target {
  return {
    root: () => slotElement(l, slot),
    rows: ROWS,
    more: 'button.mm-show-more',
    ready: () => viewComplete(slotElement(l, slot)),
    press: (el, what) => clock.wrap('harness', what, () => el.click())(),
  };
}

function dashboardTarget(l: Loaded, clock: TaskClock, act: DashboardAct): Target | null {
  const list = listOf(act.tab ?? 'board');
  if (!list) return null;
  return {
    root: () => dashboardRoot(l),
    rows: list.items,
    more: list.more,
    ready: () => actShown(dashboardRoot(l), act) !== null,
    press: (el, what) => frameEvent(clock, what, () => el.click()),
  };
}

/** Wait until neither the frame nor the host has run a task for `quietMs` (the dashboard asks the host nothing). */
async function threadQuiet(clock: TaskClock, what: string, quietMs = 400): Promise<void> {
  let mark = clock.mark();
  let lastWork = performance.now();
  await pollUntil(clock, () => {
    if (clock.since(mark).some((t) => t.side !== 'harness')) {
      mark = clock.mark();
      lastWork = performance.now();
    }
    return performance.now() - lastWork >= quietMs;
  }, what);
}

/** Until the plugin is quiet: no call to the host, and (the dashboard) no task in the frame. */
async function settled(l: Loaded, clock: TaskClock, what: string, ms: number, frame: boolean): Promise<void> {
  await l.settle(ms);
  await quiet(l, what, 60_000);
  if (frame) await threadQuiet(clock, what);
}

/** The dashboard opened from the toolbar, its board drawn and the plugin quiet: where a dashboard phase starts. */
async function openDashboard(l: Loaded, clock: TaskClock): Promise<void> {
  l.fake.clickToolbar();
  await pollUntil(clock, () => boardShown(dashboardRoot(l)) !== null, 'the dashboard');
  await settled(l, clock, 'the dashboard to go quiet', 500, true);
}

/** The act of a phase; resolves with what shows once its results are in. */
async function act(l: Loaded, clock: TaskClock, phase: ViewPhase, page: string): Promise<{ shown: () => string | null; target: Target | null }> {
  if (phase.macro !== undefined) {
    const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(page)!, phase.macro));
    return { shown: () => (slotShown(slotElement(l, slot)) ? describeSlot(slotElement(l, slot)) : null), target: slotTarget(l, clock, slot) };
  }
  if (phase.dashboard) {
    const dashboard = phase.dashboard;
    doAct(l, clock, dashboard);
    return { shown: () => actShown(dashboardRoot(l), dashboard), target: dashboardTarget(l, clock, dashboard) };
  }
  l.fake.clickToolbar();
  const app = l.frame.document.getElementById('app')!;
  const shown = () => {
    const items = app.querySelectorAll('.mm-board-item').length;
    return items > 0 ? `${items} board items drawn (a page a column; Show more draws the next)` : null;
  };
  return { shown, target: null };
}

const longestOf = (list: TaskRecord[]) => list.reduce<TaskRecord | null>((a, t) => (a === null || t.cpuMs > a.cpuMs ? t : a), null);

/** Press the view's "Show more" `times` times; each press until its rows and its new button are in and the plugin is quiet. */
async function pressMore(l: Loaded, clock: TaskClock, target: Target, frame: boolean, times: number): Promise<PhaseFigures['presses']> {
  const presses: PhaseFigures['presses'] = [];
  for (let k = 0; k < times; k++) {
    const button = target.root().querySelector(target.more) as HTMLElement | null;
    if (!button) break;
    const before = target.root().querySelectorAll(target.rows).length;
    const mark = clock.mark();
    const started = performance.now();
    target.press(button, 'click Show more');
    // A slot's button is written anew with its rows; the dashboard's stays, hidden while its page is drawn.
    const grown = () => (frame ? target.root().querySelectorAll(target.rows).length > before : target.root().querySelector(target.more) !== button);
    // A press whose rows never stay (the list drawn again from its first page meanwhile) is reported, not waited for.
    const held = await pollUntil(clock, () => grown() && target.ready(), 'Show more', 20, PRESS_WAIT_MS).then(() => true, () => false);
    const ms = held ? performance.now() - started : NaN;
    await settled(l, clock, 'Show more to go quiet', 300, frame);
    const tasks = clock.since(mark).filter((t) => t.side !== 'harness');
    presses.push({ ms, longest: longestOf(tasks), rows: target.root().querySelectorAll(target.rows).length - before, over50: tasks.filter((t) => t.cpuMs > 50).length });
  }
  return presses;
}

/** Press a table header; until the table shows that order (every piece in) and the plugin is quiet. */
async function pressHeader(l: Loaded, clock: TaskClock, target: Target, frame: boolean, column: string): Promise<NonNullable<PhaseFigures['sort']>> {
  const header = target.root().querySelector(`th.mm-col-${column} button`) as HTMLElement;
  const mark = clock.mark();
  const started = performance.now();
  target.press(header, `click the ${column} header`);
  await pollUntil(clock, () => target.root().querySelector(`th.mm-col-${column}`)?.getAttribute('aria-sort') === 'ascending' && target.ready(), `sorted by ${column}`);
  const ms = performance.now() - started;
  await settled(l, clock, 'the sort to go quiet', 300, frame);
  const tasks = clock.since(mark).filter((t) => t.side !== 'harness');
  return { ms, longest: longestOf(tasks), rows: target.root().querySelectorAll(target.rows).length, over50: tasks.filter((t) => t.cpuMs > 50).length };
}

/**
 * With MM_BENCH_CPU_PROF (../obsidian/cpu-profile.ts): beside a phase's profile, its tasks over
 * 10 ms with their spans on the profile's clock (µs of process.hrtime), to find each one's samples.
 */
function writeTaskSpans(profile: string | null, name: string, tasks: readonly TaskRecord[]): void {
  if (!profile) return;
  const offsetUs = Number(process.hrtime.bigint() / 1000n) - performance.now() * 1000;
  const spans = tasks.filter((t) => t.side !== 'harness' && t.cpuMs > 10).map((t) => ({ side: t.side, what: t.what, cpuMs: t.cpuMs, startUs: offsetUs + t.startMs * 1000, endUs: offsetUs + (t.startMs + t.wallMs) * 1000 }));
  const path = profile.replace(/bench-main-\d+\.cpuprofile$/, `logseq-${name.replace(/\W+/g, '-')}.cpuprofile`);
  renameSync(profile, path);
  writeFileSync(path.replace(/\.cpuprofile$/, '.tasks.json'), JSON.stringify({ phase: name, spans }));
  process.stdout.write(`${name}: CPU profile ${path}\n`);
}

/** One phase in a relaunch of its own. */
export async function runPhase(graph: FakeGraph, device: IDBFactory, page: string, phase: ViewPhase): Promise<PhaseFigures> {
  const { l, clock } = await relaunch(graph, device, page);
  const frame = phase.dashboard !== undefined;
  if (frame) await openDashboard(l, clock);
  const gc = createGcLog();
  const stopProfile = await startCpuProfile();
  const mark = clock.mark();
  const started = performance.now();
  const { shown, target } = await act(l, clock, phase, page);
  const first: { seen: string | null } = { seen: null };
  await pollUntil(clock, () => (first.seen = shown()) !== null, phase.name);
  const ms = performance.now() - started;
  const seen = first.seen ?? '';
  // The tasks that follow the first results are part of the phase.
  await settled(l, clock, `${phase.name} to go quiet`, 500, frame);
  const tasks = clock.since(mark).filter((t) => t.side !== 'harness');
  const sort = phase.sortBy && target ? await pressHeader(l, clock, target, frame, phase.sortBy) : null;
  const presses = phase.presses && target ? await pressMore(l, clock, target, frame, phase.presses) : [];
  writeTaskSpans(await stopProfile(), phase.name, clock.since(mark));
  clock.recording(false);
  await l.close();
  // The gc entries come a little after the pauses: wait for them before reading.
  await new Promise((resolve) => setTimeout(resolve, 50));
  gc.stop();
  const gcMs = new Map<TaskRecord, number>();
  for (const t of [...tasks.filter((x) => x.cpuMs > 50), longestOf(tasks.filter((x) => x.side === 'frame')), longestOf(tasks.filter((x) => x.side === 'host'))]) if (t) gcMs.set(t, gc.within(t.startMs, t.wallMs));
  return {
    gcMs,
    name: phase.name,
    ms,
    longest: longestOf(tasks),
    longestFrame: longestOf(tasks.filter((t) => t.side === 'frame')),
    longestHost: longestOf(tasks.filter((t) => t.side === 'host')),
    over50: tasks.filter((t) => t.cpuMs > 50),
    shown: seen,
    presses,
    sort,
  };
}

/** The line asked for: `name: N ms, longest task T ms, K tasks over 50 ms`. */
export function phaseLine(p: PhaseFigures): string {
  const after = (what: string, x: { ms: number; longest: TaskRecord | null; over50: number }) => `; ${what}: ${Number.isNaN(x.ms) ? 'its rows never stayed' : `${x.ms.toFixed(0)} ms`}, longest task ${(x.longest?.cpuMs ?? 0).toFixed(0)} ms, ${x.over50} tasks over 50 ms`;
  const sort = p.sort ? after('header press', p.sort) : '';
  const presses = p.presses.map((x, k) => after(`Show more ${k + 1}`, x)).join('');
  return `${p.name}: ${p.ms.toFixed(0)} ms, longest task ${(p.longest?.cpuMs ?? 0).toFixed(0)} ms, ${p.over50.length} tasks over 50 ms${sort}${presses}`;
}

/** What showed and which tasks were long. */
export function phaseContext(p: PhaseFigures): string {
  const long = [...p.over50].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 6).map((t) => `${t.side} ${t.what} ${t.cpuMs.toFixed(0)} ms${p.gcMs.has(t) ? ` (GC ${p.gcMs.get(t)!.toFixed(0)} ms)` : ''}`).join('; ');
  const gc = (t: TaskRecord) => (p.gcMs.has(t) ? `, GC ${p.gcMs.get(t)!.toFixed(0)} ms` : '');
  const side = (t: TaskRecord | null) => (t ? `${t.cpuMs.toFixed(0)} ms (${t.what}${gc(t)})` : 'none');
  const presses = p.presses.map((x, k) => `press ${k + 1}: ${x.rows} rows, ${Number.isNaN(x.ms) ? `its rows never stayed (${PRESS_WAIT_MS / 1000} s)` : `${x.ms.toFixed(0)} ms`}, longest ${x.longest ? `${x.longest.cpuMs.toFixed(0)} ms (${x.longest.side} ${x.longest.what})` : 'none'}`).join('; ');
  const sort = p.sort ? `; the header press: ${p.sort.rows} rows, ${p.sort.ms.toFixed(0)} ms, longest ${p.sort.longest ? `${p.sort.longest.cpuMs.toFixed(0)} ms (${p.sort.longest.side} ${p.sort.longest.what})` : 'none'}` : '';
  return `  ${p.name}: ${p.shown}${sort}${presses ? `; Show more ${presses}` : ''}; longest in the frame ${side(p.longestFrame)}, in the host ${side(p.longestHost)}${long ? `; over 50 ms, longest first: ${long}` : ''}`;
}
