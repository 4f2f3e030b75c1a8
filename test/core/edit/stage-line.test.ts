// Rewriting the stage a value states keeps what the author wrapped it in (bold, links, code,
// emoji), the case they wrote it in, and replaces the old qualifier, which described the old stage.
import { describe, expect, it } from 'vitest';
import { rewriteStageValue } from '../../../src/core/edit/stage-line';
import { DEFAULT_STAGES } from '../../../src/core/settings/index';
import { createPipeline } from '../../../src/core/stages';

const pipeline = createPipeline(DEFAULT_STAGES);

describe('rewriteStageValue', () => {
  it.each([
    // value, to, qualifier, result
    ['Staging', 'production', null, 'Production'],
    ['Development', 'staging', 'Promoted 2026-11-24', 'Staging (Promoted 2026-11-24)'],
    ['Development (BLOCKED - waiting on a migration)', 'staging', null, 'Staging'],
    ['Development - in progress', 'staging', 'Promoted 2026-11-24', 'Staging (Promoted 2026-11-24)'],
    ['**Development**', 'staging', null, '**Staging**'],
    ['**Development** 🔨', 'staging', null, '**Staging**'],
    ['[[Staging]]', 'production', null, '[[Production]]'],
    ['`staging`', 'production', null, '`production`'],
    ['🔨 Development', 'staging', null, '🔨 Staging'],
    ['STAGING', 'production', null, 'PRODUCTION'],
    ['staging', 'development', null, 'development'],
    ['Dev', 'staging', null, 'Staging'],
    ['Prod', 'staging', null, 'Staging'],
    ['Unknown', 'staging', null, null],
    ['', 'staging', null, null],
    ['To be decided: Staging', 'production', null, null],
  ] as const)('%j → %s (%s): %j', (value, to, qualifier, result) => {
    expect(rewriteStageValue(pipeline, value, to, qualifier)).toBe(result);
  });
});
