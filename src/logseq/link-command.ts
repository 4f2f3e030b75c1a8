// "Link dependencies" in Logseq (slash command and command palette): the core link edit on the
// current page, written through the Editor API one block at a time. Logseq keeps a page as blocks
// and writes its file from them, so the edit is worked out on the page's file text and each
// changed line is put into the block that holds it (the block-at-line mapping of line links);
// only blocks whose text changes are updated, and a block whose text no longer holds the line as
// the file has it (edited since it was saved) is left alone and reported.
import { indexResolution, linkDependencies, splitLines, type DependencyResolution, type LinkEditResult, type SkippedDependency } from '../core/index';
import type { GraphIndex } from './graph-index';
import type { FileBlock, FilePage, LogseqHost, TreeBlock } from './host';
import { blockAtLine, blockStartLines } from './navigation';

export const LINK_COMMAND_LABEL = 'Link dependencies';
export const LINK_PALETTE_KEY = 'maturity-map-link-dependencies';

export interface BlockUpdate {
  uuid: string;
  content: string;
}

export interface BlockPlan {
  updates: BlockUpdate[];
  /** Linked names, as written into the blocks. */
  links: string[];
  skipped: SkippedDependency[];
  /** 1-based lines of the file whose block no longer holds them as the file does. */
  unplaced: number[];
}

function flatten(blocks: readonly TreeBlock[], out: TreeBlock[] = []): TreeBlock[] {
  for (const b of blocks) {
    out.push(b);
    if (Array.isArray(b.children)) flatten(b.children, out);
  }
  return out;
}

/** What a block keeps of a file line: the line without its indentation (and, first, its bullet). */
const LINE_PREFIX = /^\s*(?:[-*+]\s+)?$/;

/**
 * `content` with the block's copy of `oldLine` replaced by the same part of `newLine`, or null
 * when the block holds no such line. `near` is the line's expected index in the block (several
 * equal lines: the nearest). The link edit only inserts after the name's start, never inside the
 * indentation or bullet, so the part a block keeps is the same suffix of both lines.
 */
export function replaceLineInBlock(content: string, oldLine: string, newLine: string, near: number): string | null {
  const lines = content.split('\n');
  const before = oldLine.trimEnd();
  const after = newLine.trimEnd();
  let best = -1;
  lines.forEach((line, i) => {
    const kept = line.trimEnd();
    if (kept.trim() === '' || !before.endsWith(kept) || !LINE_PREFIX.test(before.slice(0, before.length - kept.length))) return;
    if (best === -1 || Math.abs(i - near) < Math.abs(best - near)) best = i;
  });
  if (best === -1) return null;
  const cut = before.length - lines[best]!.trimEnd().length;
  if (after.slice(0, cut) !== before.slice(0, cut)) return null;
  const trailing = lines[best]!.slice(lines[best]!.trimEnd().length);
  lines[best] = after.slice(cut) + trailing;
  return lines.join('\n');
}

/**
 * The block updates that carry `result` (the link edit of `text`) into the page's blocks.
 * `editing`: the block being edited and the text in its editor, which is what the user sees.
 */
export function planBlockUpdates(text: string, result: LinkEditResult, tree: readonly TreeBlock[], editing: { uuid: string; content: string } | null): BlockPlan {
  const blocks = new Map(flatten(tree).map((b) => [b.uuid, b]));
  const oldLines = splitLines(text).lines;
  const newLines = splitLines(result.text).lines;
  const starts = blockStartLines(text);
  const contents = new Map<string, string>();
  const unplaced: number[] = [];
  const lines = [...new Set(result.linked.map((l) => l.line))].sort((a, b) => a - b);
  for (const line of lines) {
    const uuid = blockAtLine(text, tree as TreeBlock[], line);
    const block = uuid ? blocks.get(uuid) : undefined;
    const current = uuid ? (contents.get(uuid) ?? (editing?.uuid === uuid ? editing.content : block?.content)) : undefined;
    const start = starts.filter((s) => s <= line).pop() ?? 1;
    const next = uuid && typeof current === 'string' ? replaceLineInBlock(current, oldLines[line - 1]!.content, newLines[line - 1]!.content, line - start) : null;
    if (next === null || !uuid) unplaced.push(line);
    else contents.set(uuid, next);
  }
  const updates = [...contents].map(([uuid, content]) => ({ uuid, content })).filter((u) => u.content !== (editing?.uuid === u.uuid ? editing.content : blocks.get(u.uuid)?.content));
  const links = result.linked.filter((l) => !unplaced.includes(l.line)).map((l) => l.link);
  return { updates, links, skipped: result.skipped.filter((s) => s.reason !== 'self'), unplaced };
}

/** How written dependencies resolve: the index's view, and for link targets Logseq's page names too. */
function resolver(graph: GraphIndex, id: string): (dep: Parameters<ReturnType<typeof indexResolution>>[0]) => DependencyResolution {
  const byIndex = indexResolution(graph.index, id);
  return (dep) => {
    const resolution = byIndex(dep);
    if (resolution.kind !== 'unresolved' || !dep.link) return resolution;
    const path = graph.resolve(dep.name);
    return path ? { kind: 'component', id: path } : resolution;
  };
}

/** The page the user is on: a zoomed-in block's page, or the page itself. */
async function currentPage(host: LogseqHost): Promise<FilePage | null> {
  const current = (await host.Editor.getCurrentPage()) as (FilePage & Partial<FileBlock>) | null;
  if (!current) return null;
  if (typeof current.name === 'string') return current;
  const pageId = current.page?.id;
  return typeof pageId === 'number' ? ((await host.Editor.getPage(pageId)) as FilePage | null) : null;
}

export interface LinkOutcome {
  updated: number;
  links: string[];
  message: string;
}

/** Link the current page's dependencies; says what it did with `UI.showMsg`. */
export async function linkCurrentPage(host: LogseqHost, graph: GraphIndex | null): Promise<LinkOutcome> {
  const say = (message: string, status: 'success' | 'warning' | 'error', updated = 0, links: string[] = []) => {
    void host.UI.showMsg(message, status);
    return { updated, links, message };
  };
  if (!graph) return say('Maturity Map is still reading the graph; try again in a moment.', 'warning');
  const page = await currentPage(host);
  const id = page ? graph.componentOfPage(page.name) : null;
  if (!page || !id) return say('Link dependencies: open a component page first (this page is not a component maturity note).', 'warning');
  const text = await graph.readText(id);
  if (text === null) return say(`Link dependencies: could not read the file of ${page.originalName ?? page.name}.`, 'error');
  const result = linkDependencies(text, graph.index.pipeline, {
    style: 'logseq',
    selfId: id,
    resolve: resolver(graph, id),
    targetOf: (target) => graph.pageOf(target)?.originalName ?? null,
  });
  const tree = ((await host.Editor.getPageBlocksTree(page.name)) ?? []) as unknown as TreeBlock[];
  const editingId = await host.Editor.checkEditing();
  const editing = typeof editingId === 'string' ? { uuid: editingId, content: (await host.Editor.getEditingBlockContent()) ?? '' } : null;
  const plan = planBlockUpdates(text, result, Array.isArray(tree) ? tree : [], editing);
  for (const update of plan.updates) await host.Editor.updateBlock(update.uuid, update.content);
  return say(report(plan), plan.unplaced.length > 0 ? 'warning' : 'success', plan.updates.length, plan.links);
}

function report(plan: BlockPlan): string {
  const n = plan.links.length;
  const done = n > 0 ? `Linked ${n} dependenc${n === 1 ? 'y' : 'ies'} in ${plan.updates.length} block${plan.updates.length === 1 ? '' : 's'}.` : 'No dependency to link on this page.';
  const left = plan.skipped.map((s) => s.message);
  const shown = left.slice(0, 5).join('; ') + (left.length > 5 ? `; and ${left.length - 5} more` : '');
  const why = left.length > 0 ? ` Left as text: ${shown}.` : '';
  const stale = plan.unplaced.length > 0 ? ` Line${plan.unplaced.length === 1 ? '' : 's'} ${plan.unplaced.join(', ')} changed since the file was saved; run it again in a moment.` : '';
  return done + why + stale;
}

/** The slash command and the command-palette entry. */
export function registerLinkCommand(host: LogseqHost, graph: () => GraphIndex | null): void {
  const run = async () => {
    try {
      await linkCurrentPage(host, graph());
    } catch (error) {
      void host.UI.showMsg(`Link dependencies failed: ${error instanceof Error ? error.message : String(error)}. No block was changed after the error.`, 'error');
    }
  };
  host.Editor.registerSlashCommand(LINK_COMMAND_LABEL, run);
  host.App.registerCommandPalette({ key: LINK_PALETTE_KEY, label: `Maturity Map: ${LINK_COMMAND_LABEL.toLowerCase()}` }, run);
}
