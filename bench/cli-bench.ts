// The CLI as a user runs it, whole processes: `scan` of the realistic 10k-note vault against the
// I/O floor (a process that lists, reads and decodes every note and finds its lines: bench/io-floor.mjs,
// one file at a time and 16 at a time, the faster is the reference), and `scan --json` of vaults
// whose notes share one name (the reliability probe's shape), against the floor of the same vault.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeRealisticVault } from './generator/write';
import { median } from './measure';

const CLI = 'dist/cli/maturity-map.mjs';
const FLOOR = 'bench/io-floor.mjs';
const PROBE = ['--import', './bench/rss-probe.mjs'];

export interface ProcessRuns {
  /** Wall time per run, ms. */
  runs: number[];
  medianMs: number;
  /** User + system CPU per run (the process and its threads), ms; null off Linux. */
  cpuRuns: Array<number | null>;
  cpuMedianMs: number | null;
  /** Peak resident memory per run (bench/rss-probe.mjs), MB; the median. */
  peakRssMedianMb: number | null;
}

export interface ScanFigures {
  notes: number;
  components: number;
  megabytes: number;
  /** The I/O floor: the faster of reading one at a time and 16 at a time. */
  floor: ProcessRuns & { variant: 'one at a time' | '16 at a time' };
  floorOther: ProcessRuns;
  scan: ProcessRuns;
  /** The same scan with V8's own defaults (MATURITY_MAP_V8_DEFAULTS=1): what the CLI's V8 tuning is worth. */
  scanV8Defaults: ProcessRuns;
  scanJson: ProcessRuns;
  /** `scan --cache` with the cache made by the run before (nothing changed): ÷ floor is what a re-run costs. */
  scanCached: ProcessRuns;
  /** scan ÷ floor, wall medians (the target: ≤ 3). */
  ratio: number;
  /** The same with CPU time. */
  cpuRatio: number | null;
}

export interface SharedNameFigures {
  notes: number;
  floor: ProcessRuns;
  scanJson: ProcessRuns;
  ratio: number;
}

/** CPU time of the children this process has waited for, ms (Linux /proc; 10 ms ticks). */
function childrenCpu(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    // After the command: state is field 3; cutime and cstime are fields 16 and 17.
    return ((Number(fields[13]) + Number(fields[14])) * 1000) / 100;
  } catch {
    return null;
  }
}

interface Sample {
  ms: number;
  cpu: number | null;
  rssMb: number | null;
}

/** A process to time: its arguments after `node`, variables added to its environment, and what to do (untimed) before it starts. */
type Command = string[] | { args: string[]; env: Record<string, string>; before?: () => void };

function timeProcess(command: Command): Sample {
  const { args, env, before } = Array.isArray(command) ? { args: command, env: {}, before: undefined } : command;
  before?.();
  const cpuBefore = childrenCpu();
  const start = performance.now();
  const result = spawnSync(process.execPath, [...PROBE, ...args], { stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024, env: { ...process.env, ...env } });
  const ms = performance.now() - start;
  const cpuAfter = childrenCpu();
  const stderr = result.stderr?.toString() ?? '';
  if (result.status !== 0) throw new Error(`${args.join(' ')} failed: ${stderr}`);
  const rss = /mm-peak-rss-kb=(\d+)/.exec(stderr);
  return { ms, cpu: cpuBefore === null || cpuAfter === null ? null : cpuAfter - cpuBefore, rssMb: rss ? Number(rss[1]) / 1024 : null };
}

function summarise(samples: Sample[]): ProcessRuns {
  const cpuRuns = samples.map((s) => s.cpu);
  const cpu = cpuRuns.filter((c): c is number => c !== null);
  const rss = samples.map((s) => s.rssMb).filter((r): r is number => r !== null);
  return {
    runs: samples.map((s) => s.ms),
    medianMs: median(samples.map((s) => s.ms)),
    cpuRuns,
    cpuMedianMs: cpu.length === cpuRuns.length ? median(cpu) : null,
    peakRssMedianMb: rss.length > 0 ? median(rss) : null,
  };
}

/** Run each command `reps` times, interleaved, so they share the machine's ups and downs. */
function interleaved(commands: Record<string, Command>, reps: number): Record<string, ProcessRuns> {
  const samples: Record<string, Sample[]> = {};
  for (const name of Object.keys(commands)) {
    timeProcess(commands[name]!); // warm the page cache and the compile cache
    samples[name] = [];
  }
  for (let rep = 0; rep < reps; rep++) for (const [name, args] of Object.entries(commands)) samples[name]!.push(timeProcess(args));
  return Object.fromEntries(Object.entries(samples).map(([name, s]) => [name, summarise(s)]));
}

export function scanBench(notes: number, seed: number, reps: number, log: (line: string) => void): ScanFigures {
  log(`realistic vault of ${notes} notes: generating or reusing`);
  const vault = writeRealisticVault({ notes, seed });
  log(`  I/O floor and scan, ${reps} runs each, interleaved`);
  const runs = interleaved(
    {
      floorSync: [FLOOR, vault.dir],
      floorAsync: [FLOOR, vault.dir, '--async'],
      scan: [CLI, 'scan', vault.dir, '--today', '2026-11-24'],
      scanV8Defaults: { args: [CLI, 'scan', vault.dir, '--today', '2026-11-24'], env: { MATURITY_MAP_V8_DEFAULTS: '1' } },
      scanJson: [CLI, 'scan', vault.dir, '--json', '--today', '2026-11-24'],
      // Its first (warm-up) run writes the cache the timed runs read.
      scanCached: [CLI, 'scan', vault.dir, '--today', '2026-11-24', '--cache-location', freshCacheFile('realistic')],
    },
    reps,
  );
  const syncFaster = runs['floorSync']!.medianMs <= runs['floorAsync']!.medianMs;
  const floor = syncFaster ? runs['floorSync']! : runs['floorAsync']!;
  const floorOther = syncFaster ? runs['floorAsync']! : runs['floorSync']!;
  const scan = runs['scan']!;
  return {
    notes: vault.notes,
    components: vault.components,
    megabytes: vault.bytes / 1e6,
    floor: { ...floor, variant: syncFaster ? 'one at a time' : '16 at a time' },
    floorOther,
    scan,
    scanV8Defaults: runs['scanV8Defaults']!,
    scanJson: runs['scanJson']!,
    scanCached: runs['scanCached']!,
    ratio: scan.medianMs / floor.medianMs,
    cpuRatio: scan.cpuMedianMs !== null && floor.cpuMedianMs ? scan.cpuMedianMs / floor.cpuMedianMs : null,
  };
}

/** A cache file path outside the vault, removed so the first run of a series makes it. */
function freshCacheFile(name: string): string {
  const dir = join(tmpdir(), 'maturity-map-bench', 'caches');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, name);
  rmSync(file, { force: true });
  return file;
}

export interface CachedScanFigures {
  notes: number;
  floor: ProcessRuns;
  /** `scan` parsing every note (on the main thread: the default). */
  cold: ProcessRuns;
  /** The same with `--jobs auto`: parse workers, one per core (the pinned bench has one: run it with --no-pin). */
  coldWorkers: ProcessRuns;
  /** Cores the run had (os.availableParallelism()): the workers `--jobs auto` starts. */
  cores: number;
  /** `scan --cache`, nothing changed since the run that made the cache. */
  cached: ProcessRuns;
  /** `scan --cache` after every note's time changed, bytes the same (a fresh clone in CI): each note read and hashed. */
  cachedTouched: ProcessRuns;
}

/** The generated component vault (every note a component): a cold scan against re-runs with `--cache`. */
export function cachedScanBench(dir: string, notes: number, reps: number, log: (line: string) => void): CachedScanFigures {
  log(`${notes}-note component vault: scan, scan --cache, ${reps} runs each`);
  const cache = freshCacheFile(`components-${notes}`);
  const touchedCache = freshCacheFile(`components-${notes}-touched`);
  const scan = [CLI, 'scan', dir, '--today', '2026-11-24'];
  timeProcess([...scan, '--cache-location', touchedCache]);
  const kept = readFileSync(touchedCache, 'utf8');
  // Before each run, the cache as it was made but with times no file has: every note is read and
  // hashed, none parsed (the run then writes the real times back, hence again each time).
  const touched = kept.replace(/^(\[.*?",\d+,)[\d.e+]+,/gm, (_line, head: string) => `${head}1,`);
  if (touched === kept) throw new Error('cachedScanBench: the cache lines did not take the new times');
  const cachedTouched = { args: [...scan, '--cache-location', touchedCache], env: {}, before: () => writeFileSync(touchedCache, touched) };
  const runs = interleaved({ floor: [FLOOR, dir], cold: scan, coldWorkers: [...scan, '--jobs', 'auto'], cached: [...scan, '--cache-location', cache], cachedTouched }, reps);
  return { notes, floor: runs['floor']!, cold: runs['cold']!, coldWorkers: runs['coldWorkers']!, cores: availableParallelism(), cached: runs['cached']!, cachedTouched: runs['cachedTouched']! };
}

/** n notes called "Same", each depending on [[Same]] (the reliability probe: cubic before #12). */
export function sharedNameBench(sizes: number[], reps: number, log: (line: string) => void): SharedNameFigures[] {
  return sizes.map((n) => {
    const dir = join(tmpdir(), 'maturity-map-bench', `same-name-${n}`);
    rmSync(dir, { recursive: true, force: true });
    for (let i = 0; i < n; i++) {
      mkdirSync(join(dir, `f${i}`), { recursive: true });
      writeFileSync(join(dir, `f${i}`, 'Same.md'), '# Same Maturity Status\n\n**Current Stage**: Staging\n**Owner**: team\n**Last Updated**: 2026-11-01\n\n## Dependencies\n\n- [[Same]]\n');
    }
    log(`${n} same-named notes: scan --json, ${reps} runs`);
    const runs = interleaved({ floor: [FLOOR, dir], scanJson: [CLI, 'scan', dir, '--json', '--today', '2026-11-24'] }, reps);
    return { notes: n, floor: runs['floor']!, scanJson: runs['scanJson']!, ratio: runs['scanJson']!.medianMs / runs['floor']!.medianMs };
  });
}
