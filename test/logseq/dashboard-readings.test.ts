// The dashboard's cards in the plugin's frame and their late Logseq readings (the built plugin in
// the fake 0.10.x host). A card asks for what Logseq reads differently in its file; the answer
// comes a pull later. It used to redraw the whole dashboard (every view collected again, the shown
// tab drawn from its first page): the Cards tab drew its first page several times over, and a
// "Show more" page went away when its cards' readings came. Counted: cards drawn, not time.
import { afterEach, describe, expect, it } from 'vitest';
import { loadPlugin, quiet, slotElement, until, type Loaded } from './harness';
import { generatedGraph, type GeneratedGraph } from './generated-graph';
import { logseqDiagnostics } from '../../src/core/index';

let loaded: Loaded | null = null;
afterEach(async () => {
  await loaded?.close();
  loaded = null;
});

/** The plugin over a generated graph, its first read done (a badge shows). */
async function started(g: GeneratedGraph): Promise<Loaded> {
  const l = await loadPlugin({ files: g.files, settings: { pollSeconds: 0 } });
  loaded = l;
  const slot = l.fake.renderBlock(l.graph.addBlock(l.graph.pageOfFile(g.somePage)!, '{{renderer :maturity-badge}}'));
  await until(l, () => slotElement(l, slot)?.querySelector('.mm-inline-badge') !== null, 'the first read', 60_000);
  await quiet(l);
  return l;
}

/** Quiet: no call to the host and no change in the dashboard for a while. */
async function settled(l: Loaded, app: Element): Promise<void> {
  let changes = 0;
  const observer = new l.frame.MutationObserver(() => changes++);
  observer.observe(app as unknown as Parameters<typeof observer.observe>[0], { childList: true, subtree: true, attributes: true });
  let seen = -1;
  for (let still = 0; still < 8; ) {
    await quiet(l);
    await l.settle(50);
    still = changes === seen ? still + 1 : 0;
    seen = changes;
  }
  observer.disconnect();
}

/** Every card the dashboard draws from now on, by component id (drawn again: counted again). */
function countCards(l: Loaded, app: Element): Map<string, number> {
  const drawn = new Map<string, number>();
  const observer = new l.frame.MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        const el = node as unknown as Element;
        if (el.nodeType !== 1) continue;
        for (const card of [...(el.matches('article.mm-card') ? [el] : []), ...el.querySelectorAll('article.mm-card')]) {
          const id = card.getAttribute('data-mm-id')!;
          drawn.set(id, (drawn.get(id) ?? 0) + 1);
        }
      }
    }
  });
  observer.observe(app as unknown as Parameters<typeof observer.observe>[0], { childList: true, subtree: true });
  return drawn;
}

const total = (drawn: Map<string, number>) => [...drawn.values()].reduce((a, b) => a + b, 0);

describe('the dashboard’s cards and their Logseq readings', () => {
  it('draws each card once; a reading that comes later goes into the cards that show it, and Show more keeps its page', async () => {
    const g = generatedGraph(120);
    const l = await started(g);
    const app = l.frame.document.getElementById('app') as unknown as HTMLElement;
    l.fake.clickToolbar();
    await until(l, () => app.querySelector('.mm-board-item') !== null && app.querySelector('[aria-busy="true"]') === null, 'the dashboard', 30_000);
    await settled(l, app);
    const drawn = countCards(l, app);
    const grid = () => app.querySelectorAll('.mm-panel-cards .mm-card-grid > article.mm-card');
    (app.querySelector('[role="tab"][data-mm-tab="cards"]') as HTMLElement).click();
    await until(l, () => grid().length === 12 && app.querySelector('[aria-busy="true"]') === null, 'the cards tab', 30_000);
    await settled(l, app);
    // Each of the first page's 12 cards drawn once: the readings (one pull each) redrew none.
    expect(grid().length).toBe(12);
    expect(total(drawn)).toBe(12);
    expect(Math.max(...drawn.values())).toBe(1);
    // The readings came after the cards were drawn (each a pull): each card shows its own, once.
    const reading = (card: Element) => {
      const id = card.getAttribute('data-mm-id')!;
      return { id, shown: [...card.querySelectorAll('.mm-logseq-reading li')].length, sections: card.querySelectorAll('.mm-logseq-reading').length };
    };
    const expected = (id: string) => logseqDiagnostics(id, g.files.get(id)!, { note: g.core.component(id)!.note }).length;
    const shown = [...grid()].map(reading);
    expect(shown.filter((card) => card.shown > 0).length).toBeGreaterThan(0);
    for (const card of shown) expect(card).toEqual({ id: card.id, shown: expected(card.id), sections: expected(card.id) > 0 ? 1 : 0 });

    (app.querySelector('.mm-panel-cards button.mm-show-more') as HTMLElement).click();
    await until(l, () => grid().length >= 24 && app.querySelector('[aria-busy="true"]') === null, 'Show more', 30_000);
    await settled(l, app);
    // The second page stays, drawn once; the first page was not drawn again.
    expect(grid().length).toBe(24);
    expect(total(drawn)).toBe(24);
    expect(Math.max(...drawn.values())).toBe(1);
  }, 120_000);
});
