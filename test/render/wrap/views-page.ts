// Browser entry for the word-wrapping suite: the table, the board, the list, the cards and the
// timeline over the snapshot embedded in the page. The page's width is the pane's width.
import { checkSnapshot } from '../../../src/core/snapshot';
import { contextFromSnapshot, DEFAULT_COLUMNS, renderBoard, renderComponentCard, renderList, renderTable, renderTimeline, tableCell } from '../../../src/render/index';
import type { Component } from '../../../src/core/index';
import type { ViewContext } from '../../../src/render/index';

const snapshot = checkSnapshot(JSON.parse(document.getElementById('mm-data')!.textContent ?? 'null'));
const ctx = contextFromSnapshot(snapshot, { document, onOpen: () => undefined, href: (id) => `#component=${encodeURIComponent(id)}` });
const app = document.getElementById('app')!;
const section = (name: string, ...children: Node[]) => {
  const el = document.createElement('section');
  el.setAttribute('data-view', name);
  el.append(...children);
  app.appendChild(el);
};

/** A Logseq query table: the first rows as <tr>s, the rest appended as role="row" divs in an injected piece (src/logseq/table-pieces.ts). */
function logseqTable(components: readonly Component[], context: ViewContext): HTMLElement {
  const wrap = renderTable(components.slice(0, 2), context);
  const piece = document.createElement('div');
  piece.setAttribute('data-injected-ui', 'rows');
  const rows = document.createElement('div');
  rows.className = 'mm-logseq-rows';
  for (const c of components.slice(2)) {
    const row = document.createElement('div');
    row.className = 'mm-logseq-row';
    row.setAttribute('role', 'row');
    for (const col of DEFAULT_COLUMNS) row.appendChild(tableCell(c, col, context, 'div', 'mm-logseq-cell ')).setAttribute('role', 'cell');
    rows.appendChild(row);
  }
  piece.appendChild(rows);
  wrap.querySelector('.mm-table')!.appendChild(piece);
  const slot = document.createElement('div');
  slot.className = 'mm mm-logseq-slot';
  slot.appendChild(wrap);
  return slot;
}

const components = ctx.components();
section('table', renderTable(components, ctx));
section('logseq-table', logseqTable(components, ctx));
section('board', renderBoard(components, ctx));
section('list', renderList(components, ctx));
section('cards', ...components.map((c) => renderComponentCard(c, ctx)));
section('timeline', renderTimeline(components, ctx));
Object.assign(window, { __mmReady: true });
