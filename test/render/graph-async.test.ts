// @vitest-environment happy-dom
// The graph view when its layout comes from elsewhere (the plugins' worker) and when it is too
// large to draw in one task: drawn a slice at a time and busy meanwhile, the same drawing as the
// in-thread layout's, never an older layout over a newer one, never blank when the worker fails.
import { describe, expect, it, vi } from 'vitest';
import { buildGraphModel } from '../../src/core/index';
import { contextFromIndex, renderGraph, type GraphLayouter, type LayoutRequest, type LayoutResult, type ViewContext } from '../../src/render/index';
import { layoutHere } from '../../src/render/graph/layout-request';
import { DRAW_SLICE } from '../../src/render/graph/redraw';
import { click, exampleFixture, key, tieredIndex } from './helpers';

const nextTimer = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Elements of the drawing: node groups and edge paths. */
function drawnCount(root: Element): number {
  return root.querySelectorAll('.mm-graph-nodes > g, .mm-graph-edges > path').length;
}

/**
 * Elements drawn a task: `nextTask` (the view's way to wait for its next task) records what the
 * task that ends drew; `end()` records the last one's. `watch` names the drawing once it exists.
 */
function drawnPerTask() {
  const perTask: number[] = [];
  let root: Element | null = null;
  let before = 0;
  const record = () => {
    perTask.push(drawnCount(root!) - before);
    before = drawnCount(root!);
  };
  return { perTask, nextTask: () => nextTimer().then(record), watch: (drawing: Element) => void (root = drawing), end: record };
}

/** What the drawing says about where things are: each node's place and each edge's route. */
function geometry(root: Element): string[] {
  const nodes = [...root.querySelectorAll('.mm-graph-nodes > g')].map((g) => `${g.getAttribute('data-mm-id') ?? g.getAttribute('data-mm-external')} ${['x', 'y', 'width', 'height'].map((a) => g.querySelector('.mm-node-box')?.getAttribute(a)).join(',')}`);
  const edges = [...root.querySelectorAll('.mm-graph-edges > path')].map((p) => `${p.getAttribute('data-from')} → ${p.getAttribute('data-to')} ${p.getAttribute('d')}`);
  return [...nodes, ...edges];
}

/** A layouter the test answers by hand: each request waits until the test resolves it. */
function manualLayouter() {
  const asked: Array<{ request: LayoutRequest; signal: AbortSignal | undefined; answer(result: LayoutResult): void; fail(err: Error): void }> = [];
  const layout: GraphLayouter = (request, signal) => new Promise((answer, fail) => asked.push({ request, signal, answer, fail }));
  return { layout, asked };
}

describe('a graph too large to draw in one task', () => {
  const index = tieredIndex(600);
  const model = buildGraphModel(index);
  const total = model.nodes.length + model.edges.length;

  it('draws at most a slice a task, busy until the last is in, and answers input after', async () => {
    // Counted as the next task starts, before the view goes on drawing (its continuation comes after this one).
    const { perTask, nextTask, watch, end } = drawnPerTask();
    const opened: string[] = [];
    const ctx: ViewContext = contextFromIndex(index, { document, onOpen: (id) => opened.push(id), nextTask });
    const view = renderGraph(ctx);
    const root = view.element;
    watch(root);
    document.body.append(root);
    const canvas = root.querySelector('.mm-graph-canvas')!;
    // The first task laid out and drew its slice (DRAW_SLICE elements at most, fewer when its time ran out); the svg is there, busy.
    expect(drawnCount(root)).toBeGreaterThan(0);
    expect(drawnCount(root)).toBeLessThanOrEqual(DRAW_SLICE);
    expect(canvas.getAttribute('aria-busy')).toBe('true');
    await view.ready();
    end();
    expect(drawnCount(root)).toBe(total);
    expect(perTask.every((n) => n <= DRAW_SLICE)).toBe(true);
    expect(perTask.length).toBeGreaterThanOrEqual(Math.ceil(total / DRAW_SLICE));
    expect(canvas.hasAttribute('aria-busy')).toBe(false);
    // Hover, the keyboard and zoom act on the sliced drawing as on one drawn at once.
    const last = root.querySelector<SVGGElement>('.mm-node[data-mm-id="S/Service 599.md"]')!;
    last.dispatchEvent(new MouseEvent('mouseenter'));
    expect(root.querySelectorAll('.mm-node.mm-hl-dependency').length).toBeGreaterThan(0);
    key(last, 'Enter');
    expect(opened).toEqual(['S/Service 599.md']);
    const svg = root.querySelector('svg.mm-graph-svg')!;
    const viewBox = svg.getAttribute('viewBox');
    key(svg, '+');
    expect(svg.getAttribute('viewBox')).not.toBe(viewBox);
    click(root.querySelector('.mm-node[data-mm-id="S/Service 0.md"]')!);
    expect(view.selected()).toBe('S/Service 0.md');
    view.destroy();
  });

  it('puts an animation frame between two slices: the browser styles, lays out and paints one before the next', async () => {
    const ctx = contextFromIndex(index, { document, onOpen: () => {} });
    const view = renderGraph(ctx);
    const root = view.element;
    document.body.append(root);
    // What was drawn when each frame the view asked for came (happy-dom's frames come on a timer).
    const atFrames: number[] = [];
    const frame = window.requestAnimationFrame.bind(window);
    const asked = vi.spyOn(window, 'requestAnimationFrame').mockImplementation((callback) =>
      frame((time) => {
        atFrames.push(drawnCount(root));
        callback(time);
      }),
    );
    await view.ready();
    asked.mockRestore();
    expect(drawnCount(root)).toBe(total);
    expect(atFrames.length).toBeGreaterThanOrEqual(Math.ceil(total / DRAW_SLICE) - 1);
    // Between two frames one slice at most.
    const steps = atFrames.map((n, i) => n - (i === 0 ? 0 : atFrames[i - 1]!));
    expect(Math.max(...steps)).toBeLessThanOrEqual(DRAW_SLICE);
    expect(total - atFrames.at(-1)!).toBeLessThanOrEqual(DRAW_SLICE);
    view.destroy();
  });

  it('stops drawing an older graph once a newer draw begins', async () => {
    const { ctx } = { ctx: contextFromIndex(index, { document, onOpen: () => {} }) };
    const view = renderGraph(ctx);
    // A focus while the full graph is being drawn: the full graph's slices stop.
    view.focus('S/Service 12.md', 1);
    await view.ready();
    const shown = [...view.element.querySelectorAll('.mm-node')].map((n) => n.getAttribute('data-mm-id'));
    expect(shown).toContain('S/Service 12.md');
    expect(shown.length).toBeLessThan(20);
    await nextTimer();
    expect(view.element.querySelectorAll('.mm-node').length).toBe(shown.length);
    view.destroy();
  });
});

describe('a small graph in a host that asks for slices (drawAtOnce: 0, the Logseq plugin)', () => {
  const index = tieredIndex(40);
  const total = buildGraphModel(index).nodes.length + buildGraphModel(index).edges.length;

  /** Tasks the drawing took, with a clock that moves 1 ms each time it is read (so a slice's 8 ms budget runs out). */
  async function drawTasks(drawAtOnce: number | undefined): Promise<number[]> {
    const { perTask, nextTask, watch, end } = drawnPerTask();
    let now = 0;
    const clock = vi.spyOn(performance, 'now').mockImplementation(() => (now += 1));
    try {
      const ctx: ViewContext = contextFromIndex(index, { document, onOpen: () => {}, nextTask });
      const view = renderGraph(ctx, drawAtOnce === undefined ? {} : { drawAtOnce });
      watch(view.element);
      await view.ready();
      end();
      expect(drawnCount(view.element)).toBe(total);
      view.destroy();
    } finally {
      clock.mockRestore();
    }
    return perTask.filter((n) => n > 0);
  }

  it('draws it in slices that end when their time is spent; by default in one task', async () => {
    expect(total).toBeLessThan(DRAW_SLICE);
    expect(await drawTasks(undefined)).toEqual([total]);
    const sliced = await drawTasks(0);
    expect(sliced.length).toBeGreaterThan(1);
    expect(sliced.reduce((a, b) => a + b, 0)).toBe(total);
  });
});

describe('a layout from the host', () => {
  it('is drawn exactly as the in-thread layout, after the task that asked for it', async () => {
    const here = exampleFixture();
    const inThread = renderGraph(here.ctx);
    const asked: LayoutRequest[] = [];
    // As a worker answers: the request and the result each structured-cloned, a task later.
    const layout: GraphLayouter = async (request) => {
      asked.push(request);
      await nextTimer();
      return structuredClone(layoutHere(structuredClone(request)));
    };
    const { ctx } = exampleFixture({ graphLayout: layout });
    const view = renderGraph(ctx);
    expect(view.element.querySelector('svg.mm-graph-svg')).toBeNull();
    expect(view.element.querySelector('.mm-graph-canvas')!.getAttribute('aria-busy')).toBe('true');
    expect(view.element.querySelector('.mm-graph-status')!.textContent).toMatch(/^Laying out \d+ components…$/);
    await view.ready();
    expect(asked).toHaveLength(1);
    expect(view.element.querySelector('.mm-graph-canvas')!.hasAttribute('aria-busy')).toBe(false);
    expect(geometry(view.element).length).toBeGreaterThan(20);
    expect(geometry(view.element)).toEqual(geometry(inThread.element));
    view.destroy();
    inThread.destroy();
  });

  it('never draws an older layout over a newer one', async () => {
    const manual = manualLayouter();
    const { ctx } = exampleFixture({ graphLayout: manual.layout });
    const view = renderGraph(ctx);
    // The model is built and the layout asked for a task after the view opens.
    expect(manual.asked).toHaveLength(0);
    await nextTimer();
    expect(manual.asked).toHaveLength(1);
    // A focus while that layout is in flight.
    view.focus('Components/Session Store.md', 1);
    await nextTimer();
    expect(manual.asked).toHaveLength(2);
    // The first layout is no longer wanted: its signal says so (the worker drops it if still queued).
    expect(manual.asked[0]!.signal?.aborted).toBe(true);
    manual.asked[1]!.answer(layoutHere(manual.asked[1]!.request));
    await view.ready();
    const focused = [...view.element.querySelectorAll('.mm-node')].map((n) => n.getAttribute('data-mm-id'));
    expect(focused).toContain('Components/Session Store.md');
    // The older layout arrives late: nothing changes.
    manual.asked[0]!.answer(layoutHere(manual.asked[0]!.request));
    await nextTimer();
    expect([...view.element.querySelectorAll('.mm-node')].map((n) => n.getAttribute('data-mm-id'))).toEqual(focused);
    view.destroy();
  });

  it('falls back to the in-thread layout when the host cannot lay out, without a notice', async () => {
    const { ctx, index } = exampleFixture({ graphLayout: () => Promise.reject(new Error('the layout worker failed')) });
    const view = renderGraph(ctx);
    await view.ready();
    expect(view.element.querySelectorAll('.mm-node')).toHaveLength(index.ids().length);
    expect(view.element.querySelector('.mm-empty')).toBeNull();
    expect(view.element.querySelector('.mm-graph-canvas')!.hasAttribute('aria-busy')).toBe(false);
    view.destroy();
  });

  it('draws nothing after it is destroyed, and tells the layout it is not wanted', async () => {
    const manual = manualLayouter();
    const { ctx } = exampleFixture({ graphLayout: manual.layout });
    const view = renderGraph(ctx);
    await nextTimer();
    view.destroy();
    expect(manual.asked[0]!.signal?.aborted).toBe(true);
    manual.asked[0]!.answer(layoutHere(manual.asked[0]!.request));
    await view.ready();
    expect(view.element.querySelector('svg.mm-graph-svg')).toBeNull();
  });
});
