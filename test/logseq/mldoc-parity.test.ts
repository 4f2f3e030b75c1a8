// Parity with the parser the Logseq 0.10.x app runs (mldoc 1.5.7, pinned): the core's "what
// Logseq will see" rules (src/core/logseq-reading.ts) must agree with mldoc on every note of the
// example vault and the real Logseq graph, on hand-picked edge cases and on generated front
// matter. Each diagnostic Logseq readers see is proven here against mldoc's own output.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { logseqDiagnostics, parseLogseqValue, readAsLogseq, readLogseqFrontMatter } from '../../src/core/index';
import { CORPUS, EXAMPLE_VAULT, corpusAvailable, listMarkdown, readNote } from '../helpers/vault';
import { MLDOC_VERSION, firstPropertyDrawer, parse, leadingDirectives, linkableValue, plainCheckboxHeadings, references } from './mldoc';

function notes(dir: string): Array<{ path: string; text: string }> {
  return listMarkdown(dir).map((path) => ({ path, text: readNote(dir, path) }));
}

const sorted = (values: string[]) => [...values].sort();

/** Compares the core's reading with mldoc's; returns how many front-matter pairs mldoc read. */
function expectSameReading(path: string, text: string): number {
  const ast = parse(text);
  const mine = readLogseqFrontMatter(text);
  const theirs = leadingDirectives(ast);
  expect(mine?.directives.map(({ key, value }) => ({ key, value })) ?? [], path).toEqual(theirs);
  for (const { key, value } of theirs) {
    const k = key.trim().toLowerCase();
    if ((k === 'tags' || k === 'alias') && !/^".*"$/.test(value.trim())) {
      expect(sorted(parseLogseqValue(k, value) as string[]), `${path} ${key}: ${value}`).toEqual(sorted(linkableValue(value.trim())));
    }
  }
  const reading = readAsLogseq(path, text);
  if (!mine) expect(reading.properties.map((p) => ({ key: p.written, value: p.text })), path).toEqual(firstPropertyDrawer(ast).map((p) => ({ key: p.key, value: p.value.trim() })));
  expect(reading.checkboxItems, path).toBe(plainCheckboxHeadings(ast));
  return theirs.length;
}

describe(`parity with mldoc ${MLDOC_VERSION}`, () => {
  it('pins the version the Logseq 0.10.x app ships', () => {
    expect(MLDOC_VERSION).toBe('1.5.7');
  });

  it('reads front matter, tags, property lines and checklists like mldoc on every example-vault note', () => {
    const all = notes(EXAMPLE_VAULT);
    expect(all.length).toBeGreaterThan(15);
    for (const { path, text } of all) expectSameReading(path, text);
  });

  it.runIf(corpusAvailable('tta-kb'))('reads every note of the real Logseq graph (tta-kb) like mldoc', () => {
    const all = notes(join(CORPUS, 'tta-kb'));
    let withFrontMatter = 0;
    for (const { path, text } of all) {
      if (expectSameReading(path, text) > 0) withFrontMatter++;
    }
    console.log(`tta-kb: ${all.length} notes agree with mldoc ${MLDOC_VERSION}; ${withFrontMatter} carry front matter Logseq reads`);
  });

  const EDGE_CASES: Record<string, string> = {
    'blank line inside': '---\ntitle: A\n\ntags: x\n---\nbody',
    'YAML list': '---\ntitle: A\ntags:\n  - a\n  - b\n---\nbody',
    'comment line': '---\n# note\ntitle: A\n---\nbody',
    'nested map (kept, keys mangled)': '---\nowner:\n  team: core\n---\nbody',
    'key without space': '---\na:1\n---\nbody',
    'colon in value': '---\nurl: https://x.y/#z\n---\nbody',
    CRLF: '---\r\ntitle: A\r\ntags: #TTA\r\n---\r\nbody',
    'leading blank line': '\n---\ntitle: A\n---\nbody',
    BOM: '\ufeff---\ntitle: A\n---\nbody',
    'unclosed': '---\ntitle: A\nbody',
    'empty block': '---\n---\nbody',
    'closing fence indented': '---\ntitle: A\n  ---\nbody',
    'dashes in a value end the block': '---\ntitle: A --- B\n---\nbody',
    'four dashes': '----\ntitle: A\n----\nbody',
    'quoted title': '---\ntitle: "A: B"\n---\nbody',
    'tags forms': '---\ntags: #a #b, [[c d]], e, #[[f g]] x#y #h. (#i) https://u.v/#w\n---\nbody',
    'bracket list': '---\ntags: [maturity, payments]\nalias: [A, "B"]\n---\nbody',
    'property lines': 'tags:: maturity, messaging\ncurrent-stage:: staging\n\n# Title\n',
    'checklists': '# T\n- [ ] a\n- [x] b\n  - [ ] nested\n* [ ] star\n- TODO task\n```\n- [ ] code\n```\n',
  };
  for (const [name, text] of Object.entries(EDGE_CASES)) {
    it(`agrees with mldoc on: ${name}`, () => expectSameReading(`${name}.md`, text));
  }

  it('agrees with mldoc on generated front matter (fast-check)', () => {
    const line = fc.constantFrom(
      'title: Ledger', 'tags: #TTA', 'tags: [a, b]', 'tags: a, b', 'Current_Stage: Staging', 'status: Active', '',
      '  - item', '# comment', 'owner:', '  team: x', 'a:b', ': no key', 'plain words', 'url: http://h/#x', 'alias: [[A]], B',
      'n: 42', 'flag: true', 'Key With Spaces: v', 'tags: #a #b', 'x: ---y',
    );
    fc.assert(
      fc.property(fc.array(line, { minLength: 0, maxLength: 8 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        expectSameReading('generated.md', ['---', ...lines, '---', 'body'].join(eol));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the diagnostics say what mldoc does', () => {
  it('front matter with a blank line or a YAML list: mldoc reads no property, and the card says so', () => {
    for (const text of ['---\ntitle: A\n\ntags: x\n---\nbody', '---\ntitle: A\ntags:\n  - a\n---\nbody']) {
      expect(leadingDirectives(text)).toEqual([]);
      const [d] = logseqDiagnostics('Ledger.md', text).filter((x) => x.code === 'logseq-frontmatter-dropped');
      expect(d?.line).toBe(text.includes('\n\n') ? 3 : 4);
      expect(d?.message).toMatch(/ignores this whole front matter/);
      expect(d?.message).toMatch(/named "Ledger" after its file/);
    }
  });

  it('tags: [a, b] gives Logseq the tags "[a" and "b]"', () => {
    const text = '---\ntags: [maturity, payments]\n---\n';
    expect(sorted(linkableValue('[maturity, payments]'))).toEqual(['[maturity', 'payments]']);
    const d = logseqDiagnostics('x.md', text).find((x) => x.code === 'logseq-tags-mangled');
    expect(d?.message).toContain('"[maturity", "payments]"');
  });

  it('tags: #TTA is the tag TTA for Logseq and an empty value for YAML', () => {
    const text = '---\ntitle: Neo4j Component Maturity Status\ntags: #TTA\n---\n';
    expect(references('#TTA')).toEqual(['TTA']);
    expect((parseYaml('tags: #TTA') as { tags: unknown }).tags).toBeNull();
    const d = logseqDiagnostics('TTA___Components___Neo4j.md', text).find((x) => x.code === 'logseq-hash-tags');
    expect(d?.message).toMatch(/as the tag TTA; a YAML reader .* sees an empty value/);
  });

  it('property keys are lower-cased and kebab-cased (camelCased through the plugin API)', () => {
    const text = '---\nCurrent_Stage: Staging\nFunctional Group: Core\n---\n';
    expect(leadingDirectives(text).map((d) => d.key)).toEqual(['Current_Stage', 'Functional Group']);
    const reading = readAsLogseq('x.md', text);
    expect(reading.properties.map((p) => [p.key, p.apiKey])).toEqual([['current-stage', 'currentStage'], ['functional-group', 'functionalGroup']]);
    expect(logseqDiagnostics('x.md', text).find((x) => x.code === 'logseq-property-key')?.message).toContain('"Current_Stage" as current-stage (currentStage in plugin queries)');
  });

  it('the page is named after title, else the file name with ___ namespaces', () => {
    const file = 'TTA___Components___Components Neo4J Maturity Document.md';
    const text = '---\ntitle: Neo4j Component Maturity Status\ntags: #TTA\n---\n# [[TTA/Components/Neo4j Component Maturity Status]]\n';
    expect(leadingDirectives(text)[0]).toEqual({ key: 'title', value: 'Neo4j Component Maturity Status' });
    const reading = readAsLogseq(file, text);
    expect(reading.pageName).toBe('Neo4j Component Maturity Status');
    expect(reading.fileName).toBe('TTA/Components/Components Neo4J Maturity Document');
    expect(readAsLogseq(file, '# no title\n').pageName).toBe('TTA/Components/Components Neo4J Maturity Document');
    expect(readAsLogseq(file, '# no title\n', 'legacy').pageName).toBe('TTA___Components___Components Neo4J Maturity Document');
    const messages = logseqDiagnostics(file, text).filter((x) => x.code === 'logseq-page-name').map((x) => x.message);
    expect(messages.join('\n')).toMatch(/names this page "Neo4j Component Maturity Status" after its title/);
    expect(messages.join('\n')).toMatch(/heading \[\[TTA\/Components\/Neo4j Component Maturity Status\]\] links to another page/);
  });

  it('GFM checklist items are plain headings in mldoc, not tasks', () => {
    const text = '## Criteria\n- [ ] Tests pass\n- [x] Docs\n- TODO real task\n';
    expect(plainCheckboxHeadings(text)).toBe(2);
    expect(readAsLogseq('x.md', text).checkboxItems).toBe(2);
  });
});
