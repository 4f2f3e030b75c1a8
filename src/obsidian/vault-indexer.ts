// Keeps the core index in step with the vault: a full build after layout-ready in small time
// slices (the UI never waits on it), then one incremental update per metadata change, rename and
// delete. Views listen to `events` ('change', 'ready', 'progress') instead of to the vault.
import { Component, Events, TFile, type App, type EventRef } from 'obsidian';
import { createIndex, localToday, type IndexChange, type IndexOptions, type MaturityIndex } from '../core/index';
import { msUntilNextDay } from './dates';

export type ChangeReason = 'build' | 'edit' | 'rename' | 'delete' | 'day';

export interface LiveChange extends IndexChange {
  reason: ChangeReason;
}

export interface IndexProgress {
  phase: 'waiting' | 'building' | 'ready';
  done: number;
  total: number;
  /** Notes skipped because they could not be read or are too large. */
  skipped: string[];
}

/** Notes above this size are not indexed: no maturity note is this large, and mobile memory is scarce. */
export const MAX_NOTE_CHARS = 8 * 1024 * 1024;
/** How long one slice of the start-up build may hold the main thread. */
const SLICE_MS = 12;
const READ_BATCH = 64;

const isMarkdownPath = (path: string) => /\.md$/i.test(path);

export class VaultIndexer extends Component {
  index: MaturityIndex;
  readonly events = new Events();
  progress: IndexProgress = { phase: 'waiting', done: 0, total: 0, skipped: [] };
  private generation = 0;
  private day = localToday();
  /** Paths an event already brought up to date while the start-up build was running. */
  private freshDuringBuild = new Set<string>();
  private readyResolvers: Array<() => void> = [];
  private started = false;
  private pendingTimers = new Set<number>();

  constructor(
    private readonly app: App,
    private options: IndexOptions,
  ) {
    super();
    this.index = createIndex(options);
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
    this.registerEvent(metadataCache.on('changed', (file, data) => this.onChanged(file, data)));
    this.registerEvent(vault.on('delete', (file) => this.onDeleted(file.path)));
    this.registerEvent(vault.on('rename', (file, oldPath) => this.onRenamed(file, oldPath)));
    // A laptop that slept through midnight fires its timer late; focus catches up sooner.
    this.registerDomEvent(window, 'focus', () => this.checkDay());
    this.scheduleDayCheck();
    this.register(() => {
      this.generation++;
      for (const id of this.pendingTimers) window.clearTimeout(id);
      this.pendingTimers.clear();
    });
    void this.build();
  }

  /** New settings: a fresh index, built the same way as at start-up. */
  reconfigure(options: IndexOptions): Promise<void> {
    this.options = options;
    this.index = createIndex(options);
    if (!this.started) return Promise.resolve();
    return this.build();
  }

  /** Drop everything and read the vault again (the "re-index" command). */
  rebuild(): Promise<void> {
    return this.reconfigure(this.options);
  }

  private emit(change: IndexChange, reason: ChangeReason): void {
    if (this.progress.phase !== 'ready') return; // the end of the build announces everything at once
    if (change.changed.length === 0 && change.removed.length === 0) return;
    this.events.trigger('change', { ...change, reason } satisfies LiveChange);
  }

  private onChanged(file: TFile, data: string): void {
    if (file.extension !== 'md') return;
    if (this.progress.phase === 'building') this.freshDuringBuild.add(file.path);
    if (data.length > MAX_NOTE_CHARS) {
      this.emit(this.index.remove(file.path), 'edit');
      return;
    }
    this.emit(this.index.upsert(file.path, data), 'edit');
  }

  private onDeleted(path: string): void {
    if (!isMarkdownPath(path)) return;
    this.freshDuringBuild.add(path);
    this.emit(this.index.remove(path), 'delete');
  }

  private onRenamed(file: TFile | { path: string }, oldPath: string): void {
    if (!(file instanceof TFile)) return; // the files inside a renamed folder get their own events
    const was = isMarkdownPath(oldPath);
    const is = file.extension === 'md';
    if (this.progress.phase === 'building') this.freshDuringBuild.add(file.path);
    if (was && !is) {
      this.emit(this.index.remove(oldPath), 'rename');
      return;
    }
    if (!was && is) {
      void this.readAndUpsert(file, 'rename');
      return;
    }
    if (!is) return;
    // `changed` does not fire on rename: move the entry, and read the text only if the new path
    // makes a component of a note the index kept no text for.
    const change = this.index.rename(oldPath, file.path);
    this.emit(change, 'rename');
    if (change.needsText) void this.readAndUpsert(file, 'rename');
  }

  private async readAndUpsert(file: TFile, reason: ChangeReason): Promise<void> {
    const generation = this.generation;
    const text = await this.read(file);
    if (text === null || generation !== this.generation) return;
    this.emit(this.index.upsert(file.path, text), reason);
  }

  private async read(file: TFile): Promise<string | null> {
    if (file.stat.size > MAX_NOTE_CHARS * 4) return null;
    try {
      const text = await this.app.vault.cachedRead(file);
      return text.length > MAX_NOTE_CHARS ? null : text;
    } catch {
      return null; // deleted or unreadable between listing and reading; its delete event follows
    }
  }

  private async build(): Promise<void> {
    const generation = ++this.generation;
    const index = this.index;
    const files = this.app.vault.getMarkdownFiles();
    this.freshDuringBuild = new Set();
    this.progress = { phase: 'building', done: 0, total: files.length, skipped: [] };
    this.events.trigger('progress', this.progress);
    let sliceStart = performance.now();
    for (let start = 0; start < files.length; start += READ_BATCH) {
      const batch = files.slice(start, start + READ_BATCH);
      const texts = await Promise.all(batch.map((file) => this.read(file)));
      if (generation !== this.generation) return; // superseded by a newer build or unloaded
      for (let i = 0; i < batch.length; i++) {
        const file = batch[i]!;
        const text = texts[i];
        if (this.freshDuringBuild.has(file.path)) continue;
        if (text === null || text === undefined) this.progress.skipped.push(file.path);
        else index.upsert(file.path, text);
        this.progress.done++;
        if (performance.now() - sliceStart > SLICE_MS) {
          this.events.trigger('progress', this.progress);
          await this.yieldToUI();
          if (generation !== this.generation) return;
          sliceStart = performance.now();
        }
      }
    }
    this.progress = { ...this.progress, phase: 'ready', done: files.length };
    this.events.trigger('progress', this.progress);
    const ids = index.ids();
    this.events.trigger('change', { revision: index.revision(), changed: [...ids], removed: [], reason: 'build' } satisfies LiveChange);
    this.events.trigger('ready');
    for (const resolve of this.readyResolvers.splice(0)) resolve();
  }

  private yieldToUI(): Promise<void> {
    return new Promise((resolve) => {
      const id = window.setTimeout(() => {
        this.pendingTimers.delete(id);
        resolve();
      }, 0);
      this.pendingTimers.add(id);
    });
  }

  private scheduleDayCheck(): void {
    const id = window.setTimeout(() => {
      this.pendingTimers.delete(id);
      this.checkDay();
      this.scheduleDayCheck();
    }, msUntilNextDay());
    this.pendingTimers.add(id);
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
