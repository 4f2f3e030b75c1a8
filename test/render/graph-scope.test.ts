// @vitest-environment happy-dom
// What a graph view draws (render/graph/scope.ts): the view and a host's fingerprint read the same
// scope, so the notice, the focused neighbourhood and the whole graph agree with what is drawn, and
// the print of a notice builds no view.
import { describe, expect, it } from 'vitest';
import { renderGraph } from '../../src/render/index';
import { graphPrint, graphScope } from '../../src/render/graph/scope';
import { resetWorkCount, workCount } from '../../src/core/work-count';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE_VAULT } from '../helpers/vault';
import { exampleFixture } from './helpers';

const drawnIds = (root: Element) => [...root.querySelectorAll('.mm-node[data-mm-id]')].map((n) => n.getAttribute('data-mm-id')!).sort();

describe('graphScope', () => {
  it('is what the view draws: the notice over its most, the neighbourhood when focused', () => {
    const { index, ctx } = exampleFixture();
    const ids = index.ids();
    const most = ids.length - 1;
    const graph = renderGraph(ctx, { maxComponents: most });
    expect(graph.scope()).toEqual({ kind: 'too-many', total: ids.length, most });
    expect(graphScope(ctx, ids, { focus: null, hops: 2, maxComponents: most })).toEqual(graph.scope());
    graph.focus('Components/Session Store.md', 1);
    const scope = graph.scope();
    expect(scope.kind).toBe('graph');
    expect(scope.kind === 'graph' && [...scope.ids].sort()).toEqual(drawnIds(graph.element));
    graph.destroy();
  });

  it('leaves a notice’s status empty when a component is selected: nothing is drawn to summarise', () => {
    const { index, ctx } = exampleFixture();
    const ids = index.ids();
    const graph = renderGraph(ctx, { maxComponents: ids.length - 1 });
    graph.select('Components/Ledger.md');
    // Not "0 components · 0 dependencies", which a screen reader would announce (aria-live).
    expect(graph.element.querySelector('.mm-graph-status')?.textContent).toBe('');
    expect(graph.element.querySelector('.mm-graph-too-many')).not.toBeNull();
    graph.destroy();
  });

  it('keeps a focused neighbourhood within the ids the view was given', () => {
    const { ctx } = exampleFixture();
    const scope = graphScope(ctx, ['Components/Ledger.md', 'Components/Billing Engine.md'], { focus: 'Components/Ledger.md', hops: 2, maxComponents: 2000 });
    expect(scope.kind === 'graph' && [...scope.ids].sort()).toEqual(['Components/Billing Engine.md', 'Components/Ledger.md']);
  });
});

describe('graphPrint', () => {
  it('of a notice counts the components and lists their names, and builds no view', () => {
    const { index, ctx } = exampleFixture();
    resetWorkCount();
    const ids = index.ids();
    const print = graphPrint(ctx, ids, graphScope(ctx, ids, { focus: null, hops: 2, maxComponents: 3 }));
    expect(workCount.viewsBuilt).toBe(0);
    expect(print).toContain(String(ids.length));
    for (const id of ids) expect(print).toContain(index.entry(id)!.identity.name);
  });

  it('of a graph changes with an external dependency, and not with text the graph does not show', () => {
    const { index, ctx } = exampleFixture();
    const ids = index.ids();
    const print = () => graphPrint(ctx, ids, graphScope(ctx, ids, { focus: null, hops: 2, maxComponents: 2000 }));
    const before = print();
    const path = 'Components/Experiment Tracker.md';
    const edit = (change: (t: string) => string) => index.upsert(path, change(original));
    const original = exampleText(path);
    edit((t) => `${t}\nAnother paragraph of notes.\n`);
    expect(print()).toBe(before);
    edit((t) => t.replace('- Optional: Redis', '- Optional: Memcached'));
    expect(print()).not.toBe(before);
    expect(print()).toContain('Memcached');
  });
});

function exampleText(path: string): string {
  return readFileSync(join(EXAMPLE_VAULT, path), 'utf8');
}
