// The parser floor's reference (bench/line-classifier.ts) decides each line as the scanner does on
// notes without nested containers, so the floor it measures is the work of those decisions.
import { describe, expect, it } from 'vitest';
import { classifyLines, lineCounts, newLineCounts } from '../../bench/line-classifier';
import { scanBlocks } from '../../src/core/parse/blocks';
import type { BlockVisitor } from '../../src/core/parse/visitor';

const NOTE = [
  '# Payments Maturity Status',
  '**Current Stage**: Staging',
  '',
  '## Criteria',
  '- [x] Unit tests pass',
  '* [ ] Load tested',
  '- Owner review',
  '1. First step',
  '| Metric | Target |',
  '> **Note**: quoted',
  '```yaml',
  '# not a heading',
  '- not an item',
  '```',
  '<!-- reviewed -->',
  '#hashtag is text',
  '-not an item',
  '',
  '- Logseq block',
  '\t- [/] tab-indented task',
].join('\n');

describe('line classifier (the parser floor)', () => {
  it('counts each kind of line', () => {
    const counts = newLineCounts();
    classifyLines(NOTE, counts);
    expect(lineCounts(counts)).toEqual({ blank: 2, heading: 2, task: 3, item: 3, row: 1, quote: 1, fence: 2, code: 2, comment: 1, text: 3 });
    expect(counts[10]).toBe(4); // one tab: four columns of indent
  });

  it('finds the headings, list items and task marks the scanner finds', () => {
    const seen = { heading: 0, task: 0, item: 0 };
    const visitor: BlockVisitor = {
      heading: () => void seen.heading++,
      item: (_indent, _ordered, check) => void (check === null ? seen.item++ : seen.task++),
      text: () => undefined,
      row: () => undefined,
    };
    scanBlocks(NOTE, 0, 1, visitor);
    const counts = lineCounts((() => { const c = newLineCounts(); classifyLines(NOTE, c); return c; })());
    expect(seen).toEqual({ heading: counts.heading, task: counts.task, item: counts.item });
  });
});
