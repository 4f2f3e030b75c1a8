// What a Logseq file graph (the 0.10.x app) makes of a note's bytes, without the Logseq runtime.
// Logseq does not read front matter as YAML: its parser (mldoc) takes `key: value` lines and drops
// the whole block when one line is anything else; the graph parser then lower-cases and
// kebab-cases the keys, splits `tags`/`alias` on commas and names the page after `title` or the
// file name. These rules are ported from mldoc 1.5.7 (`markdown_front_matter.ml`) and the
// graph parser (`extract.cljc`, `block.cljs`, `text.cljs`, `property.cljs`); the parity tests run
// the real mldoc on the same notes.

/** `:file/name-format` in the graph's `logseq/config.edn`; graphs without the key are legacy. */
export type FileNameFormat = 'triple-lowbar' | 'legacy';

export interface LogseqDirective {
  /** Key exactly as mldoc reads it (leading spaces and case kept). */
  key: string;
  value: string;
  line: number;
}

export interface LogseqFrontMatter {
  /** 1-based line of the closing `---`. */
  endLine: number;
  /** The pairs mldoc reads; empty when the block is dropped. */
  directives: LogseqDirective[];
  /** The first line that is not `key: value`, when that makes Logseq drop the whole block. */
  dropped: { line: number; text: string; reason: DropReason } | null;
  /** How many `key: value` lines the block holds (what is lost when it is dropped). */
  pairLines: number;
}

export type DropReason = 'blank-line' | 'list-item' | 'comment' | 'no-colon';

export type LogseqValue = string | number | boolean | string[];

export interface LogseqProperty {
  /** The key as written in the note. */
  written: string;
  /** The key Logseq stores (`:block/properties`, and `datascriptQuery` results). */
  key: string;
  /** The key the plugin API's `Editor.*` calls return (camelCased). */
  apiKey: string;
  /** Raw text (`propertiesTextValues`). */
  text: string;
  value: LogseqValue;
  /** False when Logseq refuses the key (it lands in `:block/invalid-properties`). */
  valid: boolean;
  line: number;
}

export interface LogseqReading {
  /** The page's original name (`originalName`), and where it comes from. */
  pageName: string;
  pageNameSource: 'title' | 'file';
  /** Lower-cased `name`, the key every `[[link]]` resolves through. */
  name: string;
  /** The name the file name alone gives. */
  fileName: string;
  frontMatter: LogseqFrontMatter | null;
  /** Page properties: front matter pairs, else the first block's `key:: value` lines. */
  properties: LogseqProperty[];
  propertySource: 'front-matter' | 'property-lines' | null;
  /** Page tags as Logseq reads them (`properties.tags`). */
  tags: string[];
  aliases: string[];
  /** Target of a first-level heading written as a page link (`# [[A/B]]`). */
  headingLink: { target: string; line: number } | null;
  /** GFM task items (`- [ ] x`), which Logseq shows as text, not as tasks. */
  checkboxItems: number;
}

const LINKABLE = new Set(['tags', 'alias', 'aliases']);
/** Built-in keys whose values are kept as text (`unparsed-built-in-properties`, the common ones). */
const UNPARSED = new Set(['title', 'icon', 'template', 'filters', 'macro', 'filetags', 'id', 'heading', 'collapsed']);

/** mldoc's front matter: `---` EOL, then everything up to the next `---` must be `key: value` lines. */
export function readLogseqFrontMatter(text: string): LogseqFrontMatter | null {
  let start: number;
  if (text.startsWith('---\n')) start = 4;
  else if (text.startsWith('---\r\n')) start = 5;
  else return null;
  const close = text.indexOf('---', start);
  if (close === -1) return null;
  const inner = text.slice(start, close);
  const endLine = lineAt(text, close);
  const segments = inner.split('\n');
  const directives: LogseqDirective[] = [];
  let dropped: LogseqFrontMatter['dropped'] = null;
  let pairLines = 0;
  segments.forEach((raw, i) => {
    const last = i === segments.length - 1;
    if (last && raw === '') return; // the block ended with a newline
    const line = 2 + i;
    const segment = raw.endsWith('\r') && !last ? raw.slice(0, -1) : raw;
    const colon = segment.indexOf(':');
    const ok = colon > 0 && segment.indexOf('\r') === -1;
    if (!ok) {
      dropped ??= { line, text: segment, reason: dropReason(segment) };
      return;
    }
    pairLines++;
    directives.push({ key: segment.slice(0, colon), value: segment.slice(colon + 1).replace(/^[ \t]+/, ''), line });
  });
  if (dropped) return { endLine, directives: [], dropped, pairLines };
  return { endLine, directives, dropped: null, pairLines };
}

function dropReason(segment: string): DropReason {
  const trimmed = segment.trim();
  if (trimmed === '') return 'blank-line';
  if (/^-(\s|$)/.test(trimmed)) return 'list-item';
  if (trimmed.startsWith('#')) return 'comment';
  return 'no-colon';
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** `block.cljs` `extract-properties`: lower-case, spaces and `_` become `-`; `custom_id` is `id`. */
export function logseqPropertyKey(written: string): string {
  const key = written.toLowerCase().replace(/ /g, '-').replace(/_/g, '-');
  return key === 'custom-id' ? 'id' : key;
}

/** `property.cljs` `valid-property-name?`: an EDN keyword without `"|^(){}` that is not a tag. */
export function isValidLogseqKey(key: string): boolean {
  if (key === '' || /["|^(){}]/.test(key) || key.startsWith('#')) return false;
  if (/[\s,;@~`\\[\]]/.test(key)) return false; // the EDN reader stops or fails on these
  if (key.startsWith(':')) return false;
  if (key.endsWith('/') || key.startsWith('/') || (key.match(/\//g) ?? []).length > 1) return key === '/';
  return true;
}

/** camel-snake-kebab `->camelCase`, as `sdk-utils/normalize-keyword-for-json` applies it. */
export function logseqApiKey(key: string): string {
  const words = key.split(/[-_\s]+/).filter(Boolean);
  if (words.length === 0) return key;
  return words.map((w, i) => (i === 0 ? w : w.charAt(0).toUpperCase() + w.slice(1))).join('');
}

/**
 * Page refs in a property value, as `Mldoc.getReferences` finds them: `[[a]]`, `#[[a]]`, and
 * `#tag`, which runs to whitespace, `,`, `#`, `!`, `"`, `:` or `?` (so `#c)` is the tag "c)" and
 * `x#y` the tag "y"), without trailing dots before a space or the end. URLs are links, not tags.
 */
export function valueRefs(value: string): { refs: string[]; plain: string[] } {
  const refs: string[] = [];
  const plainParts: string[] = [];
  // Bounded scheme and ref lengths: unbounded, every letter of a long word (or every `[[` of
  // `[[[[…`) rescanned the rest of the value — quadratic on a hostile note (security review).
  const pattern = /[a-z][a-z0-9+.-]{0,31}:\/\/\S+|#?\[\[([^\]]{0,1000}?)\]\]|#([^\s,#!"?:]+)/gi;
  let last = 0;
  for (let m = pattern.exec(value); m !== null; m = pattern.exec(value)) {
    let end = m.index + m[0].length;
    if (m[1] === undefined && m[2] === undefined) {
      // A URL is a link: neither a ref nor plain text.
      plainParts.push(value.slice(last, m.index));
      last = end;
      continue;
    }
    if (m[1] !== undefined) refs.push(m[1].trim());
    else {
      const next = value.charAt(end);
      const tag = next === '' || /[\s,]/.test(next) ? trimEndOf(m[2]!, ".'") : m[2]!;
      end = m.index + 1 + tag.length;
      refs.push(tag);
      pattern.lastIndex = end;
    }
    plainParts.push(value.slice(last, m.index));
    last = end;
  }
  plainParts.push(value.slice(last));
  return { refs: refs.filter(Boolean), plain: plainParts };
}

/** `text.cljs` `parse-property`: quoted and built-in text stays text; refs become a set; numbers, booleans. */
export function parseLogseqValue(key: string, text: string): LogseqValue {
  const v = text.trim();
  if (UNPARSED.has(key)) return v;
  if (v.length >= 2 && v.startsWith('"') && v.endsWith('"')) return v;
  const { refs, plain } = valueRefs(v);
  const all = new Set(refs);
  if (LINKABLE.has(key)) {
    for (const part of plain) for (const piece of part.split(/[,，]/)) if (piece.trim() !== '') all.add(piece.trim());
  }
  if (all.size > 0) return [...all];
  if (v === 'true') return true;
  if (v === 'false') return false;
  if (/^\d+$/.test(v)) return Number(v);
  return v;
}

/** Page name from the file name (`extract.cljc` `title-parsing`). */
export function logseqFileName(path: string, format: FileNameFormat): string {
  const file = path.split('/').pop() ?? path;
  const dot = file.lastIndexOf('.');
  const body = dot > 0 ? file.slice(0, dot) : file;
  if (format === 'triple-lowbar') {
    const decoded = body.replace(/___/g, '/').replace(/%[0-9a-f]{2}/gi, (m) => safeDecode(m) ?? m);
    return decoded.split('/').filter((s) => s !== '').join('/');
  }
  const dotted = body.replace(/\./g, '/');
  return safeDecode(dotted) ?? dotted;
}

function safeDecode(s: string): string | null {
  try {
    return decodeURIComponent(s);
  } catch {
    return null;
  }
}

const PROPERTY_LINE = /^([^\s:][^:]*?):: ?(.*)$/;

function propertyLines(text: string, from: number, firstLine: number): LogseqDirective[] {
  const out: LogseqDirective[] = [];
  const lines = text.slice(from).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    if (out.length === 0 && line.trim() === '') continue;
    const m = PROPERTY_LINE.exec(line);
    if (!m) break;
    out.push({ key: m[1]!, value: m[2]!.trim(), line: firstLine + i });
  }
  return out;
}

/** Everything a file graph derives from one file's text. */
export function readAsLogseq(path: string, text: string, format: FileNameFormat = 'triple-lowbar'): LogseqReading {
  const frontMatter = readLogseqFrontMatter(text);
  let directives: LogseqDirective[] = frontMatter?.directives ?? [];
  let propertySource: LogseqReading['propertySource'] = directives.length > 0 ? 'front-matter' : null;
  if (!frontMatter) {
    directives = propertyLines(text, 0, 1);
    if (directives.length > 0) propertySource = 'property-lines';
  }
  const properties = directives.map((d): LogseqProperty => {
    const key = logseqPropertyKey(d.key);
    return { written: d.key, key, apiKey: logseqApiKey(key), text: d.value, value: parseLogseqValue(key, d.value), valid: isValidLogseqKey(key), line: d.line };
  });
  const fileName = logseqFileName(path, format);
  // `get-page-name`: the `title` property (key compared lower-cased, value raw), else the file name.
  const titleDirective = directives.find((d) => d.key.toLowerCase() === 'title');
  const title = titleDirective ? trimEndOf(titleDirective.value.trim().replace(/^\/+/, ''), '/') : '';
  const pageName = title !== '' ? title : fileName;
  const listOf = (key: string): string[] => {
    const p = properties.find((x) => x.key === key && x.valid);
    if (!p) return [];
    return Array.isArray(p.value) ? p.value : String(p.value).trim() === '' ? [] : [String(p.value)];
  };
  return {
    pageName,
    pageNameSource: title !== '' ? 'title' : 'file',
    name: pageName.toLowerCase(),
    fileName,
    frontMatter,
    properties,
    propertySource,
    tags: listOf('tags'),
    aliases: [...listOf('alias'), ...listOf('aliases')],
    headingLink: firstHeadingLink(text),
    checkboxItems: countCheckboxes(text),
  };
}

function firstHeadingLink(text: string): LogseqReading['headingLink'] {
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^#\s+\[\[([^\]]+)\]\]\s*$/.exec(lines[i]!.replace(/\r$/, ''));
    if (m) return { target: m[1]!.trim(), line: i + 1 };
    if (/^#\s/.test(lines[i]!)) return null;
  }
  return null;
}

function countCheckboxes(text: string): number {
  let count = 0;
  let fence = false;
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    else if (!fence && /^\s*-\s+\[[ xX]\]\s/.test(line)) count++;
  }
  return count;
}

/** `text` without trailing characters from `chars`; by hand, since `[…]+$` retries every run start. */
export function trimEndOf(text: string, chars: string): string {
  let end = text.length;
  while (end > 0 && chars.includes(text[end - 1]!)) end--;
  return text.slice(0, end);
}
