// Opening our views and notes. No view references are kept: views are found by type each time.
import { normalizePath, type App, type WorkspaceLeaf } from 'obsidian';

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

/** Open a component's note; `id` is its vault path. */
export function openNote(app: App, id: string, sourcePath: string, newLeaf: boolean): void {
  void app.workspace.openLinkText(normalizePath(id), sourcePath, newLeaf);
}
