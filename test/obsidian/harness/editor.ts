// Obsidian's Editor over a real CodeMirror 6 view, with what the defects around writes need: a
// cursor, an undo history (one step per transaction, as the app groups them), and the app's
// handling of a file changed behind the editor's back: the whole document is replaced, the cursor
// goes to the start and the history is gone (what the review saw after `vault.process`).
import { ChangeSet, EditorSelection, type Text } from '@codemirror/state';
import type { EditorView } from '@codemirror/view';

export interface EditorPosition {
  line: number;
  ch: number;
}

export interface EditorChange {
  from: EditorPosition;
  to?: EditorPosition;
  text: string;
}

interface Step {
  undo: ChangeSet;
  redo: ChangeSet;
  selectionBefore: number;
}

export class Editor {
  private done: Step[] = [];
  private undone: Step[] = [];
  /** Harness: called after each edit the user (or a plugin) makes through the editor. */
  onEdit: () => void = () => {};

  constructor(readonly cm: EditorView) {}

  private get doc(): Text {
    return this.cm.state.doc;
  }

  getValue(): string {
    return this.doc.toString();
  }
  lineCount(): number {
    return this.doc.lines;
  }
  getLine(line: number): string {
    return this.doc.line(line + 1).text;
  }
  posToOffset(pos: EditorPosition): number {
    const line = this.doc.line(Math.min(this.doc.lines, pos.line + 1));
    return Math.min(line.to, line.from + pos.ch);
  }
  offsetToPos(offset: number): EditorPosition {
    const line = this.doc.lineAt(offset);
    return { line: line.number - 1, ch: offset - line.from };
  }
  getCursor(): EditorPosition {
    return this.offsetToPos(this.cm.state.selection.main.head);
  }
  setCursor(pos: EditorPosition): void {
    this.cm.dispatch({ selection: EditorSelection.cursor(this.posToOffset(pos)) });
  }

  /** One undoable step: the changes together, the cursor mapped through them. */
  transaction(tx: { changes?: EditorChange[]; selection?: { from: EditorPosition } }): void {
    const specs = (tx.changes ?? []).map((c) => ({ from: this.posToOffset(c.from), to: this.posToOffset(c.to ?? c.from), insert: c.text }));
    const changes = ChangeSet.of(specs, this.doc.length);
    const before = this.cm.state.selection.main.head;
    this.done.push({ undo: changes.invert(this.doc), redo: changes, selectionBefore: before });
    this.undone = [];
    const selection = tx.selection ? EditorSelection.cursor(changes.mapPos(this.posToOffset(tx.selection.from))) : undefined;
    this.cm.dispatch({ changes, ...(selection ? { selection } : {}) });
    this.onEdit();
  }

  replaceRange(text: string, from: EditorPosition, to?: EditorPosition): void {
    this.transaction({ changes: [{ from, to: to ?? from, text }] });
  }

  undo(): void {
    const step = this.done.pop();
    if (!step) return;
    this.undone.push(step);
    this.cm.dispatch({ changes: step.undo, selection: EditorSelection.cursor(Math.min(step.selectionBefore, step.undo.newLength)) });
    this.onEdit();
  }

  redo(): void {
    const step = this.undone.pop();
    if (!step) return;
    this.done.push(step);
    this.cm.dispatch({ changes: step.redo });
    this.onEdit();
  }

  /** Harness: how many steps undo can take back. */
  historySize(): number {
    return this.done.length;
  }

  /** The file changed on disk while open: the app loads the new text; cursor and history are lost. */
  replaceFromDisk(text: string): void {
    this.done = [];
    this.undone = [];
    this.cm.dispatch({ changes: { from: 0, to: this.doc.length, insert: text }, selection: EditorSelection.cursor(0) });
  }
}
