// @vitest-environment happy-dom
// The built main.js in the harness over examples/vault: the header in component notes (reading
// view and live preview), the ```maturity``` and ```maturity-query``` blocks, and errors in place.
import { describe, expect, it } from 'vitest';
import { runQuery, parseQueryOptions, parseQueryLines } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';
import type { Harness } from './harness/app';
import { dispose, startHarness, useHarnessSession } from './helpers';

let h: Harness | null = null;
useHarnessSession();

const ids = (el: Element | null | undefined) => [...new Set([...(el?.querySelectorAll('[data-mm-id]') ?? [])].map((e) => e.getAttribute('data-mm-id')))].sort();

function expected(source: string): string[] {
  const parsed = parseQueryOptions(parseQueryLines(source));
  if (!parsed.ok) throw new Error(parsed.errors.join());
  return runQuery(loadFolder(EXAMPLE_VAULT), parsed.query).map((c) => c.id).sort();
}

describe('header', () => {
  it('appears at the top of a component note in reading view, with its stage, progress and dependencies', async () => {
    h = await startHarness();
    const leaf = await h.open('Components/Billing Engine.md');
    const view = h.markdownView(leaf);
    const headers = view.contentEl.querySelectorAll('.maturity-map-header');
    expect(headers).toHaveLength(1);
    const header = headers[0]!;
    expect(header.classList.contains('is-empty')).toBe(false);
    expect(header.textContent).toContain('Staging');
    expect(header.textContent).toContain('6/7');
    expect(ids(header)).toEqual(expect.arrayContaining(['Components/Ledger.md', 'Components/Auth Gateway.md']));
    // One per view, above the rendered note (the first child of the reading view's scroller), not inside a section.
    const scroller = view.contentEl.querySelector('.markdown-reading-view > .markdown-preview-view')!;
    expect(scroller.firstElementChild).toBe(header);
    expect(view.previewEl!.querySelector('.maturity-map-header')).toBeNull();
    expect(view.previewEl!.querySelector('h1')?.textContent).toBe('Billing Engine Maturity Status');
  });

  it('stays empty in a note that is not a component', async () => {
    h = await startHarness();
    const leaf = await h.open('Guides/Promotion Guide.md');
    const header = h.markdownView(leaf).contentEl.querySelector('.maturity-map-header');
    expect(header === null || (header.classList.contains('is-empty') && header.childElementCount === 0)).toBe(true);
  });

  it('appears in live preview as a widget after the properties, and is absent in source mode', async () => {
    h = await startHarness();
    const leaf = await h.open('Components/Auth Gateway.md', 'source');
    const editor = h.markdownView(leaf).editor!.cm;
    const header = editor.dom.querySelector('.maturity-map-header-live');
    expect(header?.textContent).toContain('Production');
    // The widget is placed at the first line after the front matter.
    const text = editor.state.doc.toString();
    const fmEnd = text.indexOf('\n---', 4) + 4;
    const pos = editor.posAtDOM(header!);
    expect(pos).toBe(fmEnd + 1);
    const plain = await h.open('Components/Auth Gateway.md', 'plain');
    expect(h.markdownView(plain).editor!.cm.dom.querySelector('.maturity-map-header')).toBeNull();
  });

  it('is turned off by the setting, in both modes', async () => {
    h = await startHarness({ data: { autoHeader: false } });
    const reading = await h.open('Components/Billing Engine.md');
    expect(h.markdownView(reading).contentEl.querySelector('.maturity-map-header')).toBeNull();
    const live = await h.open('Components/Billing Engine.md', 'source');
    expect(h.markdownView(live).editor!.cm.dom.querySelector('.maturity-map-header')).toBeNull();
  });

  it('never turns note text into markup', async () => {
    h = await startHarness();
    const leaf = await h.open('Components/Status Widget.md');
    const view = h.markdownView(leaf).contentEl;
    const header = view.querySelector('.maturity-map-header')!;
    expect(header.classList.contains('is-empty')).toBe(false);
    expect(view.querySelector('img, script, [onerror]')).toBeNull();
  });
});

describe('code blocks', () => {
  async function noteWithBlock(lang: string, body: string, path = 'Reports/Block.md') {
    h = await startHarness({ files: { ...(await import('./helpers')).exampleFiles(), [path]: `# Block\n\n\`\`\`${lang}\n${body}\n\`\`\`\n` } });
    const leaf = await h.open(path);
    return h.markdownView(leaf).previewEl!.querySelector(`.block-language-${lang}`)!;
  }

  it('maturity-query lists exactly the components the query selects', async () => {
    const block = await noteWithBlock('maturity-query', 'stage: staging\nsort: name');
    expect(ids(block)).toEqual(expected('stage: staging'));
    expect(ids(block).length).toBeGreaterThan(3);
  });

  it('maturity-query filters by owner, group, tag and blocked', async () => {
    for (const source of ['group: payments', 'tag: maturity\nblocked: true', 'owner: platform']) {
      const block = await noteWithBlock('maturity-query', source);
      const want = expected(source);
      if (want.length === 0) expect(block.textContent).toContain('No components match');
      else expect(ids(block)).toEqual(want);
      dispose(h);
    }
  });

  it('shows invalid options in place, naming the option', async () => {
    const block = await noteWithBlock('maturity-query', 'stage: staging\ncolour: red\nlimit: many');
    const error = block.querySelector('.maturity-map-error');
    expect(error?.textContent).toContain('colour');
    expect(error?.textContent).toContain('limit');
    expect(block.querySelectorAll('[data-mm-id]')).toHaveLength(0);
  });

  it('maturity shows this note\'s card, or a named component\'s', async () => {
    let block = await noteWithBlock('maturity', '', 'Components/Ledger Notes.md');
    expect(block.textContent).toContain('not a component');
    dispose(h);
    block = await noteWithBlock('maturity', 'component: Ledger');
    expect(ids(block)).toContain('Components/Ledger.md');
    expect(block.textContent).toContain('Development');
    dispose(h);
    block = await noteWithBlock('maturity', 'component: No Such Thing');
    expect(block.querySelector('.maturity-map-error')?.textContent).toContain('No Such Thing');
    dispose(h);
    block = await noteWithBlock('maturity', 'name: Ledger');
    expect(block.querySelector('.maturity-map-error')?.textContent).toContain('"name"');
  });
});
