// `npm run bench`: generate (or reuse) vaults of 1k, 10k and 50k notes, measure the core, the
// parser's shortcut ledger, the CLI and the renderer, print a table and write bench/results.json.
// Options: USAGE below (`npm run bench -- --help`).
import { writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { coreBench, shortcutLedger, type CoreOptions } from './core-bench';
import { cachedScanBench, scanBench, sharedNameBench } from './cli-bench';
import { writeVault } from './generator/write';
import { loadVault } from './corpus';
import { forceGc, hasGc } from './measure';
import { machine, table, type Results } from './report';
import { renderBench } from './render-bench';

const USAGE = `npm run bench -- [options]
  --sizes 1000,10000,50000   vault sizes for the core benchmarks (default all three; --quick: 200,1000)
  --seed 1                   generator seed
  --quick                    small sizes, few repetitions
  --out <file>               results file (default bench/results.json)
  --skip-core                renderer only (graph layout and dashboard paint)
  --skip-render              no renderer (core and CLI only)
  --skip-paint               no Chromium (no dashboard paint, no long tasks)
  --skip-cli                 no whole-process scans (realistic vault against its I/O floor, shared names)
  --layout-only              the graph layout row alone (= --skip-core --skip-cli --skip-paint)
  --skip-ledger              no parser shortcut ledger
  --ledger-only              the shortcut ledger alone, on the first size (implies the skips above)
  --no-pin                   do not pin the run to one core
`;

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
    'skip-ledger': { type: 'boolean', default: false },
    'ledger-only': { type: 'boolean', default: false },
    'layout-only': { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help === true) {
  process.stdout.write(USAGE);
  process.exit(0);
}

if (values['layout-only'] === true) {
  values['skip-core'] = true;
  values['skip-cli'] = true;
  values['skip-paint'] = true;
}
const quick = values.quick === true;
const sizes = values['skip-core'] === true ? [] : (values.sizes ?? (quick ? '200,1000' : '1000,10000,50000')).split(',').map((s) => Number(s.trim()));
const seed = Number(values.seed);
const log = (line: string) => process.stderr.write(`${line}\n`);

function label(n: number): string {
  return n >= 1000 && n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

function options(notes: number): CoreOptions {
  if (quick) return { coldReps: 2, referenceNotes: 30, referenceReps: 1, edits: 20, queryReps: 5 };
  return { coldReps: notes >= 50_000 ? 3 : 5, referenceNotes: 300, referenceReps: 3, edits: 200, queryReps: 50 };
}

/** The ledger runs once: on the 10k vault (the size the targets name), or the first size asked for. */
function ledgerSize(): number | null {
  if (values['skip-ledger'] === true || sizes.length === 0) return null;
  if (values['ledger-only'] === true || quick) return sizes[0]!;
  return sizes.includes(10_000) ? 10_000 : null;
}

async function main(): Promise<void> {
  if (!hasGc()) log('note: run with node --expose-gc for GC between runs and the retained-heap figure');
  const results: Results = { machine: machine(values.pinned === true), sizes: {}, render: { layout: null, paint: null }, cli: null };
  const ledgerOnly = values['ledger-only'] === true;
  const ledgerAt = ledgerSize();
  for (const notes of ledgerOnly ? sizes.slice(0, 1) : sizes) {
    log(`vault of ${notes} notes: generating or reusing`);
    const vault = loadVault(notes, seed);
    if (!ledgerOnly) results.sizes[label(notes)] = coreBench(vault, options(notes), log);
    forceGc();
    if (notes !== ledgerAt) continue;
    const sample = quick ? 100 : 2000;
    const reps = quick ? 1 : 7;
    log(`  parser shortcuts on and off, ${Math.min(sample, notes)} notes × ${reps}`);
    results.ledger = { vaultNotes: notes, shortcuts: shortcutLedger(vault, sample, reps) };
    forceGc();
  }
  if (values['skip-cli'] !== true && !ledgerOnly) {
    const reps = quick ? 3 : 7;
    const componentNotes = quick ? 1000 : 10_000;
    results.cli = {
      scan: scanBench(quick ? 2000 : 10_000, seed, reps, log),
      sharedNames: sharedNameBench(quick ? [500] : [1000, 2000, 10_000], quick ? 1 : 3, log),
      cachedScan: cachedScanBench(writeVault({ notes: componentNotes, seed }).dir, componentNotes, quick ? 2 : 5, log),
    };
    forceGc();
  }
  if (values['skip-render'] !== true && !ledgerOnly) results.render = await renderBench({ quick, seed, log, paint: values['skip-paint'] !== true });
  results.machine.loadAfter = loadavg();
  writeFileSync(values.out!, `${JSON.stringify(results, null, 2)}\n`);
  process.stdout.write(`${table(results)}\n\nwritten to ${values.out}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});
