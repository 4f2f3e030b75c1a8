// The body sections of a generated component note: criteria per transition, performance,
// security, documentation, history, blockers, and the filler that long notes carry.
import type { Block, Item } from './doc';
import type { ComponentSpec, Stage } from './component';
import { STAGE_NAME } from './component';
import type { Random } from './random';
import { BLOCKER_TEXTS, DEV_TO_STAGING, STAGING_TO_PRODUCTION, isoDate, paragraph, sentence, slug } from './words';

const RANK: Record<Stage, number> = { development: 0, staging: 1, production: 2 };

type CheckStyle = 'plain' | 'annotated' | 'upper' | 'logseq';

function checkStyle(spec: ComponentSpec, random: Random): CheckStyle {
  if (spec.style === 'outliner' && random.chance(0.4)) return 'logseq';
  return random.weighted([['plain', 4], ['annotated', 5], ['upper', 1]] as const);
}

function criterion(text: string, checked: boolean, style: CheckStyle, random: Random): string {
  if (style === 'logseq') return `${checked ? 'DONE' : random.pick(['TODO', 'TODO', 'DOING', 'LATER'])} ${text}`;
  const box = checked ? (style === 'upper' ? '[X]' : '[x]') : random.chance(0.1) ? '[/]' : '[ ]';
  if (style !== 'annotated') return `${box} ${text}`;
  if (checked) return `${box} ${text} ✅`;
  return `${box} ${text}${random.pick([` - **Currently ${random.int(0, 69)}%** ❌`, ' - **In Progress**', ` - **In Progress** (Day ${random.int(1, 6)}/7)`, ' - **Pending**', ' ❌', ''])}`;
}

function claimLine(met: number, total: number, random: Random): string | null {
  const shown = random.chance(0.08) ? Math.min(total, Math.max(0, met + random.pick([-2, -1, 1]))) : met;
  const done = shown === total;
  return random.weighted([
    [`**Status**: ${shown}/${total} criteria met`, 5],
    [`**Status**: ${done ? '✅' : '❌'} **${shown}/${total} criteria met - ${done ? 'READY' : 'NEEDS WORK'}**`, 3],
    [`**Status**: ${shown}/${total} criteria met (${Math.round((shown / total) * 100)}%)`, 2],
    [`**Criteria Met**: ${shown}/${total}`, 1],
    [null, 1],
  ] as const);
}

function transitionHeading(from: Stage, to: Stage, random: Random): string {
  const a = STAGE_NAME[from];
  const b = STAGE_NAME[to];
  return random.weighted([
    [`${a} → ${b}`, 6],
    [`${a} -> ${b}`, 2],
    [`${a} to ${b} Promotion Criteria`, 1],
    [`✅ ${a} → ${b}`, 1],
    [`${b} Criteria`, 1],
  ] as const);
}

function transition(spec: ComponentSpec, random: Random, from: Stage, to: Stage, texts: string[]): Block[] {
  const reached = RANK[spec.stage] >= RANK[to];
  const style = checkStyle(spec, random);
  const checked = texts.map(() => (reached ? !random.chance(0.015) : random.chance(RANK[spec.stage] === RANK[from] ? 0.55 : 0.1)));
  const blocks: Block[] = [{ kind: 'heading', depth: 3, text: transitionHeading(from, to, random) }];
  if (style !== 'logseq' && random.chance(0.08)) {
    // A criteria table instead of boxes.
    blocks.push({
      kind: 'table',
      header: ['Criterion', 'Target', 'Actual', 'Status'],
      rows: texts.slice(0, 5).map((t, i) => [t.replace(/\s*\(.*\)$/, ''), random.pick(['≥70%', 'Pass', '0 issues', 'Done']), random.pick(['84.65%', 'Pass', '0', 'Partial']), checked[i] ? '✅' : '❌']),
    });
  } else {
    const marker = random.weighted([['-', 8], ['*', 2]] as const);
    const ordered = random.chance(0.05);
    blocks.push({ kind: 'list', marker, ordered, items: texts.map((t, i) => ({ text: criterion(spec.placeholders && i === 0 && random.chance(0.3) ? 'Feature 1 complete' : t, checked[i]!, style, random) })) });
    const claim = claimLine(checked.filter(Boolean).length, texts.length, random);
    if (claim) blocks.push({ kind: 'para', lines: [spec.placeholders && random.chance(0.3) ? `**Status**: X/${texts.length} criteria met` : claim] });
  }
  const coverage = spec.placeholders && random.chance(0.4) ? 'XX%' : `${random.int(35, 96)}%`;
  blocks.push({ kind: 'para', lines: [`**Current Coverage**: ${coverage}`] });
  if (!reached && random.chance(0.6)) {
    const items: Item[] = spec.placeholders && random.chance(0.4)
      ? [{ text: 'Issue #XXX: <Description>' }, { text: 'Issue #YYY: <Description>' }]
      : random.sample(BLOCKER_TEXTS, random.int(1, 3)).map((t) => ({ text: random.chance(0.6) ? `Issue #${random.int(10, 400)}: ${t}` : t }));
    blocks.push({ kind: 'para', lines: ['**Blockers**:'] }, { kind: 'list', attached: true, items });
  } else if (random.chance(0.3)) {
    blocks.push({ kind: 'para', lines: ['**Blockers**: None'] });
  }
  if (random.chance(0.5)) blocks.push({ kind: 'rule' });
  return blocks;
}

export function criteriaSection(spec: ComponentSpec, random: Random): Block[] {
  return [
    { kind: 'heading', depth: 2, text: 'Maturity Criteria' },
    ...transition(spec, random, 'development', 'staging', DEV_TO_STAGING),
    ...transition(spec, random, 'staging', 'production', STAGING_TO_PRODUCTION),
  ];
}

function ms(random: Random, spec: ComponentSpec, low: number, high: number): string {
  return spec.placeholders && random.chance(0.3) ? 'XXms' : `${random.int(low, high)}ms`;
}

export function detailSections(spec: ComponentSpec, random: Random): Block[] {
  const blocks: Block[] = [];
  const label = spec.stage === 'development' ? 'Development' : 'Staging';
  blocks.push({ kind: 'heading', depth: 2, text: 'Performance Metrics' }, { kind: 'heading', depth: 3, text: `Current Performance (${label})` });
  if (spec.stage === 'development' && random.chance(0.4)) {
    blocks.push({ kind: 'para', lines: ['**Response Time**: Not measured', '**Throughput**: Not measured', '**Uptime**: Not tracked'] });
  } else {
    blocks.push({ kind: 'para', lines: ['**Response Time**:'] });
    blocks.push({ kind: 'list', attached: true, items: [{ text: `p50: ${ms(random, spec, 5, 80)}` }, { text: `p95: ${ms(random, spec, 80, 300)}` }, { text: `p99: ${ms(random, spec, 300, 900)}` }] });
    blocks.push({ kind: 'para', lines: [`**Throughput**: ${random.int(50, 2000)} req/s`] });
    blocks.push({ kind: 'para', lines: [`**Uptime**: ${random.pick(['99.2', '99.5', '99.7', '99.95'])}% (over ${random.int(2, 30)} days)`] });
  }
  blocks.push({ kind: 'heading', depth: 3, text: 'SLA Targets (Production)' });
  blocks.push({ kind: 'para', lines: ['**Response Time**:'] });
  blocks.push({ kind: 'list', attached: true, items: [{ text: 'p50: <50ms' }, { text: 'p95: <150ms' }, { text: 'p99: <300ms' }] });
  blocks.push({ kind: 'para', lines: ['**Throughput**: >100 req/s'] }, { kind: 'para', lines: ['**Uptime**: ≥99.9%'] });

  blocks.push({ kind: 'heading', depth: 2, text: 'Test Coverage' }, { kind: 'heading', depth: 3, text: 'Unit Tests' });
  blocks.push({ kind: 'para', lines: [`**Coverage**: ${random.int(30, 95)}%`] });
  blocks.push({ kind: 'para', lines: ['**Test Files**:'] });
  blocks.push({ kind: 'list', attached: true, items: [{ text: `\`tests/test_${slug(spec.name)}.py\`` }, { text: `\`tests/test_${slug(spec.name)}_integration.py\`` }] });

  blocks.push({ kind: 'heading', depth: 2, text: 'Security Status' });
  blocks.push({ kind: 'para', lines: [`**Last Security Scan**: ${isoDate(spec.updated, random.int(0, 20))}`] });
  blocks.push({ kind: 'para', lines: ['**Security Scan Results**:'] });
  const critical = random.chance(0.05) ? 1 : 0;
  blocks.push({ kind: 'list', attached: true, items: [{ text: `Critical: ${critical}` }, { text: `High: ${random.int(0, 2)}` }, { text: `Medium: ${random.int(0, 4)}` }, { text: `Low: ${random.int(0, 9)}` }] });
  blocks.push({ kind: 'para', lines: [`**Security Review Status**: ${random.pick(['Complete', 'In Progress', 'Not Started'])}`] });

  blocks.push({ kind: 'heading', depth: 2, text: 'Documentation Status' });
  const docs = ['Component README', 'API Documentation', 'Usage Examples', 'Troubleshooting Guide', 'Architecture Documentation'];
  blocks.push({ kind: 'list', items: docs.map((d) => ({ text: `${random.chance(0.6) ? '[x]' : '[ ]'} ${d}` })) });
  return blocks;
}

export function historySection(spec: ComponentSpec, random: Random): Block[] {
  const created = isoDate(spec.updated, random.int(120, 400));
  const entries: Array<[string, string]> = [[created, `Component created in Development`]];
  if (RANK[spec.stage] >= 1) entries.push([isoDate(spec.updated, random.int(40, 110)), `Promoted to Staging (Issue #${random.int(10, 400)})`]);
  if (RANK[spec.stage] >= 2) entries.push([isoDate(spec.updated, random.int(1, 39)), `Staging → Production (Issue #${random.int(10, 400)})`]);
  const blocks: Block[] = [{ kind: 'heading', depth: 2, text: 'Promotion History' }];
  if (random.chance(0.15)) {
    blocks.push({ kind: 'table', header: ['Date', 'Event'], rows: entries.map(([d, e]) => [d, e]) });
  } else {
    blocks.push({ kind: 'list', items: entries.map(([d, e]) => ({ text: `**${d}**: ${e}` })) });
  }
  if (random.chance(0.3)) blocks.push({ kind: 'para', lines: ['Demotions: none'] });
  return blocks;
}

export function blockersSection(spec: ComponentSpec, random: Random): Block[] {
  if (random.chance(0.4)) return [];
  const blocks: Block[] = [{ kind: 'heading', depth: 2, text: 'Current Blockers' }, { kind: 'heading', depth: 3, text: 'Active Blockers' }];
  const count = spec.blocked ? random.int(1, 3) : random.int(0, 2);
  if (count === 0) {
    blocks.push({ kind: 'para', lines: ['None.'] });
  } else {
    const items: Item[] = [];
    for (let i = 0; i < count; i++) {
      items.push({
        text: `**Issue #${random.int(10, 400)}**: ${random.pick(BLOCKER_TEXTS)}`,
        children: [
          { text: `**Type**: ${random.pick(['Performance', 'Integration', 'Security', 'Testing'])}` },
          { text: `**Severity**: ${random.pick(['Critical', 'High', 'Medium', 'Low'])}` },
          { text: `**Target Stage**: ${STAGE_NAME[spec.stage === 'production' ? 'production' : spec.stage === 'staging' ? 'production' : 'staging']}` },
          { text: `**Status**: ${random.pick(['Open', 'In Progress'])}` },
        ],
      });
    }
    blocks.push({ kind: 'list', items, ordered: random.chance(0.2) });
  }
  if (random.chance(0.5)) {
    blocks.push({ kind: 'heading', depth: 3, text: 'Resolved Blockers' });
    blocks.push({ kind: 'list', items: [{ text: `**Issue #${random.int(10, 400)}**: ${random.pick(BLOCKER_TEXTS)} (Resolved: ${isoDate(spec.updated, random.int(5, 90))})` }] });
  }
  return blocks;
}

/** Sections long notes carry: notes, rollback runbooks, monitoring, next steps. */
export function fillerBlocks(spec: ComponentSpec, random: Random, first: boolean): Block[] {
  const kind = first ? 'rollback' : random.weighted([['notes', 5], ['monitoring', 2], ['next', 2], ['code', 1], ['quote', 1]] as const);
  switch (kind) {
    case 'rollback':
      return [
        { kind: 'heading', depth: 2, text: 'Rollback Procedure' },
        { kind: 'code', fence: random.chance(0.8) ? '```' : '~~~', lang: 'bash', lines: [`kubectl -n ${slug(spec.group)} rollout undo deployment/${slug(spec.name)}`, `curl -fsS http://${slug(spec.name)}.svc:8080/ready`, '# - [x] Rollback verified', '## Current Stage: Production'] },
        { kind: 'para', lines: [`**Last Rollback Test**: ${isoDate(spec.updated, random.int(1, 50))}`] },
      ];
    case 'monitoring':
      return [
        { kind: 'heading', depth: 2, text: 'Monitoring & Observability' },
        { kind: 'para', lines: ['**Health Checks**: `/health` and `/ready` - Configured'] },
        { kind: 'para', lines: ['**Alerts Configured**:'] },
        { kind: 'list', attached: true, items: [{ text: `ErrorRate: >${random.int(1, 5)}% for 5 minutes` }, { text: `Latency: p95 >${random.int(150, 600)}ms for 10 minutes` }] },
      ];
    case 'next':
      return [
        { kind: 'heading', depth: 2, text: 'Next Steps' },
        { kind: 'heading', depth: 3, text: random.pick(['Short-term (Next Sprint)', 'Medium-term (Next Month)', 'Long-term (Next Quarter)']) },
        { kind: 'list', items: [0, 1, 2].map(() => ({ text: `${spec.style === 'outliner' && random.chance(0.5) ? random.pick(['TODO', 'DONE', 'LATER']) : random.pick(['[ ]', '[x]'])} ${sentence(random, []).replace(/\.$/, '')}` })) },
      ];
    case 'code':
      return [
        { kind: 'heading', depth: 3, text: 'Template excerpt' },
        { kind: 'code', fence: '```', lang: 'markdown', lines: ['**Current Stage**: <Development|Staging|Production>', '- [ ] Core features complete', '**Status**: X/7 criteria met'] },
      ];
    case 'quote':
      return [{ kind: 'quote', lines: [`[!note] Review ${isoDate(spec.updated, random.int(0, 30))}`, paragraph(random, spec.neighbours, 2)] }];
    default:
      return [
        { kind: 'heading', depth: 2, text: random.pick(['Notes', 'Implementation Notes', 'Operational Notes', 'Lessons Learned']) },
        { kind: 'para', lines: [paragraph(random, spec.neighbours, random.int(3, 6))] },
        { kind: 'para', lines: [paragraph(random, spec.neighbours, random.int(2, 5))] },
        { kind: 'list', items: [0, 1, 2, 3].map(() => ({ text: sentence(random, spec.neighbours) })) },
      ];
  }
}
