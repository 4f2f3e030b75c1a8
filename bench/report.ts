// The benchmark table (stdout) and bench/results.json.
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import type { CoreFigures } from './core-bench';

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
  /** Layout of N generated components, median ms; null while src/render is missing. */
  layout: { components: number; medianMs: number; runs: number[] } | null;
  /** Dashboard of N components painted in Chromium, median ms; null while pending. */
  paint: { components: number; medianMs: number; runs: number[] } | null;
  pendingReason?: string;
}

export interface Results {
  machine: Machine;
  sizes: Record<string, CoreFigures>;
  render: RenderFigures;
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
  ratio: 50,
  edit: 1,
  query: 1,
  heap10k: 50,
  layout: 300,
  paint: 1000,
};

function fmt(n: number | null | undefined, digits = 1): string {
  if (n === null || n === undefined || Number.isNaN(n)) return '–';
  if (Math.abs(n) >= 1000) return Math.round(n).toLocaleString('en-US');
  return n.toFixed(digits);
}

export function table(results: Results): string {
  const labels = Object.keys(results.sizes);
  const figures = labels.map((l) => results.sizes[l]!);
  const rows: string[][] = [];
  const add = (name: string, values: string[], target: string) => rows.push([name, ...values, target]);
  add('notes (components)', figures.map((f) => `${f.notes} (${f.components})`), '');
  add('vault size, MB', figures.map((f) => fmt(f.megabytes)), '');
  add('cold index, ms (median)', figures.map((f) => fmt(f.cold.medianMs)), `10k ≤ ${TARGETS.cold10k}, 50k ≤ ${TARGETS.cold50k}`);
  add('cold index, notes/s', figures.map((f) => fmt(f.cold.notesPerSecond, 0)), '');
  add('cold index, MB/s', figures.map((f) => fmt(f.cold.megabytesPerSecond)), '');
  add('remark reference parse, MB/s', figures.map((f) => `${fmt(f.reference.megabytesPerSecond, 2)} (${f.reference.notes} notes)`), '');
  add('ratio: cold index ÷ reference', figures.map((f) => `${fmt(f.ratio)}×`), `≥ ${TARGETS.ratio}×`);
  add('ratio: parse ÷ reference, same notes', figures.map((f) => `${fmt(f.reference.parseRatio)}×`), '');
  add('edit + dependents, ms (median / p95)', figures.map((f) => `${fmt(f.edit.medianMs, 3)} / ${fmt(f.edit.p95Ms, 3)}`), `≤ ${TARGETS.edit}`);
  add('query by stage, ms (median)', figures.map((f) => `${fmt(f.query.medianMs, 3)} (${f.query.results} hits)`), `≤ ${TARGETS.query}`);
  add('first query (builds views), ms', figures.map((f) => fmt(f.query.firstMs)), '');
  add('retained heap, MB', figures.map((f) => fmt(f.heapMegabytes)), `10k ≤ ${TARGETS.heap10k}`);
  const r = results.render;
  const pending = `pending${r.pendingReason ? ` (${r.pendingReason})` : ''}`;
  add('graph layout, ms (median)', labels.map((_, i) => (i === 0 ? (r.layout ? `${fmt(r.layout.medianMs)} (${r.layout.components} components)` : pending) : '')), `2k ≤ ${TARGETS.layout}`);
  add('dashboard first paint, ms (median)', labels.map((_, i) => (i === 0 ? (r.paint ? `${fmt(r.paint.medianMs)} (${r.paint.components} components)` : pending) : '')), `1k ≤ ${TARGETS.paint}`);

  const header = ['measure', ...labels, 'target'];
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
