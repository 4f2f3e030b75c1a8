// Where a dependency's name is written on its line (as plain text, outside code, links and HTML),
// and the link syntax each host reads around it, inserting bytes only: the written name stays.

export type LinkStyle = 'obsidian' | 'logseq';

/** Spans of a line that are not plain text: code, wiki links, Markdown links, autolinks, HTML, URLs. */
const NOT_PLAIN = /`+[^`]*`+|\[\[[^\]]*\]\]|!?\[[^\]]*\]\([^)]*\)|<[^>\s]+>|<!--.*?-->|\bhttps?:\/\/\S+|#\S+/g;

function maskedSpans(content: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  NOT_PLAIN.lastIndex = 0;
  for (let m = NOT_PLAIN.exec(content); m !== null; m = NOT_PLAIN.exec(content)) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

const WORD = /[\p{L}\p{N}_]/u;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The first occurrence of `name` at or after `from` that stands alone (no letter or digit glued to
 * either end) and lies wholly in plain text. The parser collapses runs of spaces in names, so any
 * run of spaces or tabs matches a space of the name.
 */
export function findWrittenName(content: string, name: string, from: number): { start: number; end: number } | null {
  const words = name.split(/\s+/).filter((w) => w !== '');
  if (words.length === 0) return null;
  const pattern = new RegExp(words.map(escapeRegExp).join('[ \\t]+'), 'gu');
  const spans = maskedSpans(content);
  pattern.lastIndex = from;
  for (let m = pattern.exec(content); m !== null; m = pattern.exec(content)) {
    const start = m.index;
    const end = start + m[0].length;
    if (m[0].length === 0) break;
    const glued = (WORD.test(name[0]!) && start > 0 && WORD.test(content[start - 1]!)) || (WORD.test(name[name.length - 1]!) && end < content.length && WORD.test(content[end]!));
    const hidden = spans.some(([a, b]) => start < b && end > a);
    if (!glued && !hidden) return { start, end };
    pattern.lastIndex = start + 1;
  }
  return null;
}

/** Characters no link text or target may hold in either host. */
const UNSAFE = /[[\]|\r\n]/;

/**
 * What goes before and after the written name. Obsidian: `[[Name]]` when the name is the target,
 * else `[[target|Name]]` (the written name becomes the display text). Logseq: `[[Name]]` when the
 * name is the page's name (Logseq compares names case-insensitively), else `[Name]([[page]])`,
 * Logseq's labelled page reference. Null when the name or target cannot be carried safely.
 */
export function linkSyntax(style: LinkStyle, written: string, target: string): { before: string; after: string } | null {
  if (UNSAFE.test(written) || UNSAFE.test(target) || target.trim() === '') return null;
  if (style === 'obsidian') {
    // `#` and `^` start a heading or block reference inside a link target.
    if (written === target && !/[#^]/.test(written)) return { before: '[[', after: ']]' };
    if (/[#^]/.test(target)) return null;
    return { before: `[[${target}|`, after: ']]' };
  }
  if (written.toLowerCase() === target.toLowerCase()) return { before: '[[', after: ']]' };
  if (/[()]/.test(written)) return null; // `[label](…)` labels with parentheses read badly in mldoc
  return { before: '[', after: `]([[${target}]])` };
}
