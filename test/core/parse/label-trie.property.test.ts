// The label tree (label-trie.ts) names the same vocabulary key as the label's normal form looked up
// in the field map (normaliseLabel + lookupField), for any label as written: markers, spacing of
// every kind, upper case, characters beyond ASCII, prefix labels, labels settings add.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupField } from '../../../src/core/parse/fields';
import { ASK_NORMAL_FORM, findLabel } from '../../../src/core/parse/label-trie';
import { compileVocabulary, normaliseLabel, type CompiledVocabulary } from '../../../src/core/parse/vocabulary-compile';

const DEFAULT = compileVocabulary();
const EXTENDED = compileVocabulary({ currentStage: ['Lifecycle'], owner: ['Maintainer', 'Équipe'], statusLine: ['Progress'], promotedTo: ['Moved to'] });

/** What the tree says, in the normal form's terms: the key and rest lookupField gives, null, or "ask". */
function byTree(vocabulary: CompiledVocabulary, raw: string): { key: string; label: string } | null | 'ask' {
  const found = findLabel(vocabulary.labels, raw);
  return found === ASK_NORMAL_FORM ? 'ask' : found && { key: found.known.key, label: found.label };
}

/** The plain way: normal form, then the map (and the prefix labels). */
function byNormalForm(vocabulary: CompiledVocabulary, raw: string): { key: string; label: string; rest: string } | null {
  const label = normaliseLabel(raw);
  const known = lookupField(vocabulary, label);
  return known && { key: known.key, label, rest: known.rest };
}

function agrees(vocabulary: CompiledVocabulary, raw: string): void {
  const tree = byTree(vocabulary, raw);
  const plain = byNormalForm(vocabulary, raw);
  if (tree === 'ask') return; // the caller then takes the plain way itself
  if (tree === null) expect(plain, JSON.stringify(raw)).toBeNull();
  else expect({ key: tree.key, label: tree.label, rest: '' }, JSON.stringify(raw)).toEqual(plain);
}

/** Labels as people write them: known labels and their pieces, with markers, spacing and case stirred in. */
function writtenLabel(vocabulary: CompiledVocabulary): fc.Arbitrary<string> {
  const known = [...vocabulary.fields.keys(), ...vocabulary.promotedTo, 'promoted to staging', 'moved to production'];
  const piece = fc.oneof(
    fc.constantFrom(...known),
    fc.constantFrom(' ', '  ', '\t', '\u00a0', '*', '**', '_', '`', ':', 'K', '\u212a', 'İ', 'x', '-', '(', ')'),
    fc.string({ maxLength: 4 }),
  );
  const cased = (text: string, flips: boolean[]) => [...text].map((ch, i) => (flips[i % flips.length] ? ch.toUpperCase() : ch)).join('');
  return fc.tuple(fc.array(piece, { minLength: 1, maxLength: 4 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 5 })).map(([pieces, flips]) => cased(pieces.join(''), flips));
}

describe('field labels by the tree and by their normal form', () => {
  it('every label of the vocabulary, as written in the vocabulary and in upper case, is found', () => {
    for (const vocabulary of [DEFAULT, EXTENDED]) {
      for (const [label, key] of vocabulary.fields) {
        if ([...label].some((ch) => ch.charCodeAt(0) > 127)) continue; // left to the normal form
        expect(byTree(vocabulary, label)).toEqual({ key, label });
        expect(byTree(vocabulary, ` **${label.toUpperCase().replace(/ /g, ' \t ')}** `)).toEqual({ key, label });
      }
    }
  });

  it('prefix labels and labels beyond ASCII are left to the normal form', () => {
    expect(byTree(DEFAULT, 'Promoted to Staging')).toBe('ask');
    expect(byNormalForm(DEFAULT, 'Promoted to Staging')).toEqual({ key: 'promotedTo', label: 'promoted to staging', rest: 'staging' });
    expect(byTree(EXTENDED, 'Équipe')).toBe('ask');
    expect(byTree(DEFAULT, 'Owner\u00a0Name')).toBe('ask');
    expect(byTree(DEFAULT, 'Current Stages')).toBeNull();
    expect(byTree(DEFAULT, 'Purpose')).toBeNull();
  });

  it('agrees with the normal form on 3,000 written labels per vocabulary', () => {
    for (const vocabulary of [DEFAULT, EXTENDED]) {
      fc.assert(fc.property(writtenLabel(vocabulary), (raw) => agrees(vocabulary, raw)), { numRuns: 3000 });
    }
  });
});
