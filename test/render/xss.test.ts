// Every shared view over a vault whose every field holds an XSS payload (happy-dom): no element,
// attribute, URL or style comes from note text, and the payloads are shown as the text they are.
// The Chromium suite (xss.browser.test.ts) checks that nothing executes.
import { Window } from 'happy-dom';
import { afterAll, describe, expect, it } from 'vitest';
import type { Component, MaturityIndex } from '../../src/core/index';
import {
  contextFromIndex,
  renderBoard,
  renderComponentCard,
  renderCriteriaProgress,
  renderDashboard,
  renderDependencyStrip,
  renderGraph,
  renderLegend,
  renderList,
  renderQueryResults,
  renderReadiness,
  renderStageBadge,
  renderStageTag,
  renderTable,
  type ViewContext,
} from '../../src/render/index';
import { serializeTrustedTree } from '../../src/logseq/markup';
import { assertInert, HOSTILE_SETTINGS, hostileIndex, XSS_PAYLOADS } from '../helpers/xss';

const window = new Window({ url: 'https://example.test/' });
const document = window.document as unknown as Document;
const hits: unknown[] = [];
Object.assign(window, { __mmXssHit: (n: unknown) => hits.push(n), alert: (n: unknown) => hits.push(`alert ${String(n)}`) });
afterAll(() => window.happyDOM.close());

function setup(index: MaturityIndex): ViewContext {
  return contextFromIndex(index, { document, onOpen: () => {}, href: (id) => `#component=${encodeURIComponent(id)}` });
}

function mount(el: Element): Element {
  document.body.appendChild(el);
  return el;
}

/** Strings the parse kept from the payloads that a card shows verbatim. */
function shownStrings(c: Component): string[] {
  const out = [c.name];
  if (c.note.owner) out.push(c.note.owner.value);
  for (const b of c.note.blockers) if (b.status !== 'resolved') out.push(b.text);
  for (const d of c.dependencies) if (d.id === null) out.push(d.name);
  return out.filter((s) => s.length > 0);
}

describe.each([
  ['default settings', {}],
  ['hostile stage names and colours', HOSTILE_SETTINGS],
])('views over the hostile vault (%s)', (_label, settings) => {
  const index = hostileIndex(settings);
  const ctx = setup(index);
  const components = index.components();

  it(`holds ${XSS_PAYLOADS.length} payloads, one component each, in every field`, () => {
    expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(50);
    expect(components).toHaveLength(XSS_PAYLOADS.length);
    // The payloads reach the fields as the parser reads them (markup kept as text).
    const script = components.find((c) => c.note.owner?.value === '<script>__mmXssHit(1)</script>')!;
    expect(script.name).toContain('<script>');
    expect(script.note.stage?.qualifier).toBe('<script>__mmXssHit(1)</script>');
    expect(script.note.blockers.map((b) => b.text)).toContain('<script>__mmXssHit(1)</script>');
    expect(script.dependencies.map((d) => d.name)).toContain('<script>__mmXssHit(1)</script>');
    expect(script.note.tags).toContain('<script>__mmXssHit(1)</script>');
  });

  it('cards, badges, progress, readiness and dependency strips: inert, payloads shown as text', () => {
    for (const c of components) {
      const card = mount(renderComponentCard(c, ctx));
      assertInert(card);
      for (const s of shownStrings(c)) expect(card.textContent, `${c.id}: ${s}`).toContain(s);
      for (const el of [renderStageBadge(c, ctx, { flagLabels: true }), renderCriteriaProgress(c, ctx), renderDependencyStrip(c, ctx), renderReadiness(c, ctx), renderStageTag(c.note.stage?.id ?? null, ctx, c.name)]) {
        if (el) assertInert(mount(el));
      }
      // Every button the card offers (claim warnings, "line N") does nothing but call the host.
      for (const button of card.querySelectorAll('button')) (button as HTMLElement).click();
      assertInert(card);
    }
  });

  it('table (sorted by every column), list, board and query results', () => {
    const table = mount(renderTable(components, ctx));
    assertInert(table);
    for (const c of components) expect(table.textContent).toContain(c.name);
    for (const header of table.querySelectorAll('th button')) {
      (header as HTMLElement).click();
      assertInert(table);
    }
    assertInert(mount(renderList(components, ctx)));
    assertInert(mount(renderBoard(components, ctx, { sort: 'readiness' })));
    for (const view of ['table', 'list', 'board', 'graph'] as const) assertInert(mount(renderQueryResults(components, view, ctx)));
  });

  it('graph and legend, with focus, highlight and selection on hostile ids', () => {
    const graph = renderGraph(ctx);
    mount(graph.element);
    assertInert(graph.element);
    for (const c of components.slice(0, 10)) {
      graph.focus(c.id, 1);
      graph.highlight(c.id);
      graph.select(c.id);
      assertInert(graph.element);
    }
    // Node labels are SVG text nodes holding the names.
    expect(graph.element.textContent).toContain(components[0]!.name);
    graph.destroy();
    assertInert(mount(renderLegend(ctx)));
  });

  it('dashboard: every tab and every component in the details panel', () => {
    const view = renderDashboard(ctx, { title: XSS_PAYLOADS[1]! });
    mount(view.element);
    for (const tab of ['board', 'graph', 'timeline', 'table', 'cards'] as const) {
      view.setTab(tab);
      assertInert(view.element);
    }
    for (const c of components) view.show(c.id);
    assertInert(view.element);
    expect(view.element.textContent).toContain(XSS_PAYLOADS[1]!);
    view.destroy();
  });

  it('the Logseq slot markup parses back to the same inert tree', () => {
    for (const c of components) {
      const card = renderComponentCard(c, ctx);
      const markup = serializeTrustedTree(card);
      const box = document.createElement('div');
      box.innerHTML = markup; // eslint-disable-line no-restricted-properties -- the test parses what Logseq would parse
      assertInert(box);
      expect(box.textContent).toBe(card.textContent);
    }
  });

  it('no payload ran', () => {
    expect(hits).toEqual([]);
    expect(document.querySelectorAll('script, img, iframe, object, embed').length).toBe(0);
  });
});
