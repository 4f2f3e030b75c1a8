// Each checked criterion is judged against the evidence the same note states, by what it asks
// for (coverage, uptime, SLA, security scan, review, findings): a table of criteria and evidence
// with the verdict each must get, and the comparisons and figures the reasons print.
import { describe, expect, it } from 'vitest';
import { formatNumber, satisfies, symbol } from '../../../src/core/readiness/checks';
import { createIndex, type CriterionCheck } from '../../../src/core/index';
import { TODAY } from '../../helpers/vault';

/** A Staging component that claims one Staging → Production criterion, with `evidence` below it. */
function note(criterion: string, evidence: string): string {
  return `# Widget Maturity Status

**Current Stage**: Staging
**Owner**: team
**Last Updated**: 2026-11-20

## Dependencies

None (foundational component)

## Promotion Criteria

### Staging → Production

- ${criterion}

**Status**: 1/1 criteria met

${evidence}
`;
}

const COVERAGE = (unit: string, integration: string) => `## Test Coverage\n\n### Unit Tests\n\n**Coverage**: ${unit}\n\n### Integration Tests\n\n**Coverage**: ${integration}\n`;
const PERFORMANCE = (p95: string, target: string) =>
  `## Performance Metrics\n\n### Current Performance (Staging)\n\n**Response Time**:\n- p95: ${p95}\n\n### SLA Targets (Production)\n\n**Response Time**:\n- p95: ${target}\n`;
const SECURITY = (critical: string, high: string, review = 'Complete') =>
  `## Security Status\n\n**Last Security Scan**: 2026-11-12\n\n**Security Scan Results**:\n- Critical: ${critical}\n- High: ${high}\n\n**Security Review Status**: ${review}\n`;

function check(criterion: string, evidence: string): CriterionCheck {
  const index = createIndex({ today: TODAY });
  index.upsert('Widget.md', note(criterion, evidence));
  const checks = index.component('Widget.md')!.readiness!.checks;
  expect(checks).toHaveLength(1);
  return checks[0]!;
}

describe('judging a checked criterion by the note’s own evidence', () => {
  it.each([
    // criterion, evidence, kind, verdict
    ['[x] Unit tests passing (≥70% coverage)', COVERAGE('81%', '83%'), 'coverage', 'backed'],
    ['[x] Unit tests passing (≥70% coverage)', COVERAGE('52%', '83%'), 'coverage', 'contradicted'],
    ['[x] Unit tests passing (≥70% coverage)', COVERAGE('XX%', '83%'), 'coverage', 'placeholder'],
    ['[x] Integration tests passing (≥80% coverage)', COVERAGE('90%', '61%'), 'coverage', 'contradicted'],
    ['[x] Integration tests passing (≥80% coverage)', COVERAGE('50%', '83%'), 'coverage', 'backed'],
    ['[ ] Unit tests passing (≥70% coverage)', COVERAGE('52%', '83%'), 'coverage', 'open'],
    ['[x] Performance validated (meets defined SLAs)', PERFORMANCE('320ms', '<400ms'), 'performance', 'backed'],
    ['[x] Performance validated (meets defined SLAs)', PERFORMANCE('640ms', '<400ms'), 'performance', 'contradicted'],
    ['[x] Performance validated (meets defined SLAs)', PERFORMANCE('XXms', '<400ms'), 'performance', 'placeholder'],
    ['[x] Security review completed, no critical vulnerabilities', SECURITY('0', '0'), 'security-review', 'backed'],
    ['[x] Security review completed, no critical vulnerabilities', SECURITY('1', '0'), 'security-review', 'contradicted'],
    ['[x] Security review completed, no critical vulnerabilities', SECURITY('0', '0', 'In Progress'), 'security-review', 'contradicted'],
    ['[x] Documentation complete', SECURITY('3', '3'), 'other', 'backed'],
  ] as const)('%s over %j: %s, %s', (criterion, evidence, kind, verdict) => {
    const c = check(criterion, evidence);
    expect(c.kind).toBe(kind);
    expect(c.verdict).toBe(verdict);
    expect(c.checked).toBe(criterion.startsWith('[x]'));
    if (verdict === 'contradicted' || verdict === 'placeholder') expect(c.reason).toMatch(/line \d+/);
  });

  it('says why in numbers: the figure, its line and the bound it misses', () => {
    const c = check('[x] Unit tests passing (≥70% coverage)', COVERAGE('52%', '83%'));
    expect(c.threshold).toMatchObject({ value: 70, comparator: '>=' });
    expect(c.reason).toMatch(/^unit coverage 52% \(line \d+\) is below ≥70%/);
  });
});

describe('comparisons', () => {
  it.each([
    // value, comparator, bound, satisfied, symbol
    [70, '>=', 70, true, '≥'],
    [69.9, '>=', 70, false, '≥'],
    [70, '>', 70, false, '>'],
    [70.1, '>', 70, true, '>'],
    [399, '<', 400, true, '<'],
    [400, '<', 400, false, '<'],
    [400, '<=', 400, true, '≤'],
    [401, '<=', 400, false, '≤'],
    [80, '=', 80, true, ''], // "80% coverage" means at least 80%
    [81, '=', 80, true, ''],
    [79, '=', 80, false, ''],
  ] as const)('%d %s %d: %s', (value, comparator, bound, satisfied, printed) => {
    expect(satisfies(value, comparator, bound)).toBe(satisfied);
    expect(symbol(comparator)).toBe(printed);
  });

  it.each([
    [70, '70'],
    [99.5, '99.5'],
    [99.999, '100'],
    [0.125, '0.13'],
    [1234567, '1234567'],
  ])('prints %d as %s', (value, text) => {
    expect(formatNumber(value)).toBe(text);
  });
});
