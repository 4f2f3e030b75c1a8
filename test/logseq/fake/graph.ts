// The fake host's database: a Logseq file graph (0.10.x) built from Markdown files, with the
// entity shapes the app keeps (`:block/name`, `:block/original-name`, `:block/file` →
// `:file/path`/`:file/content`, page properties kebab-cased, tags as page refs) and the JSON the
// plugin API returns for them (`sdk-utils/normalize-keyword-for-json`: keyword namespaces
// dropped; `Editor.*` camelCases every key, property keys included; `datascriptQuery` does not).
// Page names and properties follow src/core/logseq-reading.ts, whose rules the mldoc parity
// tests check against the real parser. This is a contract fake, not the Logseq app.
import { readAsLogseq, type FileNameFormat } from '../../../src/core/index';

type Value = string | number | boolean | null | Value[] | Entity;
export interface Entity {
  [attr: string]: Value;
}

export interface FakeGraphOptions {
  fileNameFormat?: FileNameFormat;
}

function camel(key: string): string {
  return key.replace(/[-_\s]+([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());
}

/** `normalize-keyword-for-json`: drop keyword namespaces, optionally camelCase; walks nested maps. */
export function normalizeForJson(value: unknown, camelCase: boolean): unknown {
  if (Array.isArray(value)) return value.map((v) => normalizeForJson(v, camelCase));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const name = key.includes('/') ? key.slice(key.lastIndexOf('/') + 1) : key;
    out[camelCase ? camel(name) : name] = normalizeForJson(v, camelCase);
  }
  return out;
}

export interface FakeGraph {
  readonly entities: Map<number, Entity>;
  readonly fileNameFormat: FileNameFormat;
  uuid(): string;
  pageByName(name: string): Entity | undefined;
  fileByPath(path: string): Entity | undefined;
  pageOfFile(path: string): Entity | undefined;
  /** Add or re-parse a file, as Logseq's graph parser does when it (re)reads it. */
  setFile(path: string, content: string): Entity;
  removeFile(path: string): void;
  /** A block on a page (the plugin only reads the blocks that hold its macros). */
  addBlock(page: Entity, content: string): Entity;
  blockByUuid(uuid: string): Entity | undefined;
  /** `Editor.getPage` / `Editor.getBlock` JSON (camelCased keys). */
  editorJson(entity: Entity | undefined): unknown;
  /**
   * `DB.datascriptQuery` for the queries the plugin sends: pages with a file, optionally limited
   * by `[(ground [ids…]) [?p ...]]`, pulled with a pattern. Anything else is rejected loudly.
   */
  datascriptQuery(query: string): unknown;
}

export function createFakeGraph(options: FakeGraphOptions = {}): FakeGraph {
  const entities = new Map<number, Entity>();
  const fileNameFormat = options.fileNameFormat ?? 'triple-lowbar';
  let nextId = 100;
  let clock = 1_700_000_000_000;
  const id = () => nextId++;
  const uuid = () => `6650a1b2-0000-4000-8000-${(nextId++).toString(16).padStart(12, '0')}`;

  function pageByName(name: string): Entity | undefined {
    const lower = name.toLowerCase();
    for (const e of entities.values()) if (e['block/name'] === lower) return e;
    return undefined;
  }

  function fileByPath(path: string): Entity | undefined {
    for (const e of entities.values()) if (e['file/path'] === path) return e;
    return undefined;
  }

  function pageOfFile(path: string): Entity | undefined {
    const file = fileByPath(path);
    if (!file) return undefined;
    for (const e of entities.values()) if ((e['block/file'] as Entity | undefined)?.['db/id'] === file['db/id']) return e;
    return undefined;
  }

  /** A page Logseq creates for a ref (tags, namespaces): no file. */
  function ensurePage(originalName: string): Entity {
    const existing = pageByName(originalName);
    if (existing) return existing;
    const page: Entity = {
      'db/id': id(),
      'block/uuid': uuid(),
      'block/name': originalName.toLowerCase(),
      'block/original-name': originalName,
      'block/journal?': false,
      'block/format': 'markdown',
      'block/created-at': clock,
      'block/updated-at': clock,
    };
    entities.set(page['db/id'] as number, page);
    return page;
  }

  function setFile(path: string, content: string): Entity {
    clock += 1000;
    let file = fileByPath(path);
    if (!file) {
      file = { 'db/id': id(), 'file/path': path, 'file/content': content };
      entities.set(file['db/id'] as number, file);
    }
    file['file/content'] = content;
    const reading = readAsLogseq(path, content, fileNameFormat);
    let page = pageOfFile(path);
    if (page && page['block/name'] !== reading.name) {
      delete page['block/file'];
      page = undefined;
    }
    page ??= pageByName(reading.pageName) ?? ensurePage(reading.pageName);
    const properties: Entity = {};
    const textValues: Entity = {};
    for (const p of reading.properties) {
      if (!p.valid) continue;
      properties[p.key] = p.value;
      textValues[p.key] = p.text;
    }
    Object.assign(page, {
      'block/original-name': reading.pageName,
      'block/file': { 'db/id': file['db/id'] as number },
      'block/properties': properties,
      'block/properties-text-values': textValues,
      'block/tags': reading.tags.map((t) => ({ 'db/id': ensurePage(t)['db/id'] as number })),
      'block/updated-at': clock,
    });
    const parts = reading.pageName.split('/');
    if (parts.length > 1) page['block/namespace'] = { 'db/id': ensurePage(parts.slice(0, -1).join('/'))['db/id'] as number };
    return page;
  }

  /** A pull pattern: keywords and `{:ref [keywords]}` maps, one level deep. */
  function pull(entity: Entity, pattern: PullPattern): Entity {
    const out: Entity = {};
    for (const item of pattern) {
      if (typeof item === 'string') {
        if (entity[item] !== undefined) out[item] = structuredClone(entity[item]!);
        continue;
      }
      const ref = entity[item.attr] as Entity | undefined;
      const target = ref ? entities.get(ref['db/id'] as number) : undefined;
      if (target) out[item.attr] = pull(target, item.pattern);
    }
    return out;
  }

  return {
    entities,
    fileNameFormat,
    uuid,
    pageByName,
    fileByPath,
    pageOfFile,
    setFile,
    removeFile(path) {
      const file = fileByPath(path);
      const page = pageOfFile(path);
      if (page) entities.delete(page['db/id'] as number);
      if (file) entities.delete(file['db/id'] as number);
    },
    addBlock(page, content) {
      const pageRef = { 'db/id': page['db/id'] as number };
      const block: Entity = {
        'db/id': id(),
        'block/uuid': uuid(),
        'block/content': content,
        'block/page': pageRef,
        'block/parent': { ...pageRef },
        'block/left': { ...pageRef },
        'block/format': 'markdown',
        'block/properties': {},
        'block/refs': [],
        'block/path-refs': [{ ...pageRef }],
      };
      entities.set(block['db/id'] as number, block);
      return block;
    },
    blockByUuid(value) {
      for (const e of entities.values()) if (e['block/uuid'] === value && e['block/content'] !== undefined) return e;
      return undefined;
    },
    // `db-utils/pull` `[*]`: every attribute, refs as `{:db/id n}`.
    editorJson: (entity) => (entity ? normalizeForJson(structuredClone(entity), true) : null),
    datascriptQuery(query) {
      const q = query.replace(/\s+/g, ' ').trim();
      const m = /^\[:find \(pull \?p (\[.*?\])\) :where (.*)\]$/.exec(q);
      if (!m) throw new Error(`fake host: unsupported query ${query}`);
      const where = m[2]!;
      const ground = /^\[\(ground \[([-\d ]*)\]\) \[\?p \.\.\.\]\] /.exec(where);
      const rest = ground ? where.slice(ground[0].length) : where;
      if (!/^(\[\?p :block\/name\] )?\[\?p :block\/file \?f\]$/.test(rest)) throw new Error(`fake host: unsupported where clauses ${where}`);
      const ids = ground ? new Set(ground[1]!.split(' ').filter(Boolean).map(Number)) : null;
      const pattern = parsePattern(m[1]!);
      const rows: unknown[] = [];
      for (const e of entities.values()) {
        if (e['block/name'] === undefined || e['block/file'] === undefined) continue;
        if (ids && !ids.has(e['db/id'] as number)) continue;
        rows.push([normalizeForJson(pull(e, pattern), false)]);
      }
      return rows;
    },
  };
}

type PullPattern = Array<string | { attr: string; pattern: PullPattern }>;

function parsePattern(text: string): PullPattern {
  const tokens = text.match(/[[\]{}]|:[^\s[\]{}]+/g) ?? [];
  let i = 0;
  const vector = (): PullPattern => {
    if (tokens[i++] !== '[') throw new Error(`fake host: bad pull pattern ${text}`);
    const out: PullPattern = [];
    while (i < tokens.length && tokens[i] !== ']') {
      const t = tokens[i]!;
      if (t === '{') {
        i++;
        const attr = tokens[i++]!.slice(1);
        const pattern = vector();
        if (tokens[i++] !== '}') throw new Error(`fake host: bad pull pattern ${text}`);
        out.push({ attr, pattern });
      } else {
        out.push(t.slice(1));
        i++;
      }
    }
    i++;
    return out;
  };
  return vector();
}
