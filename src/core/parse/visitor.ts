// What a structure pass tells the field reader about a note's body, line by line. The fast
// scanner (blocks.ts) and the remark reference (test/helpers/reference-scan.ts) both emit these.

export interface BlockVisitor {
  heading(depth: number, text: string, line: number): void;
  /**
   * A list item. `check` is the checkbox character (`' '`, `'x'`, `'/'`…), a Logseq task marker
   * (`TODO`, `DONE`…), or null for a plain item. `indent` is the marker's column.
   */
  item(indent: number, ordered: boolean, check: string | null, text: string, line: number): void;
  /** A paragraph line, or a continuation line inside a list item. */
  text(text: string, line: number, indent: number): void;
  /** A table body row (header and delimiter rows are not reported). */
  row(cells: string[], line: number): void;
  /** A blank line; only the edit outline needs them (the reader ignores them: lists survive blank lines). */
  blank?(line: number): void;
  /** An HTML comment block opened on `from` never closes: lines `from`–`to` are hidden. */
  unclosedComment?(from: number, to: number): void;
}

/** Logseq task markers at the start of a bullet: the bullet is a task with this status. */
export const LOGSEQ_MARKERS: ReadonlySet<string> = new Set(['TODO', 'DOING', 'DONE', 'LATER', 'NOW', 'WAITING', 'WAIT', 'CANCELED', 'CANCELLED', 'IN-PROGRESS']);
