// Views of the whole graph in the built Logseq plugin: a query macro, a graph-view query and the
// dashboard, each opened once in its own relaunch over the same graph and frame storage (so each
// finds no component view built yet, as after the app starts). Each phase is timed from the
// user's act (the block rendered, the toolbar clicked) until its results show, and its tasks are
// counted until the plugin goes quiet.
import type { IDBFactory } from 'fake-indexeddb';
import { loadPlugin, quiet, slotElement, until, viewComplete, type Loaded } from '../../test/logseq/harness';
import { createTaskClock, type TaskClock, type TaskRecord } from '../../test/logseq/task-clock';
import { createGcLog } from '../../test/logseq/gc-log';
import type { FakeGraph } from '../../test/logseq/fake/graph';

export interface ViewPhase {
  /** The printed line's name. */
  name: string;
  /** The macro rendered on a page; none: the dashboard is opened from the toolbar. */
  macro?: string;
  /** "Show more" pressed this many times once the results show, each press measured on its own. */
  presses?: number;
  /** A table header pressed once the results show (before any Show more): the whole result sorted by that column. */
  sortBy?: string;
}

/** `MM_BENCH_VIEWS=owner,graph`: only the phases whose name holds one of these words (default every phase). */
const ONLY = (process.env['MM_BENCH_VIEWS'] ?? '').split(',').map((w) => w.trim()).filter((w) => w !== '');

export const VIEW_PHASES: ViewPhase[] = [
  { name: 'query macro (text, limit 20)', macro: '{{renderer :maturity-query, text=pay, limit=20}}' },
  { name: 'query macro (stage, a page shown + Show more)', macro: '{{renderer :maturity-query, stage=staging}}', presses: 3 },
  { name: 'query macro (blocked=true: a filter that reads every view)', macro: '{{renderer :maturity-query, blocked=true}}' },
  { name: 'query macro (every component, Owner header pressed + Show more)', macro: '{{renderer :maturity-query}}', sortBy: 'owner', presses: 2 },
  { name: 'graph query (stage, view=graph)', macro: '{{renderer :maturity-query, stage=staging, view=graph}}' },
  { name: 'dashboard open' },
].filter((phase) => ONLY.length === 0 || ONLY.some((word) => phase.name.includes(word)));

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
  presses: Array<{ ms: number; longest: TaskRecord | null; rows: number }>;
  /** The header press (`sortBy`): from the click until the table shows that order, and the longest task until quiet. */
  sort: { ms: number; longest: TaskRecord | null; rows: number } | null;
}

/**
 * Wait until `check` holds, looking every `everyMs` in a task of the harness's own: a look run
 * from a plain timer would be charged to the frame or host task open at that moment.
 */
async function pollUntil(clock: TaskClock, check: () => boolean, what: string, everyMs = 20, ms = 600_000): Promise<void> {
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

/** The act of a phase; resolves with what shows once its results are in. */
async function act(l: Loaded, phase: ViewPhase, page: string): Promise<{ shown: () => string | null; slot: string | null }> {
  if (phase.macro !== undefined) {
    const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(page)!, phase.macro));
    return { shown: () => (slotShown(slotElement(l, slot)) ? describeSlot(slotElement(l, slot)) : null), slot };
  }
  l.fake.clickToolbar();
  const app = l.frame.document.getElementById('app')!;
  const shown = () => {
    const items = app.querySelectorAll('.mm-board-item').length;
    return items > 0 ? `${items} board items drawn (a page a column; Show more draws the next)` : null;
  };
  return { shown, slot: null };
}

const longestOf = (list: TaskRecord[]) => list.reduce<TaskRecord | null>((a, t) => (a === null || t.cpuMs > a.cpuMs ? t : a), null);

/** Press a slot's "Show more" `times` times; each press until its rows and its new button are in and the plugin is quiet. */
async function pressMore(l: Loaded, clock: TaskClock, slot: string, times: number): Promise<PhaseFigures['presses']> {
  const presses: PhaseFigures['presses'] = [];
  for (let k = 0; k < times; k++) {
    const el = slotElement(l, slot);
    const button = el.querySelector('button.mm-show-more') as HTMLElement | null;
    if (!button) break;
    const before = el.querySelectorAll(ROWS).length;
    const mark = clock.mark();
    const started = performance.now();
    clock.wrap('harness', 'click Show more', () => button.click())();
    await pollUntil(clock, () => slotElement(l, slot).querySelector('button.mm-show-more') !== button && viewComplete(slotElement(l, slot)), 'Show more');
    const ms = performance.now() - started;
    await l.settle(300);
    await quiet(l, 'Show more to go quiet', 60_000);
    const tasks = clock.since(mark).filter((t) => t.side !== 'harness');
    presses.push({ ms, longest: longestOf(tasks), rows: slotElement(l, slot).querySelectorAll(ROWS).length - before });
  }
  return presses;
}

/** Press a table header in the slot; until the table shows that order (every piece in) and the plugin is quiet. */
async function pressHeader(l: Loaded, clock: TaskClock, slot: string, column: string): Promise<NonNullable<PhaseFigures['sort']>> {
  const header = slotElement(l, slot).querySelector(`th.mm-col-${column} button`) as HTMLElement;
  const mark = clock.mark();
  const started = performance.now();
  clock.wrap('harness', `click the ${column} header`, () => header.click())();
  await pollUntil(clock, () => slotElement(l, slot).querySelector(`th.mm-col-${column}`)?.getAttribute('aria-sort') === 'ascending' && viewComplete(slotElement(l, slot)), `sorted by ${column}`);
  const ms = performance.now() - started;
  await l.settle(300);
  await quiet(l, 'the sort to go quiet', 60_000);
  const tasks = clock.since(mark).filter((t) => t.side !== 'harness');
  return { ms, longest: longestOf(tasks), rows: slotElement(l, slot).querySelectorAll(ROWS).length };
}

/** One phase in a relaunch of its own. */
export async function runPhase(graph: FakeGraph, device: IDBFactory, page: string, phase: ViewPhase): Promise<PhaseFigures> {
  const { l, clock } = await relaunch(graph, device, page);
  const gc = createGcLog();
  const mark = clock.mark();
  const started = performance.now();
  const { shown, slot } = await act(l, phase, page);
  const first: { seen: string | null } = { seen: null };
  await pollUntil(clock, () => (first.seen = shown()) !== null, phase.name);
  const ms = performance.now() - started;
  const seen = first.seen ?? '';
  // The tasks that follow the first results are part of the phase.
  await l.settle(500);
  await quiet(l, `${phase.name} to go quiet`, 60_000);
  const tasks = clock.since(mark).filter((t) => t.side !== 'harness');
  const sort = phase.sortBy && slot ? await pressHeader(l, clock, slot, phase.sortBy) : null;
  const presses = phase.presses && slot ? await pressMore(l, clock, slot, phase.presses) : [];
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
  return `${p.name}: ${p.ms.toFixed(0)} ms, longest task ${(p.longest?.cpuMs ?? 0).toFixed(0)} ms, ${p.over50.length} tasks over 50 ms`;
}

/** What showed and which tasks were long. */
export function phaseContext(p: PhaseFigures): string {
  const long = [...p.over50].sort((a, b) => b.cpuMs - a.cpuMs).slice(0, 6).map((t) => `${t.side} ${t.what} ${t.cpuMs.toFixed(0)} ms${p.gcMs.has(t) ? ` (GC ${p.gcMs.get(t)!.toFixed(0)} ms)` : ''}`).join('; ');
  const gc = (t: TaskRecord) => (p.gcMs.has(t) ? `, GC ${p.gcMs.get(t)!.toFixed(0)} ms` : '');
  const side = (t: TaskRecord | null) => (t ? `${t.cpuMs.toFixed(0)} ms (${t.what}${gc(t)})` : 'none');
  const presses = p.presses.map((x, k) => `press ${k + 1}: ${x.rows} rows, ${x.ms.toFixed(0)} ms, longest ${x.longest ? `${x.longest.cpuMs.toFixed(0)} ms (${x.longest.side} ${x.longest.what})` : 'none'}`).join('; ');
  const sort = p.sort ? `; the header press: ${p.sort.rows} rows, ${p.sort.ms.toFixed(0)} ms, longest ${p.sort.longest ? `${p.sort.longest.cpuMs.toFixed(0)} ms (${p.sort.longest.side} ${p.sort.longest.what})` : 'none'}` : '';
  return `  ${p.name}: ${p.shown}${sort}${presses ? `; Show more ${presses}` : ''}; longest in the frame ${side(p.longestFrame)}, in the host ${side(p.longestHost)}${long ? `; over 50 ms, longest first: ${long}` : ''}`;
}
