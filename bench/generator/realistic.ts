// A realistic knowledge base: mostly notes that are not components — daily notes, guides,
// architecture documents, reports, plans, meeting notes, prompts — of the TTA knowledge base's
// sizes and wording (many mention stages, some quote the template, plans state a Current and a
// Target Stage), spread over 33 folders, with a few percent component notes from the vault
// generator. The CLI benchmark scans it against the cost of reading its files (bench/cli-bench.ts).
import { renderPage, type Block, type Page } from './doc';
import { STAGE_NAME, STAGES, TODAY } from './component';
import { childSeed, createRandom, type Random } from './random';
import { generateNotes, type GeneratedNote } from './vault';
import { isoDate, sentence } from './words';

export interface RealisticOptions {
  notes: number;
  seed?: number;
  /** Share of component notes (default 0.03). */
  componentShare?: number;
}

type DocKind = 'daily' | 'guide' | 'architecture' | 'report' | 'plan' | 'meeting' | 'prompt' | 'runbook';

/** Kind, weight, and size range in bytes (tta-kb: median 8.4 KB, p10 0.6 KB, p90 12.8 KB). */
const KINDS: ReadonlyArray<readonly [DocKind, number, [number, number]]> = [
  ['daily', 22, [300, 2500]],
  ['guide', 17, [4000, 22000]],
  ['architecture', 13, [6000, 30000]],
  ['report', 18, [4000, 16000]],
  ['plan', 6, [3000, 10000]],
  ['meeting', 14, [1000, 5000]],
  ['prompt', 4, [800, 4000]],
  ['runbook', 6, [3000, 12000]],
];

const FOLDERS = [
  'Architecture', 'Components', 'Guides', 'Plans', 'Reports', 'Daily', 'Meetings', 'Testing', 'Deployment',
  'Security', 'Operations', 'Research', 'Prompts', 'Templates', 'Specs', 'Retros', 'Onboarding', 'Runbooks',
  'Decisions', 'Incidents', 'Roadmap', 'Releases', 'Experiments', 'Data', 'Infrastructure', 'Integrations',
  'Observability', 'Performance', 'Product', 'Process', 'Team', 'Archive', 'Inbox',
];

const HOME: Record<DocKind, readonly string[]> = {
  daily: ['Daily', 'Inbox', 'Team'],
  guide: ['Guides', 'Onboarding', 'Testing', 'Deployment', 'Security', 'Integrations', 'Process'],
  architecture: ['Architecture', 'Specs', 'Decisions', 'Research', 'Data', 'Infrastructure'],
  report: ['Reports', 'Testing', 'Performance', 'Observability', 'Releases', 'Retros', 'Incidents', 'Archive'],
  plan: ['Plans', 'Roadmap', 'Components', 'Releases'],
  meeting: ['Meetings', 'Team', 'Retros', 'Product'],
  prompt: ['Prompts', 'Templates', 'Experiments'],
  runbook: ['Runbooks', 'Operations', 'Deployment', 'Incidents'],
};

const TOPICS = [
  'Agent Orchestration', 'Narrative Engine', 'Player Experience', 'Neo4j Graph', 'Redis Session Cache',
  'Model Management', 'Therapeutic Safety', 'Gameplay Loop', 'Carbon Tracking', 'Docker Compose Stack',
  'CI Pipeline', 'Prompt Registry', 'World Builder', 'Character Arcs', 'Memory Layer', 'API Gateway',
  'Observability Stack', 'Quality Gates', 'Test Matrix', 'Monorepo Layout', 'Workflow Primitives',
];

// Prose of the kind the knowledge base holds: stages mentioned all the time, in passing.
const STAGE_SENTENCES = [
  (t: string, s: string) => `${t} moved to ${s.toLowerCase()} after coverage reached ${60 + (t.length % 30)}%.`,
  (t: string, s: string) => `We keep ${t} in ${s} until the 7-day uptime window completes.`,
  (t: string, s: string) => `The ${s.toLowerCase()} environment mirrors production except for the Neo4j cluster size.`,
  (t: string) => `Before promoting ${t}, check the promotion criteria and update the maturity document.`,
  (t: string, s: string) => `${s} readiness for ${t} depends on the integration tests against Redis and Neo4j.`,
  (t: string) => `The maturity review of ${t} found three gaps in the documentation and one in monitoring.`,
  (t: string, s: string) => `Deploying ${t} to ${s.toLowerCase()} uses the same compose file with a different env.`,
  (t: string) => `Production incidents on ${t} are triaged within one business day.`,
];

const CODE_SNIPPETS = [
  ['uv run pytest tests/ -q --cov=src --cov-report=term-missing', 'uv run ruff check src/', 'uv run pyright src/'],
  ['docker compose -f docker-compose.staging.yml up -d', 'docker compose logs -f narrative-engine'],
  ['def promote(component: str, stage: str) -> bool:', '    """Open a promotion request when every criterion is met."""', '    return all(check(component, stage))'],
  ['MATCH (p:Player)-[:IN_SESSION]->(s:Session)', 'WHERE s.updated > datetime() - duration("P1D")', 'RETURN count(p)'],
];

function docTitle(kind: DocKind, topic: string, index: number, date: string): string {
  switch (kind) {
    case 'daily':
      return date;
    case 'guide':
      return `${topic} Guide`;
    case 'architecture':
      return `${topic} Architecture`;
    case 'report':
      return `${topic} ${['Test Report', 'Coverage Report', 'Status Report', 'Performance Report', 'Audit'][index % 5]}`;
    case 'plan':
      return `${topic} - ${STAGE_NAME[STAGES[1 + (index % 2)]!]} Promotion Plan`;
    case 'meeting':
      return `${topic} Sync ${date}`;
    case 'prompt':
      return `${topic} Review Prompt`;
    case 'runbook':
      return `${topic} Runbook`;
  }
}

function stageProse(random: Random, topic: string, names: readonly string[], count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    if (random.chance(0.45)) out.push(random.pick(STAGE_SENTENCES)(random.chance(0.3) && names.length > 0 ? `[[${random.pick(names)}]]` : topic, STAGE_NAME[random.pick(STAGES)]));
    else out.push(sentence(random, names));
  }
  return out.join(' ');
}

/** What opens a document of this kind: the header lines plans and reports carry. */
function opening(kind: DocKind, topic: string, date: string, random: Random): Block[] {
  if (kind === 'plan') {
    return [{ kind: 'para', lines: [`**Date**: ${date}`, `**Component**: ${topic}`, `**Current Stage**: ${STAGE_NAME[random.pick(STAGES)]}`, '**Target Stage**: Staging', '**Status**: 🟡 **IN PROGRESS**'] }];
  }
  if (kind === 'report') return [{ kind: 'para', lines: [`**Date**: ${date}`, `**Scope**: ${topic}`, `**Result**: ${random.pick(['✅ PASS', '⚠️ PARTIAL', '❌ FAIL'])}`] }];
  if (kind === 'prompt') return [{ kind: 'para', lines: ['**Current Stage**: {current_stage}', '**Target Stage**: {target_stage}', 'Component: {component_name}'] }];
  return [];
}

/** Body sections until the page reaches its size: prose, lists, tables, code, stage mentions. */
function body(kind: DocKind, topic: string, names: readonly string[], random: Random, bytes: number, blocks: Block[]): void {
  let size = 0;
  let section = 0;
  while (size < bytes) {
    const heading = random.pick(['Overview', 'Context', 'Current State', 'Findings', 'Next Steps', 'Risks', 'Decisions', 'Details', 'Background', 'Open Questions', 'Metrics', 'Timeline']);
    blocks.push({ kind: 'heading', depth: section === 0 || random.chance(0.6) ? 2 : 3, text: heading });
    const prose = stageProse(random, topic, names, random.int(2, 6));
    blocks.push({ kind: 'para', lines: [prose] });
    size += heading.length + prose.length + 8;
    const extra = random.next();
    if (extra < 0.35) {
      const items = Array.from({ length: random.int(3, 7) }, () => ({ text: `${random.chance(0.3) ? random.pick(['[ ] ', '[x] ']) : ''}${sentence(random, names)}` }));
      blocks.push({ kind: 'list', items });
      size += items.reduce((n, i) => n + i.text.length + 3, 0);
    } else if (extra < 0.5) {
      const rows = Array.from({ length: random.int(3, 8) }, () => [random.pick(TOPICS), STAGE_NAME[random.pick(STAGES)], `${random.int(40, 95)}%`, random.pick(['on track', 'at risk', 'blocked', 'done'])]);
      blocks.push({ kind: 'table', header: ['Area', 'Stage', 'Coverage', 'Status'], rows });
      size += rows.length * 48;
    } else if (extra < 0.62) {
      const lines = random.pick(CODE_SNIPPETS);
      blocks.push({ kind: 'code', fence: '```', lang: random.pick(['bash', 'python', 'cypher', '']), lines });
      size += lines.join('\n').length + 16;
    } else if (kind === 'guide' && extra < 0.635) {
      // Guides quote the template: a Current Stage line inside a code block.
      const lines = ['# <Component> Maturity Status', '', '**Current Stage**: <Development|Staging|Production>', '**Owner**: <team>', '', '### Development → Staging', '- [ ] Unit tests passing (≥70% coverage)'];
      blocks.push({ kind: 'code', fence: '```', lang: 'markdown', lines });
      size += 200;
    }
    section++;
  }
}

function documentNote(kind: DocKind, index: number, names: readonly string[], random: Random, bytes: number): { path: string; text: string } {
  const date = isoDate(TODAY, index % 900);
  const topic = random.pick(TOPICS);
  const title = docTitle(kind, topic, index, date);
  const folder = random.pick(HOME[kind]);
  const sub = kind === 'daily' ? date.slice(0, 7) : random.pick(FOLDERS);
  const page: Page = { frontmatter: random.chance(0.7) ? ['tags: #TTA', ...(random.chance(0.4) ? [`updated: ${date}`] : [])] : null, properties: null, blocks: [] };
  page.blocks.push({ kind: 'heading', depth: 1, text: title }, ...opening(kind, topic, date, random));
  if (kind === 'daily') {
    page.blocks.push({ kind: 'list', items: Array.from({ length: random.int(2, 6) }, () => ({ text: random.chance(0.3) ? stageProse(random, topic, names, 1) : sentence(random, names) })) });
  }
  body(kind, topic, names, random, bytes, page.blocks);
  return { path: `${folder}/${sub}/${title.replace(/[^A-Za-z0-9 -]/g, '')} ${index}.md`, text: renderPage(page, 'markdown') };
}

/** The notes of a realistic vault, one at a time: components first, then documents. */
export function* generateRealistic(options: RealisticOptions): Generator<GeneratedNote> {
  const seed = options.seed ?? 1;
  const components = Math.max(1, Math.round(options.notes * (options.componentShare ?? 0.03)));
  const names: string[] = [];
  for (const note of generateNotes({ notes: components, seed, otherShare: 0 })) {
    if (note.component) names.push(note.component);
    yield note;
  }
  const random = createRandom(seed ^ 0x3c6ef372);
  for (let i = 0; i < options.notes - components; i++) {
    const [kind, , range] = random.weighted(KINDS.map((k) => [k, k[1]] as const));
    const r = createRandom(childSeed(seed ^ 0x1b873593, i));
    const bytes = Math.round(range[0] + (range[1] - range[0]) * r.next() ** 1.6);
    const note = documentNote(kind, i, names, r, bytes);
    yield { ...note, component: null, stage: null };
  }
}
