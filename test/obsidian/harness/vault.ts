// Vault, TFile/TFolder, MetadataCache and FileManager over an in-memory folder of notes. Events
// follow the app: loading the vault fires 'create' for every file and folder; a write fires vault
// 'modify' at once and metadata 'changed' (with the new text) later, when the metadata cache has
// parsed it in its next batch ('resolve' per file, 'resolved' after each batch); a rename fires
// vault 'rename' only, for a folder and then for everything in it, updating the same TFile
// objects in place — no 'changed' ("renames do not set off the metadata cache"); a delete fires
// vault 'delete' (for every file in a deleted folder) then metadata 'deleted'.
import type { CachedMetadata } from 'obsidian';
import { parseDocument } from 'yaml';
import { Events } from './events';
import { asHost } from './host-work';
import { computeMetadata } from './metadata';

export class TAbstractFile {
  vault!: Vault;
  path = '';
  name = '';
  parent: TFolder | null = null;
}

export class TFile extends TAbstractFile {
  basename = '';
  extension = '';
  stat = { ctime: 0, mtime: 0, size: 0 };
}

export class TFolder extends TAbstractFile {
  children: TAbstractFile[] = [];
  isRoot(): boolean {
    return this.path === '/';
  }
}

function setPath(file: TAbstractFile, path: string): void {
  file.path = path;
  file.name = path.split('/').pop() ?? path;
  if (file instanceof TFile) {
    const dot = file.name.lastIndexOf('.');
    file.basename = dot > 0 ? file.name.slice(0, dot) : file.name;
    file.extension = dot > 0 ? file.name.slice(dot + 1) : '';
  }
}

/** Harness bookkeeping: work the app does "later" (metadata indexing), awaited by `settle()`. */
export const pending = new Set<Promise<unknown>>();
export function later(fn: () => void): void {
  const p = Promise.resolve().then(fn);
  pending.add(p);
  void p.finally(() => pending.delete(p));
}

export class Vault extends Events {
  configDir = '.obsidian';
  private files = new Map<string, TFile>();
  private folders = new Map<string, TFolder>();
  private contents = new Map<string, string>();
  private clock = 1_700_000_000_000;
  metadataCache!: MetadataCache;
  /** Harness: count of writes, for "a failed write changes nothing" checks. */
  writes = 0;
  /** Harness: every path read (read or cachedRead), in order. */
  reads: string[] = [];
  /** Harness: make the next writes fail as a full disk or a lost sync folder would. */
  failWrites: Error | null = null;

  constructor() {
    super();
    const root = new TFolder();
    root.vault = this;
    root.path = '/';
    root.name = '';
    this.folders.set('/', root);
  }

  getName(): string {
    return 'Harness vault';
  }

  getRoot(): TFolder {
    return this.folders.get('/')!;
  }

  private folderFor(path: string): TFolder {
    const dir = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '/';
    if (this.folders.has(dir)) return this.folders.get(dir)!;
    const parent = this.folderFor(dir);
    const folder = new TFolder();
    folder.vault = this;
    setPath(folder, dir);
    folder.parent = parent;
    parent.children.push(folder);
    this.folders.set(dir, folder);
    return folder;
  }

  /** Harness: put a file in place before the app starts (no events, metadata indexed at once). */
  seed(path: string, text: string, mtime = this.clock): TFile {
    const file = new TFile();
    file.vault = this;
    setPath(file, path);
    file.parent = this.folderFor(path);
    file.parent.children.push(file);
    file.stat = { ctime: mtime, mtime, size: text.length };
    this.files.set(path, file);
    this.contents.set(path, text);
    this.metadataCache.index(file, text, false);
    return file;
  }

  getFiles(): TFile[] {
    return [...this.files.values()];
  }
  getMarkdownFiles(): TFile[] {
    return this.getFiles().filter((f) => f.extension === 'md');
  }
  getFileByPath(path: string): TFile | null {
    return this.files.get(path) ?? null;
  }
  getFolderByPath(path: string): TFolder | null {
    return this.folders.get(path) ?? null;
  }
  getAbstractFileByPath(path: string): TAbstractFile | null {
    return this.files.get(path) ?? this.folders.get(path) ?? null;
  }
  getAllLoadedFiles(): TAbstractFile[] {
    return [...this.folders.values(), ...this.files.values()];
  }

  /** Harness: the app loads the vault: 'create' for every folder and file, as plugins see at start-up. */
  announceAll(): void {
    asHost(() => {
      for (const folder of this.folders.values()) if (folder.path !== '/') this.trigger('create', folder);
      for (const file of this.files.values()) this.trigger('create', file);
    });
  }

  /** Harness: the current text of a file (null once gone). */
  peek(path: string): string | null {
    return this.contents.get(path) ?? null;
  }

  private text(file: TFile): string {
    const text = this.contents.get(file.path);
    if (text === undefined) throw new Error(`File not found: ${file.path}`);
    return text;
  }
  async read(file: TFile): Promise<string> {
    this.reads.push(file.path);
    return this.text(file);
  }
  async cachedRead(file: TFile): Promise<string> {
    this.reads.push(file.path);
    return this.text(file);
  }

  private write(file: TFile, data: string): void {
    if (this.failWrites) throw this.failWrites;
    this.contents.set(file.path, data);
    this.clock += 1000;
    file.stat = { ...file.stat, mtime: this.clock, size: data.length };
    this.writes++;
    this.trigger('modify', file);
    this.metadataCache.enqueue(file);
  }

  async create(path: string, data: string): Promise<TFile> {
    if (this.getAbstractFileByPath(path)) throw new Error('File already exists.');
    const file = new TFile();
    file.vault = this;
    setPath(file, path);
    file.parent = this.folderFor(path);
    file.parent.children.push(file);
    this.clock += 1000;
    file.stat = { ctime: this.clock, mtime: this.clock, size: data.length };
    this.files.set(path, file);
    this.contents.set(path, data);
    this.trigger('create', file);
    this.metadataCache.enqueue(file);
    return file;
  }

  async createFolder(path: string): Promise<TFolder> {
    if (this.folders.has(path)) throw new Error('Folder already exists.');
    const folder = this.folderFor(`${path}/x`);
    this.trigger('create', folder);
    return folder;
  }

  async modify(file: TFile, data: string): Promise<void> {
    this.text(file);
    this.write(file, data);
  }

  /** Atomic read-modify-write, as documented: `fn` gets the current text, its result is saved. */
  async process(file: TFile, fn: (data: string) => string): Promise<string> {
    const before = this.text(file);
    const after = fn(before);
    if (after !== before) this.write(file, after);
    return after;
  }

  async rename(file: TAbstractFile, newPath: string): Promise<void> {
    if (this.getAbstractFileByPath(newPath)) throw new Error('Destination file already exists!');
    if (file instanceof TFolder) return this.renameFolder(file, newPath);
    if (!(file instanceof TFile)) throw new Error('Not a file or folder.');
    const oldPath = file.path;
    this.moveFile(file, newPath);
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
    file.parent = this.folderFor(newPath);
    file.parent.children.push(file);
    this.trigger('rename', file, oldPath);
  }

  private moveFile(file: TFile, newPath: string): void {
    const oldPath = file.path;
    const text = this.text(file);
    this.files.delete(oldPath);
    this.contents.delete(oldPath);
    setPath(file, newPath);
    this.files.set(newPath, file);
    this.contents.set(newPath, text);
    this.metadataCache.move(oldPath, newPath);
  }

  /** Everything under a folder, parents before children. */
  private descendants(folder: TFolder): TAbstractFile[] {
    const out: TAbstractFile[] = [];
    for (const child of folder.children) {
      out.push(child);
      if (child instanceof TFolder) out.push(...this.descendants(child));
    }
    return out;
  }

  private async renameFolder(folder: TFolder, newPath: string): Promise<void> {
    const oldPath = folder.path;
    const inside = this.descendants(folder);
    const oldPaths = new Map(inside.map((f) => [f, f.path]));
    folder.parent?.children.splice(folder.parent.children.indexOf(folder), 1);
    this.folders.delete(oldPath);
    setPath(folder, newPath);
    const parentPath = newPath.includes('/') ? newPath.slice(0, newPath.lastIndexOf('/')) : '/';
    folder.parent = parentPath === '/' ? this.getRoot() : this.folderFor(`${parentPath}/x`);
    folder.parent.children.push(folder);
    this.folders.set(newPath, folder);
    for (const item of inside) {
      const moved = newPath + item.path.slice(oldPath.length);
      if (item instanceof TFile) this.moveFile(item, moved);
      else if (item instanceof TFolder) {
        this.folders.delete(item.path);
        setPath(item, moved);
        this.folders.set(moved, item);
      }
    }
    this.trigger('rename', folder, oldPath);
    for (const item of inside) this.trigger('rename', item, oldPaths.get(item)!);
  }

  async delete(file: TAbstractFile): Promise<void> {
    if (file instanceof TFolder) {
      for (const item of this.descendants(file).reverse()) await this.delete(item);
      file.parent?.children.splice(file.parent.children.indexOf(file), 1);
      this.folders.delete(file.path);
      this.trigger('delete', file);
      return;
    }
    if (!(file instanceof TFile)) throw new Error('Not a file or folder.');
    this.files.delete(file.path);
    this.contents.delete(file.path);
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
    this.trigger('delete', file);
    const prev = this.metadataCache.drop(file.path);
    this.metadataCache.trigger('deleted', file, prev);
  }

  async trash(file: TAbstractFile): Promise<void> {
    await this.delete(file);
  }
}

export class MetadataCache extends Events {
  private caches = new Map<string, CachedMetadata>();
  /** Files seeded before start-up are indexed on first use (computing 1000s of caches up front is slow). */
  private unindexed = new Map<string, string>();
  resolvedLinks: Record<string, Record<string, number>> = {};
  unresolvedLinks: Record<string, Record<string, number>> = {};

  constructor(private readonly vault: Vault) {
    super();
  }

  /** Harness: a file seeded before start-up; its metadata is computed on first use (the app's cache was warm). */
  index(file: TFile, text: string, notify: boolean): void {
    void notify;
    this.unindexed.set(file.path, text);
  }

  /** Files waiting for the metadata cache to parse them, and the timer of the next batch. */
  private queue = new Set<TFile>();
  private batchTimer: number | null = null;
  /** Harness: how many files one batch parses before 'resolved' fires. */
  batchSize = 100;

  /** A file was written or created: parse it in the next batch, as the app's metadata worker does. */
  enqueue(file: TFile): void {
    this.queue.add(file);
    if (this.batchTimer === null) this.batchTimer = window.setTimeout(() => this.runBatch(), 0);
  }

  /** Harness: the app's metadata cache is empty (a first start, or a rebuilt cache): every note is parsed again, in batches. */
  coldStart(): void {
    for (const file of this.vault.getMarkdownFiles()) {
      this.unindexed.delete(file.path);
      this.caches.delete(file.path);
      this.enqueue(file);
    }
  }

  private runBatch(): void {
    asHost(() => this.parseBatch());
  }

  private parseBatch(): void {
    this.batchTimer = null;
    const batch = [...this.queue].slice(0, this.batchSize);
    for (const file of batch) {
      this.queue.delete(file);
      const text = this.vault.getFileByPath(file.path) === file ? this.vault.peek(file.path) : null;
      if (text === null) continue; // deleted meanwhile
      const cache = file.extension === 'md' ? computeMetadata(text) : {};
      this.caches.set(file.path, cache);
      this.resolveLinks(file.path, cache);
      this.trigger('changed', file, text, cache);
      this.trigger('resolve', file);
    }
    this.trigger('resolved');
    if (this.queue.size > 0) this.batchTimer = window.setTimeout(() => this.runBatch(), 0);
  }

  private ensure(path: string): void {
    const text = this.unindexed.get(path);
    if (text === undefined) return;
    this.unindexed.delete(path);
    const cache = path.endsWith('.md') ? asHost(() => computeMetadata(text)) : {};
    this.caches.set(path, cache);
    this.resolveLinks(path, cache);
  }

  move(from: string, to: string): void {
    this.ensure(from);
    const cache = this.caches.get(from);
    this.caches.delete(from);
    if (cache) this.caches.set(to, cache);
  }

  drop(path: string): CachedMetadata | null {
    this.ensure(path);
    const cache = this.caches.get(path) ?? null;
    this.caches.delete(path);
    delete this.resolvedLinks[path];
    delete this.unresolvedLinks[path];
    return cache;
  }

  private resolveLinks(path: string, cache: CachedMetadata): void {
    const resolved: Record<string, number> = {};
    const unresolved: Record<string, number> = {};
    for (const link of cache.links ?? []) {
      const dest = this.getFirstLinkpathDest(link.link, path);
      if (dest) resolved[dest.path] = (resolved[dest.path] ?? 0) + 1;
      else unresolved[link.link] = (unresolved[link.link] ?? 0) + 1;
    }
    this.resolvedLinks[path] = resolved;
    this.unresolvedLinks[path] = unresolved;
  }

  getFileCache(file: TFile): CachedMetadata | null {
    return this.getCache(file.path);
  }
  getCache(path: string): CachedMetadata | null {
    this.ensure(path);
    return this.caches.get(path) ?? null;
  }

  /** Path match first, then the shortest path whose base name matches (case-insensitive). */
  getFirstLinkpathDest(linkpath: string, sourcePath: string): TFile | null {
    void sourcePath; // resolution is vault-wide here; the app prefers the source's folder on ties
    const target = linkpath.replace(/#.*$/, '').trim();
    const withExt = /\.[a-z0-9]+$/i.test(target) ? target : `${target}.md`;
    const direct = this.vault.getFileByPath(withExt);
    if (direct) return direct;
    const lower = withExt.toLowerCase();
    const matches = this.vault.getFiles().filter((f) => f.path.toLowerCase() === lower || f.path.toLowerCase().endsWith(`/${lower}`));
    return matches.sort((a, b) => a.path.length - b.path.length)[0] ?? null;
  }

  fileToLinktext(file: TFile, _sourcePath: string, omitMdExtension = true): string {
    return omitMdExtension && file.extension === 'md' ? file.path.slice(0, -3) : file.path;
  }
}

export class FileManager {
  constructor(private readonly vault: Vault) {}

  /** Front matter as an object, changed in place by `fn`, written back in one atomic edit. */
  async processFrontMatter(file: TFile, fn: (frontmatter: Record<string, unknown>) => void): Promise<void> {
    await this.vault.process(file, (text) => {
      const match = /^---\r?\n([\s\S]*?)\r?\n---(\r?\n|$)/.exec(text);
      const doc = parseDocument(match ? match[1]! : '');
      const data = (doc.toJS() ?? {}) as Record<string, unknown>;
      fn(data);
      for (const key of Object.keys(doc.toJS() ?? {})) if (!(key in data)) doc.delete(key);
      for (const [key, value] of Object.entries(data)) doc.set(key, value);
      const yamlText = doc.toString().replace(/\n$/, '');
      return match ? `---\n${yamlText}\n---${match[2]}${text.slice(match[0].length)}` : `---\n${yamlText}\n---\n${text}`;
    });
  }

  async renameFile(file: TFile, newPath: string): Promise<void> {
    await this.vault.rename(file, newPath);
  }

  async trashFile(file: TFile): Promise<void> {
    await this.vault.trash(file);
  }
}
