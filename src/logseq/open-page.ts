// Opening a component from our views: its page, its page scrolled to the block at a line, or
// (shift) the right sidebar. No page text is kept, so a line link pulls the text again to find
// the line's block in the page's block tree.
import type { GraphIndex } from './graph-index';
import type { LogseqHost, TreeBlock } from './host';
import { blockAtLine } from './navigation';
import type { OpenComponent } from './plugin-state';

export interface PageOpener {
  openLine(id: string, line: number): Promise<void>;
  openComponent: OpenComponent;
}

export function createPageOpener(host: LogseqHost, graph: () => GraphIndex | null): PageOpener {
  async function openLine(id: string, line: number): Promise<void> {
    const page = graph()?.pageOf(id);
    const text = page ? await graph()?.readText(id).catch(() => null) : null;
    if (!page || text === null || text === undefined) return;
    let uuid: string | null = null;
    try {
      const tree = await host.Editor.getPageBlocksTree(page.name);
      // File-graph blocks: children are nested blocks (the typings also allow ["uuid", id] refs).
      uuid = Array.isArray(tree) ? blockAtLine(text, tree as unknown as TreeBlock[], line) : null;
    } catch {
      uuid = null;
    }
    if (uuid) host.Editor.scrollToBlockInPage(page.originalName, uuid);
    else host.App.pushState('page', { name: page.originalName });
  }

  /** The main UI's clicks (real events: shift opens the right sidebar). */
  function openComponent(id: string, event?: MouseEvent | KeyboardEvent, line?: number): void {
    const page = graph()?.pageOf(id);
    if (!page) return;
    if (event?.shiftKey) host.Editor.openInRightSidebar(page.id);
    else if (line) void openLine(id, line);
    else host.App.pushState('page', { name: page.originalName });
    if (!event?.shiftKey && host.isMainUIVisible) host.hideMainUI();
  }

  return { openLine, openComponent };
}
