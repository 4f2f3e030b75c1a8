// Keeps the core index in step with the vault. A build (at layout-ready, and when settings
// change) makes a new index beside the current one: it reads the per-file cache, parses only the
// candidate notes whose record does not match (in a worker), and replaces the current index only
// when complete, so views never see a partial state. Afterwards each metadata change, rename and
// delete updates the index incrementally. Views listen to `events` ('change', 'ready', 'progress').
import { Component, Events, TFile, type App, type EventRef } from 'obsidian';
import { createIndex, localToday, type Diagnostic, type IndexChange, type IndexOptions, type MaturityIndex, type MaturityNote } from '../core/index';
import workerSource from 'maturity-map:parse-worker';
import { msUntilNextDay } from './dates';
import { candidateRules, type CandidateRules } from './index/candidates';
import { hashText } from './index/hash';
import { NoteCache, type CachedNote } from './index/note-cache';
import { fromRecord, toRecord } from './index/note-record';
import { ParserPool, yieldToUI, type ParseItem } from './index/parser-pool';

export type ChangeReason = 'build' | 'edit' | 'rename' | 'delete' | 'day';

export interface LiveChange extends IndexChange {
  reason: ChangeReason;
}

export interface IndexProgress {
  phase: 'waiting' | 'building' | 'ready';
  done: number;
  total: number;
  /** Notes not read (too large, or unreadable), each with its `file-unreadable` diagnostic. */
  unreadable: Array<{ path: string; diagnostic: Diagnostic }>;
}

/** What the last build did, for the status line, the API and the benchmark. */
export interface IndexStats {
  /** Notes parsed since the plugin loaded (builds and edits). */
  parsed: number;
  /** Of the last build: notes taken from the cache, notes parsed, and how long it took. */
  build: { fromCache: number; parsed: number; ms: number; parser: 'worker' | 'main-thread'; finishMs?: number };
}

/** Notes above this size are not read: no maturity note is this large, and phone memory is scarce. */
export const MAX_NOTE_BYTES = 8 * 1024 * 1024;
/** How long one slice of main-thread work in a build may run before it yields: one frame, well under the 50 ms of a long task (each yield costs a timer turn, 4 ms in a browser once timers nest). */
const SLICE_MS = 16;
/** Texts per message to the worker. */
const PARSE_BATCH = 24;
/** Files read at once. */
const READ_BATCH = 48;
const PARSER_BUILD = hashText(workerSource);

/** What the index holds for a path: the file state its note was made from. */
interface Known {
  mtime: number;
  size: number;
  hash: string;
}

/** A cache record waiting to be written: its note becomes strings when it is written (see flushWrites). */
interface PendingWrite extends Known {
  key: string;
  note: MaturityNote;
}

function unreadable(file: TFile, why: string): { path: string; diagnostic: Diagnostic } {
  return { path: file.path, diagnostic: { code: 'file-unreadable', severity: 'warning', message: `${file.path} was not read: ${why}.` } };
}

/** The state a build makes; it becomes the live state in one step when the build completes. */
interface Generation {
  index: MaturityIndex;
  known: Map<string, Known>;
  unreadable: Map<string, { path: string; diagnostic: Diagnostic }>;
}

export class VaultIndexer extends Component {
  index: MaturityIndex;
  readonly events = new Events();
  progress: IndexProgress = { phase: 'waiting', done: 0, total: 0, unreadable: [] };
  stats: IndexStats = { parsed: 0, build: { fromCache: 0, parsed: 0, ms: 0, parser: 'worker' } };
  private known = new Map<string, Known>();
  private unreadableNotes = new Map<string, { path: string; diagnostic: Diagnostic }>();
  private rules: CandidateRules;
  private pool: ParserPool | null = null;
  private cache: Promise<NoteCache | null> | null = null;
  private generation = 0;
  private everReady = false;
  private day = localToday();
  /** Files changed, renamed or deleted while a build runs: brought up to date before it completes. */
  private dirty = new Set<TFile>();
  private gone = new Set<string>();
  /** Per-path edit sequence: a slow parse result never overwrites a newer one. */
  private editSeq = new Map<string, number>();
  private pendingWrites = new Map<string, PendingWrite>();
  private pendingDeletes = new Set<string>();
  private writeTimer: number | null = null;
  /** The cache write in progress: writes run one after another. */
  private writing: Promise<void> = Promise.resolve();
  private readyResolvers: Array<() => void> = [];
  private started = false;
  private pendingTimers = new Set<number>();

  constructor(
    private readonly app: App,
    private options: IndexOptions,
    private readonly pluginVersion = '',
  ) {
    super();
    this.index = createIndex(options);
    this.rules = candidateRules(app, options);
  }

  /** Typed subscription to `events` 'change'; register the ref with a Component. */
  onChange(callback: (change: LiveChange) => void): EventRef {
    return this.events.on('change', (change) => callback(change as LiveChange));
  }

  onProgress(callback: (progress: IndexProgress) => void): EventRef {
    return this.events.on('progress', (progress) => callback(progress as IndexProgress));
  }

  /** Resolves once the current build has finished. */
  whenReady(): Promise<void> {
    if (this.progress.phase === 'ready') return Promise.resolve();
    return new Promise((resolve) => this.readyResolvers.push(resolve));
  }

  /** Subscribe to the vault and build the index. Call from `workspace.onLayoutReady`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    const { vault, metadataCache } = this.app;
    this.pool = new ParserPool(this.options, workerCount());
    this.cache = NoteCache.open(`maturity-map-cache/${vaultId(this.app)}`);
    this.registerEvent(metadataCache.on('changed', (file, data) => this.onChanged(file, data)));
    this.registerEvent(vault.on('delete', (file) => file instanceof TFile && this.onDeleted(file)));
    this.registerEvent(vault.on('rename', (file, oldPath) => file instanceof TFile && this.onRenamed(file, oldPath)));
    // A laptop that slept through midnight fires its timer late; focus catches up sooner.
    this.registerDomEvent(window, 'focus', () => this.checkDay());
    this.scheduleDayCheck();
    this.register(() => {
      this.generation++;
      for (const id of this.pendingTimers) window.clearTimeout(id);
      this.pendingTimers.clear();
      this.pool?.dispose();
      void this.flushWrites().then(() => this.cache?.then((c) => c?.close()));
    });
    void this.build();
  }

  /** New settings: a new index is built beside the current one, which serves until it is complete. */
  reconfigure(options: IndexOptions): Promise<void> {
    this.options = options;
    this.rules = candidateRules(this.app, options);
    this.pool?.configure(options);
    if (!this.started) {
      this.index = createIndex(options);
      return Promise.resolve();
    }
    return this.build();
  }

  /** Read the vault again (the "re-index" command); with `dropCache`, parse every note. */
  async rebuild(options: { dropCache?: boolean } = {}): Promise<void> {
    if (options.dropCache) await (await this.cache)?.clear();
    return this.reconfigure(this.options);
  }

  /** The cache key part that the parser build and these settings decide. */
  private cacheKey(): string {
    const { today: _today, ...settings } = this.options;
    void _today;
    return `${PARSER_BUILD}:${this.pluginVersion}:${hashText(JSON.stringify(settings))}`;
  }

  private emit(change: IndexChange, reason: ChangeReason): void {
    if (!this.everReady) return; // the end of the first build announces everything at once
    if (change.changed.length === 0 && change.removed.length === 0) return;
    this.events.trigger('change', { ...change, reason } satisfies LiveChange);
  }

  private get building(): boolean {
    return this.progress.phase === 'building';
  }

  // ---- incremental updates -------------------------------------------------------------------

  private onChanged(file: TFile, data: string): void {
    if (file.extension !== 'md') return;
    if (this.building) this.dirty.add(file);
    if (!this.everReady) return; // the first build reads it; nothing to update yet
    void this.refresh(file, data, 'edit');
  }

  /** Bring one note up to date in the live index (text given, or read now). */
  private async refresh(file: TFile, text: string | null, reason: ChangeReason): Promise<void> {
    const path = file.path;
    if (!this.rules.file(file)) {
      this.forget(path, reason);
      return;
    }
    if (file.stat.size > MAX_NOTE_BYTES) {
      this.forget(path, reason);
      this.unreadableNotes.set(path, unreadable(file, `it is larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB`));
      this.publishProgress();
      return;
    }
    const seq = (this.editSeq.get(path) ?? 0) + 1;
    this.editSeq.set(path, seq);
    const generation = this.generation;
    const content = text ?? (await this.read(file));
    if (content === null) return;
    const hash = hashText(content);
    const known = this.known.get(path);
    // The metadata cache re-parsing an unchanged note (start-up, a rebuilt cache) costs nothing.
    if (known && known.hash === hash && this.index.has(path)) return;
    const [note] = await this.parse([{ path, text: content }]);
    if (!note || generation !== this.generation || this.editSeq.get(path) !== seq || file.path !== path) return;
    this.known.set(path, { mtime: file.stat.mtime, size: file.stat.size, hash });
    this.unreadableNotes.delete(path);
    this.queueWrite(path, { mtime: file.stat.mtime, size: file.stat.size, key: this.cacheKey(), hash, note });
    this.emit(this.index.upsertNote(path, note), reason);
  }

  private forget(path: string, reason: ChangeReason): void {
    this.known.delete(path);
    this.unreadableNotes.delete(path);
    this.queueDelete(path);
    if (this.index.has(path)) this.emit(this.index.remove(path), reason);
  }

  private onDeleted(file: TFile): void {
    if (this.building) this.gone.add(file.path);
    this.editSeq.delete(file.path);
    this.forget(file.path, 'delete');
    this.publishProgress();
  }

  private onRenamed(file: TFile, oldPath: string): void {
    if (this.building) {
      this.gone.add(oldPath);
      this.dirty.add(file);
    }
    if (!this.everReady) return;
    const known = this.known.get(oldPath);
    this.known.delete(oldPath);
    this.queueDelete(oldPath);
    this.unreadableNotes.delete(oldPath);
    if (!this.index.has(oldPath) || !known || !this.rules.file(file)) {
      // Not indexed under its old name (not markdown, excluded, or not a candidate then): read it now if it is one.
      if (this.index.has(oldPath)) this.emit(this.index.remove(oldPath), 'rename');
      void this.refresh(file, null, 'rename');
      return;
    }
    // `changed` does not fire on rename: move the entry, and read the text only if the new path
    // makes a component of a note the index kept no text for.
    const change = this.index.rename(oldPath, file.path);
    this.known.set(file.path, known);
    const note = this.index.entry(file.path)?.note;
    if (note && !change.needsText) this.queueWrite(file.path, { ...known, key: this.cacheKey(), note });
    this.emit(change, 'rename');
    if (change.needsText) void this.refresh(file, null, 'rename');
  }

  // ---- reading and parsing -------------------------------------------------------------------

  private async read(file: TFile): Promise<string | null> {
    try {
      return await this.app.vault.cachedRead(file);
    } catch {
      return null; // deleted or unreadable between listing and reading; its delete event follows
    }
  }

  private async parse(items: ParseItem[]): Promise<MaturityNote[]> {
    this.stats.parsed += items.length;
    return this.pool ? this.pool.parse(items) : [];
  }

  // ---- the build -----------------------------------------------------------------------------

  private async build(): Promise<void> {
    const generation = ++this.generation;
    const started = performance.now();
    const next: Generation = { index: createIndex(this.options), known: new Map(), unreadable: new Map() };
    // One batch, settled slice by slice (settleSoFar): names shared by many notes are resolved once per slice, not once per note.
    next.index.beginBatch();
    const key = this.cacheKey();
    this.dirty = new Set();
    this.gone = new Set();
    // Building from here: changes that arrive while the candidates are listed are caught up too.
    this.progress = { phase: 'building', done: 0, total: 0, unreadable: this.progress.unreadable };
    const candidates = await sliced(this.app.vault.getMarkdownFiles(), (f) => this.rules.file(f));
    if (generation !== this.generation) return;
    this.progress.total = candidates.length;
    this.events.trigger('progress', this.progress);

    const cached = await this.loadCache(key, candidates, next, generation);
    if (cached === null) return;
    const toParse = candidates.filter((f) => !next.known.has(f.path));
    const writes = new Map<string, PendingWrite>();
    if (!(await this.parseInto(next, toParse, key, writes, generation))) return;
    // The name order, sorted in a task of its own before the swap (the swap's edits rarely change it).
    await yieldToUI();
    next.index.ids();
    await yieldToUI();
    if (!(await this.catchUp(next, key, writes, generation))) return;

    const livePaths = new Set(candidates.map((f) => f.path));
    this.stats.build = { fromCache: cached.used, parsed: toParse.length, ms: performance.now() - started, parser: this.pool?.kind ?? 'main-thread' };
    this.swapIn(next);
    this.pendingDeletes = new Set([...this.pendingDeletes, ...cached.paths.filter((p) => !livePaths.has(p))]);
    for (const [path, record] of writes) this.pendingWrites.set(path, record);
    this.scheduleWrites(0);
  }

  /** Fill `next` from the cache records that match their file; returns how many, and every cached path. */
  private async loadCache(key: string, candidates: TFile[], next: Generation, generation: number): Promise<{ used: number; paths: string[] } | null> {
    const cache = await this.cache;
    const byPath = new Map(candidates.map((f) => [f.path, f]));
    const paths: string[] = [];
    let used = 0;
    if (!cache) return { used, paths };
    await cache.readAll(async (records) => {
      if (generation !== this.generation) return;
      let sliceStart = performance.now();
      for (const [path, record] of records) {
        paths.push(path);
        const file = byPath.get(path);
        if (!file || record.key !== key || record.mtime !== file.stat.mtime || record.size !== file.stat.size) continue;
        next.index.upsertNote(path, fromRecord(record));
        next.known.set(path, { mtime: record.mtime, size: record.size, hash: record.hash });
        used++;
        this.progress.done++;
        if (performance.now() - sliceStart > SLICE_MS) {
          settleSoFar(next);
          await yieldToUI();
          sliceStart = performance.now();
        }
      }
      settleSoFar(next);
      this.events.trigger('progress', this.progress);
    });
    return generation === this.generation ? { used, paths } : null;
  }

  /** Read and parse `files` into `next`, a batch at a time. False when a newer build took over. */
  private async parseInto(next: Generation, files: TFile[], key: string, writes: Map<string, PendingWrite>, generation: number): Promise<boolean> {
    const inFlight: Array<Promise<void>> = [];
    for (let start = 0; start < files.length; start += READ_BATCH) {
      const batch: Array<{ file: TFile; text: string; hash: string; mtime: number; size: number }> = [];
      for (const file of files.slice(start, start + READ_BATCH)) {
        if (file.stat.size > MAX_NOTE_BYTES) {
          next.unreadable.set(file.path, unreadable(file, `it is larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB`));
          continue;
        }
        const { mtime, size } = file.stat;
        const text = await this.read(file);
        if (generation !== this.generation) return false;
        if (text === null) next.unreadable.set(file.path, unreadable(file, 'it could not be read'));
        else batch.push({ file, text, hash: hashText(text), mtime, size });
      }
      for (let i = 0; i < batch.length; i += PARSE_BATCH) {
        const part = batch.slice(i, i + PARSE_BATCH);
        inFlight.push(this.parse(part.map((b) => ({ path: b.file.path, text: b.text }))).then((notes) => {
          if (generation !== this.generation) return;
          part.forEach((b, n) => {
            const note = notes[n];
            if (!note) return;
            next.index.upsertNote(b.file.path, note);
            next.known.set(b.file.path, { mtime: b.mtime, size: b.size, hash: b.hash });
            writes.set(b.file.path, { mtime: b.mtime, size: b.size, key, hash: b.hash, note });
          });
          settleSoFar(next);
          this.progress.done += part.length;
          this.events.trigger('progress', this.progress);
        }));
      }
      // Keep the worker fed without reading the whole vault into memory first.
      if (inFlight.length > 8) await Promise.all(inFlight.splice(0, inFlight.length - 4));
    }
    await Promise.all(inFlight);
    return generation === this.generation;
  }

  /** Apply what happened to the vault while the build ran: renames, deletes, edits. */
  private async catchUp(next: Generation, key: string, writes: Map<string, PendingWrite>, generation: number): Promise<boolean> {
    for (let round = 0; round < 5 && (this.dirty.size > 0 || this.gone.size > 0); round++) {
      const gone = [...this.gone];
      const dirty = [...this.dirty];
      this.gone.clear();
      this.dirty.clear();
      for (const path of gone) {
        if (next.index.has(path)) next.index.remove(path);
        next.known.delete(path);
        writes.delete(path);
      }
      const stale = dirty.filter((f) => this.app.vault.getFileByPath(f.path) === f && this.rules.file(f) && !sameFile(next.known.get(f.path), f));
      const removed = dirty.filter((f) => this.app.vault.getFileByPath(f.path) === f && !this.rules.file(f));
      for (const f of removed) if (next.index.has(f.path)) next.index.remove(f.path);
      if (!(await this.parseInto(next, stale, key, writes, generation))) return false;
    }
    return generation === this.generation;
  }

  private swapIn(next: Generation): void {
    const t = performance.now();
    next.index.endBatch();
    this.stats.build.finishMs = performance.now() - t;
    this.index = next.index;
    this.known = next.known;
    this.unreadableNotes = next.unreadable;
    this.everReady = true;
    this.progress = { phase: 'ready', done: this.progress.total, total: this.progress.total, unreadable: [...next.unreadable.values()] };
    this.events.trigger('progress', this.progress);
    const ids = next.index.ids();
    this.events.trigger('change', { revision: next.index.revision(), changed: [...ids], removed: [], reason: 'build' } satisfies LiveChange);
    this.events.trigger('ready');
    for (const resolve of this.readyResolvers.splice(0)) resolve();
  }

  private publishProgress(): void {
    if (this.building) return;
    this.progress = { ...this.progress, unreadable: [...this.unreadableNotes.values()] };
    this.events.trigger('progress', this.progress);
  }

  // ---- cache writes --------------------------------------------------------------------------

  private queueWrite(path: string, record: PendingWrite): void {
    this.pendingDeletes.delete(path);
    this.pendingWrites.set(path, record);
    this.scheduleWrites(2000);
  }

  private queueDelete(path: string): void {
    this.pendingWrites.delete(path);
    this.pendingDeletes.add(path);
    this.scheduleWrites(2000);
  }

  private scheduleWrites(delay: number): void {
    if (this.writeTimer !== null) return;
    this.writeTimer = this.later(() => {
      this.writeTimer = null;
      void this.flushWrites();
    }, delay);
  }

  /** Write what changed to the cache (after a build, and a little after edits); resolves when all queued writes are done. */
  flushWrites(): Promise<void> {
    this.writing = this.writing.then(async () => {
      const cache = await this.cache;
      const puts = this.pendingWrites;
      const deletes = this.pendingDeletes;
      this.pendingWrites = new Map();
      this.pendingDeletes = new Set();
      if (cache && (puts.size > 0 || deletes.size > 0)) await cache.write(await asRecords(puts), deletes);
    });
    return this.writing;
  }

  // ---- the day -------------------------------------------------------------------------------

  private later(fn: () => void, delay: number): number {
    const id = window.setTimeout(() => {
      this.pendingTimers.delete(id);
      fn();
    }, delay);
    this.pendingTimers.add(id);
    return id;
  }

  private scheduleDayCheck(): void {
    this.later(() => {
      this.checkDay();
      this.scheduleDayCheck();
    }, msUntilNextDay());
  }

  /** On a new day, relative dates and staleness change for every component. */
  private checkDay(): void {
    const today = localToday();
    if (today === this.day) return;
    this.day = today;
    this.emit({ revision: this.index.revision(), changed: [...this.index.ids()], removed: [] }, 'day');
  }

  today(): string {
    return this.day;
  }
}

/** The records to store, made in slices (a note parsed here is serialised now; one from the worker or the cache already has its strings). */
async function asRecords(puts: Map<string, PendingWrite>): Promise<Map<string, CachedNote>> {
  const out = new Map<string, CachedNote>();
  let sliceStart = performance.now();
  for (const [path, { note, ...state }] of puts) {
    out.set(path, { ...state, ...toRecord(note) });
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToUI();
      sliceStart = performance.now();
    }
  }
  return out;
}

/**
 * Resolve the links of the notes added so far, so the work is spread over the build's slices
 * instead of falling into one long task when it completes. Ending the batch settles and reports
 * (nobody listens to an index being built); a new batch starts at once.
 */
function settleSoFar(next: Generation): void {
  next.index.endBatch();
  next.index.beginBatch();
}

/** The items that pass `keep`, in slices that yield to the UI. */
async function sliced<T>(items: readonly T[], keep: (item: T) => boolean): Promise<T[]> {
  const out: T[] = [];
  let sliceStart = performance.now();
  for (const item of items) {
    if (keep(item)) out.push(item);
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToUI();
      sliceStart = performance.now();
    }
  }
  return out;
}

function sameFile(known: Known | undefined, file: TFile): boolean {
  return !!known && known.mtime === file.stat.mtime && known.size === file.stat.size;
}

/** Workers to parse with: one per spare core, at most two (Dataview's count); none where workers are missing. */
function workerCount(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(2, cores - 1));
}

/** A stable id for the vault: the app's id where it has one, else the vault's name. */
function vaultId(app: App): string {
  const id = (app as App & { appId?: unknown }).appId;
  return typeof id === 'string' && id !== '' ? id : app.vault.getName();
}
