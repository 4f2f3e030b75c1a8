// The one sentence a card and the CLI print about readiness, and the score boards sort by: what
// stands between a component and its next stage, in the order a reader acts on it.
import { describe, expect, it } from 'vitest';
import { createIndex, type Component } from '../../../src/core/index';
import { TODAY } from '../../helpers/vault';

function widget(stage: string, criteria: string[], extra = ''): string {
  return `# Widget Maturity Status

**Current Stage**: ${stage}
**Owner**: team
**Last Updated**: 2026-11-20

## Dependencies

None (foundational component)

## Promotion Criteria

### Development → Staging

- [x] Core features implemented
- [x] Unit tests passing

### Staging → Production

${criteria.join('\n')}
${extra}`;
}

function component(text: string): Component {
  const index = createIndex({ today: TODAY });
  index.upsert('Widget.md', text);
  return index.component('Widget.md')!;
}

const COVERAGE_41 = '\n## Test Coverage\n\n### Unit Tests\n\n**Coverage**: 41%\n';
const BLOCKERS = '\n## Current Blockers\n\n### Active Blockers\n\n1. **Issue #1**: Load test fails\n   - **Severity**: High\n2. **Issue #2**: Docs\n';

describe('readinessSummary and readinessScore', () => {
  it.each([
    // stage, criteria, extra, summary, score
    ['Staging', ['- [x] Load tested', '- [x] Runbook written'], '', 'Ready for Production: all 2 criteria are checked and the evidence in the note agrees.', 1],
    ['Staging', ['- [x] Load tested', '- [ ] Runbook written'], '', 'Not ready for Production: 1 of 2 criteria unchecked.', 0.45],
    ['Staging', ['- [ ] Load tested', '- [ ] Runbook written'], '', 'Not ready for Production: 2 of 2 criteria unchecked.', 0],
    [
      'Staging',
      ['- [x] Load tested', '- [ ] Runbook written'],
      BLOCKERS,
      'Not ready for Production: 1 of 2 criteria unchecked and 2 open blockers (1 high, 1 unrated).',
      0.35,
    ],
    ['Production', ['- [x] Load tested', '- [x] Runbook written'], '', 'At Production, the last stage, and the evidence in the note backs it.', 1],
    [
      'Production',
      ['- [x] Load tested', '- [x] Unit tests passing (≥70% coverage)'],
      COVERAGE_41,
      'At Production, the last stage, but the evidence does not back it: "Unit tests passing (≥70% coverage)" is checked, but unit coverage 41% (line 27) is below ≥70%.',
      0.5,
    ],
  ] as const)('%s, %j: %s', (stage, criteria, extra, summary, score) => {
    const r = component(widget(stage, [...criteria], extra)).readiness!;
    expect(r.summary).toBe(summary);
    expect(r.score).toBeCloseTo(score, 10);
  });

  it('a note without a stage cannot be judged, and scores 0', () => {
    const text = `---\ntags: [maturity]\n---\n${widget('Staging', ['- [x] Load tested']).replace('**Current Stage**: Staging\n', '')}`;
    const r = component(text).readiness!;
    expect(r.summary).toBe('Stage unknown: add a Current Stage line before readiness can be judged.');
    expect(r.score).toBe(0);
  });
});
