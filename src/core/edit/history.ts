// Appending a dated entry to the note's promotion history, in the style the note already uses
// (`- **2026-11-24**: Promoted to Staging`, a table row, an outliner bullet), and creating the
// template's `## Promotion History` / `### Promotions` section when the note has none.
import { tableCells } from '../parse/blocks';
import { classifySection } from '../parse/sections';
import type { Pipeline } from '../stages';
import { plain } from '../text';
import { indentOf, type Line, type LineEdit } from './lines';
import { directEnd, sectionEnd, type Outline, type OutlineHeading } from './outline';

export interface HistoryEntryText {
  date: string;
  /** Display names. */
  from: string;
  to: string;
  /** e.g. "Issue #233", added in parentheses. */
  reference?: string;
}

const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])([ \t]+)(.*)$/;
/** Sections the template puts after the history: a new history section goes before them. */
const ANCHOR = /blockers|rollback|next steps|^notes?$|related|references/;
const DATED = /^([^\w*_]*?)(\*\*|__)?(\d{4}-\d{2}-\d{2}|YYYY-MM-DD|\d{4}-XX-XX)(\*\*|__)?(\s*[:\-–—]\s*|\s+)/u;

export interface HistoryPlacement {
  edit: LineEdit;
  /**
   * Set when the note ends inside a block that never closes (from this line on, nothing shows)
   * and the entry went before it instead of where it would have gone.
   */
  movedBeforeHidden: number | null;
}

/**
 * The history entry. `hidden` is the first line of an unclosed block that hides the rest of the
 * note (`hiddenTail`), or null: the entry never goes there, where no one would see it.
 */
export function historyEdit(pipeline: Pipeline, lines: Line[], structure: Outline, rawEntry: HistoryEntryText, hidden: number | null = null): HistoryPlacement {
  const entry = cleanEntry(rawEntry);
  const reason = `promotion history: ${entry.date} ${entry.from} → ${entry.to}`;
  const text = `Promoted to ${entry.to}${entry.reference ? ` (${entry.reference})` : ''}`;
  const target = historyTarget(pipeline, structure);
  const visibleEnd = hidden === null ? lines.length : hidden - 1;
  if (!target) {
    const moved = hidden !== null && !structure.headings.some((h) => h.depth === 2 && ANCHOR.test(bareWords(h.text)));
    return { edit: createSection(lines.slice(0, visibleEnd), structure, entry, text, reason, hidden !== null), movedBeforeHidden: moved ? hidden : null };
  }
  const end = Math.min(target.end, visibleEnd);
  const moved = hidden !== null && target.end > visibleEnd ? hidden : null;
  return { edit: entryEdit(lines, structure, target.heading, end, entry, text, reason), movedBeforeHidden: moved };
}

/** One line each, no control characters; a reference cannot add lines (or, in a table, cells). */
function cleanEntry(entry: HistoryEntryText): HistoryEntryText {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what goes
  const oneLine = (t: string) => t.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const reference = entry.reference === undefined ? '' : oneLine(entry.reference);
  return { date: entry.date, from: oneLine(entry.from), to: oneLine(entry.to), ...(reference ? { reference } : {}) };
}

function entryEdit(lines: Line[], structure: Outline, heading: OutlineHeading, end: number, entry: HistoryEntryText, text: string, reason: string): LineEdit {
  const items = structure.items.filter((i) => i.line > heading.line && i.line <= end);
  const rows = structure.rows.filter((r) => r.line > heading.line && r.line <= end);
  if (items.length > 0 && (rows.length === 0 || items[items.length - 1]!.line > rows[rows.length - 1]!.line)) {
    const entryIndent = Math.min(...items.map((i) => i.indent));
    const entries = items.filter((i) => i.indent === entryIndent);
    // After the last dated entry ("- Demotions: none" may follow the dated ones).
    const dated = entries.filter((i) => DATED.test(i.text));
    const last = dated[dated.length - 1] ?? entries[entries.length - 1]!;
    const after = endOfItem(lines, last.line, entryIndent, end);
    const sample = lines[(dated[0] ?? last).line - 1]!.content;
    return { index: after, remove: 0, insert: [formatItem(sample, lines[last.line - 1]!.content, entry.date, text)], reason };
  }
  if (rows.length > 0) {
    const last = rows[rows.length - 1]!;
    return { index: last.line, remove: 0, insert: [formatRow(lines, rows[0]!.line, last.line, entry)], reason };
  }
  // A history heading with no entries yet ("None", or nothing): start a list under it.
  const headingLine = lines[heading.line - 1]!.content;
  const outliner = /^\s*[-*+]\s+#/.test(headingLine);
  const item = `${outliner ? `${indentOf(headingLine)}${indentUnit(lines)}` : ''}- **${entry.date}**: ${text}`;
  let lastContent = heading.line;
  for (let n = heading.line + 1; n <= Math.min(end, lines.length); n++) {
    const content = lines[n - 1]!.content;
    if (content.trim() !== '' && !/^\s*([-*_])(\s*\1){2,}\s*$/.test(content)) lastContent = n;
  }
  const insert = outliner ? [item] : ['', item];
  const next = lines[lastContent]?.content;
  if (!outliner && next !== undefined && next.trim() !== '') insert.push('');
  return { index: lastContent, remove: 0, insert, reason };
}

/** The Promotions subsection, else the history section's own text (before its subsections). */
function historyTarget(pipeline: Pipeline, structure: Outline): { heading: OutlineHeading; end: number } | null {
  const lineCount = Number.MAX_SAFE_INTEGER;
  const history = structure.headings.filter((h) => {
    const info = classifySection(pipeline, h.text);
    return info.kind === 'history' && !info.demotions && !/request/i.test(h.text);
  });
  const promotions = history.find((h) => /^promotions?$/.test(bareWords(h.text)));
  if (promotions) return { heading: promotions, end: sectionEnd(structure, promotions, lineCount) };
  const main = history[0];
  if (!main) return null;
  return { heading: main, end: directEnd(structure, main, lineCount) };
}

function bareWords(heading: string): string {
  return plain(heading).toLowerCase().replace(/[^a-z ]/g, '').trim();
}

/** Last line (1-based) of a list item: its continuation and nested lines, not trailing blanks. */
function endOfItem(lines: Line[], itemLine: number, entryIndent: number, end: number): number {
  let last = itemLine;
  const limit = Math.min(end, lines.length);
  for (let n = itemLine + 1; n <= limit; n++) {
    const content = lines[n - 1]!.content;
    if (content.trim() === '') continue;
    if (columns(indentOf(content)) > entryIndent) last = n;
    else break;
  }
  return last;
}

function columns(indent: string): number {
  let col = 0;
  for (const c of indent) col += c === '\t' ? 4 - (col % 4) : 1;
  return col;
}

/** A new entry shaped like `sample` (marker, bold date, separator), indented like `last`. */
function formatItem(sample: string, last: string, date: string, text: string): string {
  const lastItem = ITEM.exec(last);
  const sampleItem = ITEM.exec(sample);
  const indent = lastItem?.[1] ?? '';
  let marker = sampleItem?.[2] ?? '-';
  const ordered = /^(\d+)([.)])$/.exec(lastItem?.[2] ?? '');
  if (ordered) marker = `${Number(ordered[1]) + 1}${ordered[2]}`;
  const space = sampleItem?.[3] ?? ' ';
  const dated = DATED.exec(sampleItem?.[4] ?? '');
  const open = dated ? (dated[2] ?? '') : '**';
  const close = dated ? (dated[4] ?? '') : '**';
  const separator = dated ? dated[5]! : ': ';
  return `${indent}${marker}${space}${open}${date}${close}${separator}${text}`;
}

/** A table row with the date under a Date column and the move under a Stage/Transition column. */
function formatRow(lines: Line[], firstRow: number, lastRow: number, entry: HistoryEntryText): string {
  const headerLine = lines[firstRow - 3]?.content ?? '';
  const header = headerLine.trim().startsWith('|') || headerLine.includes('|') ? tableCells(headerLine.trim(), 0) : [];
  const sample = lines[lastRow - 1]!.content;
  const width = Math.max(header.length, tableCells(sample.trim(), 0).length, 2);
  const cells = new Array<string>(width).fill('');
  let placedDate = false;
  let moveCell = -1;
  let placedNote = false;
  const move = `${entry.from} → ${entry.to}`;
  header.forEach((h, i) => {
    const key = h.toLowerCase();
    if (!placedDate && /date|when/.test(key)) {
      cells[i] = entry.date;
      placedDate = true;
    } else if (moveCell < 0 && /stage|transition|promotion|change|event|to\b/.test(key)) {
      cells[i] = move;
      moveCell = i;
    } else if (/note|detail|description|comment|reason/.test(key)) {
      cells[i] = `Promoted to ${entry.to}${entry.reference ? ` (${entry.reference})` : ''}`;
      placedNote = true;
    }
  });
  if (!placedDate) cells[0] = entry.date;
  if (moveCell < 0) {
    moveCell = 1;
    cells[1] = move;
  }
  // No column for notes: the reference goes with the move rather than being dropped.
  if (!placedNote && entry.reference) cells[moveCell] = `${move} (${entry.reference})`;
  // A `|` in a stage name or reference would start a new cell.
  for (let i = 0; i < cells.length; i++) cells[i] = cells[i]!.replace(/\\?\|/g, '\\|');
  const indent = indentOf(sample);
  const leading = sample.trimStart().startsWith('|');
  const trailing = sample.trimEnd().endsWith('|');
  return `${indent}${leading ? '| ' : ''}${cells.join(' | ')}${trailing ? ' |' : ''}`;
}

function indentUnit(lines: Line[]): string {
  return lines.some((l) => l.content.startsWith('\t')) ? '\t' : '  ';
}

/**
 * No history section: add the template's one. It goes before the sections the template puts after
 * it (Current Blockers, Rollback, Next Steps, Notes, Related), else at the end of the note.
 */
function createSection(lines: Line[], structure: Outline, entry: HistoryEntryText, text: string, reason: string, beforeHidden: boolean): LineEdit {
  const item = `- **${entry.date}**: ${text}`;
  const body = ['## Promotion History', '', '### Promotions', '', item];
  const usesRules = lines.some((l) => /^(-{3,}|\*{3,}|_{3,})\s*$/.test(l.content)) && structure.headings.some((h) => h.depth === 2);
  const anchor = structure.headings.find((h) => h.depth === 2 && ANCHOR.test(bareWords(h.text)));
  const anchorLine = anchor ? lines[anchor.line - 1]!.content : '';
  if (anchor && /^#/.test(anchorLine)) {
    // `---` between sections: the anchor's rule now separates history from it, so add our own.
    const ruleAbove = anchor.line >= 3 && /^(-{3,}|\*{3,}|_{3,})\s*$/.test(lines[anchor.line - 3]!.content) && lines[anchor.line - 2]!.content.trim() === '';
    const rule = ruleAbove ? lines[anchor.line - 3]!.content.trim() : null;
    return { index: anchor.line - 1, remove: 0, insert: [...body, '', ...(rule ? [rule, ''] : [])], reason };
  }
  const lastBlank = lines.length === 0 || lines[lines.length - 1]!.content.trim() === '';
  const prefix = lastBlank ? [] : [''];
  // Before a block that hides the rest of the note: a blank line keeps the two apart.
  return { index: lines.length, remove: 0, insert: [...prefix, ...(usesRules ? ['---', ''] : []), ...body, ...(beforeHidden ? [''] : [])], reason };
}
