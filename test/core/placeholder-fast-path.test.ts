// findPlaceholder skips plain() and the item patterns when a cheap scan shows they cannot match:
// that must change nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findPlaceholder } from '../../src/core/parse/placeholders';
import { plain } from '../../src/core/text';

// The plain form: every pattern on every line.
const ANGLE = /<([A-Z][^<>\n]{0,100}|[^<>\n|]*\|[^<>\n]*)>/;
const XX = /(^|[^A-Za-z0-9])(X{2,}(?:\.X+)?(?:%|ms|MB|GB)?|X(?:\.X)?%)(?=$|[^A-Za-z0-9])/;
const X_OF = /(^|[\s(*])[XY]\/(\d+|[XY])\b/;
const ISSUE_X = /#(?:X{3}|Y{3}|Z{3})\b/;
const GENERIC_ITEM = /^(feature|task|scenario|journey|metric|alert|dependency|step|item|requirement|user journey)\s+\d+\b(\s*[:(].*)?$/i;
const COMPONENT_X = /\bcomponent [A-Z]\b$/;
const LINK_SLOT = /\[Link[^\][]*\](?!\()/;
function slowFind(text: string, isItem: boolean): string | null {
  let m: RegExpExecArray | null;
  if ((m = ANGLE.exec(text))) return m[0];
  if (text.indexOf('X') !== -1) {
    if ((m = XX.exec(text))) return m[2]!;
    if ((m = X_OF.exec(text))) return m[0].trim().replace(/^[(*]+/, '');
    if ((m = ISSUE_X.exec(text))) return m[0];
  }
  if (text.indexOf('YYYY') !== -1) return 'YYYY-MM-DD';
  if (text.indexOf('#YYY') !== -1 || text.indexOf('#ZZZ') !== -1) return '#YYY';
  if ((m = LINK_SLOT.exec(text))) return m[0];
  if (isItem) {
    const p = plain(text);
    if (GENERIC_ITEM.test(p) || COMPONENT_X.test(p)) return p;
  }
  return null;
}

const pieces = fc.constantFrom(
  'Feature', 'feature', 'FEATURE', 'fea', 'ture', 'Task', 'user', 'journey', 'User Journey', 'Item', 'item', 'Step', 'Unit', 'tests',
  'component', 'Component', 'A', 'B', 'x', ' ', '  ', '\t', '1', '2', '12', ':', '(', ')', '*', '**', '_', '__', '~~', '`', '[[', ']]', '|', '[', ']',
  '✅', '🔨', 'é', 'Ü', '\u00a0', '<', '>', 'XX', 'X', '%', 'Y', 'YYYY', '#', '#XXX', '[Link]', '-', '.',
  '](', '](http://x.y/Z)', '[[Feature 1]]', '[[a|component B]]', '[[component B|x]]', '[text](u)', 'see', 'The',
);
const line = fc.array(pieces, { maxLength: 14 }).map((p) => p.join(''));

describe('findPlaceholder fast paths', () => {
  it('find what the plain form finds, on any line', () => {
    let itemPatterns = 0;
    fc.assert(
      fc.property(line, fc.boolean(), (text, isItem) => {
        const want = slowFind(text, isItem);
        if (isItem && want !== null && want === plain(text)) itemPatterns++;
        expect(findPlaceholder(text, isItem, null)).toBe(want);
      }),
      { numRuns: 30000 },
    );
    expect(itemPatterns).toBeGreaterThan(20); // the item patterns were exercised, not only skipped
  });
});
