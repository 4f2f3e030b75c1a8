// CachedMetadata as Obsidian documents it, computed from a note's text with remark (+ front
// matter, GFM): frontmatter, frontmatterPosition, headings, sections, listItems (task character,
// parent line, negative for a list's first level), links (wiki links), tags. Lines are 0-based.
// Synthetic: we cannot capture Obsidian's own output here, so this follows the d.ts, not the app.
import { parse as parseYaml } from 'yaml';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import type { CachedMetadata, Loc, Pos } from 'obsidian';

interface MdNode {
  type: string;
  depth?: number;
  checked?: boolean | null;
  value?: string;
  children?: MdNode[];
  position?: { start: { line: number; column: number; offset?: number }; end: { line: number; column: number; offset?: number } };
}

const processor = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).use(remarkGfm);

function loc(p: { line: number; column: number; offset?: number }): Loc {
  return { line: p.line - 1, col: p.column - 1, offset: p.offset ?? 0 };
}
function pos(node: MdNode): Pos {
  return { start: loc(node.position!.start), end: loc(node.position!.end) };
}
function plainText(node: MdNode): string {
  if (node.value !== undefined) return node.value;
  return (node.children ?? []).map(plainText).join('');
}
function offsetPos(text: string, start: number, end: number): Pos {
  const at = (offset: number): Loc => {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, col: offset - (before.lastIndexOf('\n') + 1), offset };
  };
  return { start: at(start), end: at(end) };
}

export function computeMetadata(text: string): CachedMetadata {
  const tree = processor.parse(text) as MdNode;
  const cache: CachedMetadata = {};
  const lines = text.split('\n');
  const sections: NonNullable<CachedMetadata['sections']> = [];
  const headings: NonNullable<CachedMetadata['headings']> = [];
  const listItems: NonNullable<CachedMetadata['listItems']> = [];
  const codeRanges: Array<[number, number]> = [];

  for (const node of tree.children ?? []) {
    if (!node.position) continue;
    const type = node.type === 'yaml' ? 'yaml' : node.type === 'thematicBreak' ? 'thematicBreak' : node.type;
    sections.push({ type, position: pos(node) });
    if (node.type === 'yaml') {
      cache.frontmatterPosition = pos(node);
      try {
        const data: unknown = parseYaml(node.value ?? '');
        if (data && typeof data === 'object' && !Array.isArray(data)) cache.frontmatter = data as CachedMetadata['frontmatter'];
      } catch {
        // Obsidian shows invalid YAML as text and leaves frontmatter undefined.
      }
    }
  }

  const walk = (node: MdNode, listParent: number) => {
    if (node.type === 'heading' && node.position) headings.push({ heading: plainText(node), level: node.depth ?? 1, position: pos(node) });
    if ((node.type === 'code' || node.type === 'inlineCode' || node.type === 'yaml') && node.position) {
      codeRanges.push([node.position.start.offset ?? 0, node.position.end.offset ?? 0]);
    }
    if (node.type === 'list') {
      for (const item of node.children ?? []) {
        if (!item.position) continue;
        const line = item.position.start.line - 1;
        const entry: NonNullable<CachedMetadata['listItems']>[number] = { parent: listParent, position: pos(item) };
        const mark = /^\s*(?:[-*+]|\d+[.)])\s+\[(.)\]/.exec(lines[line] ?? '');
        if (item.checked !== null && item.checked !== undefined && mark) entry.task = mark[1];
        listItems.push(entry);
        for (const child of item.children ?? []) walk(child, line);
      }
      return;
    }
    for (const child of node.children ?? []) walk(child, node.type === 'root' ? -1 : listParent);
  };
  for (const node of tree.children ?? []) {
    if (node.type === 'list' && node.position) walk(node, -(node.position.start.line - 1) || -1);
    else walk(node, -1);
  }

  const inCode = (offset: number) => codeRanges.some(([a, b]) => offset >= a && offset < b);
  const links: NonNullable<CachedMetadata['links']> = [];
  for (const m of text.matchAll(/\[\[([^\]|#^]+)(?:[#^][^\]|]*)?(?:\|([^\]]*))?\]\]/g)) {
    if (m.index === undefined || inCode(m.index)) continue;
    links.push({ link: m[1]!.trim(), original: m[0], displayText: (m[2] ?? m[1]!).trim(), position: offsetPos(text, m.index, m.index + m[0].length) });
  }
  const tags: NonNullable<CachedMetadata['tags']> = [];
  for (const m of text.matchAll(/(^|\s)(#[^\s!@#$%^&*(),.?":{}|<>[\]`'=;~]+)/g)) {
    const start = (m.index ?? 0) + m[1]!.length;
    if (inCode(start) || /^#\d+$/.test(m[2]!)) continue;
    if (cache.frontmatterPosition && start < cache.frontmatterPosition.end.offset) continue;
    tags.push({ tag: m[2]!, position: offsetPos(text, start, start + m[2]!.length) });
  }

  if (sections.length) cache.sections = sections;
  if (headings.length) cache.headings = headings;
  if (listItems.length) cache.listItems = listItems;
  if (links.length) cache.links = links;
  if (tags.length) cache.tags = tags;
  return cache;
}

/** As the app exports it: front matter tags (with `#` added) and body tags, or null. */
export function getAllTags(cache: CachedMetadata): string[] | null {
  const out: string[] = [];
  const fm = (cache.frontmatter ?? {}) as Record<string, unknown>;
  for (const key of ['tags', 'tag']) {
    const value = fm[key];
    const list = Array.isArray(value) ? value : typeof value === 'string' ? value.split(/[,\s]+/) : [];
    for (const t of list) if (typeof t === 'string' && t.trim()) out.push(`#${t.trim().replace(/^#/, '')}`);
  }
  for (const t of cache.tags ?? []) out.push(t.tag);
  return out.length > 0 ? out : null;
}
