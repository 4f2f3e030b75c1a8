// fixStatusCounts: the numbers follow the boxes; every other byte stays.
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, fixStatusCounts, parseNote } from '../../../src/core/index';

const pipeline = createPipeline(DEFAULT_STAGES);
const fix = (text: string) => fixStatusCounts(text, pipeline);

function note(status: string, boxes = ['x', 'x', ' ']): string {
  return [
    '# Api Maturity Status',
    '',
    '**Current Stage**: Development',
    '',
    '## Maturity Criteria',
    '',
    '### Development → Staging',
    '',
    ...boxes.map((b, i) => `- [${b}] criterion ${i + 1}`),
    '',
    status,
    '',
    '**Current Coverage**: 41%',
    '',
  ].join('\n');
}

const statusLine = (text: string) => text.split(/\r\n|\r|\n/).find((l) => /status/i.test(l) && /\//.test(l));

describe('fixStatusCounts', () => {
  it.each([
    ['**Status**: 3/3 criteria met', '**Status**: 2/3 criteria met'],
    ['**Status**: ✅ **7/7 criteria met - READY**', '**Status**: ✅ **2/3 criteria met - READY**'],
    ['**Status**: ❌ **8/9 criteria met - NEEDS TEST REFACTORING**', '**Status**: ❌ **2/3 criteria met - NEEDS TEST REFACTORING**'],
    ['**Status:** 1 / 3 criteria met ✅', '**Status:** 2 / 3 criteria met ✅'],
    ['**Status**: 1/3 criteria met (33%)', '**Status**: 2/3 criteria met (67%)'],
    ['**Status**: 1/8 criteria met (12%)', '**Status**: 2/3 criteria met (66%)'],
    ['**Status**: 1/3 criteria met (33.3%)', '**Status**: 2/3 criteria met (66.7%)'],
    ['**Status**: 1/3 met, coverage 41%', '**Status**: 2/3 met, coverage 41%'],
    ['- **Status**: 0/3 criteria met   ', '- **Status**: 2/3 criteria met   '],
    ['> **Status**: 0/3 criteria met', '> **Status**: 2/3 criteria met'],
    ['Status: 3/4', 'Status: 2/3'],
    ['**Status**: X/7 criteria met', '**Status**: 2/3 criteria met'],
    ['**Status**: X/Y criteria met', '**Status**: 2/3 criteria met'],
  ])('%s → %s', (before, after) => {
    const text = note(before);
    const result = fix(text);
    expect(statusLine(result.text)).toBe(after);
    expect(result.changes).toEqual([expect.objectContaining({ line: 13, before: [before], after: [after] })]);
    expect(parseNote(result.text, pipeline).diagnostics.map((d) => d.code)).not.toContain('status-count-mismatch');
    // Everything but the status line is the same.
    const a = text.split('\n');
    const b = result.text.split('\n');
    expect(b.length).toBe(a.length);
    expect(b.filter((l, i) => l !== a[i])).toEqual([after]);
  });

  it('fixes a status line written twice on both lines (neither stays stale)', () => {
    const text = note('**Status**: 3/3 criteria met\n\n**Criteria Met**: 1/3');
    expect(parseNote(text, pipeline).diagnostics.filter((d) => d.code === 'status-line-repeated').map((d) => d.line)).toEqual([15]);
    const result = fix(text);
    expect(result.changes.map((c) => [c.line, c.after])).toEqual([
      [13, ['**Status**: 2/3 criteria met']],
      [15, ['**Criteria Met**: 2/3']],
    ]);
    const after = parseNote(result.text, pipeline);
    expect(after.transitions[0]!.otherClaims).toEqual([expect.objectContaining({ met: 2, total: 3, line: 15 })]);
    expect(after.diagnostics.map((d) => d.code)).not.toContain('status-count-mismatch');
  });

  it('returns the very same text when the counts already agree', () => {
    const text = note('**Status**: 2/3 criteria met');
    const result = fix(text);
    expect(result.changes).toEqual([]);
    expect(result.text).toBe(text);
  });

  it('leaves transitions without boxes alone', () => {
    const text = '# A\n\n**Current Stage**: Development\n\n### Development → Staging\n\n**Status**: 3/7 criteria met\n';
    expect(fix(text).changes).toEqual([]);
  });

  it('keeps CRLF, lone CR, BOM, trailing spaces and a missing final newline', () => {
    const base = note('**Status**: 3/3 criteria met  ').replace(/\n$/, '');
    for (const [eol, bom] of [['\r\n', ''], ['\r', ''], ['\n', '\ufeff'], ['\r\n', '\ufeff']] as const) {
      const text = bom + base.split('\n').join(eol);
      const result = fix(text);
      expect(result.text).toBe(text.replace('3/3 criteria met  ', '2/3 criteria met  '));
      expect(result.text.endsWith('\n')).toBe(false);
    }
  });

  it('keeps each line ending of a note that mixes them', () => {
    const lines = note('**Status**: 3/3 criteria met').split('\n');
    const endings = ['\r\n', '\n', '\r'];
    const text = lines.map((l, i) => l + (i < lines.length - 1 ? endings[i % 3] : '')).join('');
    const result = fix(text);
    expect(result.text).toBe(text.replace('3/3', '2/3'));
  });

  it('fixes every transition with its own boxes, and twice is the same as once', () => {
    const text = `${note('**Status**: 3/3 criteria met')}\n### Staging → Production\n\n- [ ] a\n- [x] b\n\n**Status**: 0/8 criteria met\n`;
    const once = fix(text);
    expect(once.changes.map((c) => c.after[0])).toEqual(['**Status**: 2/3 criteria met', '**Status**: 1/2 criteria met']);
    const twice = fix(once.text);
    expect(twice.changes).toEqual([]);
    expect(twice.text).toBe(once.text);
  });

  it('does not touch a status line inside a code block', () => {
    const text = note('**Status**: 2/3 criteria met').replace('**Current Coverage**', '```\n**Status**: 9/9 criteria met\n```\n\n**Current Coverage**');
    expect(fix(text).changes).toEqual([]);
  });

  it('fixes the status bullet of an outliner (Logseq) note', () => {
    const text = '- **Current Stage**: Development\n- ## Maturity Criteria\n\t- ### Development → Staging\n\t\t- [x] a\n\t\t- DONE b\n\t\t- TODO c\n\t\t- **Status**: 1/3 criteria met\n';
    const result = fix(text);
    expect(result.text).toBe(text.replace('1/3', '2/3'));
  });
});

describe('fixStatusCounts: counts that would run into other characters', () => {
  it('leaves a line whose new numbers would read back differently, and reports it (found by the fuzzer)', () => {
    const text = note('**Status**: 2026-02-30X/8 criteria met');
    const result = fix(text);
    expect(result.changes).toEqual([]);
    expect(result.text).toBe(text);
    expect(result.skipped).toEqual([{ line: 13, reason: expect.stringContaining('X/8') }]);
  });
});
