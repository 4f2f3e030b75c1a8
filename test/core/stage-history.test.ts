// Stage history from the dates a note gives: spans per stage, blocked spans, observation windows,
// and what is set aside (a created date that is the note file's own, dates after today). Nothing
// is guessed: a note with no dates is undated, and every span starts on a date the note states.
import { describe, expect, it } from 'vitest';
import { componentTimeline, timelineRange, type Component, type ComponentTimeline } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import { timelineOf } from '../helpers/timeline';

const spans = (t: ComponentTimeline) => t.stages.map((s) => `${s.stage ?? '?'} ${s.start}→${s.end}${s.ongoing ? '…' : ''}`);

function note(header: string, history: string[] = [], extra = ''): string {
  return `# Widget Maturity Status\n\n${header}\n**Owner**: team\n\n## Dependencies\n\nNone (foundational component)\n\n## Promotion History\n\n### Promotions\n\n${history.join('\n')}\n${extra}`;
}

describe('stage history of one note', () => {
  it('draws a span per stage from the history, the current one running to today', () => {
    const t = timelineOf(note('**Current Stage**: Production\n**Last Updated**: 2026-11-20', ['- **2026-03-02**: Component created in Development', '- **2026-06-10**: Promoted to Staging (Issue #8)', '- **2026-08-04**: Promoted to Production (Issue #12)']));
    expect(spans(t)).toEqual(['development 2026-03-02→2026-06-10', 'staging 2026-06-10→2026-08-04', 'production 2026-08-04→2026-11-24…']);
    expect(t.stages[1]).toMatchObject({ line: 16, source: '2026-06-10: Promoted to Staging (Issue #8)' });
    expect(t.undated).toBe(false);
  });

  it('merges a promotion field and the history entry that say the same, naming both lines', () => {
    const t = timelineOf(note('**Current Stage**: Staging\n**Promoted to Staging**: 2026-10-01\n**Last Updated**: 2026-11-20', ['- **2026-10-01**: Promoted to Staging']));
    expect(spans(t)).toEqual(['staging 2026-10-01→2026-11-24…']);
    expect(t.stages[0]!.line).toBe(4);
    expect(t.stages[0]!.also).toEqual([{ line: 16, source: '2026-10-01: Promoted to Staging' }]);
  });

  it('takes a promotion date from the stage line, not any date in it', () => {
    expect(spans(timelineOf(note('**Current Stage**: Staging (Promoted 2026-09-09, coverage verified 2026-09-12)')))).toEqual(['staging 2026-09-09→2026-11-24…']);
    expect(timelineOf(note('**Current Stage**: Production (Go-live for the 2026-11-15 deadline)')).undated).toBe(true);
  });

  it('orders same-day entries so the current stage comes last (promoted, demoted and promoted again)', () => {
    const t = timelineOf(note('**Current Stage**: Staging (Promoted)\n**Promoted to Staging**: 2025-10-21', ['- **2025-10-08**: Development → Staging (Issue #24) - REVOKED'], '\n### Demotions\n\n- **2025-10-21**: Staging → Development\n'));
    expect(spans(t)).toEqual(['development 2025-10-21→2025-10-21', 'staging 2025-10-21→2026-11-24…']);
    expect(t.events.filter((e) => e.stage === null).map((e) => `${e.kind} ${e.date}`)).toEqual(['revoked 2025-10-08']);
  });

  it('ends the last dated stage there when the current stage has no date, and says so', () => {
    const t = timelineOf(note('**Current Stage**: Production', ['- **2026-06-10**: Promoted to Staging']));
    expect(spans(t)).toEqual(['staging 2026-06-10→2026-06-10']);
    expect(t.note).toBe('The current stage (Production, line 3) has no date; the last dated entry is Staging on 2026-06-10.');
  });

  it('uses a created date only when it can be the component’s, and says why not', () => {
    const fm = (created: string, body: string) => `---\ncreated: ${created}\n---\n${body}`;
    // First stage, nothing else dated: in Development since it was created.
    expect(spans(timelineOf(fm('2026-02-01', note('**Current Stage**: Development\n**Last Updated**: 2026-11-01'))))).toEqual(['development 2026-02-01→2026-11-24…']);
    // Later stage with no promotion date: the stage since creation is not known.
    expect(spans(timelineOf(fm('2026-02-01', note('**Current Stage**: Staging\n**Last Updated**: 2026-11-01'))))).toEqual(['? 2026-02-01→2026-11-24']);
    // Before a transition that names where it came from: that stage.
    expect(spans(timelineOf(fm('2026-02-01', note('**Current Stage**: Staging', ['- **2026-05-01**: Development → Staging']))))).toEqual(['development 2026-02-01→2026-05-01', 'staging 2026-05-01→2026-11-24…']);
    // The TTA knowledge base's files: created after the promotions they record.
    const late = timelineOf(fm('2026-11-01', note('**Current Stage**: Staging\n**Promoted to Staging**: 2026-10-21\n**Last Updated**: 2026-10-21')));
    expect(spans(late)).toEqual(['staging 2026-10-21→2026-11-24…']);
    expect(late.setAside.map((s) => s.reason)).toEqual(["it is after the note's first dated entry (2026-10-21): the note file's date, not the component's"]);
    const afterUpdate = timelineOf(fm('2026-11-01', note('**Current Stage**: Development\n**Last Updated**: 2026-10-07')));
    expect(afterUpdate.undated).toBe(true);
    expect(afterUpdate.setAside[0]!.reason).toBe("it is after Last Updated (2026-10-07): the note file's date, not the component's");
  });

  it('sets aside dates after today', () => {
    const t = timelineOf(note('**Current Stage**: Staging', ['- **2026-05-01**: Promoted to Staging', '- **2027-05-01**: Promoted to Production']));
    expect(spans(t)).toEqual(['staging 2026-05-01→2026-11-24…']);
    expect(t.setAside.map((s) => `${s.date}: ${s.reason}`)).toEqual(['2027-05-01: it is after today (2026-11-24)']);
  });

  it('draws blocked spans only where dated: a blocked entry to its unblocking, or on to today while blocked', () => {
    const ended = timelineOf(note('**Current Stage**: Staging', ['- **2026-05-01**: Promoted to Staging', '- **2026-06-01**: Blocked by the vendor quota', '- **2026-06-20**: Unblocked: quota raised']));
    expect(ended.blocked.map((s) => `${s.start}→${s.end}${s.ongoing ? '…' : ''}`)).toEqual(['2026-06-01→2026-06-20']);
    const open = timelineOf(note('**Current Stage**: Development (BLOCKED - schema migration)', ['- **2026-05-01**: Component created in Development', '- **2026-09-01**: Blocked on the schema migration']));
    expect(open.blockedNow).toBe(true);
    expect(open.blocked.map((s) => `${s.start}→${s.end}${s.ongoing ? '…' : ''}`)).toEqual(['2026-09-01→2026-11-24…']);
    // Blocked once, not blocked now, and no date for the end: a marker, not a span.
    const unknownEnd = timelineOf(note('**Current Stage**: Staging', ['- **2026-05-01**: Promoted to Staging', '- **2026-06-01**: Blocked by the vendor quota']));
    expect(unknownEnd.blocked).toEqual([]);
    expect(unknownEnd.events.map((e) => e.kind)).toEqual(['promoted', 'blocked']);
  });

  it('reads a blocker’s own start date and its resolution', () => {
    const t = timelineOf(note('**Current Stage**: Staging', ['- **2026-05-01**: Promoted to Staging'], '\n## Current Blockers\n\n### Active Blockers\n\n- Load test environment missing (raised 2026-10-02)\n\n### Resolved Blockers\n\n1. **Issue #9**: Cache leak since 2026-07-01 (Resolved: 2026-07-15)\n'));
    expect(t.blocked.map((s) => `${s.start}→${s.end}${s.ongoing ? '…' : ''}`)).toEqual(['2026-10-02→2026-11-24…', '2026-07-01→2026-07-15']);
    expect(t.events.filter((e) => e.kind === 'resolved').map((e) => e.date)).toEqual(['2026-07-15']);
  });

  it('is undated when the note dates nothing', () => {
    const t = timelineOf(note('**Current Stage**: Development\n**Last Updated**: 2026-11-01'));
    expect(t).toMatchObject({ undated: true, stages: [], events: [], blocked: [], observation: null });
    expect(timelineRange([t], TODAY)).toBeNull();
  });
});

describe('observation windows', () => {
  const index = loadFolder(EXAMPLE_VAULT);
  const byName = (name: string): Component => index.components().find((c) => c.name === name)!;
  const of = (name: string) => componentTimeline(byName(name), index.pipeline, TODAY);

  it('runs from the promotion into staging for the window’s length', () => {
    expect(of('Rate Quoter').observation).toMatchObject({ start: '2026-11-19', end: '2026-11-26', windowDays: 7, elapsedDays: 5, complete: false, ongoing: true, line: 10 });
    expect(of('Session Store').observation).toMatchObject({ start: '2026-06-10', end: '2026-06-17', complete: true, ongoing: false });
  });

  it('counts from a restart when the note says "Day 3/7" (carried forward from Last Updated)', () => {
    const window = of('Config Service').observation!;
    expect(window).toMatchObject({ start: '2026-11-17', end: '2026-11-24', elapsedDays: 7 });
    expect(window.source).toContain('the note says day 3/7 (line 58)');
  });
});

describe('stage history of the example vault', () => {
  it('dates every example component, with the blocked spans its notes date', () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const all = index.components().map((c) => componentTimeline(c, index.pipeline, TODAY));
    expect(all.filter((t) => t.undated)).toEqual([]);
    const ledger = all.find((t) => t.name === 'Ledger')!;
    expect(spans(ledger)).toEqual(['development 2026-07-20→2026-10-29', 'staging 2026-10-29→2026-10-29', 'development 2026-10-29→2026-11-24…']);
    expect(ledger.blocked.map((s) => `${s.start}→${s.end}`)).toEqual(['2026-11-02→2026-11-24']);
    const hub = all.find((t) => t.name === 'Notification Hub')!;
    expect(hub.blocked.map((s) => `${s.start}→${s.end}`)).toEqual(['2026-09-14→2026-10-02']);
    expect(timelineRange(all, TODAY)).toEqual({ start: '2025-12-01', end: '2026-11-26' });
  });
});

