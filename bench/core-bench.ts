// The core benchmarks on one generated vault: cold index (against the remark reference parse),
// an edited note re-indexed with its dependents' views rebuilt, a query by stage, retained heap.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createIndex, createPipeline, parseNote, resolveConfig, runQuery, type MaturityIndex } from '../src/core/index';
import { referenceScan } from '../test/helpers/reference-scan';
import { SHORTCUTS, withShortcuts, type ParserShortcuts } from '../src/core/parse/shortcuts';
import { forgetInterned } from '../src/core/intern';
import { scanBlocks } from '../src/core/parse/blocks';
import type { BlockVisitor } from '../src/core/parse/visitor';
import { classifyLines, newLineCounts } from './line-classifier';
import { makeObjects, makeStrings, modelFloorInput } from './model-floor';
import { sample, type LoadedVault } from './corpus';
import { cpuMs, forceGc, heapUsed, median, now, percentile, repeat } from './measure';
import { peerParsers, type PeerFigures } from './peer-parsers';

export const TODAY = '2026-11-24';
/** Peers read a sample: a general parser's tree of 10k notes would take most of the bench's time. */
const PEER_NOTES = 2000;

export interface CoreOptions {
  coldReps: number;
  referenceNotes: number;
  referenceReps: number;
  edits: number;
  queryReps: number;
}

export interface CoreFigures {
  notes: number;
  components: number;
  megabytes: number;
  /** Wall time (the target's measure), and the process's CPU time of the same runs (steadier on a shared machine). */
  cold: { runs: number[]; medianMs: number; notesPerSecond: number; megabytesPerSecond: number; cpuRuns?: number[]; cpuMedianMs?: number };
  reference: { notes: number; megabytes: number; runs: number[]; medianMs: number; megabytesPerSecond: number; fastSampleMs: number; parseRatio: number; cpuRuns?: number[]; cpuMedianMs?: number };
  /** Cold-index throughput over the reference parse's throughput, both in MB/s. */
  ratio: number;
  /** The same ratio from the CPU medians of the same (interleaved) runs: steadier on a shared machine. */
  cpuRatio?: number;
  edit: { edits: number; medianMs: number; p95Ms: number; changedPerEdit: number };
  query: { firstMs: number; medianMs: number; results: number };
  heapMegabytes: number | null;
  /**
   * Issue #20 item 3's floor, CPU medians over every note: the least a line reader decides
   * (bench/line-classifier.ts), the parser's structure pass with a visitor that does nothing, and
   * the parse (index detail), each to set against the cold index's CPU time of the same run.
   */
  floor?: { classifierMs: number; structureMs: number; parseMs: number; modelStringsMs?: number; modelObjectsMs?: number; keptStrings?: number; keptObjects?: number };
  /** The same notes read by commonmark.js and markdown-it's block pass (bench/peer-parsers.ts). */
  peers?: PeerFigures;
  /** What the views add once every component's view is built (a board or the CLI scan builds them all). */
  viewsHeapMegabytes?: number | null;
}

export interface ShortcutFigure {
  name: string;
  notes: number;
  onMs: number;
  offMs: number;
  /** (off − on) ÷ off: the share of the sample's parse time the shortcut saves. */
  gain: number;
}

/**
 * A cold start as the hosts do it: every note put in one batch (the CLI's context.ts, Obsidian's
 * index/build.ts), so links are resolved and one change reported at the end, not after each note.
 */
export function indexAll(vault: LoadedVault): MaturityIndex {
  const index = createIndex({ today: TODAY });
  const { paths, texts } = vault;
  index.batch(() => {
    for (let i = 0; i < paths.length; i++) index.upsert(paths[i]!, texts[i]!);
  });
  return index;
}

function utf8Megabytes(texts: string[]): number {
  let bytes = 0;
  for (const t of texts) bytes += Buffer.byteLength(t);
  return bytes / 1e6;
}

/** `fn` run once after a forced GC: its value, and its wall and CPU ms. */
function timed<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  forceGc();
  const cpu = process.cpuUsage();
  const t = now();
  const value = fn();
  const ms = now() - t;
  const used = process.cpuUsage(cpu);
  return { ms, cpuMs: (used.user + used.system) / 1000, value };
}

/** The reference's sample, parsed once with the remark scanner (or, `fast`, with ours), timed. */
function timedReference(texts: string[], pipeline: ReturnType<typeof createPipeline>, fast = false): { ms: number; cpuMs: number } {
  return timed(() => {
    for (const text of texts) parseNote(text, pipeline, fast ? undefined : referenceScan);
  });
}

/**
 * The cold index and the remark reference, their runs taking turns (a cold index, then a reference
 * parse, …) so the load of a shared machine falls on both sides of the ratio alike; until session
 * 27 all cold runs came first and the ratio moved with whatever the load did in between.
 */
export function coldAndReference(vault: LoadedVault, options: CoreOptions): { cold: CoreFigures['cold'] & { index: MaturityIndex }; reference: CoreFigures['reference'] } {
  const pipeline = createPipeline(resolveConfig({}).stages);
  const texts = sample(vault.texts, options.referenceNotes);
  const cold = { runs: [] as number[], cpuRuns: [] as number[], index: null as MaturityIndex | null };
  const reference = { runs: [] as number[], cpuRuns: [] as number[], fast: [] as number[] };
  for (let k = 0; k < Math.max(options.coldReps, options.referenceReps); k++) {
    if (k < options.coldReps) {
      cold.index = null; // the last index is not alive while the next is made
      const run = timed(() => indexAll(vault));
      cold.runs.push(run.ms);
      cold.cpuRuns.push(run.cpuMs);
      cold.index = run.value;
    }
    if (k < options.referenceReps) {
      const run = timedReference(texts, pipeline);
      reference.runs.push(run.ms);
      reference.cpuRuns.push(run.cpuMs);
      reference.fast.push(timedReference(texts, pipeline, true).ms); // the parse ÷ reference ratio's other side, in turn too
    }
  }
  const medianMs = median(cold.runs);
  const coldFigures = { runs: cold.runs, medianMs, notesPerSecond: (vault.notes / medianMs) * 1000, megabytesPerSecond: (vault.bytes / 1e6 / medianMs) * 1000, cpuRuns: cold.cpuRuns, cpuMedianMs: median(cold.cpuRuns), index: cold.index! };
  return { cold: coldFigures, reference: referenceFigures(texts, pipeline, reference) };
}

function referenceFigures(texts: string[], pipeline: ReturnType<typeof createPipeline>, measured: { runs: number[]; cpuRuns: number[]; fast: number[] }): CoreFigures['reference'] {
  const { runs, cpuRuns } = measured;
  const megabytes = utf8Megabytes(texts);
  // At least three runs of our parse (a quick run has one reference run): the rest after the turns.
  const fast = [...measured.fast, ...repeat(Math.max(0, 3 - measured.fast.length), () => {
    for (const text of texts) parseNote(text, pipeline);
  }, forceGc)];
  const medianMs = median(runs);
  return { notes: texts.length, megabytes, runs, medianMs, megabytesPerSecond: (megabytes / medianMs) * 1000, fastSampleMs: median(fast), parseRatio: medianMs / median(fast), cpuRuns, cpuMedianMs: median(cpuRuns) };
}

const IGNORE: BlockVisitor = { heading() {}, item() {}, text() {}, row() {} };

export function parserFloor(vault: LoadedVault, reps: number): NonNullable<CoreFigures['floor']> {
  const pipeline = createPipeline(resolveConfig({}).stages);
  const { texts } = vault;
  const counts = newLineCounts();
  const classifier: number[] = [];
  const structure: number[] = [];
  const parse: number[] = [];
  // Interleaved, so load on a shared machine falls on all three alike.
  for (let k = 0; k < reps; k++) {
    classifier.push(cpuMs(() => texts.forEach((text) => classifyLines(text, counts))));
    structure.push(cpuMs(() => texts.forEach((text) => scanBlocks(text, 0, 1, IGNORE))));
    parse.push(cpuMs(() => texts.forEach((text) => parseNote(text, pipeline, undefined, 'index'))));
  }
  return { classifierMs: median(classifier), structureMs: median(structure), parseMs: median(parse), ...modelFloor(vault, pipeline, reps) };
}

/**
 * The kept model's floor (bench/model-floor.ts), measured after the other floors: the parsed notes
 * it holds would otherwise weigh on their collections.
 */
function modelFloor(vault: LoadedVault, pipeline: ReturnType<typeof createPipeline>, reps: number) {
  const input = modelFloorInput(vault.texts, vault.texts.map((text) => parseNote(text, pipeline, undefined, 'index')));
  const strings: number[] = [];
  const objects: number[] = [];
  for (let k = 0; k < reps; k++) {
    strings.push(cpuMs(() => makeStrings(input)));
    objects.push(cpuMs(() => makeObjects(input)));
  }
  return { modelStringsMs: median(strings), modelObjectsMs: median(objects), keptStrings: input.strings, keptObjects: input.objects };
}

/**
 * The parser's shortcuts, each switched off in turn: parseNote over the same sample with it on and
 * off, the runs interleaved so load on a shared machine falls on both alike; medians of the
 * process's CPU time (on a shared machine, wall time also counts the time other processes ran).
 */
export function shortcutLedger(vault: LoadedVault, notes: number, reps: number): ShortcutFigure[] {
  const pipeline = createPipeline(resolveConfig({}).stages);
  const texts = sample(vault.texts, notes);
  const parseAll = () => {
    for (const text of texts) parseNote(text, pipeline);
  };
  parseAll(); // warm up the JIT and the memos, as a long-running index has them
  return (Object.keys(SHORTCUTS) as Array<keyof ParserShortcuts>).map((name) => {
    const on: number[] = [];
    const off: number[] = [];
    for (let k = 0; k < reps; k++) {
      on.push(cpuMs(parseAll));
      off.push(cpuMs(() => withShortcuts({ [name]: false }, parseAll)));
    }
    const onMs = median(on);
    const offMs = median(off);
    return { name, notes: texts.length, onMs, offMs, gain: (offMs - onMs) / offMs };
  });
}


const STAGE_WORD = /(current[- ]stage\W{0,6}\s*\**)(development|staging|production)/i;
const NEXT: Record<string, string> = { development: 'Staging', staging: 'Production', production: 'Development' };

/** The note with its Current Stage moved on (the edit a user makes when promoting). */
export function editedText(text: string): string {
  const m = STAGE_WORD.exec(text);
  if (!m) return `${text}\nEdited.\n`;
  return text.slice(0, m.index) + m[1] + NEXT[m[2]!.toLowerCase()]! + text.slice(m.index + m[0].length);
}

export function editBench(index: MaturityIndex, vault: LoadedVault, edits: number): CoreFigures['edit'] {
  const textOf = new Map<string, string>();
  vault.paths.forEach((p, i) => textOf.set(p, vault.texts[i]!));
  const candidates = index.ids().filter((id) => index.component(id)!.dependents.length > 0);
  const chosen = sample(candidates, edits);
  const times: number[] = [];
  let changed = 0;
  for (const id of chosen) {
    const original = textOf.get(id)!;
    for (const text of [editedText(original), original]) {
      const t = now();
      const change = index.upsert(id, text);
      for (const other of change.changed) index.component(other);
      times.push(now() - t);
      changed += change.changed.length;
    }
  }
  return { edits: times.length, medianMs: median(times), p95Ms: percentile(times, 95), changedPerEdit: changed / Math.max(1, times.length) };
}

export function queryBench(index: MaturityIndex, reps: number): CoreFigures['query'] {
  let t = now();
  let results = runQuery(index, { stage: ['staging'] }).length;
  const firstMs = now() - t;
  const runs = repeat(reps, () => {
    results = runQuery(index, { stage: ['staging'] }).length;
  });
  t = median(runs);
  return { firstMs, medianMs: t, results };
}

/**
 * Heap the index keeps: notes read one at a time from disk, nothing else alive. The parser's
 * shared strings are forgotten first, so those the index shares count in it.
 */
export function retainedHeap(vault: LoadedVault): { index: number; views: number } | null {
  if (typeof (globalThis as { gc?: unknown }).gc !== 'function') return null;
  const paths = vault.paths;
  const dir = vault.dir;
  forgetInterned();
  const before = heapUsed();
  const index = createIndex({ today: TODAY });
  index.batch(() => {
    for (const path of paths) index.upsert(path, readFileSync(join(dir, path), 'utf8'));
  });
  const after = heapUsed();
  // The index keeps the views it builds (until an edit changes what they show).
  for (const id of index.ids()) index.component(id);
  const withViews = heapUsed();
  if (index.ids().length === 0) return null; // keeps `index` alive up to here (V8 frees what no later line reads)
  return { index: (after - before) / 1e6, views: (withViews - after) / 1e6 };
}

export function coreBench(vault: LoadedVault, options: CoreOptions, log: (line: string) => void): CoreFigures {
  const megabytes = vault.bytes / 1e6;
  log(`  cold index × ${options.coldReps}, taking turns with the reference parse of ${Math.min(options.referenceNotes, vault.notes)} notes × ${options.referenceReps} (and our parse of them)`);
  const { cold, reference } = coldAndReference(vault, options);
  const index = cold.index;
  log(`  parser floor × ${options.coldReps}`);
  const floor = parserFloor(vault, options.coldReps);
  log(`  peer parsers on ${Math.min(PEER_NOTES, vault.notes)} notes × ${options.coldReps}`);
  const peers = peerParsers(vault, PEER_NOTES, options.coldReps);
  log(`  query, edits`);
  const query = queryBench(index, options.queryReps);
  const edit = editBench(index, vault, options.edits);
  log(`  retained heap`);
  const heap = retainedHeap(vault);
  return {
    notes: vault.notes,
    components: index.ids().length,
    megabytes,
    cold: { runs: cold.runs, medianMs: cold.medianMs, notesPerSecond: cold.notesPerSecond, megabytesPerSecond: cold.megabytesPerSecond, cpuRuns: cold.cpuRuns, cpuMedianMs: cold.cpuMedianMs },
    reference,
    ratio: cold.megabytesPerSecond / reference.megabytesPerSecond,
    cpuRatio: megabytes / cold.cpuMedianMs! / (reference.megabytes / reference.cpuMedianMs!),
    edit,
    query,
    heapMegabytes: heap?.index ?? null,
    floor,
    peers,
    viewsHeapMegabytes: heap?.views ?? null,
  };
}
