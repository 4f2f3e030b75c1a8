// @vitest-environment happy-dom
// `view: timeline` in a maturity-query block of the built Obsidian plugin: a row per dated
// component of the query, undated ones listed apart, each segment naming its source line, and a
// click that opens the note at that line.
import { describe, expect, it } from 'vitest';
import { parseQueryLines, parseQueryOptions, runQuery } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import type { Harness } from './harness/app';
import { exampleFiles, startHarness, useHarnessSession } from './helpers';

let h: Harness | null = null;
useHarnessSession();

const PATH = 'Reports/Timeline.md';

async function block(body: string): Promise<Element> {
  h = await startHarness({ files: { ...exampleFiles(), [PATH]: `# Timeline\n\n\`\`\`maturity-query\n${body}\n\`\`\`\n` } });
  const leaf = await h.open(PATH);
  return h.markdownView(leaf).previewEl!.querySelector('.block-language-maturity-query')!;
}

function expected(source: string): string[] {
  const parsed = parseQueryOptions(parseQueryLines(source));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return runQuery(loadFolder(EXAMPLE_VAULT), parsed.query).map((c) => c.id).sort();
}

describe('view: timeline in a maturity-query block', () => {
  it('draws a row per dated component of the query and lists the others apart, never guessed', async () => {
    const el = await block('view: timeline');
    const rows = [...el.querySelectorAll('.mm-tl-row')].map((r) => r.getAttribute('data-mm-id')!);
    const undated = [...el.querySelectorAll('.mm-tl-undated li')].map((r) => r.getAttribute('data-mm-id')!);
    expect(rows.length).toBeGreaterThan(3);
    expect([...rows, ...undated].sort()).toEqual(expected('view: timeline'));
    expect(rows.filter((id) => undated.includes(id))).toEqual([]);
    // Today's line and a legend are there; every segment names its source.
    expect(el.querySelector('.mm-tl-today-label')?.textContent).toContain(TODAY);
    const items = [...el.querySelectorAll<HTMLElement>('.mm-tl-item')];
    expect(items.length).toBeGreaterThan(rows.length - 1);
    for (const item of items) expect(item.getAttribute('title')).toBeTruthy();
  });

  it('keeps the query’s filter: stage: production shows production components only', async () => {
    const el = await block('stage: production\nview: timeline');
    const shown = [...el.querySelectorAll('.mm-tl-row, .mm-tl-undated li')].map((r) => r.getAttribute('data-mm-id')!).sort();
    expect(shown).toEqual(expected('stage: production'));
  });

  it('opens the note at the segment’s source line on click', async () => {
    const el = await block('view: timeline');
    const item = [...el.querySelectorAll<HTMLElement>('.mm-tl-item[data-mm-line]')][0]!;
    const id = item.getAttribute('data-mm-id')!;
    item.click();
    await h!.settle();
    const opened = h!.app.workspace.lastOpened!;
    expect(opened.linktext).toBe(id);
    // Obsidian's eState line counts from 0; the note's lines (data-mm-line) from 1.
    expect(opened.line).toBe(Number(item.getAttribute('data-mm-line')) - 1);
    // That line is the dated statement the segment was drawn from.
    const line = exampleFiles()[id]!.split('\n')[opened.line!]!;
    expect(line).toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});
