// The real Logseq parser, mldoc 1.5.7 (the exact build the 0.10.x app pins), with the config the
// graph parser passes (`gp-mldoc/default-config :markdown`), and the two graph-parser steps the
// parity tests need: page tags from a property value, and GFM items read as plain headings.
import { createRequire } from 'node:module';

interface MldocApi {
  parseJson(text: string, config: string): string;
  getReferences(text: string, config: string): string;
}

const require = createRequire(import.meta.url);
const { Mldoc } = require('mldoc') as { Mldoc: MldocApi };
export const MLDOC_VERSION = (require('mldoc/package.json') as { version: string }).version;

const CONFIG = JSON.stringify({ toc: false, parse_outline_only: false, heading_number: false, keep_line_break: true, format: 'Markdown', heading_to_list: false });

type Node = [string, ...unknown[]];
export type Positioned = [Node, { start_pos: number; end_pos: number } | null];

export function parse(text: string): Positioned[] {
  return JSON.parse(Mldoc.parseJson(text, CONFIG)) as Positioned[];
}

/** The Directive pairs mldoc reads at the top of the document (front matter). */
export function leadingDirectives(text: string | Positioned[]): Array<{ key: string; value: string }> {
  const out: Array<{ key: string; value: string }> = [];
  for (const [node] of typeof text === 'string' ? parse(text) : text) {
    if (node[0] !== 'Directive') break;
    out.push({ key: node[1] as string, value: node[2] as string });
  }
  return out;
}

/** `Property_Drawer` pairs (`key:: value` lines) of the first block. */
export function firstPropertyDrawer(text: string | Positioned[]): Array<{ key: string; value: string }> {
  const first = (typeof text === 'string' ? parse(text) : text)[0]?.[0];
  if (!first || first[0] !== 'Property_Drawer') return [];
  return (first[1] as Array<[string, string]>).map(([key, value]) => ({ key, value }));
}

type Inline = [string, unknown];

/** `text.cljs` `get-ref-from-ast` over `Mldoc.getReferences`: Page_ref links and tags. */
export function references(value: string): string[] {
  const raw = Mldoc.getReferences(value, CONFIG);
  const refs = (raw ? JSON.parse(raw) : []) as Inline[];
  const out: string[] = [];
  const fromNode = (node: Inline): string | null => {
    if (node[0] === 'Link') {
      const url = (node[1] as { url: [string, unknown] }).url;
      return url[0] === 'Page_ref' || url[0] === 'Search' ? String(url[1]) : null;
    }
    if (node[0] === 'Tag') {
      const data = node[1] as Inline[];
      return data[0]![0] === 'Plain' ? String(data[0]![1]) : fromNode(data[0]!);
    }
    return null;
  };
  for (const node of refs) {
    const ref = fromNode(node);
    if (ref !== null && ref.trim() !== '') out.push(ref.trim());
  }
  return out;
}

/** `text.cljs` `parse-property` for `tags`/`alias`: refs plus the comma-split Plain text. */
export function linkableValue(value: string): string[] {
  const set = new Set(references(value));
  const first = parse(value)[0]?.[0];
  if (first && first[0] === 'Paragraph') {
    for (const inline of first[1] as Inline[]) {
      if (inline[0] !== 'Plain') continue;
      for (const piece of String(inline[1]).split(/[,，]/)) if (piece.trim() !== '') set.add(piece.trim());
    }
  }
  return [...set];
}

/** List items whose text starts with a GFM box and that carry no task marker. */
export function plainCheckboxHeadings(text: string | Positioned[]): number {
  let count = 0;
  for (const [node] of typeof text === 'string' ? parse(text) : text) {
    if (node[0] !== 'Heading') continue;
    const heading = node[1] as { title: Inline[]; marker?: string; unordered: boolean };
    const first = heading.title[0];
    if (heading.unordered && !heading.marker && first?.[0] === 'Plain' && /^\[[ xX]\]\s/.test(String(first[1]))) count++;
  }
  return count;
}

/**
 * Every page `text` references through a `Page_ref` link anywhere in its AST (lower-cased), as the
 * graph parser collects a block's refs (`block.cljs` walks title and body: `**[[Page]]**` counts).
 */
export function pageRefs(text: string): string[] {
  const out: string[] = [];
  const walk = (node: unknown): void => {
    if (!Array.isArray(node)) {
      if (node && typeof node === 'object') for (const v of Object.values(node)) walk(v);
      return;
    }
    if (node[0] === 'Link') {
      const url = (node[1] as { url?: [string, unknown] }).url;
      if (url?.[0] === 'Page_ref') out.push(String(url[1]).toLowerCase());
    }
    for (const child of node) walk(child);
  };
  walk(parse(text));
  return out;
}
