// The dashboard's first draw and its redraw after a change, in the plugin's frame (happy-dom here,
// the plugin's source, no host): the list of every component the draw reads is collected a slice
// at a time with the views, before the draw, not walked in the draw's own task (the walk was ~50 ms
// at 10k components, `npm run bench:logseq`). Work is counted (calls into the index), not timed.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { createIndex, type MaturityIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';
import type { GraphIndex } from '../../src/logseq/graph-index';
import type { LogseqHost } from '../../src/logseq/host';
import { createMainToggle } from '../../src/logseq/main-toggle';
import type { PluginState } from '../../src/logseq/plugin-state';
import { readSettings } from '../../src/logseq/settings';

/** Calls into the index, by task: a task ends at each `yieldNow`. */
interface Counted {
  index: MaturityIndex;
  /** `components()` calls (each walks every view). */
  walks: number;
  /** `component(id)` calls in each task so far, the current one last. */
  perTask: number[];
  yieldNow(): Promise<void>;
}

function counted(index: MaturityIndex): Counted {
  const c: Counted = {
    walks: 0,
    perTask: [0],
    index: {
      ...index,
      components: () => {
        c.walks++;
        return index.components();
      },
      component: (id) => {
        c.perTask[c.perTask.length - 1]!++;
        return index.component(id);
      },
    },
    yieldNow: async () => {
      await new Promise((r) => setTimeout(r, 0));
      c.perTask.push(0);
    },
  };
  return c;
}

function setUp(notes: number) {
  const index = createIndex({ today: '2026-12-01' });
  const texts = new Map<string, string>();
  for (const note of generateNotes({ notes, seed: 3 })) texts.set(note.path, note.text);
  for (const [path, text] of texts) index.upsert(path, text);
  const work = counted(index);
  const graph = { index: work.index, pageOf: () => null, logseqDiagnostics: () => [] } as unknown as GraphIndex;
  const state: PluginState = { settings: readSettings({}), graph, loading: null, dbGraph: false, main: null, scheduler: null, loads: 0, retry: null };
  const doc = new Window({ url: 'lsp://logseq.io/maturity-map/index.html' }).document as unknown as Document;
  const app = doc.createElement('div');
  app.id = 'app';
  doc.body.appendChild(app);
  const host = { isMainUIVisible: true } as unknown as LogseqHost;
  const toggle = createMainToggle(host, doc, state, () => undefined, work.yieldNow);
  /** Open the dashboard, and once it is mounted (its first draw a task later) move a component to production. */
  const mountThenEdit = async () => {
    toggle.refill();
    for (let i = 0; i < 2000 && !state.main; i++) await new Promise((r) => setTimeout(r, 0));
    const [path, text] = [...texts].find(([p]) => index.component(p)?.note.stage?.id === 'development')!;
    index.upsert(path, text.replace(/(\*\*Current Stage:?\*\*:?\s*)development/i, '$1Production'));
  };
  return { index, texts, work, state, app, toggle, mountThenEdit };
}

/** The board's production column count(s) as drawn. */
const productionCounts = (app: Element) => [...app.querySelectorAll('.mm-board-column[data-mm-stage="production"] .mm-board-count')].map((el) => Number(el.textContent));

describe('the dashboard in the plugin frame', () => {
  it('collects every component with the views, a slice at a time; its draw walks none of them', async () => {
    const { index, work, state, app, toggle } = setUp(300);
    const components = index.ids().length;
    expect(components).toBeGreaterThan(200);
    toggle.refill();
    for (let i = 0; i < 2000 && !state.main; i++) await new Promise((r) => setTimeout(r, 0));
    // The draw is the last task: it reads the list it was handed (no component looked up by id).
    expect(work.perTask.at(-1)).toBe(0);
    // Its board comes a task after its header.
    for (let i = 0; i < 200 && app.querySelectorAll('.mm-board-item').length === 0; i++) await new Promise((r) => setTimeout(r, 0));
    expect(app.querySelectorAll('.mm-board-item').length).toBeGreaterThan(0);
    expect(work.walks).toBe(0);
    expect(work.perTask.reduce((a, b) => a + b, 0)).toBe(components);
  });

  it('after a change, the list is collected again before the redraw, which walks none either', async () => {
    const { index, work, app, toggle, mountThenEdit } = setUp(300);
    await mountThenEdit();
    work.perTask.push(0);
    await toggle.refresh();
    expect(work.walks).toBe(0);
    expect(work.perTask.at(-1)).toBe(0);
    expect(productionCounts(app)).toEqual([index.idsAtStage('production').size]);
  });

  it('an edit between the mount and its deferred first draw: the draw reads the list collected for it, and the refresh shows the edit', async () => {
    const { index, work, app, toggle, mountThenEdit } = setUp(300);
    // Mounted, its first draw still to come (a task later): the index moves now.
    await mountThenEdit();
    for (let i = 0; i < 200 && app.querySelectorAll('.mm-board-item').length === 0; i++) await new Promise((r) => setTimeout(r, 0));
    expect(app.querySelectorAll('.mm-board-item').length).toBeGreaterThan(0);
    // Walking every view there is the ~50 ms task at 10k the collection in slices is for.
    expect(work.walks).toBe(0);
    await toggle.refresh();
    expect(work.walks).toBe(0);
    expect(productionCounts(app)).toEqual([index.idsAtStage('production').size]);
  });
});
