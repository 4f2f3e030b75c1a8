// What a Logseq file graph reads from a note (src/core/logseq-reading.ts) beyond what mldoc
// itself decides (the parity tests cover that): the graph parser's page names, key rules and
// value parsing (the diagnostics built on them: logseq-diagnostics.test.ts). Each case cites the
// 0.10.x source.
import { describe, expect, it } from 'vitest';
import { logseqDiagnostics, logseqFileName, logseqPropertyKey, parseLogseqValue, readAsLogseq } from '../../src/core/index';

describe('page names (extract.cljc get-page-name, title-parsing)', () => {
  it('decodes namespaces and %XX under :triple-lowbar; dots and URL-decoding under legacy', () => {
    expect(logseqFileName('pages/A___B___C.md', 'triple-lowbar')).toBe('A/B/C');
    expect(logseqFileName('pages/A%2FB.md', 'triple-lowbar')).toBe('A/B');
    expect(logseqFileName('pages/A______B.md', 'triple-lowbar')).toBe('A/B'); // empty namespaces dropped
    expect(logseqFileName('pages/TTA___Architecture___.Augment Docs.md', 'triple-lowbar')).toBe('TTA/Architecture/.Augment Docs');
    expect(logseqFileName('pages/a.b.c.md', 'legacy')).toBe('a/b/c');
    expect(logseqFileName('pages/A___B.md', 'legacy')).toBe('A___B');
    expect(logseqFileName('pages/100%.md', 'legacy')).toBe('100%'); // undecodable: kept
  });

  it('prefers the title property (any case), keeps its quotes, trims boundary slashes', () => {
    expect(readAsLogseq('x.md', '---\nTitle: /Ledger/\n---\n').pageName).toBe('Ledger');
    expect(readAsLogseq('x.md', '---\ntitle: "A: B"\n---\n').pageName).toBe('"A: B"');
    expect(readAsLogseq('x.md', 'title:: From Property\n\n- body').pageName).toBe('From Property');
    expect(readAsLogseq('Dir/My Note.md', '# Heading\n').pageName).toBe('My Note');
  });
});

describe('properties (block.cljs extract-properties, text.cljs parse-property)', () => {
  it('lower-cases and kebab-cases keys; custom_id is id', () => {
    expect(logseqPropertyKey('Functional_Group')).toBe('functional-group');
    expect(logseqPropertyKey('Last Updated')).toBe('last-updated');
    expect(logseqPropertyKey('custom_id')).toBe('id');
  });

  it('parses values: refs, comma lists for tags/alias only, numbers, booleans, quoted text', () => {
    expect(parseLogseqValue('status', 'Active')).toBe('Active');
    expect(parseLogseqValue('owner', '[[Mara]]')).toEqual(['Mara']);
    expect(parseLogseqValue('group', 'a, b')).toBe('a, b');
    expect(parseLogseqValue('tags', 'a, b')).toEqual(['a', 'b']);
    expect(parseLogseqValue('count', '42')).toBe(42);
    expect(parseLogseqValue('flag', 'true')).toBe(true);
    expect(parseLogseqValue('tags', '"a, b"')).toBe('"a, b"');
    expect(parseLogseqValue('title', '#not-a-tag')).toBe('#not-a-tag');
  });

  it('marks keys Logseq refuses', () => {
    const reading = readAsLogseq('x.md', '---\nok: 1\nbad(key): 2\n"quoted": 3\n---\n');
    expect(reading.properties.map((p) => [p.key, p.valid])).toEqual([['ok', true], ['bad(key)', false], ['"quoted"', false]]);
    const d = logseqDiagnostics('x.md', '---\nok: 1\nbad(key): 2\n---\n').find((x) => x.severity === 'warning' && x.code === 'logseq-property-key');
    expect(d?.message).toContain('Logseq drops the property "bad(key)"');
  });
});
