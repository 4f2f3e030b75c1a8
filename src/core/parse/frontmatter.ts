// Front matter (YAML between `---` lines) and Logseq page properties (`key:: value`).
// YAML goes through the `yaml` package; what YAML cannot say (a `tags: #TTA` line is a comment
// to YAML) or cannot parse (broken YAML) is recovered from the raw `key: value` lines.
import { isMap, parseDocument } from 'yaml';
import type { Diagnostic, FrontmatterRecord, FrontmatterValue } from '../model';
import { intern } from '../intern';
import { readSimpleYaml } from './simple-yaml';
import { SHORTCUTS } from './shortcuts';
import { nullRecord } from '../records';

export interface FrontmatterBlock {
  /** The YAML text between the fences. */
  yaml: string;
  /** 1-based line of the first YAML line. */
  firstLine: number;
  /** Offset in the text where the body starts (after the closing fence line). */
  bodyOffset: number;
  /** 1-based line where the body starts. */
  bodyLine: number;
}

/** Locate a front-matter block at the very start of the text (after an optional BOM). */
export function findFrontmatter(text: string): FrontmatterBlock | null {
  let start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return null;
  const firstEnd = text.indexOf('\n', start);
  if (firstEnd === -1 || text.slice(start + 3, firstEnd).trim() !== '') return null;
  start = firstEnd + 1;
  let lineStart = start;
  let line = 2;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const content = text.slice(lineStart, lineEnd).trimEnd();
    if (content === '---' || content === '...') {
      // A slice of the note: parseFrontmatter copies what it keeps (the index must not keep the note's text).
      return { yaml: text.slice(start, lineStart), firstLine: 2, bodyOffset: Math.min(lineEnd + 1, text.length), bodyLine: line + 1 };
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
    line++;
  }
  return null; // an opening fence that never closes is not front matter (Obsidian agrees)
}

export interface FrontmatterResult {
  data: FrontmatterRecord;
  diagnostics: Diagnostic[];
}

const MAX_ALIASES = 50; // YAML alias expansion cap: no "billion laughs" from a hostile note
/**
 * Above this the YAML parser is skipped: real front matter is a few hundred bytes, and the `yaml`
 * package spends ~20 µs per byte on hostile input (one error per character of `]]]]…`).
 */
export const MAX_FRONTMATTER_CHARS = 16 * 1024;

/** Parse the YAML block into a null-prototype record; never throws. */
export function parseFrontmatter(block: FrontmatterBlock): FrontmatterResult {
  // Oversized front matter keeps its diagnostic (parseWithYaml); the fast path is for real notes.
  const simple = block.yaml.length > MAX_FRONTMATTER_CHARS || !SHORTCUTS.yamlFastPath ? null : readSimpleYaml(block.yaml);
  const result = simple ? { data: simple, diagnostics: [] } : parseWithYaml(block);
  ownStrings(result.data, 0);
  return result;
}

/**
 * Values read from the YAML are slices of the note: copy them (intern), so what the index keeps
 * holds no reference to the note's text. Recurring values ("maturity", "Active") are shared.
 */
function ownStrings(value: FrontmatterRecord | FrontmatterValue[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  const keys = Array.isArray(value) ? null : Object.keys(value);
  const count = keys === null ? (value as FrontmatterValue[]).length : keys.length;
  for (let i = 0; i < count; i++) {
    const key = keys === null ? i : keys[i]!;
    const v = (value as Record<string | number, FrontmatterValue>)[key]!;
    if (typeof v === 'string') (value as Record<string | number, FrontmatterValue>)[key] = intern(v);
    else if (v !== null && typeof v === 'object') ownStrings(v, depth + 1);
  }
}

/** The general path: the `yaml` package, with the raw lines as a fallback. */
export function parseWithYaml(block: FrontmatterBlock): FrontmatterResult {
  const diagnostics: Diagnostic[] = [];
  const raw = rawKeyValues(block.yaml, block.firstLine);
  let data: FrontmatterRecord = nullRecord<FrontmatterValue>();
  if (block.yaml.length > MAX_FRONTMATTER_CHARS) {
    diagnostics.push({
      code: 'frontmatter-invalid',
      severity: 'warning',
      message: `Front matter is ${Math.round(block.yaml.length / 1024)} KB, more than front matter ever needs; read ${raw.size} key: value line(s) without YAML.`,
      line: block.firstLine - 1,
    });
    return { data: recordFromRaw(raw), diagnostics };
  }
  try {
    // prettyErrors would format a source excerpt for every error: thousands on hostile input.
    const doc = parseDocument(block.yaml, { uniqueKeys: false, prettyErrors: false, strict: false });
    const error = doc.errors[0];
    if (error) {
      const line = lineOfOffset(block.yaml, error.pos[0]);
      diagnostics.push({
        code: 'frontmatter-invalid',
        severity: 'warning',
        message: `Front matter is not valid YAML (${firstSentence(error.message)}); read ${raw.size} key: value line(s) instead.`,
        line: line === undefined ? block.firstLine - 1 : block.firstLine + line - 1,
      });
      data = recordFromRaw(raw);
    } else if (doc.contents === null) {
      data = nullRecord<FrontmatterValue>();
    } else if (!isMap(doc.contents)) {
      diagnostics.push({
        code: 'frontmatter-invalid',
        severity: 'warning',
        message: 'Front matter is not a set of key: value pairs.',
        line: block.firstLine - 1,
      });
    } else {
      // Maps as Map, then null-prototype records: a `__proto__` key stays an inert own key.
      const value = plainValue(doc.toJS({ mapAsMap: true, maxAliasCount: MAX_ALIASES }), 0);
      data = value !== null && typeof value === 'object' && !Array.isArray(value) ? value : data;
      // `tags: #TTA` is a YAML comment, so YAML says null; Logseq and people mean the tag.
      for (const [key, entry] of raw) {
        const current = data[key];
        if ((current === null || current === undefined) && entry.value.startsWith('#')) data[key] = entry.value;
      }
    }
  } catch (err) {
    diagnostics.push({
      code: 'frontmatter-invalid',
      severity: 'warning',
      message: `Front matter could not be read (${firstSentence(String(err))}).`,
      line: block.firstLine - 1,
    });
    data = recordFromRaw(raw);
  }
  return { data, diagnostics };
}

/** 1-based line of an offset in the YAML text. */
function lineOfOffset(text: string, offset: number): number | undefined {
  if (!(offset >= 0)) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.slice(0, 400).replace(/\s+at line.*$/, '').slice(0, 160);
}

/** Top-level `key: value` lines, read without YAML. */
function rawKeyValues(yaml: string, firstLine: number): Map<string, { value: string; line: number }> {
  const out = new Map<string, { value: string; line: number }>();
  const lines = yaml.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    // `(?=(\s+))\2` takes the whole run of spaces at once (an atomic group): with a plain `\s+(.*)$`,
    // a line such as `key:` + 20k spaces + `a\u2028b` (which `.` cannot cross) was retried once per space.
    const m = /^([^\s#:][^:]{0,80}?):(?:(?=(\s+))\2(.*))?$/.exec(line);
    if (!m) continue;
    const key = m[1]!.trim();
    if (!out.has(key)) out.set(key, { value: (m[3] ?? '').trim(), line: firstLine + i });
  }
  return out;
}

function recordFromRaw(raw: Map<string, { value: string; line: number }>): FrontmatterRecord {
  const data = nullRecord<FrontmatterValue>();
  for (const [key, { value }] of raw) data[key] = unquote(value);
  return data;
}

function unquote(value: string): string {
  const v = value.trim();
  if (v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'")))) return v.slice(1, -1);
  return v;
}

const MAX_DEPTH = 20;

function plainValue(value: unknown, depth: number): FrontmatterValue {
  if (value === null || value === undefined || depth > MAX_DEPTH) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  if (Array.isArray(value)) return value.map((v) => plainValue(v, depth + 1));
  if (value instanceof Map) {
    const out = nullRecord<FrontmatterValue>();
    for (const [k, v] of value) out[String(k)] = plainValue(v, depth + 1);
    return out;
  }
  if (typeof value === 'object') {
    const out = nullRecord<FrontmatterValue>();
    for (const k of Object.keys(value)) out[k] = plainValue((value as Record<string, unknown>)[k], depth + 1);
    return out;
  }
  return null;
}

export interface PageProperties {
  data: FrontmatterRecord;
  /** Offset where the body starts after the property lines. */
  bodyOffset: number;
  bodyLine: number;
}

const PROPERTY_LINE = /^([A-Za-z0-9][\w.-]*):: ?(.*)$/;

/** Logseq page properties: `key:: value` lines at the top of the page body. */
export function readPageProperties(text: string, offset: number, line: number): PageProperties | null {
  const data = nullRecord<FrontmatterValue>();
  let pos = offset;
  let current = line;
  let found = false;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end === -1) end = text.length;
    const content = text.slice(pos, end).replace(/\r$/, '');
    const m = PROPERTY_LINE.exec(content);
    if (!m) break;
    data[intern(m[1]!)] = intern(m[2]!.trim());
    found = true;
    pos = end + 1;
    current++;
  }
  return found ? { data, bodyOffset: Math.min(pos, text.length), bodyLine: current } : null;
}

/** Tags from a front-matter value: `#a #b`, `a, b`, `[a, b]`, a YAML list, `[[a]]`. */
export function tagsFromValue(value: FrontmatterValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  const parts: string[] = [];
  const add = (text: string) => {
    for (const piece of text.split(/[,\s]+/)) {
      const tag = trimBrackets(piece).replace(/^#/, '').replace(/^\[\[|\]\]$/g, '').trim();
      if (tag) parts.push(tag);
    }
  };
  if (Array.isArray(value)) {
    for (const v of value) if (typeof v === 'string' || typeof v === 'number') add(String(v));
  } else if (typeof value === 'string' || typeof value === 'number') {
    add(String(value));
  }
  return parts;
}

/** Aliases: a list, or a comma-separated string; each kept whole (names may contain spaces). */
export function listFromValue(value: FrontmatterValue | undefined): string[] {
  if (value === null || value === undefined) return [];
  const items = Array.isArray(value) ? value : String(value).split(',');
  return items
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => String(v).replace(/^\[\[|\]\]$/g, '').trim())
    .filter(Boolean);
}

/** `[[a]]` / `[a]` → `a`, without a `\]+$` regex (that one retries every `]` of a long run). */
function trimBrackets(piece: string): string {
  let start = 0;
  let end = piece.length;
  while (start < end && piece.charCodeAt(start) === 91) start++;
  while (end > start && piece.charCodeAt(end - 1) === 93) end--;
  return piece.slice(start, end);
}
