// Readiness never throws, whatever a note holds: fragments of real templates shuffled with
// broken figures, impossible dates, placeholders and hostile text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createIndex } from '../../../src/core/index';

const FRAGMENTS = [
  '**Current Stage**: Staging',
  '**Current Stage**: Production (Promoted 2026-02-30)',
  '**Current Stage**: Development → Staging (Promotion in Progress)',
  '**Promoted to Staging**: 2026-13-45',
  '**Promoted to Staging**: 2026-11-20',
  '**Last Updated**: YYYY-MM-DD',
  '### Development → Staging',
  '### Staging → Production',
  '- [x] Unit tests passing (≥70% coverage) - **Currently XX%**',
  '- [x] Unit tests passing (≥999999999999999999999% coverage)',
  '- [x] 7-day uptime in staging ≥99.5% - **Day 9/0**',
  '- [x] Performance validated (meets defined SLAs)',
  '- [x] Security review completed, no critical vulnerabilities',
  '- [ ] Integration tests passing (≥80% coverage) <script>alert(1)</script>',
  '**Current Coverage**: -5%',
  '**Coverage**: 1e309%',
  '## Performance Metrics',
  '### Current Performance (Staging)',
  '### SLA Targets (Production)',
  '- p95: <0ms',
  '- p95: XXms',
  '- p99: 12 GB',
  '**Uptime**: 99.9% (over -3 days)',
  '**Throughput**: >NaN req/s',
  '## Security Status',
  '**Security Scan Results**:',
  '- Critical: X',
  '- High: 4',
  '**Security Review Status**: __proto__',
  '## Promotion History',
  '- **2026-11-01**: Promoted to Production',
  '- **0000-00-00**: Promoted to Staging',
  '**Dependencies**: [[Quay]], [[constructor]]',
  '| 7-day Uptime | ≥99.5% | N/A | 🔄 |',
];

describe('readiness on arbitrary notes', () => {
  it('never throws and always gives a sentence and a score in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom(...FRAGMENTS), fc.string({ maxLength: 40 })), { maxLength: 60 }), fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), (lines, day) => {
        const index = createIndex({ today: day.toISOString().slice(0, 10) });
        index.upsert('a/MATURITY.md', `# Quay\n\n${lines.join('\n')}\n`);
        index.upsert('Quay.md', '# Quay\n\n**Current Stage**: Staging\n');
        for (const c of index.components()) {
          const r = c.readiness!;
          expect(r.summary.length).toBeGreaterThan(0);
          expect(r.score).toBeGreaterThanOrEqual(0);
          expect(r.score).toBeLessThanOrEqual(1);
          expect(Number.isNaN(r.observation?.remainingDays ?? 0)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
