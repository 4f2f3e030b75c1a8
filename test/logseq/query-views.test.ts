// How many component views a query macro builds (the core's work counter, so this runs the
// plugin's source, not its bundle): the views of the rows it shows where no filter reads a view,
// every candidate's where one does, and after an edit only those the edit changed.
import { describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import { createIndex, type ComponentQuery, type MaturityIndex } from '../../src/core/index';
import { resetWorkCount, workCount } from '../../src/core/work-count';
import type { GraphIndex } from '../../src/logseq/graph-index';
import { QUERY_PAGE, queryView } from '../../src/logseq/query-slot';
import { generateNotes } from '../../bench/generator/vault';

const files = new Map<string, string>();
for (const note of generateNotes({ notes: 400, seed: 5 })) files.set(note.path, note.text);

function freshIndex(): MaturityIndex {
  const index = createIndex({});
  for (const [path, text] of files) index.upsert(path, text);
  return index;
}

/** The graph index as the views read it: the core index, no pages (links fall back to `#`), no Logseq readings. */
function graphOf(index: MaturityIndex): GraphIndex {
  return { index, pageOf: () => null, logseqDiagnostics: () => [] } as unknown as GraphIndex;
}

const doc = new Window().document as unknown as Document;
const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Run a query macro's view to the end; the views it built and its markup. */
async function run(index: MaturityIndex, query: ComponentQuery): Promise<{ built: number; markup: string }> {
  resetWorkCount();
  const markup = await queryView(graphOf(index), query, doc).ready(() => false, nextTask);
  if (typeof markup !== 'string') throw new Error('a query view is one piece of markup');
  return { built: workCount.viewsBuilt, markup };
}

const rows = (markup: string) => (markup.match(/<tr[^>]*data-mm-id=/g) ?? []).length;

describe('the views a query macro builds', () => {
  it('by stage or text: only the rows it shows', async () => {
    const index = freshIndex();
    const staging = await run(index, { stage: ['staging'] });
    expect(index.idsAtStage('staging').size).toBeGreaterThan(QUERY_PAGE.first);
    expect(rows(staging.markup)).toBe(QUERY_PAGE.first);
    expect(staging.built).toBe(QUERY_PAGE.first);
    // A limit the slot shows at once (the reader asked for those rows): its rows, and their views only.
    const text = await run(freshIndex(), { text: 'pay', limit: 20 });
    expect(rows(text.markup)).toBe(20);
    expect(text.built).toBe(20);
    // A larger limit: the most a slot shows at once, the rest on "Show more".
    const large = await run(freshIndex(), { stage: ['staging'], limit: 400 });
    expect(rows(large.markup)).toBe(QUERY_PAGE.limited);
    expect(large.built).toBe(QUERY_PAGE.limited);
  });

  it('with a filter that reads views: every candidate’s once; run again, none', async () => {
    const index = freshIndex();
    const first = await run(index, { blocked: true });
    expect(first.built).toBe(index.ids().length);
    const again = await run(index, { blocked: true });
    expect(again.built).toBe(0);
    expect(again.markup).toBe(first.markup);
  });

  it('after one edit: only the views the edit changed', async () => {
    const index = freshIndex();
    await run(index, { blocked: true });
    const [path, text] = [...files].find(([p]) => index.component(p)?.note.stage?.id === 'development')!;
    const change = index.upsert(path, `${text}\n\nOne more line.\n`);
    const after = await run(index, { blocked: true });
    expect(after.built).toBeGreaterThan(0);
    expect(after.built).toBeLessThanOrEqual(change.changed.length);
  });
});
