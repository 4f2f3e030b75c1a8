// @vitest-environment happy-dom
// The example vault's hostile note (markup in its name, owner, stage qualifier, blocker and a
// dependency) in every view: everything shows as text, nothing becomes an element or a handler.
import { describe, expect, it } from 'vitest';
import { snapshotIndex } from '../../src/core/index';
import {
  contextFromSnapshot,
  renderBoard,
  renderComponentCard,
  renderCriteriaProgress,
  renderDashboard,
  renderDependencyStrip,
  renderGraph,
  renderList,
  renderStageBadge,
  renderTable,
} from '../../src/render/index';
import { exampleFixture, STATUS_WIDGET, textOf } from './helpers';

const OURS = new Set(['DETAILS', 'SUMMARY', 'ARTICLE', 'HEADER', 'SECTION', 'ASIDE', 'DIV', 'SPAN', 'P', 'A', 'BUTTON', 'UL', 'LI', 'DL', 'DT', 'DD', 'H1', 'H2', 'H3', 'H4', 'H5', 'TIME', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'CAPTION', 'INPUT', 'SELECT', 'OPTION', 'LABEL', 'STRONG']);
const SVG_OURS = new Set(['svg', 'defs', 'marker', 'path', 'g', 'rect', 'text', 'title', 'line']);

function assertInert(root: Element): void {
  for (const el of [root, ...root.querySelectorAll('*')]) {
    const isSvg = el.namespaceURI === 'http://www.w3.org/2000/svg';
    if (isSvg) expect(SVG_OURS.has(el.tagName), `svg <${el.tagName}>`).toBe(true);
    else expect(OURS.has(el.tagName), `<${el.tagName}>`).toBe(true);
    for (const attr of el.attributes) {
      expect(attr.name.startsWith('on'), `attribute ${attr.name}`).toBe(false);
      if (attr.name === 'href') expect(attr.value.startsWith('#')).toBe(true);
    }
  }
}

describe('hostile note text', () => {
  const fixture = exampleFixture();
  const widget = fixture.index.component(STATUS_WIDGET)!;
  const frozen = contextFromSnapshot(JSON.parse(JSON.stringify(snapshotIndex(fixture.index, '<b>vault</b>'))), { document, onOpen: () => {} });
  const views: Array<[string, () => Element]> = [
    ['badge', () => renderStageBadge(widget, fixture.ctx, { flagLabels: true })],
    ['progress', () => renderCriteriaProgress(widget, fixture.ctx)],
    ['card', () => renderComponentCard(widget, fixture.ctx)],
    ['strip', () => renderDependencyStrip(fixture.index.component('Components/Session Store.md')!, fixture.ctx)],
    ['table', () => renderTable(fixture.index.components(), fixture.ctx)],
    ['list', () => renderList(fixture.index.components(), fixture.ctx)],
    ['board', () => renderBoard(fixture.index.components(), fixture.ctx)],
    ['graph', () => renderGraph(fixture.ctx).element],
    ['dashboard', () => {
      const view = renderDashboard(frozen, { title: '<i>title</i>' });
      for (const tab of ['graph', 'table', 'cards']) view.setTab(tab as 'graph');
      view.show(STATUS_WIDGET);
      return view.element;
    }],
  ];

  for (const [name, build] of views) {
    it(`stays text in the ${name}`, () => {
      const root = build();
      document.body.replaceChildren(root);
      assertInert(root);
      const text = textOf(root);
      if (name === 'badge') expect(root.querySelector('.mm-stage')!.getAttribute('title')).toBe('Stage: Development — <b onmouseover=alert(1)>qualifier</b>');
      if (!['badge', 'progress', 'strip'].includes(name)) expect(text).toContain("<img src=x onerror=alert('xss-name')> Status Widget");
      if (name === 'card' || name === 'table' || name === 'dashboard') expect(text).toContain('<script>window.__mmXss=2</script>');
      if (name === 'card' || name === 'dashboard') {
        expect(text).toContain('<b onmouseover=alert(1)>qualifier</b>');
        expect(text).toContain('<iframe src="javascript:alert(3)"></iframe> flaky renderer');
        expect(text).toContain('<svg onload=alert(4)>');
      }
      expect((window as unknown as { __mmXss?: number }).__mmXss).toBeUndefined();
    });
  }
});
