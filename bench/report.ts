// The benchmark table (stdout) and bench/results.json.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { CoreFigures, ShortcutFigure } from './core-bench';
import type { CachedScanFigures, ScanFigures, SharedNameFigures } from './cli-bench';
import { frameText, type DashboardTasks } from './dashboard-tasks';
import type { PeerFigures } from './peer-parsers';
import type { LayoutQuality } from './layout-quality';

export interface Machine {
  cpu: string;
  cores: number;
  node: string;
  date: string;
  loadBefore: number[];
  loadAfter?: number[];
  pinnedToOneCore: boolean;
}

export interface RenderFigures {
  /** Layout of N generated components (src/render, d3-dag), median ms; null when not measured. */
  layout: {
    components: number;
    edges: number;
    medianMs: number;
    runs: number[];
    /** d3-dag's stock layout (longest path, depth-first order, greedy coordinates) of the same graph, same run. */
    referenceMedianMs: number;
    referenceRuns: number[];
    /** medianMs ÷ referenceMedianMs */
    ratio: number;
    /** The same in CPU time of the bench process (what a shared machine does not inflate), ms. */
    cpuMedianMs?: number;
    cpuRuns?: number[];
    referenceCpuMedianMs?: number;
    referenceCpuRuns?: number[];
    cpuRatio?: number;
    /** What the drawing is worth, counted from the layout (bench/layout-quality.ts): the same in every run. */
    quality?: LayoutQuality;
  } | null;
  /** The standalone dashboard of N components in Chromium: board painted (ms from navigation
   * start), then the graph tab drawn (ms from the click); null when not measured. */
  paint: {
    components: number;
    /** The first frame with the board: first-contentful-paint (the page paints nothing before its app), ms. */
    medianMs: number;
    runs: number[];
    /** Two animation frames after the driver saw the first board item (the measure until session 3). */
    framesMedianMs?: number;
    framesRuns?: number[];
    /** Every page of the board drawn, each asked for as soon as the last was drawn, ms from navigation start. */
    completeMedianMs?: number;
    completeRuns?: number[];
    graphMedianMs: number;
    graphRuns: number[];
    /** The page's size in bytes (target ≤ 3 MB). */
    pageBytes?: number;
    /** The reference: a one-paragraph page opened and timed the same way, same run. */
    blankMedianMs?: number;
    blankRuns?: number[];
  } | null;
  /** The dashboard of a 10k-note vault in Chromium, watched for long tasks (bench/dashboard-tasks.ts). */
  tasks?: DashboardTasks | null;
  pendingReason?: string;
}

export interface Results {
  machine: Machine;
  sizes: Record<string, CoreFigures>;
  render: RenderFigures;
  /** Whole CLI processes against the I/O floor (bench/cli-bench.ts); null when skipped. */
  cli?: { scan: ScanFigures; sharedNames: SharedNameFigures[]; cachedScan?: CachedScanFigures } | null;
  /** The parser's shortcut ledger (bench/core-bench.ts shortcutLedger), on one vault; absent when skipped. */
  ledger?: { vaultNotes: number; shortcuts: ShortcutFigure[] };
}

export function machine(pinned: boolean): Machine {
  let cpu = cpus()[0]?.model ?? 'unknown';
  try {
    const info = readFileSync('/proc/cpuinfo', 'utf8');
    const m = /^model name\s*:\s*(.+)$/m.exec(info);
    if (m) cpu = m[1]!.trim();
  } catch {
    // not Linux: os.cpus() is enough
  }
  return { cpu, cores: cpus().length, node: process.version, date: new Date().toISOString(), loadBefore: loadavg(), pinnedToOneCore: pinned };
}

const TARGETS = {
  cold10k: 1000,
  cold50k: 5000,
  ratio: 150,
  edit: 1,
  query: 1,
  heap10k: 50,
  layout: 300,
  paint: 1000,
  scanRatio: 3,
};

function fmt(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(digits);
}

type AddRow = (name: string, values: string[], target: string) => unknown;

const mb = (n: number | null) => (n === null ? '–' : `${fmt(n, 0)} MB`);

/** The whole-process rows: the I/O floor first (the reference), then each scan as a ratio to it. */
function cliRows(cli: NonNullable<Results['cli']>, once: (value: string) => string[], add: AddRow): void {
  const s = cli.scan;
  const vault = `${s.notes} notes, ${s.components} components, ${fmt(s.megabytes)} MB`;
  add('realistic vault: I/O floor (reference), ms', once(`${fmt(s.floor.medianMs)} (${vault}; ${s.floor.variant}; peak ${mb(s.floor.peakRssMedianMb)})`), '');
  add('realistic vault: scan, whole process, ms', once(`${fmt(s.scan.medianMs)} = ${fmt(s.ratio, 2)}× floor (CPU ${fmt(s.cpuRatio, 2)}×; peak ${mb(s.scan.peakRssMedianMb)})`), `≤ ${TARGETS.scanRatio}× floor`);
  add('realistic vault: scan with V8 defaults, ms', once(`${fmt(s.scanV8Defaults.medianMs)} = ${fmt(s.scanV8Defaults.medianMs / s.floor.medianMs, 2)}× floor (the CLI's V8 tuning off)`), '');
  add('realistic vault: scan --json, ms', once(`${fmt(s.scanJson.medianMs)} = ${fmt(s.scanJson.medianMs / s.floor.medianMs, 2)}× floor`), '');
  add('realistic vault: scan --cache, nothing changed, ms', once(`${fmt(s.scanCached.medianMs)} = ${fmt(s.scanCached.medianMs / s.floor.medianMs, 2)}× floor`), '');
  const c = cli.cachedScan;
  if (c) {
    const floor = `${fmt(c.floor.medianMs)}`;
    add(`${c.notes}-note component vault: I/O floor (reference), ms`, once(floor), '');
    add(`${c.notes}-note component vault: scan, every note parsed, ms`, once(`${fmt(c.cold.medianMs)} = ${fmt(c.cold.medianMs / c.floor.medianMs, 2)}× floor`), '');
    if (c.coldWorkers) {
      const threads = `${fmt(c.coldWorkers.medianMs)} = ${fmt(c.coldWorkers.medianMs / c.cold.medianMs, 2)}× the scan on one thread (${c.cores} cores; CPU ${fmt(c.coldWorkers.cpuMedianMs)} vs ${fmt(c.cold.cpuMedianMs)} ms; peak ${mb(c.coldWorkers.peakRssMedianMb)} vs ${mb(c.cold.peakRssMedianMb)})`;
      add(`${c.notes}-note component vault: scan --jobs auto (parse workers), ms`, once(threads), '');
    }
    add(`${c.notes}-note component vault: scan --cache, nothing changed, ms`, once(`${fmt(c.cached.medianMs)} = ${fmt(c.cached.medianMs / c.floor.medianMs, 2)}× floor, ${fmt(c.cached.medianMs / c.cold.medianMs, 2)}× the scan`), '');
    add(`${c.notes}-note component vault: scan --cache, every time new (a fresh clone), ms`, once(`${fmt(c.cachedTouched.medianMs)} = ${fmt(c.cachedTouched.medianMs / c.floor.medianMs, 2)}× floor, ${fmt(c.cachedTouched.medianMs / c.cold.medianMs, 2)}× the scan`), '');
  }
  for (const n of cli.sharedNames) {
    add(`${n.notes} same-named notes: scan --json, ms`, once(`${fmt(n.scanJson.medianMs)} = ${fmt(n.ratio, 1)}× floor (${fmt(n.floor.medianMs)})`), '');
  }
}

/** Issue #20 item 3's rows: the parser's floors against the cold index, and the peer parsers. */
function parserRows(figures: CoreFigures[], add: (name: string, values: string[], target: string) => void): void {
  const ofCold = (f: CoreFigures, ms: number | undefined) => (ms === undefined || f.cold.cpuMedianMs === undefined ? '–' : `${fmt(ms)} = ${fmt(ms / f.cold.cpuMedianMs, 2)}× cold`);
  add('floor: line classifier (bench/line-classifier.ts), CPU ms', figures.map((f) => ofCold(f, f.floor?.classifierMs)), '');
  add('floor: structure pass (scanBlocks, no visitor work), CPU ms', figures.map((f) => ofCold(f, f.floor?.structureMs)), '');
  add('floor: parse, index detail, CPU ms', figures.map((f) => ofCold(f, f.floor?.parseMs)), '');
  const kept = (f: CoreFigures, ms: number | undefined, count: number | undefined, what: string) => (count === undefined ? '–' : `${ofCold(f, ms)} (${fmt(count)} ${what})`);
  add("floor: the kept model's strings made (bench/model-floor.ts), CPU ms", figures.map((f) => kept(f, f.floor?.modelStringsMs, f.floor?.keptStrings, 'strings')), '');
  add("floor: the kept model's objects built, CPU ms", figures.map((f) => kept(f, f.floor?.modelObjectsMs, f.floor?.keptObjects, 'objects')), '');
  const peer = (f: CoreFigures, ms: (p: PeerFigures) => number) =>
    f.peers ? `${fmt((f.peers.megabytes / ms(f.peers)) * 1000)} MB/s; parse = ${fmt(ms(f.peers) / f.peers.parseMs, 2)}× its speed (${f.peers.notes} notes)` : '–';
  add('peer: commonmark.js parse (CommonMark reference), CPU', figures.map((f) => peer(f, (p) => p.commonmarkMs)), '');
  add('peer: markdown-it block pass (inline off), CPU', figures.map((f) => peer(f, (p) => p.markdownItBlockMs)), '');
}

export function table(results: Results): string {
  const labels = Object.keys(results.sizes);
  const figures = labels.map((l) => results.sizes[l]!);
  const rows: string[][] = [];
  // A core row has no values when the core was skipped (--skip-core): leave it out.
  const add = (name: string, values: string[], target: string) => values.length > 0 && rows.push([name, ...values, target]);
  add('notes (components)', figures.map((f) => `${f.notes} (${f.components})`), '');
  add('vault size, MB', figures.map((f) => fmt(f.megabytes)), '');
  add('cold index, ms (median)', figures.map((f) => fmt(f.cold.medianMs)), `10k ≤ ${TARGETS.cold10k}, 50k ≤ ${TARGETS.cold50k}`);
  add('cold index, CPU ms (median)', figures.map((f) => fmt(f.cold.cpuMedianMs)), '');
  // A host's first start is the process's first index: its code not yet optimised, its heap not yet grown.
  add('cold index, first run, ms (× the median)', figures.map((f) => `${fmt(f.cold.runs[0] ?? NaN)} (${fmt((f.cold.runs[0] ?? NaN) / f.cold.medianMs, 2)}×)`), '');
  add('cold index, notes/s', figures.map((f) => fmt(f.cold.notesPerSecond, 0)), '');
  add('cold index, MB/s', figures.map((f) => fmt(f.cold.megabytesPerSecond)), '');
  add('remark reference parse, MB/s', figures.map((f) => `${fmt(f.reference.megabytesPerSecond, 2)} (${f.reference.notes} notes)`), '');
  add('ratio: cold index ÷ reference', figures.map((f) => `${fmt(f.ratio)}×` + (f.cpuRatio === undefined ? '' : ` (CPU ${fmt(f.cpuRatio)}×; runs in turns)`)), `≥ ${TARGETS.ratio}×`);
  add('ratio: parse ÷ reference, same notes', figures.map((f) => `${fmt(f.reference.parseRatio)}×`), '');
  parserRows(figures, add);
  add('edit + dependents, ms (median / p95)', figures.map((f) => `${fmt(f.edit.medianMs, 3)} / ${fmt(f.edit.p95Ms, 3)}`), `≤ ${TARGETS.edit}`);
  add('query by stage, ms (median)', figures.map((f) => `${fmt(f.query.medianMs, 3)} (${f.query.results} hits)`), `≤ ${TARGETS.query}`);
  add('first query (builds views), ms', figures.map((f) => fmt(f.query.firstMs)), '');
  add('retained heap, MB', figures.map((f) => fmt(f.heapMegabytes)), `10k ≤ ${TARGETS.heap10k}`);
  add('retained heap the views add, every view built, MB', figures.map((f) => fmt(f.viewsHeapMegabytes)), '');
  const r = results.render;
  const pending = `pending${r.pendingReason ? ` (${r.pendingReason})` : ''}`;
  // With --skip-core there are no size columns: the renderer's rows get one of their own.
  const columns = labels.length > 0 ? labels : ['renderer'];
  const once = (value: string) => columns.map((_, i) => (i === 0 ? value : ''));
  add('graph layout, ms (median)', once(r.layout ? `${fmt(r.layout.medianMs)} (${r.layout.components} components, ${r.layout.edges} edges)` : pending), `2k ≤ ${TARGETS.layout}`);
  add('ratio: graph layout ÷ d3-dag stock layout', once(r.layout ? `${fmt(r.layout.ratio, 2)}× (reference ${fmt(r.layout.referenceMedianMs)} ms)` : pending), '');
  add('graph layout, drawing: crossings, bends', once(r.layout?.quality ? `${r.layout.quality.crossings} crossings, ${r.layout.quality.bends} bends` : '–'), '');
  add('graph layout, CPU ms (median)', once(r.layout?.cpuMedianMs !== undefined ? `${fmt(r.layout.cpuMedianMs)} = ${fmt(r.layout.cpuRatio ?? NaN, 2)}× the stock layout's (${fmt(r.layout.referenceCpuMedianMs ?? NaN)})` : '–'), '');
  add('blank page painted (reference, first paint), ms', once(r.paint?.blankMedianMs !== undefined ? fmt(r.paint.blankMedianMs) : '–'), '');
  add('dashboard board painted (first paint), ms (median)', once(r.paint ? `${fmt(r.paint.medianMs)} (${r.paint.components} components)${r.paint.blankMedianMs ? ` = ${fmt(r.paint.medianMs / r.paint.blankMedianMs)}× blank` : ''}` : pending), `1k ≤ ${TARGETS.paint}`);
  add('… two frames after the driver saw it, ms', once(r.paint?.framesMedianMs !== undefined ? fmt(r.paint.framesMedianMs) : '–'), '');
  add('… every board page drawn on request, ms', once(r.paint?.completeMedianMs !== undefined ? fmt(r.paint.completeMedianMs) : '–'), '');
  add('dashboard page size, MB', once(r.paint?.pageBytes !== undefined ? fmt(r.paint.pageBytes / 1e6, 2) : '–'), '1k ≤ 3');
  for (const ph of r.tasks?.phases ?? []) {
    add(`dashboard ${r.tasks!.components} components, ${ph.phase}: longest task, ms`, once(`${fmt(ph.longestMs)} (${ph.over50} over 50 ms; ${frameText(ph)}; reference page ${fmt(r.tasks!.blankLongestMs)})`), '≤ 50');
  }
  add('dashboard graph tab drawn, ms (median)', once(r.paint ? `${fmt(r.paint.graphMedianMs)} (${r.paint.components} components)` : pending), '');
  for (const sc of results.ledger?.shortcuts ?? []) {
    const cell = `${fmt(sc.gain * 100, 1)}% (${fmt(sc.onMs)} vs ${fmt(sc.offMs)} ms, ${sc.notes} of ${results.ledger!.vaultNotes} notes)`;
    add(`shortcut ${sc.name}: parse time saved`, once(cell), '≥ 3% or deleted');
  }
  if (results.cli) cliRows(results.cli, once, add);

  const header = ['measure', ...columns, 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(' | ')} |`;
  const m = results.machine;
  return [
    `Machine: ${m.cpu}, ${m.cores} cores${m.pinnedToOneCore ? ' (bench pinned to one core)' : ''}, Node ${m.node}, load ${m.loadBefore.map((x) => x.toFixed(2)).join(' ')}`,
    '',
    line(header),
    `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`,
    ...rows.map(line),
  ].join('\n');
}
