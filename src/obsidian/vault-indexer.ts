// Keeps the core index in step with the vault. A build (at layout-ready, and when settings
// change) makes a new index beside the current one (index/build.ts) and replaces the current one
// only when complete, so views never see a partial state. Afterwards each metadata change, rename
// and delete updates the index incrementally (index/live-edits.ts), and the per-file cache follows
// (src/plugin-cache/cache-writer.ts).
// Views listen to `events` ('change', 'ready', 'progress').
import { Component, Events, TFile, type App, type EventRef } from 'obsidian';
import { createIndex, type IndexChange, type IndexOptions, type MaturityIndex } from '../core/index';
import { PARSER_BUILD } from './embedded-code';
import { buildGeneration, type BuildHost, type BuildResult } from './index/build';
import { CacheWriter } from '../plugin-cache/cache-writer';
import { candidateRules, type CandidateRules } from './index/candidates';
import { hashText } from './index/hash';
import { keepLinks, type KeptLinks } from './index/links';
import type { ChangeReason, IndexProgress, IndexStats, LiveChange } from './index/indexer-state';
import { liveState, onChanged, onDeleted, onRenamed, type LiveHost } from './index/live-edits';
import { NoteCache } from '../plugin-cache/note-cache';
import type { PreparedNote } from '../plugin-cache/note-record';
import { ParserPool, type ParseItem } from './index/parser-pool';
import { closeYields, OBSIDIAN_SLICING, sliceSpent, yieldToUI } from './index/slices';
import { createIndexTimers, workerCount } from './index/timers';
import { workCount } from '../core/work-count';

export type { ChangeReason, IndexProgress, IndexStats, LiveChange } from './index/indexer-state';
export { MAX_NOTE_BYTES } from './index/indexer-state';

export class VaultIndexer extends Component {
  /**
   * The live index. It reads the day this indexer keeps (checked after each midnight and when the
   * app regains focus), so its views change day with the 'day' refresh that redraws them, not a
   * read earlier. (The clock's date, which the core now formats once a day, cost ~7 µs a view read.)
   */
  get index(): MaturityIndex {
    // Made when first read: before the first build completes only an empty index can be read, and
    // at start-up nothing reads one (making it compiled the settings and the vocabulary again in
    // the task that loads the plugin).
    if (this.current !== null) return this.current;
    const made = createIndex(this.options);
    this.index = made;
    return made;
  }

  set index(next: MaturityIndex) {
    next.setToday(this.timers.today());
    this.current = next;
  }

  private current: MaturityIndex | null = null;
  readonly events = new Events();
  progress: IndexProgress = { phase: 'waiting', done: 0, total: 0, unreadable: [] };
  stats: IndexStats = { parsed: 0, build: { fromCache: 0, parsed: 0, ms: 0, parser: 'worker' } };
  /** The notes it knows and the build under way, shared with the live-edit handlers (index/live-edits.ts). */
  private readonly live = liveState();
  private rules: CandidateRules;
  private pool: ParserPool | null = null;
  private cache: Promise<NoteCache | null> = Promise.resolve(null);
  /** Settles when an unloaded indexer has written what was queued and closed its cache (the app does not wait for it). */
  closed: Promise<void> = Promise.resolve();
  private writer: CacheWriter | null = null;
  private readyResolvers: Array<() => void> = [];
  private started = false;
  /** The plugin unloaded: views still building theirs stop. */
  stopped = false;
  private readonly timers = createIndexTimers(() => {
    this.index.setToday(this.timers.today());
    this.emit({ revision: this.index.revision(), changed: [...this.index.ids()], removed: [] }, 'day');
  });
  /** The index and revision whose links were last kept. */
  private keptLinks: { index: MaturityIndex; revision: number } | null = null;

  constructor(
    private readonly app: App,
    private options: IndexOptions,
    private readonly pluginVersion = '',
  ) {
    super();
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
    this.cache = NoteCache.open(`maturity-map-cache/${vaultId(this.app)}`, OBSIDIAN_SLICING);
    this.writer = new CacheWriter(
      this.cache,
      (fn, delay) => this.timers.later(fn, delay),
      OBSIDIAN_SLICING,
      () => this.linksToKeep(),
    );
    const edits = this.liveHost();
    this.registerEvent(metadataCache.on('changed', (file, data) => onChanged(edits, file, data)));
    this.registerEvent(vault.on('delete', (file) => file instanceof TFile && onDeleted(edits, file)));
    this.registerEvent(vault.on('rename', (file, oldPath) => file instanceof TFile && onRenamed(edits, file, oldPath)));
    // A laptop that slept through midnight fires its timer late; focus catches up sooner.
    this.registerDomEvent(window, 'focus', () => this.timers.checkDay());
    this.timers.watchDays();
    this.register(() => {
      this.stopped = true;
      this.live.generation++;
      this.timers.clearAll();
      this.pool?.close();
      closeYields();
      this.closed = this.flushWrites()
        .then(() => this.cache.then((c) => c?.close()))
        // The cache is only a cache: a write that fails now costs the next launch a parse.
        .catch((err: unknown) => console.warn(`Maturity Map: the cache was not written on unload (${err instanceof Error ? err.message : String(err)}).`));
    });
    void this.build();
  }

  /** New settings: a new index is built beside the current one, which serves until it is complete. */
  reconfigure(options: IndexOptions): Promise<void> {
    this.options = options;
    this.rules = candidateRules(this.app, options);
    this.pool?.configure(options);
    if (!this.started) {
      // The next read makes the index with these options.
      this.current = null;
      return Promise.resolve();
    }
    return this.build();
  }

  /** Read the vault again (the "re-index" command); with `dropCache`, parse every note. */
  async rebuild(options: { dropCache?: boolean } = {}): Promise<void> {
    if (options.dropCache) await (await this.cache)?.clear();
    return this.reconfigure(this.options);
  }

  /** Write what changed to the cache now; resolves when all queued writes are done. */
  flushWrites(): Promise<void> {
    return this.writer?.flush() ?? Promise.resolve();
  }

  today(): string {
    return this.timers.today();
  }

  /** Component views the index has built since the plugin loaded (tests and the benchmark count them). */
  get viewsBuilt(): number {
    return workCount.viewsBuilt;
  }

  /** The cache key part that the parser build and these settings decide. */
  private cacheKey(): string {
    const { today: _today, ...settings } = this.options;
    void _today;
    return `${PARSER_BUILD}:${this.pluginVersion}:${hashText(JSON.stringify(settings))}`;
  }

  /** The links to keep: null while a build runs (its settings are not the index's yet) or when those kept are current. */
  private linksToKeep(): KeptLinks | null {
    if (!this.live.everReady || this.building) return null;
    const revision = this.index.revision();
    if (this.keptLinks?.index === this.index && this.keptLinks.revision === revision) return null;
    this.keptLinks = { index: this.index, revision };
    return keepLinks(this.index, this.live.known, this.cacheKey());
  }

  private emit(change: IndexChange, reason: ChangeReason): void {
    if (!this.live.everReady) return; // the end of the first build announces everything at once
    if (change.changed.length === 0 && change.removed.length === 0) return;
    this.events.trigger('change', { ...change, reason } satisfies LiveChange);
  }

  private get building(): boolean {
    return this.progress.phase === 'building';
  }

  /** What the live-edit handlers (index/live-edits.ts) ask of the indexer. */
  private liveHost(): LiveHost {
    return {
      state: this.live,
      index: () => this.index,
      rules: () => this.rules,
      writer: () => this.writer,
      building: () => this.building,
      cacheKey: () => this.cacheKey(),
      emit: (change, reason) => this.emit(change, reason),
      publishProgress: () => this.publishProgress(),
      parse: (items) => this.parse(items),
      read: (file) => this.read(file),
    };
  }

  private async read(file: TFile): Promise<string | null> {
    try {
      return await this.app.vault.cachedRead(file);
    } catch {
      return null; // deleted or unreadable between listing and reading; its delete event follows
    }
  }

  private async parse(items: ParseItem[]): Promise<PreparedNote[]> {
    this.stats.parsed += items.length;
    return this.pool ? this.pool.parse(items) : [];
  }

  // ---- the build -----------------------------------------------------------------------------

  private async build(): Promise<void> {
    const generation = ++this.live.generation;
    const started = performance.now();
    this.live.dirty = new Set();
    this.live.gone = new Set();
    // Building from here: changes that arrive while the candidates are listed are caught up too.
    this.progress = { phase: 'building', done: 0, total: 0, unreadable: this.progress.unreadable };
    const next = await buildGeneration(this.buildHost(generation));
    if (!next || generation !== this.live.generation) return;
    this.stats.build = { fromCache: next.fromCache, parsed: next.parsed, ms: performance.now() - started, parser: this.pool?.kind ?? 'main-thread', linksKept: next.linksKept };
    this.swapIn(next);
    void this.placeNameKeys(next.index);
    // Taken back and nothing caught up: the kept links are this index's.
    if (next.linksKept && next.parsed === 0 && next.stale.length === 0 && !next.caughtUp) this.keptLinks = { index: next.index, revision: next.index.revision() };
    for (const path of next.stale) this.writer?.delete(path, true);
    for (const [path, record] of next.writes) this.writer?.put(path, record, true);
    this.writer?.keepLinksSoon();
  }

  /**
   * The name keys a start from kept links left waiting (core link-keys.ts: nothing needs them to
   * be ready), put in a slice at a time after it; a lookup, view or edit before the last slice
   * puts in the rest itself.
   */
  private async placeNameKeys(index: MaturityIndex): Promise<void> {
    // Not in the task that announces ready: what waits on ready goes first.
    do {
      await yieldToUI();
      if (this.stopped || this.index !== index) return;
    } while (!index.placeNameKeys(sliceSpent));
  }

  private buildHost(generation: number): BuildHost {
    return {
      app: this.app,
      options: this.options,
      rules: this.rules,
      cache: this.cache,
      key: this.cacheKey(),
      progress: this.progress,
      publishProgress: () => this.events.trigger('progress', this.progress),
      parse: (items) => this.parse(items),
      read: (file) => this.read(file),
      current: () => generation === this.live.generation,
      dirty: this.live.dirty,
      gone: this.live.gone,
    };
  }

  private swapIn(next: BuildResult): void {
    const t = performance.now();
    next.index.endBatch();
    this.stats.build.finishMs = performance.now() - t;
    this.index = next.index;
    this.live.known = next.known;
    this.live.unreadable = next.unreadable;
    this.live.everReady = true;
    this.progress = { phase: 'ready', done: this.progress.total, total: this.progress.total, unreadable: [...next.unreadable.values()] };
    this.events.trigger('progress', this.progress);
    const ids = next.index.ids();
    this.events.trigger('change', { revision: next.index.revision(), changed: [...ids], removed: [], reason: 'build' } satisfies LiveChange);
    this.events.trigger('ready');
    for (const resolve of this.readyResolvers.splice(0)) resolve();
  }

  private publishProgress(): void {
    if (this.building) return;
    this.progress = { ...this.progress, unreadable: [...this.live.unreadable.values()] };
    this.events.trigger('progress', this.progress);
  }
}

/** A stable id for the vault: the app's id where it has one, else the vault's name. */
function vaultId(app: App): string {
  const id = (app as App & { appId?: unknown }).appId;
  return typeof id === 'string' && id !== '' ? id : app.vault.getName();
}
