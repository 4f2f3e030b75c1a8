// Vault, TFile/TFolder, MetadataCache and FileManager over an in-memory folder of notes. Events
// follow the documented order: a write fires vault 'modify' at once and metadata 'changed'
// (with the new text) after the file is re-indexed; a rename fires vault 'rename' only — no
// 'changed' ("renames do not set off the metadata cache"); a delete fires vault 'delete' then
// metadata 'deleted'.
import type { CachedMetadata } from 'obsidian';
import { parseDocument } from 'yaml';
import { Events } from './events';
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
  seed(path: string, text: string): TFile {
    const file = new TFile();
    file.vault = this;
    setPath(file, path);
    file.parent = this.folderFor(path);
    file.parent.children.push(file);
    file.stat = { ctime: this.clock, mtime: this.clock, size: text.length };
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

  private text(file: TFile): string {
    const text = this.contents.get(file.path);
    if (text === undefined) throw new Error(`File not found: ${file.path}`);
    return text;
  }
  async read(file: TFile): Promise<string> {
    return this.text(file);
  }
  async cachedRead(file: TFile): Promise<string> {
    return this.text(file);
  }

  private write(file: TFile, data: string): void {
    if (this.failWrites) throw this.failWrites;
    this.contents.set(file.path, data);
    this.clock += 1000;
    file.stat = { ...file.stat, mtime: this.clock, size: data.length };
    this.writes++;
    this.trigger('modify', file);
    later(() => this.metadataCache.index(file, data, true));
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
    later(() => this.metadataCache.index(file, data, true));
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
    if (!(file instanceof TFile)) throw new Error('Harness renames files only.');
    if (this.getAbstractFileByPath(newPath)) throw new Error('Destination file already exists!');
    const oldPath = file.path;
    const text = this.text(file);
    this.files.delete(oldPath);
    this.contents.delete(oldPath);
    file.parent?.children.splice(file.parent.children.indexOf(file), 1);
    setPath(file, newPath);
    file.parent = this.folderFor(newPath);
    file.parent.children.push(file);
    this.files.set(newPath, file);
    this.contents.set(newPath, text);
    this.metadataCache.move(oldPath, newPath);
    this.trigger('rename', file, oldPath);
  }

  async delete(file: TAbstractFile): Promise<void> {
    if (!(file instanceof TFile)) throw new Error('Harness deletes files only.');
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

  /** Harness: (re)index a file; with `notify`, fire 'changed', 'resolve' and 'resolved' as the app does. */
  index(file: TFile, text: string, notify: boolean): void {
    if (this.vault.getFileByPath(file.path) !== file) return; // deleted or renamed meanwhile
    this.unindexed.delete(file.path);
    if (!notify) {
      this.unindexed.set(file.path, text);
      return;
    }
    const cache = file.extension === 'md' ? computeMetadata(text) : {};
    this.caches.set(file.path, cache);
    this.resolveLinks(file.path, cache);
    this.trigger('changed', file, text, cache);
    this.trigger('resolve', file);
    this.trigger('resolved');
  }

  private ensure(path: string): void {
    const text = this.unindexed.get(path);
    if (text === undefined) return;
    this.unindexed.delete(path);
    const cache = path.endsWith('.md') ? computeMetadata(text) : {};
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
