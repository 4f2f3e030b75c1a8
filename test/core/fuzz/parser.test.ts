// Property tests over the parser and the edits: random hostile notes and mutated real ones never
// throw, always give a well-formed MaturityNote, never touch Object.prototype, and the edits keep
// their promises (only the intended lines change, fixing is idempotent) on whatever comes in.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, fixStatusCounts, parseNote, planPromotion, splitLines } from '../../../src/core/index';
import { assertPrototypeClean, assertWellFormed, countCase, fuzzParameters, hostileNote, mutate, mutation, reportCounts, seedNotes, tally } from '../../helpers/fuzz';
import { differingLines } from '../../helpers/round-trip';

const pipeline = createPipeline(DEFAULT_STAGES);
const seeds = seedNotes();
const mutatedNote = fc.record({ seed: fc.integer({ min: 0, max: seeds.length - 1 }), mutations: fc.array(mutation, { minLength: 1, maxLength: 8 }) }).map(({ seed, mutations }) => mutate(seeds[seed]!, mutations));
const anyNote = fc.oneof(hostileNote, mutatedNote);

reportCounts('parser');

/** Fix, check the edit's promises, and return the fixed text. */
function checkFix(text: string): void {
  const before = parseNote(text, pipeline);
  const result = fixStatusCounts(text, pipeline);
  if (result.changes.length === 0) {
    expect(result.text).toBe(text);
    return;
  }
  tally('fixes that edited');
  // Only the claim lines the parse names, each once; every other line keeps content and ending.
  const claimLines = new Set(before.transitions.flatMap((t) => (t.claim ? [t.claim.line, ...t.otherClaims.map((c) => c.line)] : [])));
  const differ = differingLines(text, result.text, result.changes);
  expect(differ).toEqual(result.changes.map((c) => c.line));
  for (const line of differ) expect(claimLines.has(line)).toBe(true);
  const after = parseNote(result.text, pipeline);
  const skipped = new Set(result.skipped.map((s) => s.line));
  for (const d of after.diagnostics) if (d.code === 'status-count-mismatch') expect(skipped.has(d.line!)).toBe(true);
  const again = fixStatusCounts(result.text, pipeline);
  expect(again.changes).toEqual([]);
}

function checkPromote(text: string): void {
  const note = parseNote(text, pipeline);
  for (const stage of pipeline.stages) {
    const plan = planPromotion(text, pipeline, { to: stage.id, today: '2026-11-24', force: true });
    if (!plan.allowed) {
      expect(plan.problems.some((p) => p.level === 'refuse')).toBe(true);
      expect(plan.text).toBe(text);
      continue;
    }
    tally('promotions applied');
    const a = splitLines(text);
    const b = splitLines(plan.text);
    expect(b.bom).toBe(a.bom);
    expect(b.lines.length).toBeGreaterThan(a.lines.length); // the history entry
    const after = parseNote(plan.text, pipeline);
    if (note.stage?.source === 'header' || note.stage?.source === 'frontmatter' || note.stage?.source === 'property') {
      expect(after.stage?.id).toBe(stage.id);
    }
    expect(planPromotion(plan.text, pipeline, { to: stage.id, today: '2026-11-24', force: true }).allowed).toBe(false);
  }
}

describe('parser fuzzing', () => {
  it('parses any hostile or mutated note into a well-formed result', () => {
    fc.assert(
      fc.property(anyNote, (text) => {
        countCase('parse');
        const note = parseNote(text, pipeline);
        assertWellFormed(note, text, pipeline);
        assertPrototypeClean();
      }),
      fuzzParameters(3),
    );
  });

  it('fixStatusCounts on any note: only claim lines change, counts agree after, idempotent', () => {
    fc.assert(
      fc.property(anyNote, (text) => {
        countCase('fix');
        checkFix(text);
      }),
      fuzzParameters(2),
    );
  });

  it('planPromotion on any note: refuses cleanly or moves the stage, never throws', () => {
    fc.assert(
      fc.property(anyNote, (text) => {
        countCase('promote');
        checkPromote(text);
      }),
      fuzzParameters(1),
    );
  });

  it('checkbox notes generated from parts: the fix makes the status line agree with the boxes', () => {
    const generated = fc.record({
      boxes: fc.array(fc.constantFrom(' ', 'x', 'X', '/', '-'), { minLength: 1, maxLength: 12 }),
      claim: fc.tuple(fc.oneof(fc.nat(20).map(String), fc.constantFrom('X', 'XX', '?')), fc.oneof(fc.nat(20).map(String), fc.constantFrom('Y', 'X', '?'))),
      decoration: fc.constantFrom('**Status**: %', '**Status:** %', 'Status: %', '- **Status**: ✅ **% criteria met - READY**', '> **Status**: % (50%)', '**Criteria Status**: ❌ %'),
      marker: fc.constantFrom('- ', '* ', '1. ', '\t- '),
      eol: fc.constantFrom('\n', '\r\n', '\r'),
      trailing: fc.constantFrom('', ' ', '  ', '\t'),
    });
    fc.assert(
      fc.property(generated, ({ boxes, claim, decoration, marker, eol, trailing }) => {
        countCase('generated');
        const lines = ['# Api Maturity Status', '', '**Current Stage**: Development', '', '### Development → Staging', '', ...boxes.map((b, i) => `${marker}[${b}] criterion ${i}${trailing}`), '', decoration.replace('%', `${claim[0]}/${claim[1]}`) + trailing, ''];
        const text = lines.join(eol);
        checkFix(text);
        const fixed = fixStatusCounts(text, pipeline).text;
        const t = parseNote(fixed, pipeline).transitions[0]!;
        if (t.total === 0) {
          // Tab-indented boxes right under a heading are indented code (CommonMark): nothing to count.
          expect(fixed).toBe(text);
          return;
        }
        expect(t.claim?.met).toBe(t.met);
        expect(t.claim?.total).toBe(t.total);
      }),
      fuzzParameters(2),
    );
  });
});
