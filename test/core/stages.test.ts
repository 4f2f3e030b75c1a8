import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, parseStageValue, parseTransitionHeading } from '../../src/core/index';
import { isStagePlaceholder } from '../../src/core/stages';

const pipeline = createPipeline(DEFAULT_STAGES);
const stage = (value: string) => parseStageValue(pipeline, value, 'header', 1);

describe('stage values as people write them', () => {
  it.each([
    ['Staging (Promoted 2025-10-08, Coverage Verified 2025-10-09)', 'staging', 'Promoted 2025-10-08, Coverage Verified 2025-10-09'],
    ['STAGING (Ready for Production Deployment)', 'staging', 'Ready for Production Deployment'],
    ['**Development** 🔨', 'development', ''],
    ['**PRODUCTION** 🚀', 'production', ''],
    ['Production - 7-Day Observation Period', 'production', '7-Day Observation Period'],
    ['prod', 'production', ''],
    ['Dev (early)', 'development', 'early'],
  ])('%s', (value, id, qualifier) => {
    expect(stage(value)).toMatchObject({ id, qualifier, blocked: false, headingFor: null });
  });

  it('derives the blocked flag from the qualifier', () => {
    expect(stage('Development (BLOCKED - Requires Architectural Refactoring)')).toMatchObject({
      id: 'development',
      blocked: true,
      qualifier: 'BLOCKED - Requires Architectural Refactoring',
    });
  });

  it.each(['Development → Staging (Promotion in Progress)', 'Development -> Staging (Promotion in Progress)', 'Development ⟶ Staging', 'Development to Staging'])(
    'reads the transitional value %s',
    (value) => {
      expect(stage(value)).toMatchObject({ id: 'development', headingFor: 'staging', promotionInProgress: true });
    },
  );

  it('keeps unknown stage names with a null id', () => {
    expect(stage('Beta (soft launch)')).toMatchObject({ id: null, raw: 'Beta (soft launch)' });
  });

  it('recognises template slots', () => {
    for (const v of ['<Development|Staging|Production>', '{current_stage}', 'X', 'TBD']) expect(isStagePlaceholder(v)).toBe(true);
    expect(isStagePlaceholder('Staging')).toBe(false);
  });

  it('uses a configured pipeline', () => {
    const custom = createPipeline([
      { id: 'alpha', name: 'Alpha', aliases: ['a'], color: '#000' },
      { id: 'beta', name: 'Beta', aliases: [], color: '#000' },
      { id: 'ga', name: 'GA', aliases: ['general availability'], color: '#000' },
    ]);
    expect(parseStageValue(custom, 'General Availability (2026-01-01)', 'header', 1)).toMatchObject({ id: 'ga', qualifier: '2026-01-01' });
    expect(parseTransitionHeading(custom, 'Beta → GA')).toEqual({ from: 'beta', to: 'ga' });
  });
});

describe('transition headings', () => {
  it.each([
    ['Development → Staging', 'development', 'staging'],
    ['Development -> Staging', 'development', 'staging'],
    ['Development to Staging', 'development', 'staging'],
    ['✅ Development → Staging Promotion Criteria', 'development', 'staging'],
    ['Staging → Production Requirements (Future)', 'staging', 'production'],
    ['Staging Criteria (✅ MET)', 'development', 'staging'],
    ['Production Requirements (🔄 PENDING)', 'staging', 'production'],
    ['Dev ➜ Prod', 'development', 'production'],
  ])('%s', (heading, from, to) => {
    expect(parseTransitionHeading(pipeline, heading)).toEqual({ from, to });
  });

  it.each(['Current Performance (Staging)', 'SLA Targets (Production)', 'Required Work to Return to Staging', '✅ STAGING PROMOTION - 2025-10-21', 'Development Criteria'])(
    'is not a transition: %s',
    (heading) => {
      expect(parseTransitionHeading(pipeline, heading)).toBeNull();
    },
  );
});
