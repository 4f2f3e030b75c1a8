// Readiness of single notes written from the template: which coverage figure is current, what
// contradicts a box, placeholders, SLA comparisons, observation days and severity overrides.
import { describe, expect, it } from 'vitest';
import { createIndex, type Component, type DiagnosticCode, type MaturitySettings } from '../../../src/core/index';

interface NoteParts {
  stage?: string;
  header?: string;
  devToStaging?: string;
  stagingToProd?: string;
  performance?: string;
  testCoverage?: string;
  security?: string;
  history?: string;
  dependencies?: string;
}

/** A note in the template's shape, with the sections a test cares about filled in. */
function note(parts: NoteParts): string {
  return `---
tags: [maturity]
---
# Quay Crane Telemetry Maturity Status

**Current Stage**: ${parts.stage ?? 'Staging'}
${parts.header ?? '**Promoted to Staging**: 2026-10-01'}
**Last Updated**: 2026-11-20
**Owner**: port-team

---

## Component Overview

**Dependencies**: ${parts.dependencies ?? 'None (foundational component)'}

---

## Maturity Criteria

### Development → Staging

${parts.devToStaging ?? `- [x] Core features complete (80%+ of planned functionality)
- [x] Unit tests passing (≥70% coverage)`}

---

### Staging → Production

${parts.stagingToProd ?? `- [ ] Integration tests passing (≥80% coverage)
- [ ] 7-day uptime in staging ≥99.5%`}

---

## Performance Metrics

${parts.performance ?? ''}

---

## Test Coverage

${parts.testCoverage ?? ''}

---

## Security Status

${parts.security ?? ''}

---

## Promotion History

### Promotions

${parts.history ?? '- **2026-10-01**: Promoted to Staging (Issue #5)'}
`;
}

function component(text: string, settings: MaturitySettings = {}, today = '2026-11-24'): Component {
  const index = createIndex({ today, ...settings });
  index.upsert('Components/Quay Crane Telemetry.md', text);
  return index.component('Components/Quay Crane Telemetry.md')!;
}

const codes = (c: Component): DiagnosticCode[] => c.diagnostics.map((d) => d.code);

describe('current coverage', () => {
  it('takes the Test Coverage section over the figure a criterion states about itself', () => {
    const c = component(note({
      devToStaging: '- [x] Unit tests passing (≥70% coverage) - **Currently 76%**',
      testCoverage: '### Unit Tests\n\n**Coverage**: 41%',
    }));
    const check = c.readiness!.checks[0]!;
    expect(check).toMatchObject({ verdict: 'contradicted', evidence: { value: 41, source: 'Test Coverage / Unit Tests' } });
    expect(check.disagreeing.map((e) => e.value)).toEqual([76]);
    const d = c.diagnostics.find((x) => x.code === 'criterion-contradicted')!;
    expect(d).toMatchObject({ severity: 'error', line: check.line });
    expect(d.message).toContain('41%');
    expect(d.message).toContain('also states 76%');
  });

  it('falls back to the Current Coverage line under the checklist, then to the criterion itself', () => {
    const underChecklist = component(note({ devToStaging: '- [x] Unit tests passing (≥70% coverage)\n\n**Current Coverage**: 64%' }));
    expect(underChecklist.readiness!.checks[0]).toMatchObject({ verdict: 'contradicted', evidence: { value: 64 } });
    const stated = component(note({ devToStaging: '- [x] Unit tests passing (≥70% coverage) - **Currently 72%**' }));
    expect(stated.readiness!.checks[0]).toMatchObject({ verdict: 'backed', evidence: { value: 72, source: 'the criterion itself' } });
  });

  it('matches integration criteria with integration figures only', () => {
    const c = component(note({
      stagingToProd: '- [x] Integration tests passing (≥80% coverage)',
      testCoverage: '### Unit Tests\n\n**Coverage**: 91%\n\n### Integration Tests\n\n**Coverage**: 62%',
    }));
    expect(c.readiness!.checks.find((x) => x.kind === 'coverage' && x.text.startsWith('Integration'))).toMatchObject({ verdict: 'contradicted', evidence: { value: 62 } });
    expect(c.readiness!.coverage.integration?.value).toBe(62);
  });

  it('counts XX% as missing evidence, never as 0%', () => {
    const c = component(note({
      devToStaging: '- [x] Unit tests passing (≥70% coverage)\n\n**Current Coverage**: XX%',
      testCoverage: '### Unit Tests\n\n**Coverage**: XX%',
    }));
    expect(c.readiness!.checks[0]).toMatchObject({ verdict: 'placeholder', evidence: { placeholder: true, value: null } });
    expect(codes(c)).toContain('placeholder-evidence');
    expect(codes(c)).not.toContain('criterion-contradicted');
    // A real figure anywhere wins over the placeholder.
    const mixed = component(note({ devToStaging: '- [x] Unit tests passing (≥70% coverage)\n\n**Current Coverage**: 74%', testCoverage: '### Unit Tests\n\n**Coverage**: XX%' }));
    expect(mixed.readiness!.checks[0]).toMatchObject({ verdict: 'backed', evidence: { value: 74 } });
  });

  it('does not judge unchecked boxes, but still shows their evidence', () => {
    const c = component(note({ devToStaging: '- [ ] Unit tests passing (≥70% coverage) - **Currently 0%**', stage: 'Development', header: '' }));
    expect(c.readiness!.checks[0]).toMatchObject({ verdict: 'open', evidence: { value: 0 } });
    expect(codes(c)).not.toContain('criterion-contradicted');
  });
});

describe('performance, security and observation', () => {
  const perf = `### Current Performance (Staging)

**Response Time**:
- p50: 40ms
- p95: 0.21s
- p99: 390ms

**Uptime**: 99.6% (over 12 days)

### SLA Targets (Production)

**Response Time**:
- p50: <50ms
- p95: <200ms
- p99: <400ms

**Uptime**: ≥99.9%`;

  it('compares current figures with SLA targets across units; staging uptime answers to its own criterion', () => {
    const c = component(note({ performance: perf, stagingToProd: '- [x] Performance validated (meets defined SLAs)' }));
    const p95 = c.readiness!.performance.find((p) => p.metric === 'p95')!;
    expect(p95).toMatchObject({ ok: false, current: { value: 0.21, unit: 's' } });
    expect(c.readiness!.performance.map((p) => p.metric)).toEqual(['p50', 'p95', 'p99']);
    const breach = c.diagnostics.filter((d) => d.code === 'sla-breach');
    expect(breach).toHaveLength(1);
    expect(breach[0]).toMatchObject({ severity: 'warning' }); // heading for Production
    expect(codes(c)).toContain('criterion-contradicted');
  });

  it('makes an SLA breach and high findings errors at Production, and leaves them out at Development', () => {
    const security = '**Security Scan Results**:\n- Critical: 0\n- High: 1\n- Medium: 0\n- Low: 0';
    const prod = component(note({ stage: 'Production', header: '**Promoted to Production**: 2026-10-20', performance: perf, security }));
    expect(prod.diagnostics.filter((d) => d.code === 'sla-breach' || d.code === 'security-critical').map((d) => [d.code, d.severity])).toEqual(
      expect.arrayContaining([['sla-breach', 'error'], ['security-critical', 'error']]),
    );
    expect(prod.readiness!.performance.map((p) => p.metric)).toContain('uptime'); // 99.6% misses ≥99.9% in production
    expect(prod.readiness!.backed).toBe(false);
    const dev = component(note({ stage: 'Development', header: '', performance: perf, security }));
    expect(codes(dev)).not.toContain('security-critical');
    expect(dev.diagnostics.find((d) => d.code === 'sla-breach')?.severity).toBe('info');
  });

  it('counts observation days from the staging promotion with the index date', () => {
    const text = note({ header: '**Promoted to Staging**: 2026-11-20', stagingToProd: '- [x] 7-day uptime in staging ≥99.5%' });
    const early = component(text, {}, '2026-11-24');
    expect(early.readiness!.observation).toMatchObject({ since: '2026-11-20', elapsedDays: 4, remainingDays: 3, complete: false, basis: 'promotion-date' });
    expect(early.diagnostics.find((d) => d.code === 'observation-incomplete')).toMatchObject({ severity: 'warning' });
    const later = component(text, {}, '2026-11-27');
    expect(later.readiness!.observation).toMatchObject({ remainingDays: 0, complete: true });
    expect(codes(later)).not.toContain('observation-incomplete');
  });

  it('carries a stated "Day 3/7" forward from Last Updated (restarts beat the promotion date)', () => {
    const text = note({ header: '**Promoted to Staging**: 2026-09-01', stagingToProd: '- [ ] 7-day uptime in staging ≥99.5% - **In Progress** (Day 2/7)' });
    const r = component(text, {}, '2026-11-22').readiness!; // Last Updated 2026-11-20 → day 4
    expect(r.observation).toMatchObject({ basis: 'stated-day', elapsedDays: 4, remainingDays: 3, complete: false });
    expect(r.obstacles.map((o) => o.kind)).toContain('observation');
  });

  it('flags a Production promotion that cut the observation short', () => {
    const c = component(note({
      stage: 'Production',
      header: '**Promoted to Production**: 2026-11-12',
      history: '- **2026-11-10**: Promoted to Staging (Issue #8)\n- **2026-11-12**: Promoted to Production (Issue #9)',
      stagingToProd: '- [x] 7-day uptime in staging ≥99.5%',
    }));
    expect(c.readiness!.observation).toMatchObject({ since: '2026-11-10', elapsedDays: 2, complete: false });
    expect(c.diagnostics.find((d) => d.code === 'observation-incomplete')).toMatchObject({ severity: 'error' });
    expect(c.readiness!.tenure).toMatchObject({ since: '2026-11-12', days: 12 });
  });

  it('respects severity overrides: an "off" rule neither reports nor stands in the way', () => {
    const text = note({ header: '**Promoted to Staging**: 2026-11-20', stagingToProd: '- [x] 7-day uptime in staging ≥99.5%' });
    const c = component(text, { severity: { 'observation-incomplete': 'off' } });
    expect(codes(c)).not.toContain('observation-incomplete');
    expect(c.readiness!.obstacles.map((o) => o.kind)).not.toContain('observation');
    const info = component(text, { severity: { 'observation-incomplete': 'info' } });
    expect(info.diagnostics.find((d) => d.code === 'observation-incomplete')?.severity).toBe('info');
  });
});

describe('readiness of a clean note', () => {
  it('is ready when every criterion is checked, backed, and nothing else stands in the way', () => {
    const c = component(note({
      header: '**Promoted to Staging**: 2026-10-01',
      stagingToProd: '- [x] Integration tests passing (≥80% coverage) - 86%\n- [x] 7-day uptime in staging ≥99.5%',
    }));
    const r = c.readiness!;
    expect(r).toMatchObject({ stage: 'staging', next: 'production', ready: true, backed: true, score: 1 });
    expect(r.summary).toBe('Ready for Production: all 2 criteria are checked and the evidence in the note agrees.');
  });

  it('names what stands in the way in one sentence', () => {
    const c = component(note({
      header: '**Promoted to Staging**: 2026-11-21',
      stagingToProd: '- [x] Integration tests passing (≥80% coverage) - 61%\n- [ ] 7-day uptime in staging ≥99.5%',
    }));
    expect(c.readiness!.summary).toBe(
      'Not ready for Production: 1 of 2 criteria unchecked, "Integration tests passing (≥80% coverage)" is checked, but integration coverage 61% (line 30) is below ≥80% and 4 of 7 observation days left.',
    );
  });
});
