// Opening our views and notes. No view references are kept: views are found by type each time.
import { Keymap, normalizePath, type App, type WorkspaceLeaf } from 'obsidian';

/** Reveal the first leaf of `type` (or create one), then give it `state`. */
export async function openView(app: App, type: string, where: 'tab' | 'right', state: Record<string, unknown> = {}): Promise<WorkspaceLeaf | null> {
  const { workspace } = app;
  let leaf = workspace.getLeavesOfType(type)[0] ?? null;
  if (!leaf) leaf = where === 'right' ? workspace.getRightLeaf(false) : workspace.getLeaf('tab');
  if (!leaf) return null;
  await leaf.setViewState({ type, active: true, state });
  await workspace.revealLeaf(leaf);
  return leaf;
}

/** Open a component's note (`id` is its vault path), at `line` (1-based) when given; Ctrl/⌘ opens a new tab. */
export function openNote(app: App, id: string, sourcePath: string, event?: MouseEvent | KeyboardEvent, line?: number): void {
  const newLeaf = event ? Keymap.isModEvent(event) : false;
  void app.workspace.openLinkText(normalizePath(id), sourcePath, newLeaf, line ? { eState: { line: line - 1 } } : undefined);
}
