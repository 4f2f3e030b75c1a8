// What every command shares: loading the vault into an index, settings, and output helpers.
import { existsSync, readFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { createIndex, defaultConfig, isIsoDay, formatSettingsIssues, parseMaturitySettings, type IndexOptions, type MaturityConfig, type MaturityIndex } from '../core/index';
import { availableParallelism } from 'node:os';
import type { PreparedNote } from '../plugin-cache/note-record';
import { readVault, UsageError, type HeldNotes, type SkippedFile, type VaultReading } from './files';
import { createIntake, type NoteIntake } from './note-intake';
import { createParsePool, type ParsePool, type SpawnWorker } from './parse-pool';
import { CACHE_FILE, openScanCache, type ScanCache } from './scan-cache';
import { visible, writeErr } from './terminal';

export interface LoadOptions {
  tags?: string[];
  today?: string;
  staleDays?: string;
  config?: string;
  /** Keep what each note parsed to (scan-cache.ts): true for the default file in the vault, or the file's path. */
  cache?: boolean | string;
  /** `--jobs`: threads that parse notes (parse-pool.ts): a number, or `auto` (one per core); none when not given. */
  jobs?: string;
  /** How a parse worker is started (tests hand in the built worker; the CLI starts the one beside it). */
  spawnWorker?: SpawnWorker;
}

export interface LoadedVault {
  root: string;
  index: MaturityIndex;
  skipped: SkippedFile[];
  noteCount: number;
  /** Every note the walk read (components or not), vault-relative: what links may point at. */
  paths: string[];
  /** With `--cache`: notes taken from the cache, and notes parsed. */
  cached: ScanCache['stats'] | null;
  /** With parse workers: how many started, and batches the main thread parsed instead. */
  parsing: ParsePool['stats'] | null;
}

const SETTINGS_FILE = '.maturity-map.json';

/**
 * Settings from `--config`, or `<dir>/.maturity-map.json` when present. A file that is not JSON or
 * does not match the settings schema is a usage error naming the file, each key and what it expects.
 */
export function loadSettings(root: string, explicit?: string): MaturityConfig {
  return readSettingsFile(root, explicit) ?? defaultConfig();
}

/** The settings file's settings, or null when there is none (the defaults apply). */
function readSettingsFile(root: string, explicit?: string): MaturityConfig | null {
  const path = explicit ? resolve(explicit) : join(root, SETTINGS_FILE);
  if (!existsSync(path)) {
    if (explicit) throw new UsageError(`no such settings file: ${explicit}`);
    return null;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new UsageError(`settings file ${path} is not valid JSON (${(err as Error).message})`);
  }
  const result = parseMaturitySettings(parsed);
  if (!result.ok) throw new UsageError(formatSettingsIssues(path, result.issues));
  return result.settings;
}

export function checkToday(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDay(value)) {
    throw new UsageError(`--today expects a date as YYYY-MM-DD, got "${value}"`);
  }
  return value;
}

export async function loadVault(dir: string | undefined, options: LoadOptions): Promise<LoadedVault> {
  if (!dir) throw new UsageError('missing <dir>: the folder that holds the notes');
  const root = resolve(dir);
  // Without a settings file the index fills in every default itself: resolving them here too
  // cost a second cold pass through the settings schema.
  const settings = readSettingsFile(root, options.config);
  const indexOptions: IndexOptions = { ...settings };
  const today = checkToday(options.today);
  if (today) indexOptions.today = today;
  if (options.tags && options.tags.length > 0) {
    indexOptions.components = { ...settings?.components, tags: options.tags.map((t) => t.replace(/^#/, '')) };
  }
  if (options.staleDays !== undefined) {
    const days = Number(options.staleDays);
    if (!Number.isInteger(days) || days <= 0) throw new UsageError(`--stale-days expects a positive whole number, got "${options.staleDays}"`);
    indexOptions.staleAfterDays = days;
  }
  // Every view is built once and the process ends: a compact note would only be read back.
  const index = createIndex({ ...indexOptions, compactNotes: false });
  const cache = options.cache ? await cacheFor(root, options.cache, indexOptions) : null;
  const pool = parsePoolFor(options, indexOptions, index);
  const intake = createIntake(index, cache, pool);
  // One batch: names shared by many notes are resolved once, not once per note.
  index.beginBatch();
  let reading: VaultReading;
  const paths: string[] = [];
  try {
    reading = await readVault(
      root,
      (path, text, state) => {
        paths.push(path);
        intake.take(path, text, state);
      },
      cache ? heldByCache(cache, intake, paths) : undefined,
    );
    await intake.finish();
    // Notes that could not be read become file-unreadable diagnostics; links are left out on purpose.
    for (const file of reading.skipped) if (file.kind === 'unreadable') index.skip(file.path, file.reason);
  } finally {
    index.endBatch();
    await pool?.close();
  }
  if (pool?.stats.failure) writeErr(`maturity-map: ${visible(pool.stats.failure)}; its notes were parsed on the main thread\n`);
  await cache?.save((message) => writeErr(`maturity-map: ${visible(message)}\n`));
  return { root: dir, index, skipped: reading.skipped, noteCount: reading.noteCount, paths, cached: cache?.stats ?? null, parsing: pool?.stats ?? null };
}

/** The scan cache for this vault and these settings; none for a single note (`fix <file>`). */
async function cacheFor(root: string, option: true | string, indexOptions: IndexOptions): Promise<ScanCache | null> {
  const location = typeof option === 'string' ? resolve(option) : join(root, CACHE_FILE);
  if (typeof option !== 'string' && !(await stat(root).catch(() => null))?.isDirectory()) return null;
  // The date moves every day and only changes views, never a parsed note.
  const { today: _today, ...settings } = indexOptions;
  void _today;
  return openScanCache(location, settings, (message) => writeErr(`maturity-map: ${visible(message)}\n`));
}

/** Notes the cache holds unchanged go in as it kept them (the others are read, parsed and kept for the next run). */
function heldByCache(cache: ScanCache, intake: NoteIntake, paths: string[]): HeldNotes {
  const hold = (path: string, note: PreparedNote | null): boolean => {
    if (note === null) return false;
    paths.push(path);
    intake.held(path, note);
    return true;
  };
  return { unchanged: (path, state) => hold(path, cache.unchanged(path, state)), sameBytes: (path, bytes, state) => hold(path, cache.sameBytes(path, bytes, state)) };
}

/**
 * Worker threads for `--jobs <n>` or `--jobs auto` (one per core, up to MAX_JOBS); none for one
 * job, and by default: on two cores the workers' extra work (posting texts, records both ways)
 * cost what they saved (docs/benchmarks.md, session 16), and each thread has a heap of its own.
 */
function parsePoolFor({ jobs, spawnWorker }: LoadOptions, indexOptions: IndexOptions, index: MaturityIndex): ParsePool | null {
  if (jobs === undefined) return null;
  const count = jobs === 'auto' ? Math.min(availableParallelism(), MAX_JOBS) : Number(jobs);
  if (!Number.isInteger(count) || count < 1) throw new UsageError(`--jobs expects a positive whole number or "auto", got "${jobs}"`);
  return count > 1 ? createParsePool(indexOptions, index, count, spawnWorker) : null;
}

/** More threads than this gain nothing: the main thread's own work (reading, the views) is then the run's length. */
const MAX_JOBS = 8;

/** One line on standard error per file the vault walk left out, so nothing is skipped silently. */
export function reportSkipped(skipped: readonly SkippedFile[]): void {
  for (const s of skipped) writeErr(`maturity-map: skipped ${visible(s.path)}: ${visible(s.reason)}\n`);
}
