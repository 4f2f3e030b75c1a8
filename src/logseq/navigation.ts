// Going where a click points: a page (or the right sidebar on shift-click), the block at a line
// of a note's file (a diagnostic's "line N"), and the theme the main UI borrows from Logseq.
// Logseq cuts a Markdown file into blocks at headings and list items (mldoc Heading nodes), the
// first block holding the page properties; `getPageBlocksTree` returns them in that order. A line
// is matched to the block that starts at or before it and holds its text.
import type { LogseqHost, TreeBlock } from './host';

/** A line that starts a block in Logseq's reading of Markdown: a heading or a list item. */
const BLOCK_START = /^\s*(?:#{1,6}|[-*+])\s/;

/** 1-based lines that start a block, outside fenced code; line 1 when the file opens with other text. */
export function blockStartLines(text: string): number[] {
  const lines = text.split('\n');
  const starts: number[] = [];
  let fence = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence && !/^\s*(```|~~~)/.test(line)) continue;
    if (BLOCK_START.test(line)) starts.push(i + 1);
    else if (starts.length === 0 && i === 0 && line.trim() !== '') starts.push(1);
  }
  return starts;
}

function flatten(blocks: readonly TreeBlock[], out: TreeBlock[] = []): TreeBlock[] {
  for (const b of blocks) {
    out.push(b);
    if (Array.isArray(b.children)) flatten(b.children, out);
  }
  return out;
}

/** The line's text as a block holds it: without the bullet or heading marks. */
function bodyOf(line: string): string {
  return line.replace(/^\s*(?:[-*+]\s+)?/, '').trim();
}

/** The uuid of the block that holds `line` (1-based) of `text`, or null. */
export function blockAtLine(text: string, tree: readonly TreeBlock[], line: number): string | null {
  const blocks = flatten(tree);
  if (blocks.length === 0) return null;
  const starts = blockStartLines(text);
  let ordinal = 0;
  for (let i = 0; i < starts.length; i++) if (starts[i]! <= line) ordinal = i;
  const wanted = bodyOf(text.split('\n')[line - 1] ?? '');
  // Prefer the block the position points at; else the nearest block holding the line's text.
  const holds = (b: TreeBlock) => wanted !== '' && typeof b.content === 'string' && b.content.includes(wanted);
  if (blocks[ordinal] && (wanted === '' || holds(blocks[ordinal]!))) return blocks[ordinal]!.uuid;
  let best: number | null = null;
  for (let i = 0; i < blocks.length; i++) if (holds(blocks[i]!) && (best === null || Math.abs(i - ordinal) < Math.abs(best - ordinal))) best = i;
  return best === null ? (blocks[ordinal]?.uuid ?? null) : blocks[best]!.uuid;
}

export const THEME_VARIABLES = [
  '--ls-primary-background-color',
  '--ls-secondary-background-color',
  '--ls-primary-text-color',
  '--ls-secondary-text-color',
  '--ls-border-color',
  '--ls-active-primary-color',
  '--ls-font-family',
];

/**
 * The main UI runs in the plugin's frame, which does not inherit Logseq's CSS variables, and a
 * marketplace install serves that frame from `lsp://` while Logseq runs from `file://`: the
 * frame cannot read its parent. The host reads the values for it (`UI.resolveThemeCssPropsVals`).
 */
export async function adoptHostTheme(host: LogseqHost, doc: Document): Promise<void> {
  try {
    const values = await host.UI.resolveThemeCssPropsVals(THEME_VARIABLES);
    if (!values) return;
    for (const name of THEME_VARIABLES) {
      const value = values[name]?.trim();
      if (value) doc.documentElement.style.setProperty(name, value);
      else doc.documentElement.style.removeProperty(name);
    }
  } catch {
    // An older host without the call: the views' built-in light/dark defaults apply.
  }
}
