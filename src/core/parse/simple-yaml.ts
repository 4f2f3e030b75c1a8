// A fast path for the front matter most notes carry: flat `key: value` lines whose values are
// plain words, quoted strings without escapes, or lists of those. Building a YAML document for
// ten such lines costs more than reading the rest of the note, and a vault holds thousands.
// Anything this reader is not sure of — numbers, booleans, anchors, escapes, colons, nesting,
// comments, duplicate keys — returns null and goes through the `yaml` package as before, so
// the result is always what `yaml` gives (test/core/simple-yaml.test.ts checks that).
import type { FrontmatterRecord, FrontmatterValue } from '../model';
import { nullRecord } from '../records';

const KEY = /^([A-Za-z][A-Za-z0-9_-]*):(?: +(.*))?$/;
const ITEM = /^( *)- +(.*)$/;
/** Plain scalars that YAML 1.2 (core schema) reads as strings; anything starting like a number
 * (but a date), or holding `:`, `#`, `,` or brackets, is left to the YAML parser. */
const SAFE_PLAIN = /^[A-Za-z(][A-Za-z0-9 _./()+@-]*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NOT_A_STRING = /^(?:true|false|null|~|\.nan|\.inf)$/i;

/** The front matter as a record, or null when it is not in the simple form. */
export function readSimpleYaml(yaml: string): FrontmatterRecord | null {
  const data = nullRecord<FrontmatterValue>();
  let list: FrontmatterValue[] | null = null;
  let listIndent = -1;
  let pendingKey: string | null = null;
  let start = 0;
  let any = false;
  while (start < yaml.length) {
    let end = yaml.indexOf('\n', start);
    if (end === -1) end = yaml.length;
    const line = yaml.slice(start, end);
    start = end + 1;
    if (line.trim() === '') {
      if (line !== '') return null; // whitespace-only lines: let YAML decide
      continue;
    }
    const item = line.charCodeAt(0) === 32 || line.charCodeAt(0) === 45 ? ITEM.exec(line) : null;
    if (item) {
      if (pendingKey === null && list === null) return null;
      const indent = item[1]!.length;
      if (list === null) {
        list = [];
        listIndent = indent;
        data[pendingKey!] = list;
        pendingKey = null;
      } else if (indent !== listIndent) {
        return null;
      }
      const value = scalar(item[2]!);
      if (value === undefined) return null;
      list.push(value);
      continue;
    }
    if (pendingKey !== null) data[pendingKey] = null;
    pendingKey = null;
    list = null;
    const field = KEY.exec(line);
    if (!field) return null;
    const key = field[1]!;
    if (key in data || key === '__proto__') return null;
    any = true;
    const raw = field[2];
    if (raw === undefined || raw.trim() === '') {
      if (raw !== undefined && raw !== '') return null;
      pendingKey = key;
      continue;
    }
    if (raw.charCodeAt(0) === 35 /* # */) {
      // `tags: #TTA`: a comment to YAML (null), which parseFrontmatter then recovers as text.
      data[key] = raw.trim();
      continue;
    }
    const value = raw.charCodeAt(0) === 91 /* [ */ ? flowList(raw) : scalar(raw);
    if (value === undefined) return null;
    data[key] = value;
  }
  if (pendingKey !== null) data[pendingKey] = null;
  return any ? exactLists(data) : null;
}

/** Lists grown by push, copied to their length: the index keeps front matter as long as the note. */
function exactLists(data: FrontmatterRecord): FrontmatterRecord {
  for (const key in data) {
    const value = data[key];
    if (Array.isArray(value)) data[key] = value.slice();
  }
  return data;
}

/** A plain, single- or double-quoted scalar that is certainly a string; undefined otherwise. */
function scalar(raw: string): string | undefined {
  const text = raw;
  const first = text.charCodeAt(0);
  if (first === 34 /* " */ || first === 39 /* ' */) {
    const quote = text[0]!;
    const close = text.indexOf(quote, 1);
    if (close !== text.length - 1) return undefined;
    const inner = text.slice(1, -1);
    if (first === 34 && inner.indexOf('\\') !== -1) return undefined;
    if (!/^[ -~]*$/.test(inner) || inner !== inner.trim()) return undefined;
    return inner;
  }
  if (DATE.test(text)) return text;
  if (text !== text.trim() || !SAFE_PLAIN.test(text) || NOT_A_STRING.test(text)) return undefined;
  if (text.indexOf('  ') !== -1) return undefined;
  return text;
}

/** `[a, b c]` with plain items; undefined for anything else. */
function flowList(raw: string): FrontmatterValue[] | undefined {
  if (raw.charCodeAt(raw.length - 1) !== 93 /* ] */) return undefined;
  const inner = raw.slice(1, -1).trim();
  if (inner === '') return [];
  const out: FrontmatterValue[] = [];
  for (const part of inner.split(',')) {
    const value = part.trim();
    if (value === '' || value.charCodeAt(0) === 34 || value.charCodeAt(0) === 39) return undefined;
    const text = scalar(value);
    if (text === undefined) return undefined;
    out.push(text);
  }
  return out;
}
