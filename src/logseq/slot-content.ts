// What a macro slot shows: "indexing…" while the graph is read, a card, an inline badge or
// progress bar, a query, or a notice saying why there is nothing to show.
import type { GraphIndex } from './graph-index';
import type { FileBlock, FilePage, LogseqHost } from './host';
import { CARD_MACRO, QUERY_MACRO } from './macros';
import { DB_GRAPH_MESSAGE, type PluginState } from './plugin-state';
import type { SlotMarkup, SlotRequest, SlotTemplate } from './slot-types';
import { cardPieces, indexingMarkup, inlineMarkup, noticeMarkup } from './views';
import { queryView } from './query-slot';

export interface SlotContent {
  template: SlotTemplate;
  /** Forget which page each block is on (a new graph). */
  clearPageCache(): void;
}

export function createSlotContent(host: LogseqHost, doc: Document, state: PluginState): SlotContent {
  const pageOfBlock = new Map<string, string | null>();

  async function blockPageName(uuid: string): Promise<string | null> {
    if (pageOfBlock.has(uuid)) return pageOfBlock.get(uuid)!;
    let name: string | null = null;
    try {
      const block = (await host.Editor.getBlock(uuid)) as FileBlock | null;
      const pageId = block?.page?.id;
      const page = typeof pageId === 'number' ? ((await host.Editor.getPage(pageId)) as FilePage | null) : null;
      name = page?.name ?? null;
    } catch {
      name = null;
    }
    pageOfBlock.set(uuid, name);
    return name;
  }

  async function componentOfBlock(graph: GraphIndex, uuid: string): Promise<string | null> {
    const pageName = await blockPageName(uuid);
    return pageName ? graph.componentOfPage(pageName) : null;
  }

  async function template(request: SlotRequest): Promise<SlotMarkup | null> {
    const { macro, slot, state: view } = request;
    const graph = state.graph;
    if (state.dbGraph) return noticeMarkup(doc, 'warning', DB_GRAPH_MESSAGE);
    if (!graph) {
      const p = state.loading?.progress() ?? { done: 0, total: 0 };
      return indexingMarkup(doc, p.done, p.total);
    }
    if (macro.kind === 'invalid') return noticeMarkup(doc, 'error', `Maturity Map: ${QUERY_MACRO} options are not valid.`, macro.errors);
    if (macro.kind === 'query') return queryView(graph, macro.query, doc, slot, view);
    const id = macro.target !== null ? graph.resolve(macro.target) : await componentOfBlock(graph, request.block);
    if (id && macro.kind === 'card') return cardPieces(graph, id, doc, slot);
    if (id && macro.kind !== 'card') return inlineMarkup(graph, id, macro.kind, doc);
    // A wrong setting (a vocabulary that is not valid) is the likely reason nothing matched: say so here too.
    const problems = state.settings.problems.map((p) => `Settings: ${p}`);
    if (macro.target !== null) return noticeMarkup(doc, 'warning', `Maturity Map: no component named “${macro.target}”.`, problems);
    return noticeMarkup(doc, 'info', 'Maturity Map: this page is not a component maturity note.', [
      'A component note states its Current Stage (Development, Staging, Production) near the top, with promotion criteria; ' +
        `or name one: {{renderer ${CARD_MACRO}, Name}}.`,
      ...problems,
    ]);
  }

  return { template, clearPageCache: () => pageOfBlock.clear() };
}
