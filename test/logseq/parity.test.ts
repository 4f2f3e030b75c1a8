// Both hosts show the same stage and counts: the Logseq plugin parses each page's raw file text
// (`:file/content`) with the same core the Obsidian plugin and the CLI use. Checked over the
// example vault and the real Logseq graph (tta-kb, files under pages/ as in a Logseq graph).
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { createPipeline, type MaturityIndex } from '../../src/core/index';
import { nextTransition } from '../../src/render/index';
import { CORPUS, EXAMPLE_VAULT, corpusAvailable, loadFolder } from '../helpers/vault';
import { filesOf, loadPlugin, macro, showAll, slotElement, until, type Loaded, ROW_SELECTOR } from './harness';

let t: Loaded | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

interface Row {
  id: string;
  stage: string | null;
  next: string;
  blockers: string;
}

function expected(index: MaturityIndex, prefix: string): Row[] {
  const pipeline = createPipeline(index.config.stages);
  return index.components().map((c) => {
    const next = nextTransition(c, pipeline);
    return {
      id: `${prefix}${c.id}`,
      stage: c.note.stage?.id ?? 'unknown',
      next: next && next.total > 0 ? `${next.met}/${next.total}` : '—',
      blockers: String(c.note.blockers.filter((b) => b.status !== 'resolved').length),
    };
  });
}

async function pluginTable(l: Loaded, page: string): Promise<Row[]> {
  // Every row: a slot's query shows a page at first, the rest a "Show more" away.
  const { slot } = await macro(l, page, '{{renderer :maturity-query, view=table, limit=1000}}');
  const el = await showAll(l, slot);
  return [...el.querySelectorAll(ROW_SELECTOR)].map((row) => ({
    id: row.getAttribute('data-mm-id')!,
    stage: row.querySelector('.mm-col-stage [data-mm-stage]')?.getAttribute('data-mm-stage') ?? null,
    next: row.querySelector('.mm-col-progress')?.textContent?.trim() ?? '',
    blockers: row.querySelector('.mm-col-blockers')?.textContent?.trim() ?? '',
  }));
}

const byId = (rows: Row[]) => [...rows].sort((a, b) => a.id.localeCompare(b.id));

describe('the same stages and counts in Logseq as in the core (Obsidian, CLI)', () => {
  it('example vault', async () => {
    t = await loadPlugin({ files: filesOf(EXAMPLE_VAULT) });
    const rows = await pluginTable(t, 'Daily/2026-11-20.md');
    expect(rows.length).toBe(loadFolder(EXAMPLE_VAULT).ids().length);
    expect(byId(rows)).toEqual(byId(expected(loadFolder(EXAMPLE_VAULT), '')));
  });

  it.runIf(corpusAvailable('tta-kb'))('the real Logseq graph (tta-kb)', async () => {
    const dir = join(CORPUS, 'tta-kb');
    t = await loadPlugin({ files: filesOf(dir, 'pages/') });
    const page = 'pages/TTA___Components___Components Neo4J Maturity Document.md';
    const rows = await pluginTable(t, page);
    const core = loadFolder(dir);
    console.log(`tta-kb in the Logseq plugin: ${rows.length} components, same as the core's ${core.ids().length}`);
    expect(byId(rows)).toEqual(byId(expected(core, 'pages/')));

    // The Neo4j page's own card, with what Logseq makes of its front matter and heading.
    const { slot } = await macro(t, page, '{{renderer :maturity}}');
    // Logseq's reading of the page comes a moment later: its text is pulled again (none is kept).
    const loaded = t;
    await until(loaded, () => slotElement(loaded, slot).querySelector('.mm-logseq-reading') !== null, 'the Logseq reading');
    const card = slotElement(t, slot);
    expect(card.querySelector('.mm-card-title')?.textContent).toBe('Neo4j');
    const logseq = card.querySelector('.mm-logseq-reading')?.textContent ?? '';
    expect(logseq).toContain('Logseq reads tags: #TTA as the tag TTA');
    expect(logseq).toContain('Logseq names this page "Neo4j Component Maturity Status" after its title property');
    expect(logseq).toContain('The heading [[TTA/Components/Neo4j Component Maturity Status]] links to another page');
    // Its page in the fake graph is named as Logseq names it, and the card links there.
    expect(t.graph.pageOfFile(page)!['block/original-name']).toBe('Neo4j Component Maturity Status');
  });
});
