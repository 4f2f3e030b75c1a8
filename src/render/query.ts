// One entry for query results in any view a query names (`view: table|list|board|graph|timeline`).
import type { Component, ComponentQuery } from '../core/index';
import { renderBoard, renderList } from './board';
import type { ViewContext } from './context';
import { renderGraph } from './graph/render';
import { renderTable, type TableOptions } from './table';
import { renderTimeline } from './timeline';

export type QueryView = NonNullable<ComponentQuery['view']>;

export interface QueryResultOptions extends TableOptions {
  /**
   * Level of the headings the board and timeline put in (default 3). In a note, where the block
   * may sit right under the title, 2 keeps the page's headings in order wherever it is.
   */
  headingLevel?: 2 | 3 | 4 | 5;
}

/** Render query results; the graph view draws the results and the edges between them. */
export function renderQueryResults(components: readonly Component[], view: QueryView, ctx: ViewContext, options: QueryResultOptions = {}): HTMLElement {
  const { headingLevel, ...table } = options;
  switch (view) {
    case 'list':
      return renderList(components, ctx);
    case 'board':
      return renderBoard(components, ctx, { headingLevel });
    case 'timeline':
      return renderTimeline(components, ctx, { headingLevel });
    case 'graph':
      return renderGraph(ctx, { ids: components.map((c) => c.id), wheel: 'modifier' }).element;
    case 'table':
    default:
      return renderTable(components, ctx, table);
  }
}
