// Checks shared by the round-trip tests: byte-level line comparison, the shapes a note's bytes
// can take (line endings, BOM, final newline), and a parse with the edited parts masked out.
import { expect } from 'vitest';
import { splitLines, type Change, type MaturityNote } from '../../src/core/index';

/** The same note in every byte shape the edits must keep: CRLF, lone CR, mixed, BOM, no final newline, trailing spaces. */
export function byteVariants(text: string): Array<{ name: string; text: string }> {
  const lf = text.replace(/\r\n?/g, '\n');
  const lines = lf.split('\n');
  const endings = ['\r\n', '\n', '\r'];
  return [
    { name: 'as written', text },
    { name: 'CRLF', text: lf.replace(/\n/g, '\r\n') },
    { name: 'CR', text: lf.replace(/\n/g, '\r') },
    { name: 'mixed endings', text: lines.map((l, i) => l + (i < lines.length - 1 ? endings[i % 3] : '')).join('') },
    { name: 'BOM + CRLF', text: `\ufeff${lf.replace(/\n/g, '\r\n')}` },
    { name: 'no final newline', text: lf.replace(/\n+$/, '') },
    { name: 'trailing spaces', text: lines.map((l, i) => (i % 2 === 0 && l !== '' ? `${l}  ` : l)).join('\n') },
  ];
}

/**
 * Compare two texts line by line (content and ending) after taking out the lines the changes
 * inserted; return the 1-based original lines that differ. BOM and line count are checked too.
 */
export function differingLines(before: string, after: string, changes: Change[]): number[] {
  const a = splitLines(before);
  const b = splitLines(after);
  expect(b.bom).toBe(a.bom);
  const inserted = new Set<number>();
  for (const c of changes) {
    if (c.before.length === 0) for (let k = 0; k < c.after.length; k++) inserted.add(c.newLine - 1 + k);
  }
  const kept = b.lines.filter((_, i) => !inserted.has(i));
  expect(kept.length).toBe(a.lines.length);
  const differ: number[] = [];
  a.lines.forEach((line, i) => {
    const other = kept[i]!;
    // An appended block moves the "no final newline" to the new last line: the old last line may gain one.
    const endingOk = other.ending === line.ending || (i === a.lines.length - 1 && line.ending === '' && inserted.size > 0);
    if (other.content !== line.content || !endingOk) differ.push(i + 1);
  });
  return differ;
}

/** The characters that differ between two lines, as [removed, added] after the common prefix and suffix. */
export function lineDelta(before: string, after: string): [string, string] {
  let p = 0;
  while (p < before.length && p < after.length && before[p] === after[p]) p++;
  let s = 0;
  while (s < before.length - p && s < after.length - p && before[before.length - 1 - s] === after[after.length - 1 - s]) s++;
  return [before.slice(p, before.length - s), after.slice(p, after.length - s)];
}

/** A parse with what a fix or promotion is meant to change masked out, to compare everything else. */
export function maskedNote(
  note: MaturityNote,
  mask: { claims?: boolean; stage?: boolean; history?: boolean; lines?: boolean; placeholdersOn?: Set<number> },
): unknown {
  const drop = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (key, v: unknown) => (mask.lines && (key === 'line' || key === 'lineCount') ? undefined : v)));
  const copy = {
    ...note,
    transitions: note.transitions.map((t) => ({ ...t, claim: mask.claims ? null : t.claim, otherClaims: mask.claims ? [] : t.otherClaims })),
    diagnostics: [],
    stage: mask.stage ? null : note.stage,
    otherStages: mask.stage ? [] : note.otherStages,
    frontmatter: mask.stage ? {} : { ...note.frontmatter },
    properties: mask.stage ? {} : { ...note.properties },
    history: mask.history ? [] : note.history,
    placeholders: note.placeholders.filter((p) => !mask.placeholdersOn?.has(p.line)),
    signals: { ...note.signals, stageFieldCount: 0, headerStage: false },
  };
  return drop(copy);
}
