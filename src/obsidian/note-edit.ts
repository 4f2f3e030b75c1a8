// Applying a planned rewrite of a note. When a Markdown view shows the note in editing mode the
// change goes through its editor, as the user's own typing would: only the lines that change are
// replaced (one undo step), the cursor and folds stay, and unsaved typing is neither lost nor
// overwritten. Otherwise one atomic `vault.process` writes the file.
import { diffLines } from 'diff';
import { MarkdownView, type App, type Editor, type EditorChange, type TFile } from 'obsidian';

/** Rewrites the text; returns it unchanged when there is nothing to write. */
export type Rewrite = (text: string) => string;

/** The editor of a view that shows `file` in editing mode, if any (the active view first). */
export function openEditor(app: App, file: TFile): Editor | null {
  const active = app.workspace.getActiveViewOfType(MarkdownView);
  const views = [active, ...app.workspace.getLeavesOfType('markdown').map((l) => l.view)];
  for (const view of views) if (view instanceof MarkdownView && view.file === file && view.getMode() === 'source') return view.editor;
  return null;
}

/** The line hunks that turn `before` into `after`, as editor changes (offsets into `before`). */
export function lineChanges(editor: Editor, before: string, after: string): EditorChange[] {
  const changes: EditorChange[] = [];
  let offset = 0;
  let pending: { from: number; to: number; text: string } | null = null;
  const flush = () => {
    if (pending) changes.push({ from: editor.offsetToPos(pending.from), to: editor.offsetToPos(pending.to), text: pending.text });
    pending = null;
  };
  for (const part of diffLines(before, after)) {
    if (part.added) {
      pending ??= { from: offset, to: offset, text: '' };
      pending.text += part.value;
    } else if (part.removed) {
      pending ??= { from: offset, to: offset, text: '' };
      offset += part.value.length;
      pending.to = offset;
    } else {
      flush();
      offset += part.value.length;
    }
  }
  flush();
  return changes;
}

/** Apply `rewrite` to the note; resolves to whether anything changed. Throws when the write fails. */
export async function rewriteNote(app: App, file: TFile, rewrite: Rewrite): Promise<boolean> {
  const editor = openEditor(app, file);
  if (editor) {
    const before = editor.getValue();
    const after = rewrite(before);
    if (after === before) return false;
    editor.transaction({ changes: lineChanges(editor, before, after) });
    return true;
  }
  let changed = false;
  await app.vault.process(file, (current) => {
    const next = rewrite(current);
    changed = next !== current;
    return next;
  });
  return changed;
}

/** The note's current text: the editor's when a view edits it (it may hold unsaved typing). */
export async function currentText(app: App, file: TFile): Promise<string> {
  return openEditor(app, file)?.getValue() ?? app.vault.read(file);
}
