// One note's text → MaturityNote, on the forms real notes use.
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, parseNote } from '../../../src/core/index';
import { LOGSEQ_MARKERS } from '../../../src/core/parse/visitor';

const pipeline = createPipeline(DEFAULT_STAGES);
const parse = (text: string) => parseNote(text, pipeline);
const codes = (text: string) => parse(text).diagnostics.map((d) => d.code);

const header = `# Payments Maturity Status

**Current Stage**: Staging (Promoted 2026-10-01)
**Last Updated**: 2026-11-01
**Owner**: payments-squad
**Functional Group**: Payments
**Priority**: P1

---
`;

describe('header fields', () => {
  it('reads every header field with its line', () => {
    const note = parse(header);
    expect(note.stage).toMatchObject({ id: 'staging', qualifier: 'Promoted 2026-10-01', line: 3, source: 'header' });
    expect(note.lastUpdated).toEqual({ value: '2026-11-01', raw: '2026-11-01', line: 4 });
    expect(note.owner?.value).toBe('payments-squad');
    expect(note.group?.value).toBe('Payments');
    expect(note.priority?.value).toBe('P1');
    expect(note.heading).toBe('Payments Maturity Status');
  });

  it.each([
    '**Current Stage:** Staging',
    '**Current Stage** : Staging',
    '__Current Stage__: Staging',
    'Current Stage: Staging',
    '- **Current Stage**: Staging',
    '> **Current Stage**: Staging',
  ])('accepts the form %s', (line) => {
    expect(parse(`# X\n\n${line}\n`).stage?.id).toBe('staging');
  });

  it('reads promoted-to dates', () => {
    const note = parse('# X\n\n**Current Stage**: Staging\n**Promoted to Staging**: 2025-10-21\n');
    expect(note.promotedTo).toEqual([{ stage: 'staging', date: '2025-10-21', raw: '2025-10-21', line: 4 }]);
  });

  it('reports a footer that contradicts the header', () => {
    const note = parse(`${header}\n## Footer\n\n**Current Stage**: **Development** ⚠️\n`);
    expect(note.stage?.id).toBe('staging');
    expect(note.diagnostics).toContainEqual(expect.objectContaining({ code: 'stage-conflict', line: 13 }));
  });

  it('says when the stage is missing, or only a template slot, or unknown', () => {
    expect(codes('# X\n\nSome text.\n')).toContain('stage-missing');
    expect(parse('# X\n\n**Current Stage**: <Development|Staging|Production>\n').diagnostics[0]!.message).toMatch(/placeholder/);
    expect(codes('# X\n\n**Current Stage**: Beta\n')).toContain('stage-unknown');
  });

  it('flags a Last Updated that is not a date', () => {
    expect(codes('# X\n\n**Current Stage**: Staging\n**Last Updated**: last Tuesday\n')).toContain('date-invalid');
  });
});

const criteria = (items: string, status = '') => `${header}
## Maturity Criteria

### Development → Staging

${items}

${status}
`;

describe('transitions and their criteria', () => {
  it('counts every checkbox form', () => {
    const note = parse(criteria('- [x] a\n- [X] b\n* [x] c\n+ [ ] d\n1. [x] e\n2) [ ] f'));
    expect(note.transitions[0]).toMatchObject({ from: 'development', to: 'staging', met: 4, total: 6 });
  });

  it('counts indented outliner bullets and Logseq task markers', () => {
    const note = parse(criteria('- ### Development → Staging\n\t- [x] a\n\t- [ ] b\n\t- DONE c\n\t- TODO d'));
    const t = note.transitions.find((x) => x.items.length > 0)!;
    expect([t.met, t.total]).toEqual([2, 4]);
  });

  it('reads every Logseq task marker as a task, and a capitalised word as none', () => {
    // The scanner cuts a first word only where two upper-case letters open the bullet.
    const markers = [...LOGSEQ_MARKERS];
    const note = parse(criteria([...markers.map((m) => `- ${m} step`), '- Done step', '- TODOS step', '- A step'].join('\n')));
    expect(note.transitions[0]!.items.map((i) => i.status)).toEqual(markers);
    expect(note.transitions[0]!.items.map((i) => i.text)).toEqual(markers.map(() => 'step'));
  });

  it('does not count a criterion\'s own sub-tasks', () => {
    const note = parse(criteria('- [x] a\n  - [ ] sub-task of a\n- [ ] b'));
    expect([note.transitions[0]!.met, note.transitions[0]!.total]).toEqual([1, 2]);
  });

  it('splits annotations and marks from the criterion', () => {
    const item = parse(criteria('- [ ] Unit tests passing (≥70% coverage) - **Currently 0%** ❌')).transitions[0]!.items[0]!;
    expect(item).toMatchObject({ text: 'Unit tests passing (≥70% coverage)', note: 'Currently 0%', mark: 'fail', checked: false });
  });

  it.each([
    ['**Status**: 2/3 criteria met', 2, 3],
    ['**Status**: ❌ **2/3 criteria met - NEEDS TEST REFACTORING**', 2, 3],
    ['**Status**: 2/3 criteria met (67%)', 2, 3],
    ['**Status:** 2/3 criteria met ✅ **READY**', 2, 3],
    ['**Overall Status**: **2/3 criteria met** (1 N/A)', 2, 3],
    ['Status: 2/3', 2, 3],
    ['**Status**: X/3 criteria met', null, 3],
  ])('reads the status line %s', (line, met, total) => {
    const t = parse(criteria('- [x] a\n- [x] b\n- [ ] c', line)).transitions[0]!;
    expect([t.claim?.met, t.claim?.total]).toEqual([met, total]);
  });

  it('reports a status line that disagrees with the boxes', () => {
    const note = parse(criteria('- [x] a\n- [ ] b\n- [ ] c', '**Status**: ✅ **3/3 criteria met**'));
    expect(note.diagnostics).toContainEqual(expect.objectContaining({ code: 'status-count-mismatch', severity: 'error' }));
  });

  it('reports a stage past unmet criteria, but not a stage still before them', () => {
    expect(codes(criteria('- [x] a\n- [ ] b'))).toContain('stage-criteria-unmet');
    expect(codes(criteria('- [x] a\n- [ ] b').replace('Staging (Promoted 2026-10-01)', 'Development'))).not.toContain('stage-criteria-unmet');
  });

  it('reports checked-but-failing and unchecked-but-passing criteria', () => {
    expect(codes(criteria('- [x] a ❌\n- [ ] b ✅'))).toEqual(expect.arrayContaining(['checkbox-mark-conflict']));
    expect(parse(criteria('- [x] a ❌\n- [ ] b ✅')).diagnostics.filter((d) => d.code === 'checkbox-mark-conflict')).toHaveLength(2);
  });

  it('reads criteria tables', () => {
    const note = parse(criteria('| Requirement | Target | Status |\n|---|---|---|\n| Coverage | ≥70% | ✅ PASS |\n| Lint | 0 | ⚠️ BYPASS |'));
    expect(note.transitions[0]!.items.map((i) => [i.text, i.checked])).toEqual([['Coverage', true], ['Lint', false]]);
  });
});

describe('what never counts', () => {
  it('ignores fenced and indented code and HTML comments', () => {
    const note = parse(`${header}
## Maturity Criteria

### Development → Staging

- [x] real

\`\`\`markdown
- [ ] fake in a fence
**Current Stage**: Production
\`\`\`

~~~
- [ ] fake in a tilde fence
~~~

    - [ ] fake in indented code

<!-- - [ ] fake in a comment
**Status**: 0/9 criteria met -->
<!-- **Current Stage**: Production --> 

**Status**: 1/1 criteria met
`);
    expect(note.transitions[0]).toMatchObject({ met: 1, total: 1, claim: { met: 1, total: 1 } });
    expect(note.otherStages).toEqual([]);
  });

  it('tells both lines of a status line written twice, and checks each against the boxes', () => {
    const note = parse(criteria('- [x] one\n- [ ] two\n\n**Status**: 1/2 criteria met\n\n**Status**: 2/2 criteria met'));
    const t = note.transitions[0]!;
    expect(t.claim).toMatchObject({ met: 1, total: 2 });
    expect(t.otherClaims).toEqual([expect.objectContaining({ met: 2, total: 2, line: t.claim!.line + 2 })]);
    expect(note.diagnostics.filter((d) => d.code.startsWith('status-')).map((d) => [d.code, d.severity, d.line])).toEqual([
      ['status-line-repeated', 'warning', t.claim!.line + 2],
      ['status-count-mismatch', 'error', t.claim!.line + 2],
    ]);
  });

  it('keeps counting after a fence with a longer closing fence', () => {
    const note = parse(criteria('````\n```\n- [ ] inside\n````\n- [x] after'));
    expect(note.transitions[0]!.total).toBe(1);
  });
});

describe('dependencies', () => {
  const deps = (body: string) => parse(`${header}\n## Component Overview\n\n**Dependencies**:\n${body}\n`).dependencies;

  it('reads wiki links, plain names, declared stages and the BLOCKED flag', () => {
    expect(deps('- [[Neo4j]] (Current Stage: Staging)\n- Redis (Current Stage: Development - BLOCKED)\n- [[Infra/Object Storage|storage]]')).toEqual([
      expect.objectContaining({ name: 'Neo4j', link: true, declaredStage: 'staging', declaredBlocked: false, line: 14 }),
      expect.objectContaining({ name: 'Redis', link: false, declaredStage: 'development', declaredBlocked: true }),
      expect.objectContaining({ name: 'Infra/Object Storage', link: true, declaredStage: null }),
    ]);
  });

  it('reads Optional: prefixes and notes', () => {
    expect(deps('- Optional: Neo4j (for lore database integration)')[0]).toMatchObject({ name: 'Neo4j', optional: true, note: 'for lore database integration' });
  });

  it('reads None (foundational component) inline and as a bullet', () => {
    const inline = parse(`${header}\n**Dependencies**: None (foundational component)\n`);
    expect([inline.dependencies, inline.dependenciesNone]).toEqual([[], true]);
    expect(parse(`${header}\n**Dependencies**:\n- None (self-contained)\n`).dependenciesNone).toBe(true);
  });

  it('splits inline lists and skips template placeholders', () => {
    expect(parse(`${header}\n**Dependencies**: [[A]], [[B]] (Current Stage: Production)\n`).dependencies.map((d) => [d.name, d.declaredStage])).toEqual([
      ['A', null],
      ['B', 'production'],
    ]);
    expect(deps('- Dependency 1 (Current Stage: Development)')).toEqual([]);
  });

  it('reads a Dependencies section and ignores downstream and development lists', () => {
    const note = parse(`${header}\n## Dependencies\n\n**Runtime Dependencies**:\n- Redis\n- Neo4j\n\n**Development Dependencies**:\n- pytest\n\n**Downstream Dependencies**:\n- Billing\n`);
    expect(note.dependencies.map((d) => d.name)).toEqual(['Redis', 'Neo4j']);
  });
});

describe('blockers and history', () => {
  it('reads the numbered blocker block with Type, Severity, Target Stage and Status', () => {
    const note = parse(`${header}
## Current Blockers

### Active Blockers

1. **Issue #212**: Reconciliation fails under concurrent writes
   - **Type**: Tests
   - **Severity**: Critical
   - **Target Stage**: Staging
   - **Status**: In Progress

2. **Issue #XXX**: <Blocker Description>
   - **Type**: Tests | Documentation
   - **Severity**: Critical | High | Medium | Low

### Resolved Blockers

1. **Issue #198**: Missing idempotency keys (Resolved: 2026-10-15)
`);
    expect(note.blockers).toEqual([
      expect.objectContaining({ issue: '#212', text: 'Reconciliation fails under concurrent writes', type: 'Tests', severity: 'critical', targetStage: 'staging', status: 'in-progress' }),
      expect.objectContaining({ issue: '#198', status: 'resolved', resolvedOn: '2026-10-15' }),
    ]);
  });

  it('reads blockers listed under a transition and "None"', () => {
    const note = parse(criteria('- [ ] a', '**Blockers**:\n- Tests need refactoring\n- Issue #XXX: <Description>'));
    expect(note.blockers.map((b) => [b.text, b.targetStage, b.status])).toEqual([['Tests need refactoring', 'staging', 'open']]);
    expect(parse(criteria('- [ ] a', '**Blockers**: None (resolved 2025-10-08)')).blockers).toEqual([]);
  });

  it('reads promotion history from lists, headings and tables', () => {
    const note = parse(`${header}
## Promotion History

### Promotions

- **2025-10-07**: Initial development complete
- **2025-10-08**: Promoted to Staging (Issue #39)
  - details on 2025-10-09 are not an entry
- ❌ **2025-10-01**: **Development → Staging** (Issue #24) - **REVOKED**
- **YYYY-MM-DD**: Promoted to Production (Issue #YYY)

### Demotions

- **2025-10-21**: **Staging → Development**

## Component History

### 2025-11-02: Promoted to Production

| Date | Stage | Notes |
|------|-------|-------|
| 2025-11-03 | Staging → Production | rollout |
`);
    expect(note.history.map((h) => [h.date, h.kind, h.from, h.to, h.issue])).toEqual([
      ['2025-10-07', 'created', null, 'development', null],
      ['2025-10-08', 'promoted', null, 'staging', '#39'],
      ['2025-10-01', 'revoked', 'development', 'staging', '#24'],
      ['2025-10-21', 'demoted', 'staging', 'development', null],
      ['2025-11-02', 'promoted', null, 'production', null],
      ['2025-11-03', 'promoted', 'staging', 'production', null],
    ]);
  });
});

describe('figures and placeholders', () => {
  it('reads coverage, security counts and performance against targets', () => {
    const note = parse(`${header}
**Current Coverage**: **87.5%** (158/180 lines covered)

## Performance Metrics

### Current Performance (Staging)

**Response Time**:
- p50: 42ms
- p95: 180ms

**Uptime**: 99.95% (over 7 days)

### SLA Targets (Production)

**Response Time**:
- p95: <150ms

**Throughput**: >100 req/s

## Security Status

**Security Scan Results**:
- Critical: 0 ✅
- High: 1
- Medium: X

**Security Review Status**: Complete
`);
    expect(note.coverage[0]).toMatchObject({ percent: 87.5, label: 'current coverage', line: 11 });
    expect(note.performance.current.p95).toMatchObject({ value: 180, unit: 'ms' });
    expect(note.performance.targets.p95).toMatchObject({ value: 150, comparator: '<' });
    expect(note.performance.targets.throughput).toMatchObject({ value: 100, comparator: '>', unit: 'req/s' });
    expect(note.performance.observedDays?.value).toBe(7);
    expect([note.security.critical?.value, note.security.high?.value, note.security.medium?.value]).toEqual([0, 1, null]);
    expect(note.security.reviewStatus?.value).toBe('Complete');
  });

  it('collects unfilled template placeholders', () => {
    const note = parse(`${header}
**Purpose**: <Brief description of component purpose>

**Key Features**:
- Feature 1

**Current Coverage**: XX%

**Log Level**: DEBUG | INFO | WARNING | ERROR
`);
    expect(note.placeholders.map((p) => p.text)).toEqual(['<Brief description of component purpose>', 'Feature 1', 'XX%', 'DEBUG | INFO | WARNING | ERROR']);
    expect(note.diagnostics.map((d) => d.code)).toContain('template-placeholder');
  });

  it('collects checklists by section', () => {
    const note = parse(`${header}\n## Documentation Status\n\n### Component Documentation\n\n- [x] README\n- [ ] API\n\n## Next Steps\n\n- [ ] Ship\n`);
    expect(note.checklists.map((c) => [c.kind, c.heading, c.items.length])).toEqual([
      ['documentation', 'Component Documentation', 2],
      ['next-steps', 'Next Steps', 1],
    ]);
  });
});

describe('line endings and encodings', () => {
  it('reads CRLF, lone CR and a BOM the same as LF', () => {
    const lf = parse(criteria('- [x] a\n- [ ] b', '**Status**: 1/2 criteria met'));
    for (const variant of [`\uFEFF${criteria('- [x] a\n- [ ] b', '**Status**: 1/2 criteria met')}`, criteria('- [x] a\n- [ ] b', '**Status**: 1/2 criteria met').replace(/\n/g, '\r\n'), criteria('- [x] a\n- [ ] b', '**Status**: 1/2 criteria met').replace(/\n/g, '\r')]) {
      const other = parse(variant);
      expect(other.transitions).toEqual(lf.transitions);
      expect(other.stage).toEqual(lf.stage);
    }
  });
});
