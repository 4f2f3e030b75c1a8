// The fake host's database: a Logseq file graph (0.10.x) in a real datascript database (npm
// `datascript`, the engine the app runs), so every query the plugin sends is evaluated with real
// Datalog semantics. Entities carry the attributes the app keeps (`:block/name`,
// `:block/original-name`, `:block/file` → `:file/path`, `:file/content`,
// `:file/last-modified-at`, page properties kebab-cased, tags and namespaces as page refs, one
// block per heading or list item), and answers come back as the plugin API's JSON
// (`sdk-utils/normalize-keyword-for-json`: keyword namespaces dropped; `Editor.*` camelCases every
// key, property keys included; `datascriptQuery` does not). Page names and properties follow
// src/core/logseq-reading.ts, which the mldoc parity tests check against the real parser.
//
// datascript's JS API keys attributes by string, so the plugin's queries are read with their
// `:ns/attr` keywords as strings (`:db/id` stays a keyword: pull handles it). This is a contract
// fake, not the Logseq app: what Logseq itself does around the database lives in host.ts.
import datascript, { type Conn } from 'datascript';
import { readAsLogseq, type FileNameFormat } from '../../../src/core/index';

export type Entity = Record<string, unknown>;

/** A block as the graph parser cuts a file: its content and the 1-based line it starts on. */
export interface ParsedBlock {
  content: string;
  line: number;
  /** Outline level (1: top); a block's parent is the nearest block before it of a lower level. */
  level?: number;
}

export interface FakeGraphOptions {
  fileNameFormat?: FileNameFormat;
  /**
   * How the app cuts a file into blocks (mldoc where a test needs the real cut, or linesBlocks).
   * Default: no blocks (datascript's JS build takes ~0.3 ms an entity; the plugin reads blocks
   * only to find a line's block).
   */
  blocksOf?: (text: string) => ParsedBlock[];
}

const SCHEMA: Record<string, Record<string, string>> = {
  'block/name': { ':db/unique': ':db.unique/identity' },
  'file/path': { ':db/unique': ':db.unique/identity' },
  'block/file': { ':db/valueType': ':db.type/ref' },
  'block/page': { ':db/valueType': ':db.type/ref' },
  'block/parent': { ':db/valueType': ':db.type/ref' },
  'block/left': { ':db/valueType': ':db.type/ref' },
  'block/namespace': { ':db/valueType': ':db.type/ref' },
  'block/tags': { ':db/valueType': ':db.type/ref', ':db/cardinality': ':db.cardinality/many' },
};

function camel(key: string): string {
  return key.replace(/[-_\s]+([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());
}

/** `normalize-keyword-for-json`: drop keyword namespaces, optionally camelCase; walks nested maps. */
export function normalizeForJson(value: unknown, camelCase: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeForJson(v, camelCase));
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const bare = key.replace(/^:/, '');
    const name = bare.includes('/') ? bare.slice(bare.lastIndexOf('/') + 1) : bare;
    out[camelCase ? camel(name) : name] = normalizeForJson(v, camelCase);
  }
  return out;
}

/** The plugin's query with `:ns/attr` keywords as the string attributes the JS API stores. */
export function stringAttributes(query: string): string {
  return query.replace(/"(?:[^"\\]|\\.)*"|(^|[\s[{(])(:[A-Za-z][\w.-]*\/[\w.?!*+<>=-]+)/g, (match, lead: string | undefined, keyword: string | undefined) => {
    if (keyword === undefined || keyword === ':db/id') return match;
    return `${lead}"${keyword.slice(1)}"`;
  });
}

/**
 * A quick stand-in for the graph parser's cut (mldoc is ~300 ms a note): a block per heading or
 * list item line, the lines before the first one being the pre-block. Tests of where a line's
 * block is use the real cut (harness `mldocBlocks`).
 */
export function linesBlocks(text: string): ParsedBlock[] {
  const lines = text.split('\n');
  const out: ParsedBlock[] = [];
  lines.forEach((line, i) => {
    if (/^\s*(?:#{1,6}|[-*+])\s/.test(line) || (i === 0 && line.trim() !== '')) out.push({ content: '', line: i + 1 });
  });
  return out.map((b, i) => {
    const end = i + 1 < out.length ? out[i + 1]!.line - 1 : lines.length;
    return { line: b.line, content: lines.slice(b.line - 1, end).join('\n').replace(/^\s*(?:[-*+]\s+)?/, '').trimEnd() };
  });
}

export interface FakeGraph {
  readonly fileNameFormat: FileNameFormat;
  /**
   * Wall clock of the graph's file system: each write moves it on by a second, and never behind
   * the machine's clock (a stat's mtime is the time of the write); a graph's files were written
   * before it was opened.
   */
  now(): Date;
  uuid(): string;
  pageByName(name: string): Entity | undefined;
  pageOfFile(path: string): Entity | undefined;
  fileContent(path: string): string | undefined;
  /**
   * Logseq quits and is launched again: it restores its database from the copy it persisted
   * (0.10.15 `frontend.db/restore-graph!` → `db.utils/string->db`, datascript's transit reader,
   * which builds the database with `init-db` over the datoms). `init-db` takes the greatest entity
   * and transaction ids from the datoms, so the ids of entities and transactions whose datoms were
   * all retracted last (a page deleted just before the quit) are given out again.
   */
  restore(): void;
  /** The app (re)reads a file from disk: the page, its properties and blocks, the file's text and mtime. */
  setFile(path: string, content: string, options?: { mtime?: Date | null }): Entity;
  /** Open a graph: every file read at once (one transaction), as the app's first parse. */
  load(files: Iterable<[string, string]>, options?: { mtime?: Date | null }): void;
  /** An edit in the app: the page and blocks change in the database now; the file is written later. */
  applyEdit(path: string, content: string): { page: Entity; blocks: Entity[] };
  /** The write of an in-app edit lands: `:file/content` and `:file/last-modified-at` change. */
  writeFile(path: string, content: string): void;
  /**
   * A page renamed in the app (`rename-page-aux` and `rename-file!`, 0.10.15): the page entity
   * gets the new name and its file entity the new `:file/path`, nothing else. The text and the
   * file time stay as they were (rename(2) keeps the mtime); the app's write queue writes the
   * page's file afterwards (the host does that part).
   */
  renamePage(from: string, to: string): Entity;
  /**
   * A file renamed on disk (Obsidian, a shell: rename(2), same inode, same mtime) as the app's
   * watcher takes it (`fs/watcher_handler.cljs`): `unlink` deletes the old page and its file
   * entity; `add` parses the new path as a new file (a new entity, `:file/created-at` now, its text
   * in a new transaction) and sets `:file/last-modified-at` to the stat's mtime: the old one.
   */
  renameFile(from: string, to: string): Entity;
  removeFile(path: string): void;
  /** A block on a page (e.g. one holding a macro) that is not part of its file's parse. */
  addBlock(page: Entity, content: string): Entity;
  blockByUuid(uuid: string): Entity | undefined;
  /** The page's blocks in document order (pre-order), as the graph parser cut its file. */
  pageBlocks(pageId: number): Entity[];
  /** A block's content saved in the app (`save-block!`): the database changes; the file is written later. */
  saveBlock(uuid: string, content: string): { page: Entity; block: Entity };
  /** The file text the app writes for a page from its blocks (`tree->file-content`, see below). */
  serializePage(pageId: number): string;
  /** `Editor.getPage` / `Editor.getBlock` JSON (camelCased keys). */
  editorJson(entity: Entity | number | undefined | null): unknown;
  /** `DB.datascriptQuery`: the query run by datascript, answered as the API's JSON. */
  datascriptQuery(query: string, ...inputs: unknown[]): unknown;
  /**
   * The app's own queries, run before any plugin loads (not counted in `stats`): by then Logseq
   * has rendered its pages and lists, so its datascript engine is warm. A database never queried
   * would charge the JIT's first compile of the engine to whichever plugin asks first.
   */
  runAppQueries(): void;
  /** How many of the app's own queries ran. */
  readonly appQueries: number;
  /** How many datascriptQuery calls returned file text, how many files' text they returned, and which, in order. */
  readonly stats: { contentQueries: number; filesPulled: number; queries: number; pulledPaths: Set<string>; pullLog: string[]; slowestQueryMs: number };
}

export function createFakeGraph(options: FakeGraphOptions = {}): FakeGraph {
  let conn: Conn = datascript.create_conn(SCHEMA);
  const fileNameFormat = options.fileNameFormat ?? 'triple-lowbar';
  const blocksOf = options.blocksOf ?? (() => []);
  let counter = 0;
  // File times come from the machine's clock, as a stat does.
  let clock = Math.floor(Date.now() / 1000) * 1000;
  const stats = { contentQueries: 0, filesPulled: 0, queries: 0, pulledPaths: new Set<string>(), pullLog: [] as string[], slowestQueryMs: 0 };
  let appQueries = 0;
  const uuid = () => `6650a1b2-0000-4000-8000-${(++counter).toString(16).padStart(12, '0')}`;
  const db = () => datascript.db(conn);
  const transact = (tx: unknown[]) => withUuid(tx, datascript.transact(conn, tx));
  const pull = (id: number): Entity | undefined => datascript.pull(db(), '[*]', id) ?? undefined;
  /** `:block/uuid` → entity id (the attribute is not indexed here: see SCHEMA). */
  const byUuid = new Map<string, number>();
  const withUuid = (tx: unknown[], report: { tempids: Record<string, number> }) => {
    for (const item of tx) {
      const e = item as Record<string, unknown>;
      if (typeof e === 'object' && !Array.isArray(e) && typeof e['block/uuid'] === 'string') {
        const ref = e[':db/id'];
        const id = typeof ref === 'number' && ref < 0 ? report.tempids[String(ref)] : (ref as number | undefined);
        if (id !== undefined) byUuid.set(e['block/uuid'], id);
      }
    }
    return report;
  };
  const idOf = (lookup: [string, unknown]): number | undefined => {
    const e = datascript.entity(db(), lookup);
    return e ? (e.get(':db/id') as number) : undefined;
  };

  const refIds = (value: unknown): number[] => (Array.isArray(value) ? value.map((e: { get(k: string): unknown }) => e.get(':db/id') as number) : []);
  /** Ids of the entities whose `attr` points at `id` (datascript's reverse navigation). */
  const referrers = (id: number | undefined, attr: string): number[] => (id === undefined ? [] : refIds(datascript.entity(db(), id)?.get(attr.replace('/', '/_'))));

  function pageByName(name: string): Entity | undefined {
    const id = idOf(['block/name', name.toLowerCase()]);
    return id === undefined ? undefined : pull(id);
  }

  function pageOfFile(path: string): Entity | undefined {
    const id = referrers(idOf(['file/path', path]), 'block/file')[0];
    return id === undefined ? undefined : pull(id);
  }

  /** A page Logseq creates for a ref (tags, namespaces): no file. */
  function ensurePage(originalName: string): number {
    const existing = idOf(['block/name', originalName.toLowerCase()]);
    if (existing !== undefined) return existing;
    const report = transact([{ ':db/id': -1, 'block/uuid': uuid(), 'block/name': originalName.toLowerCase(), 'block/original-name': originalName, 'block/journal?': false, 'block/format': 'markdown', 'block/created-at': clock, 'block/updated-at': clock }]);
    return report.tempids['-1']!;
  }

  function kindOf(path: string): Entity {
    if (/^journals\//.test(path)) return { 'block/journal?': true, 'block/format': 'markdown' };
    if (/\.edn$/i.test(path)) return { 'block/journal?': false, 'block/type': 'whiteboard', 'block/format': 'edn' };
    if (/\.org$/i.test(path)) return { 'block/journal?': false, 'block/format': 'org' };
    return { 'block/journal?': false, 'block/format': 'markdown' };
  }

  /** What a file's text makes of its page: attributes, tag and namespace refs, blocks. */
  function pageFacts(path: string, content: string, pageRef: number | string, fileRef: number | string, ref: (name: string) => number | string): unknown[] {
    const reading = readAsLogseq(path, content, fileNameFormat);
    const properties: Entity = {};
    const textValues: Entity = {};
    for (const p of reading.properties) {
      if (!p.valid) continue;
      properties[p.key] = p.value;
      textValues[p.key] = p.text;
    }
    const tx: unknown[] = [
      {
        ':db/id': pageRef,
        'block/original-name': reading.pageName,
        'block/file': fileRef,
        'block/properties': properties,
        'block/properties-text-values': textValues,
        'block/updated-at': clock,
        ...kindOf(path),
      },
    ];
    for (const tag of reading.tags) tx.push([':db/add', pageRef, 'block/tags', ref(tag)]);
    const parts = reading.pageName.split('/');
    if (parts.length > 1) tx.push([':db/add', pageRef, 'block/namespace', ref(parts.slice(0, -1).join('/'))]);
    const open: Array<{ level: number; ref: number }> = [];
    blocksOf(content).forEach((b, i) => {
      const level = b.level ?? 1;
      while (open.length > 0 && open[open.length - 1]!.level >= level) open.pop();
      const ref = -++counter;
      const parent = open[open.length - 1]?.ref ?? pageRef;
      open.push({ level, ref });
      tx.push({ ':db/id': ref, 'block/uuid': uuid(), 'block/content': b.content, 'block/line': b.line, 'block/order': i, 'block/page': pageRef, 'block/parent': parent, 'block/format': 'markdown' });
    });
    return tx;
  }

  /** Re-read a file's page: its attributes and blocks; the file entity itself is not touched. */
  function parsePage(path: string, content: string, fileId: number): { pageId: number; firstBlock: number | undefined } {
    const name = readAsLogseq(path, content, fileNameFormat).pageName;
    let pageId: number | null = referrers(fileId, 'block/file')[0] ?? null;
    if (pageId !== null && datascript.entity(db(), pageId)?.get('block/name') !== name.toLowerCase()) {
      transact([[':db/retract', pageId, 'block/file', fileId]]);
      pageId = null;
    }
    const id = pageId ?? ensurePage(name);
    const old = referrers(id, 'block/page').filter((b) => datascript.entity(db(), b)?.get('block/line') != null);
    transact([...old.map((b) => [':db/retractEntity', b]), ...pageFacts(path, content, id, fileId, ensurePage)]);
    return { pageId: id, firstBlock: referrers(id, 'block/page').find((b) => datascript.entity(db(), b)?.get('block/order') === 0) };
  }

  function fileId(path: string): number | undefined {
    return idOf(['file/path', path]);
  }

  /**
   * The graph parser stamps a file entity it creates with `:file/created-at` (time-ms, the wall
   * clock: `logseq.graph-parser/parse-file` at 0.10.15), and never again; a re-index creates every
   * file entity anew.
   */
  function createdIfNew(path: string): { 'file/created-at'?: number } {
    return fileId(path) === undefined ? { 'file/created-at': Date.now() } : {};
  }

  function tick(): Date {
    clock = Math.max(clock + 1000, Math.floor(Date.now() / 1000) * 1000);
    return new Date(clock);
  }

  return {
    fileNameFormat,
    now: () => new Date(clock),
    uuid,
    pageByName,
    pageOfFile,
    fileContent: (path) => {
      const id = fileId(path);
      return id === undefined ? undefined : (datascript.entity(db(), id)?.get('file/content') as string | undefined);
    },
    restore() {
      conn = datascript.conn_from_db(datascript.init_db(datascript.datoms(db(), ':eavt'), SCHEMA));
    },
    setFile(path, content, opts = {}) {
      const mtime = opts.mtime === undefined ? tick() : opts.mtime;
      transact([{ 'file/path': path, 'file/content': content, ...(mtime ? { 'file/last-modified-at': mtime } : {}), ...createdIfNew(path) }]);
      return pull(parsePage(path, content, fileId(path)!).pageId)!;
    },
    load(files, opts = {}) {
      const all = [...files];
      // The files were written before the app opened the graph, a second apart, the last one a second ago.
      clock = Math.min(clock, Math.floor(Date.now() / 1000) * 1000 - (all.length + 1) * 1000);
      const tx: unknown[] = [];
      const names = new Map<string, number>();
      const ref = (original: string) => {
        const key = original.toLowerCase();
        let tempid = names.get(key);
        if (tempid === undefined) {
          names.set(key, (tempid = -++counter));
          tx.push({ ':db/id': tempid, 'block/uuid': uuid(), 'block/name': key, 'block/original-name': original, 'block/journal?': false, 'block/format': 'markdown', 'block/created-at': clock });
        }
        return tempid;
      };
      for (const [path, content] of all) {
        const fileRef = -++counter;
        const mtime = opts.mtime === undefined ? new Date((clock += 1000)) : opts.mtime;
        tx.push({ ':db/id': fileRef, 'file/path': path, 'file/content': content, ...(mtime ? { 'file/last-modified-at': mtime } : {}), ...createdIfNew(path) });
        tx.push(...pageFacts(path, content, ref(readAsLogseq(path, content, fileNameFormat).pageName), fileRef, ref));
      }
      transact(tx);
    },
    applyEdit(path, content) {
      const id = fileId(path);
      if (id === undefined) throw new Error(`fake graph: no file ${path}`);
      const { pageId, firstBlock } = parsePage(path, content, id);
      return { page: pull(pageId)!, blocks: firstBlock === undefined ? [] : [pull(firstBlock)!] };
    },
    writeFile(path, content) {
      transact([{ 'file/path': path, 'file/content': content, 'file/last-modified-at': tick(), ...createdIfNew(path) }]);
    },
    renamePage(from, to) {
      const id = fileId(from);
      if (id === undefined) throw new Error(`fake graph: no file ${from}`);
      const page = pageOfFile(from)!;
      const reading = readAsLogseq(to, String(datascript.entity(db(), id)?.get('file/content') ?? ''), fileNameFormat);
      transact([{ ':db/id': page[':db/id'], 'block/name': reading.name, 'block/original-name': reading.pageName }]);
      transact([{ ':db/id': id, 'file/path': to }]);
      return pull(page[':db/id'] as number)!;
    },
    renameFile(from, to) {
      const file = fileId(from) === undefined ? undefined : datascript.entity(db(), fileId(from)!);
      if (!file) throw new Error(`fake graph: no file ${from}`);
      const content = String(file.get('file/content'));
      const mtime = (file.get('file/last-modified-at') as Date | undefined) ?? null;
      this.removeFile(from);
      return this.setFile(to, content, { mtime });
    },
    removeFile(path) {
      const id = fileId(path);
      if (id === undefined) return;
      const page = pageOfFile(path);
      const tx: unknown[] = [[':db/retractEntity', id]];
      if (page) {
        const blocks = referrers(page[':db/id'] as number, 'block/page');
        for (const b of blocks) tx.push([':db/retractEntity', b]);
        tx.push([':db/retractEntity', page[':db/id']]);
      }
      transact(tx);
    },
    addBlock(page, content) {
      const report = transact([{ ':db/id': -1, 'block/uuid': uuid(), 'block/content': content, 'block/page': page[':db/id'], 'block/parent': page[':db/id'], 'block/format': 'markdown' }]);
      return pull(report.tempids['-1']!)!;
    },
    blockByUuid(value) {
      const id = byUuid.get(value);
      const block = id === undefined ? undefined : pull(id);
      return block && block['block/content'] !== undefined ? block : undefined;
    },
    pageBlocks(pageId) {
      const ordered = referrers(pageId, 'block/page').map((id) => [id, datascript.entity(db(), id)?.get('block/order')] as const);
      return ordered.filter((x): x is readonly [number, number] => typeof x[1] === 'number').sort((a, b) => a[1] - b[1]).map(([id]) => pull(id)!);
    },
    saveBlock(value, content) {
      const id = byUuid.get(value);
      if (id === undefined) throw new Error(`fake graph: no block ${value}`);
      transact([{ ':db/id': id, 'block/content': content, 'block/updated-at': clock }]);
      const block = pull(id)!;
      return { page: pull((block['block/page'] as { ':db/id': number })[':db/id'])!, block };
    },
    serializePage(pageId) {
      const levels = new Map<number, number>();
      const blocks = this.pageBlocks(pageId).map((b) => {
        const parent = (b['block/parent'] as { ':db/id': number })[':db/id'];
        const level = (levels.get(parent) ?? 0) + 1;
        levels.set(b[':db/id'] as number, level);
        return { content: String(b['block/content'] ?? ''), level };
      });
      return serializeBlocks(blocks);
    },
    // `db-utils/pull` `[*]`: every attribute, refs as `{:db/id n}`.
    editorJson(entity) {
      const id = typeof entity === 'number' ? entity : (entity?.[':db/id'] as number | undefined);
      const pulled = id === undefined ? undefined : pull(id);
      if (!pulled) return null;
      // Our own bookkeeping attributes are not part of the app's entities.
      delete pulled['block/line'];
      delete pulled['block/order'];
      return normalizeForJson(pulled, true);
    },
    runAppQueries() {
      for (const query of APP_QUERIES) {
        datascript.q(stringAttributes(query), db());
        appQueries++;
      }
    },
    get appQueries() {
      return appQueries;
    },
    datascriptQuery(query, ...inputs) {
      stats.queries++;
      const started = performance.now();
      const result = datascript.q(stringAttributes(query), db(), ...inputs);
      const json = normalizeForJson(result, false);
      stats.slowestQueryMs = Math.max(stats.slowestQueryMs, performance.now() - started);
      // What crosses to the plugin is what costs: a query that names `:file/content` only to
      // read its datoms' transactions returns no text.
      const pulled = filePaths(json);
      if (pulled.length > 0) {
        stats.contentQueries++;
        stats.filesPulled += pulled.length;
        for (const path of pulled) stats.pulledPaths.add(path);
        stats.pullLog.push(...pulled);
      }
      return json;
    },
    stats,
  };
}

/**
 * Queries Logseq 0.10.x runs itself (frontend.db.model): `get-files` (the All files list and the
 * file watcher's checks), every page (`get-all-pages`, the All pages list and search), and the
 * journals list. Run a few times each, as a session's UI does before a plugin's first query.
 */
const APP_QUERIES = [
  '[:find ?path ?modified-at :where [?file :file/path ?path] [(get-else $ ?file :file/last-modified-at 0) ?modified-at]]',
  '[:find [?page ...] :where [?page :block/name]]',
  '[:find ?page-name ?journal-day :where [?page :block/name ?page-name] [?page :block/journal? true] [?page :block/journal-day ?journal-day]]',
].flatMap((query) => [query, query, query]);

/** Paths of the files whose text a query result carries. */
function filePaths(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) filePaths(v, out);
  else if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const record = value as Record<string, unknown>;
    if (typeof record['path'] === 'string' && typeof record['content'] === 'string') out.push(record['path']);
    for (const v of Object.values(record)) filePaths(v, out);
  }
  return out;
}

/**
 * `frontend.modules.file.core/tree->file-content` (0.10.15) for a Markdown page, blocks in
 * document order with their outline level: the pre-block (front matter, or a first block whose
 * first line holds `key:: value`) is written trimmed with a newline; a first top-level block that
 * is a heading keeps no bullet; every other block is its level's indentation (a tab a level, the
 * default `:export/bullet-indentation`), `- ` and its trimmed content, its other lines indented to
 * the text. The app writes every block, so a file not written in Logseq's outline form comes back
 * as one.
 */
export function serializeBlocks(blocks: ReadonlyArray<{ content: string; level: number }>): string {
  return blocks
    .map(({ content, level }, i) => {
      const first = content.split('\n')[0] ?? '';
      if (i === 0 && (/^---\s*$/.test(first) || first.includes(':: '))) return `${content.trim()}\n`;
      if (i === 0 && level === 1 && /^#{1,6}\s/.test(first)) return content;
      const indent = '\t'.repeat(level - 1);
      const body = content.trim().split('\n').join(`\n${indent}  `);
      return body === '' ? `${indent}-` : `${indent}- ${body}`;
    })
    .join('\n');
}
