// The block structure of a note as edits need it: headings, list items and table rows with their
// lines, from the parser's own structure pass (so code blocks and comments never count).
import { scanBlocks } from '../parse/blocks';
import { findFrontmatter, readPageProperties, type FrontmatterBlock } from '../parse/frontmatter';

export interface OutlineHeading {
  depth: number;
  text: string;
  line: number;
}

export interface OutlineItem {
  line: number;
  indent: number;
  ordered: boolean;
  check: string | null;
  text: string;
}

export interface Outline {
  headings: OutlineHeading[];
  items: OutlineItem[];
  rows: Array<{ line: number; cells: string[] }>;
  /** Lines (1-based) that hold paragraph text. */
  textLines: Set<number>;
  frontmatter: FrontmatterBlock | null;
  /** First and last line of Logseq `key:: value` page properties at the top of the body, if any. */
  pageProperties: { first: number; last: number } | null;
  /** 1-based line where the body starts (after front matter and page properties). */
  bodyLine: number;
  /** Offset in the `\n`-normalised text where the body starts. */
  bodyOffset: number;
  /** The last line the scanner saw as Markdown (any block, blank lines too); 0 when none. */
  lastSeenLine: number;
}

export function outline(input: string): Outline {
  const text = input.indexOf('\r') === -1 ? input : input.replace(/\r\n?/g, '\n');
  const result: Outline = { headings: [], items: [], rows: [], textLines: new Set(), frontmatter: null, pageProperties: null, bodyLine: 1, bodyOffset: 0, lastSeenLine: 0 };
  let offset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  const block = findFrontmatter(text);
  if (block) {
    result.frontmatter = block;
    offset = block.bodyOffset;
    line = block.bodyLine;
  }
  const props = readPageProperties(text, offset, line);
  if (props) {
    result.pageProperties = { first: line, last: props.bodyLine - 1 };
    offset = props.bodyOffset;
    line = props.bodyLine;
  }
  result.bodyLine = line;
  result.bodyOffset = offset;
  const seen = (at: number) => {
    if (at > result.lastSeenLine) result.lastSeenLine = at;
  };
  scanBlocks(text, offset, line, {
    heading: (depth, headingText, at) => {
      result.headings.push({ depth, text: headingText, line: at });
      seen(at);
    },
    item: (indent, ordered, check, itemText, at) => {
      result.items.push({ line: at, indent, ordered, check, text: itemText });
      seen(at);
    },
    text: (_t, at) => {
      result.textLines.add(at);
      seen(at);
    },
    row: (cells, at) => {
      result.rows.push({ line: at, cells });
      seen(at);
    },
    blank: seen,
  });
  return result;
}

const PROBE = 'maturity-map: is this line visible?';

/**
 * The first line of a block that never closes and so hides the rest of the note — a code fence or
 * an HTML comment left open — or null when text added at the end would show. The scanner itself
 * decides: a paragraph appended after the note either is text to it or is not.
 */
export function hiddenTail(input: string, o: Outline): number | null {
  const text = input.indexOf('\r') === -1 ? input : input.replace(/\r\n?/g, '\n');
  const probed = `${text}${text === '' || text.endsWith('\n') ? '' : '\n'}\n${PROBE}\n`;
  let shows = false;
  scanBlocks(probed, o.bodyOffset, o.bodyLine, {
    heading: () => {},
    item: () => {},
    text: (t) => {
      if (t.includes(PROBE)) shows = true;
    },
    row: () => {},
  });
  if (shows) return null;
  return Math.max(o.lastSeenLine + 1, o.bodyLine);
}

/** The line range a heading owns: up to the next heading of the same or a higher level. */
export function sectionEnd(o: Outline, heading: OutlineHeading, lineCount: number): number {
  for (const h of o.headings) if (h.line > heading.line && h.depth <= heading.depth) return h.line - 1;
  return lineCount;
}

/** End of the heading's own text, before its first subheading. */
export function directEnd(o: Outline, heading: OutlineHeading, lineCount: number): number {
  for (const h of o.headings) if (h.line > heading.line) return h.line - 1;
  return lineCount;
}
