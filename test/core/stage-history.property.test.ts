// Stage history of any generated promotion history: every span starts on a date the note states,
// spans follow each other without overlap, and nothing runs past today.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TODAY } from '../helpers/vault';
import { timelineOf } from '../helpers/timeline';

function note(header: string, history: string[] = [], extra = ''): string {
  return `# Widget Maturity Status\n\n${header}\n**Owner**: team\n\n## Dependencies\n\nNone (foundational component)\n\n## Promotion History\n\n### Promotions\n\n${history.join('\n')}\n${extra}`;
}

describe('stage history, any history', () => {
  const day = fc.integer({ min: 0, max: 700 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
  const entry = fc.record({
    date: day,
    text: fc.constantFrom('Component created in Development', 'Promoted to Staging', 'Promoted to Production', 'Demoted to Development', 'Staging → Development', 'Promotion to Staging requested', 'Blocked by a vendor', 'Unblocked', 'Coverage verified'),
  });

  it('starts every span on a date the note states, in order, without overlaps, ending by today', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), fc.constantFrom('Development', 'Staging', 'Production'), (entries, stage) => {
        const t = timelineOf(note(`**Current Stage**: ${stage}`, entries.map((e) => `- **${e.date}**: ${e.text}`)));
        const stated = new Set(entries.map((e) => e.date).filter((d) => d <= TODAY));
        for (const s of t.stages) {
          expect(stated.has(s.start)).toBe(true);
          expect(s.start <= s.end && s.end <= TODAY).toBe(true);
        }
        for (let i = 1; i < t.stages.length; i++) expect(t.stages[i]!.start).toBe(t.stages[i - 1]!.end);
        expect(t.undated).toBe(entries.every((e) => e.date > TODAY));
        expect(t.setAside.length).toBe(entries.filter((e) => e.date > TODAY).length);
        if (t.stages.length > 0 && t.note === null) expect(t.stages.at(-1)!.end).toBe(TODAY);
      }),
      { numRuns: 300 },
    );
  });
});
