// @vitest-environment happy-dom
// Stage badge and criteria progress on the example vault's notes.
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../src/core/index';
import { componentFlags, renderCriteriaProgress, renderStageBadge, renderStageTag } from '../../src/render/index';
import { click, exampleFixture, textOf } from './helpers';

const { ctx, opened, byName } = exampleFixture();

function flag(badge: HTMLElement, kind: string): HTMLElement | null {
  return badge.querySelector<HTMLElement>(`[data-mm-flag="${kind}"]`);
}

describe('stage badge', () => {
  it('shows the stage by name, colour and glyph', () => {
    const badge = renderStageBadge(byName('Session Store'), ctx);
    const tag = badge.querySelector<HTMLElement>('.mm-stage')!;
    expect(tag.getAttribute('data-mm-stage')).toBe('production');
    expect(tag.style.getPropertyValue('--mm-stage-color')).toBe('#16a34a');
    expect(textOf(tag)).toBe('● Production');
    expect(badge.querySelector('.mm-flags')).toBeNull();
  });

  it('marks a blocked component and says why', () => {
    const badge = renderStageBadge(byName('Ledger'), ctx);
    const blocked = flag(badge, 'blocked')!;
    expect(blocked.getAttribute('title')).toBe('Blocked: the stage line says “BLOCKED - Waiting on schema migration”.');
    expect(blocked.getAttribute('aria-label')).toBe(blocked.getAttribute('title'));
    expect(blocked.getAttribute('role')).toBe('img');
    expect(textOf(blocked)).toBe('⊘');
    expect(textOf(badge.querySelector('.mm-stage')!)).toBe('○ Development');
  });

  it('marks a promotion in progress, staleness, errors and an inferred stage', () => {
    expect(flag(renderStageBadge(byName('Search Indexer'), ctx), 'promoting')!.title).toMatch(/^Promotion to Staging in progress/);
    expect(flag(renderStageBadge(byName('Report Builder'), ctx), 'stale')!.title).toBe('Stale: Last updated 2025-12-01, 358 days ago (the limit is 30 days).');
    const errors = flag(renderStageBadge(byName('Billing Engine'), ctx), 'errors')!;
    expect(errors.title).toMatch(/^3 errors: .*Staging component depends on Ledger, which is only at Development/);
    expect(textOf(errors)).toBe('✖');
    expect(flag(renderStageBadge(byName('Edge Cache'), ctx), 'inferred')!.title).toMatch(/inferred/);
  });

  it('shows short labels next to the glyphs when asked', () => {
    const badge = renderStageBadge(byName('Search Indexer'), ctx, { flagLabels: true });
    expect(textOf(flag(badge, 'promoting')!)).toBe('↗ → Staging');
    expect(renderStageBadge(byName('Ledger'), ctx, { flags: false }).querySelector('.mm-flag')).toBeNull();
  });

  it('draws an unknown stage with a question mark and no colour', () => {
    const tag = renderStageTag(null, ctx);
    expect(textOf(tag)).toBe('? Unknown stage');
    expect(tag.classList.contains('mm-stage-unknown')).toBe(true);
    expect(tag.style.getPropertyValue('--mm-stage-color')).toBe('');
  });

  it('lists flags in a fixed order', () => {
    expect(componentFlags(byName('Experiment Tracker'), ctx).map((f) => f.kind)).toEqual(['errors']);
    expect(componentFlags(byName('Ledger'), ctx).map((f) => f.kind)).toEqual(['blocked']);
  });

  it('names a stage the pipeline does not know', () => {
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('X.md', '---\ntags: [maturity]\ncurrent-stage: Incubating\n---\n# X\n\n**Current Stage**: Incubating\n\n### Development → Staging\n- [ ] a\n');
    const c = index.component('X.md');
    expect(c).toBeDefined();
    const badge = renderStageBadge(c!, { ...ctx, pipeline: index.pipeline });
    expect(textOf(badge.querySelector('.mm-stage')!)).toBe('? Unknown stage');
    expect(badge.querySelector('.mm-stage')!.getAttribute('title')).toContain('Incubating');
  });
});

describe('criteria progress', () => {
  it('draws one accessible bar per transition and marks the next one', () => {
    const progress = renderCriteriaProgress(byName('Billing Engine'), ctx);
    const rows = [...progress.querySelectorAll<HTMLElement>('.mm-transition')];
    expect(rows.map((r) => textOf(r.querySelector('.mm-transition-name')!))).toEqual(['Development → Staging', 'Staging → Production']);
    expect(rows.map((r) => r.classList.contains('mm-next'))).toEqual([false, true]);
    const bar = rows[0]!.querySelector<HTMLElement>('[role="progressbar"]')!;
    expect(bar.getAttribute('aria-valuenow')).toBe('6');
    expect(bar.getAttribute('aria-valuemin')).toBe('0');
    expect(bar.getAttribute('aria-valuemax')).toBe('7');
    expect(bar.getAttribute('aria-valuetext')).toBe('6 of 7 criteria met');
    expect(bar.getAttribute('aria-label')).toBe('Development → Staging criteria');
    expect(bar.style.getPropertyValue('--mm-progress')).toBe('85.7%');
    expect(textOf(rows[0]!.querySelector('.mm-count')!)).toBe('6/7');
    expect(textOf(rows[1]!.querySelector('.mm-count')!)).toBe('1/8');
    expect(textOf(rows[1]!.querySelector('.mm-next-tag')!)).toBe('next');
  });

  it('warns where the status line claims another count, and opens that line', () => {
    const progress = renderCriteriaProgress(byName('Billing Engine'), ctx);
    const warnings = progress.querySelectorAll<HTMLElement>('.mm-claim-warning');
    expect(warnings).toHaveLength(1);
    expect(textOf(warnings[0]!)).toBe('⚠ Status line says 7/7');
    expect(warnings[0]!.closest('.mm-transition')!.getAttribute('data-mm-to')).toBe('staging');
    opened.length = 0;
    click(warnings[0]!);
    expect(opened).toEqual([expect.objectContaining({ id: 'Components/Billing Engine.md', line: 66 })]);
  });

  it('marks a complete transition and leaves agreeing status lines alone', () => {
    const progress = renderCriteriaProgress(byName('Search Indexer'), ctx);
    const next = progress.querySelector('.mm-next')!;
    expect(next.classList.contains('mm-complete')).toBe(true);
    expect(textOf(next.querySelector('.mm-count')!)).toBe('7/7');
    expect(progress.querySelector('.mm-claim-warning')).toBeNull();
  });

  it('has no next transition at the last stage', () => {
    const progress = renderCriteriaProgress(byName('Session Store'), ctx);
    expect(progress.querySelectorAll('.mm-transition').length).toBeGreaterThan(0);
    expect(progress.querySelector('.mm-next')).toBeNull();
  });

  it('says so when a note has no criteria', () => {
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('Y.md', '---\ntags: [maturity]\ncurrent-stage: staging\n---\n# Y\n');
    const progress = renderCriteriaProgress(index.component('Y.md')!, ctx);
    expect(textOf(progress)).toBe('No promotion criteria found in this note.');
    expect(progress.querySelector('[role="progressbar"]')).toBeNull();
  });
});
