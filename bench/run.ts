// `npm run bench`: generate (or reuse) vaults of 1k, 10k and 50k notes, measure the core and
// the renderer, print a table and write bench/results.json. Options:
//   --sizes 1000,10000,50000   --seed 1   --quick (small sizes, few repetitions)   --out <file>
//   --skip-render (core only)   --skip-core (renderer only: graph layout and dashboard paint)
//   --skip-paint (no Chromium: with --skip-core, the graph layout alone)
//   --skip-cli (no whole-process scans: the realistic vault against its I/O floor, shared names)
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { coreBench, type CoreOptions } from './core-bench';
import { scanBench, sharedNameBench } from './cli-bench';
import { loadVault } from './corpus';
import { forceGc, hasGc } from './measure';
import { machine, table, type Results } from './report';
import { renderBench } from './render-bench';

const { values } = parseArgs({
  options: {
    sizes: { type: 'string' },
    seed: { type: 'string', default: '1' },
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: 'bench/results.json' },
    pinned: { type: 'boolean', default: false },
    'skip-render': { type: 'boolean', default: false },
    'skip-core': { type: 'boolean', default: false },
    'skip-paint': { type: 'boolean', default: false },
    'skip-cli': { type: 'boolean', default: false },
  },
});

const quick = values.quick === true;
const sizes = values['skip-core'] === true ? [] : (values.sizes ?? (quick ? '200,1000' : '1000,10000,50000')).split(',').map((s) => Number(s.trim()));
const seed = Number(values.seed);
const log = (line: string) => process.stderr.write(`${line}\n`);

function label(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

function options(notes: number): CoreOptions {
  if (quick) return { coldReps: 2, referenceNotes: 30, referenceReps: 1, edits: 20, queryReps: 5, shortcutNotes: 100, shortcutReps: 1 };
  // The shortcut ledger once, at 10k (the size the targets name).
  return { coldReps: notes >= 50_000 ? 3 : 5, referenceNotes: 300, referenceReps: 3, edits: 200, queryReps: 50, shortcutNotes: notes === 10_000 ? 2000 : 0, shortcutReps: 7 };
}

async function main(): Promise<void> {
  if (!hasGc()) log('note: run with node --expose-gc for GC between runs and the retained-heap figure');
  const results: Results = { machine: machine(values.pinned === true), sizes: {}, render: { layout: null, paint: null }, cli: null };
  for (const notes of sizes) {
    log(`vault of ${notes} notes: generating or reusing`);
    const vault = loadVault(notes, seed);
    results.sizes[label(notes)] = coreBench(vault, options(notes), log);
    forceGc();
  }
  if (values['skip-cli'] !== true) {
    const reps = quick ? 3 : 7;
    results.cli = { scan: scanBench(quick ? 2000 : 10_000, seed, reps, log), sharedNames: sharedNameBench(quick ? [500] : [1000, 2000, 10_000], quick ? 1 : 3, log) };
    forceGc();
  }
  if (values['skip-render'] !== true) results.render = await renderBench({ quick, seed, log, paint: values['skip-paint'] !== true });
  results.machine.loadAfter = loadavg();
  writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${table(results)}\n\nwritten to ${values.out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
