// Round trips over every note we have (examples/vault, the shared corpus when present) in every
// byte shape (CRLF, CR, mixed, BOM, no final newline, trailing spaces): an edit changes only the
// lines it means to, every other line keeps its bytes and ending, the parse agrees afterwards,
// and editing twice is the same as once.
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, fixStatusCounts, parseNote, planPromotion, type MaturityNote } from '../../../src/core/index';
import { byteVariants, differingLines, lineDelta, maskedNote } from '../../helpers/round-trip';
import { CORPUS, corpusAvailable, EXAMPLE_VAULT, listMarkdown, readNote } from '../../helpers/vault';

const pipeline = createPipeline(DEFAULT_STAGES);
const TODAY = '2026-11-24';

function notesIn(dir: string): Array<{ path: string; text: string }> {
  return listMarkdown(dir).map((path) => ({ path, text: readNote(dir, path) }));
}

const sources: Array<{ name: string; dir: string; present: boolean }> = [
  { name: 'examples/vault', dir: EXAMPLE_VAULT, present: true },
  { name: 'corpus', dir: CORPUS, present: corpusAvailable() },
];

const mismatches = (note: MaturityNote) => note.diagnostics.filter((d) => d.code === 'status-count-mismatch');

for (const source of sources) {
  describe.runIf(source.present)(`round trips over ${source.name}`, () => {
    const notes = source.present ? notesIn(source.dir) : [];

    it('fixStatusCounts changes only the status counts, agrees with the boxes and is idempotent', () => {
      let edited = 0;
      let variantsChecked = 0;
      for (const { path, text: original } of notes) {
        for (const variant of byteVariants(original)) {
          const text = variant.text;
          const before = parseNote(text, pipeline);
          const result = fixStatusCounts(text, pipeline);
          variantsChecked++;
          const where = `${path} (${variant.name})`;
          if (result.changes.length === 0) {
            expect(result.text, where).toBe(text);
            expect(mismatches(before), where).toEqual([]);
            continue;
          }
          edited++;
          // Only the claim lines of mismatched transitions, and on them only digits / X / Y and a percentage.
          const claimLines = new Set(mismatches(before).map((d) => d.line!));
          for (const t of before.transitions) if (t.claim && t.total > 0 && (t.claim.met === null || t.claim.total === null)) claimLines.add(t.claim.line);
          const differ = differingLines(text, result.text, result.changes);
          expect(differ, where).toEqual(result.changes.map((c) => c.line));
          for (const line of differ) expect(claimLines.has(line), `${where}:${line}`).toBe(true);
          for (const c of result.changes) {
            // Same line once every number (and X/Y placeholder) is blanked out.
            const blank = (l: string) => l.replace(/\d+(\.\d+)?|\b[xXyY?]+\b/g, '#');
            expect(blank(c.after[0]!), `${where}:${c.line}`).toBe(blank(c.before[0]!));
            expect(lineDelta(c.before[0]!, c.after[0]!)[1], `${where}:${c.line}`).toMatch(/\d/);
          }
          const after = parseNote(result.text, pipeline);
          expect(mismatches(after), where).toEqual([]);
          const mask = { claims: true, placeholdersOn: new Set(result.changes.map((c) => c.line)) };
          expect(maskedNote(after, mask), where).toEqual(maskedNote(before, mask));
          const twice = fixStatusCounts(result.text, pipeline);
          expect(twice.changes, where).toEqual([]);
          expect(twice.text, where).toBe(result.text);
        }
      }
      console.log(`${source.name}: fix round trip over ${notes.length} notes × ${byteVariants('').length} byte shapes = ${variantsChecked} texts, ${edited} edited`);
      expect(variantsChecked).toBeGreaterThan(0);
    });

    it('promotion changes only the stage statements, the crossed status lines and the history', () => {
      let promoted = 0;
      for (const { path, text: original } of notes) {
        const base = parseNote(original, pipeline);
        const rank = base.stage?.id ? pipeline.rank.get(base.stage.id)! : -1;
        const next = pipeline.stages[rank + 1];
        if (!base.stage?.id || base.stage.source === 'prose' || !next) continue;
        for (const variant of byteVariants(original)) {
          const text = variant.text;
          const where = `${path} (${variant.name})`;
          const before = parseNote(text, pipeline);
          const plan = planPromotion(text, pipeline, { to: next.id, today: TODAY, force: true });
          if (plan.problems.some((p) => p.level === 'refuse')) {
            expect(plan.text, where).toBe(text);
            continue;
          }
          promoted++;
          expect(plan.allowed, where).toBe(true);
          const allowed = new Set<number>();
          for (const s of [before.stage!, ...before.otherStages]) if (s.id === before.stage!.id) allowed.add(s.line);
          for (const t of before.transitions) if (t.claim && t.to === next.id) allowed.add(t.claim.line);
          // Stage keys in front matter and Logseq page properties.
          text.split(/\r\n|\r|\n/).forEach((l, i) => {
            if (/^(current[-_ ]?stage|stage|maturity[-_ ]?stage|maturity)(::|\s*:)/i.test(l.replace(/^\ufeff/, ''))) allowed.add(i + 1);
          });
          const differ = differingLines(text, plan.text, plan.changes);
          for (const line of differ) expect(allowed.has(line), `${where}:${line} ${plan.changes.find((c) => c.line === line)?.reason}`).toBe(true);
          const inserted = plan.changes.filter((c) => c.before.length === 0);
          expect(inserted.length, where).toBe(1);
          expect(inserted[0]!.after.filter((l) => l.includes(TODAY)), where).toHaveLength(1);

          const after = parseNote(plan.text, pipeline);
          expect(after.stage?.id, where).toBe(next.id);
          if (before.stage!.source === 'header') expect(after.stage?.qualifier, where).toBe(`Promoted ${TODAY}`);
          expect(after.history.some((h) => h.date === TODAY && h.to === next.id && h.kind === 'promoted'), where).toBe(true);
          expect(after.diagnostics.filter((d) => d.code === 'stage-conflict').length, where).toBeLessThanOrEqual(before.diagnostics.filter((d) => d.code === 'stage-conflict').length);
          const mask = { claims: true, stage: true, history: true, lines: true };
          expect({ ...(maskedNote(after, mask) as object), placeholders: [] }, where).toEqual({ ...(maskedNote(before, mask) as object), placeholders: [] });
          // A second promotion to the same stage is refused and writes nothing.
          const again = planPromotion(plan.text, pipeline, { to: next.id, today: TODAY, force: true });
          expect(again.problems.map((p) => p.code), where).toContain('not-a-promotion');
          expect(again.text, where).toBe(plan.text);
        }
      }
      console.log(`${source.name}: promote round trip over ${promoted} promotable texts`);
      expect(promoted).toBeGreaterThan(0);
    });
  });
}

describe('round trip on a note with everything', () => {
  it('keeps front matter order, comments and quoting while moving the stage key', () => {
    const text = [
      '---',
      '# a YAML comment',
      'title: "Api Maturity Status"',
      'zeta: 1',
      "current_stage: 'development'   ",
      'alpha: [b, a]',
      'tags: #TTA',
      '---',
      '# Api Maturity Status',
      '',
      '**Current Stage**: Development',
      '',
      '### Development → Staging',
      '',
      '- [x] a',
      '',
      '**Status**: 0/1 criteria met',
      '',
    ].join('\n');
    const plan = planPromotion(text, pipeline, { to: 'staging', today: TODAY });
    expect(plan.allowed).toBe(true);
    const lines = plan.text.split('\n');
    expect(lines.slice(0, 8)).toEqual(['---', '# a YAML comment', 'title: "Api Maturity Status"', 'zeta: 1', "current_stage: 'staging'   ", 'alpha: [b, a]', 'tags: #TTA', '---']);
  });
});
