// One component maturity note, written the many ways real teams write them (see the corpus
// README): stage and status line forms, checkbox forms and annotations, dependencies as links,
// plain names, Optional or None, blocker blocks, history, placeholders, code and HTML comments.
import { renderPage, pageBytes, type Block, type Item, type Page, type PageStyle } from './doc';
import type { Random } from './random';
import { criteriaSection, detailSections, fillerBlocks, historySection, blockersSection } from './sections';
import { FEATURES as FEATURE_LIST, isoDate } from './words';

export type Stage = 'development' | 'staging' | 'production';
export const STAGES: readonly Stage[] = ['development', 'staging', 'production'];
export const STAGE_NAME: Record<Stage, string> = { development: 'Development', staging: 'Staging', production: 'Production' };

export interface DependencySpec {
  name: string;
  /** The stage the note says the dependency is at (may be out of date), or null. */
  declared: Stage | null;
  optional: boolean;
}

export interface ComponentSpec {
  name: string;
  path: string;
  style: PageStyle;
  /** How the page is laid out around the body: Obsidian front matter, a bare MATURITY.md, Logseq. */
  flavour: 'obsidian' | 'repo' | 'logseq';
  stage: Stage;
  blocked: boolean;
  group: string;
  owner: string;
  updated: string;
  dependencies: DependencySpec[];
  /** Other component names prose may mention. */
  neighbours: string[];
  targetBytes: number;
  /** Leave template placeholders unfilled. */
  placeholders: boolean;
}

export const TODAY = '2026-11-24';

export function componentNote(spec: ComponentSpec, random: Random): string {
  const page: Page = { frontmatter: null, properties: null, blocks: [] };
  const stageInProperties = spec.flavour === 'logseq' && random.chance(0.5);
  const stageInFrontmatter = spec.flavour === 'obsidian' && random.chance(0.1);
  if (spec.flavour === 'obsidian') page.frontmatter = frontmatter(spec, random, stageInFrontmatter);
  if (spec.flavour === 'logseq') {
    if (random.chance(0.3)) page.frontmatter = frontmatter(spec, random, false);
    else page.properties = properties(spec, random, stageInProperties);
  }
  const blocks = page.blocks;
  blocks.push({ kind: 'heading', depth: 1, text: title(spec, random) });
  blocks.push({ kind: 'para', lines: header(spec, random, stageInProperties || (stageInFrontmatter && random.chance(0.5))) });
  if (random.chance(0.15)) {
    blocks.push({ kind: 'comment', lines: ['<!-- Template v2. **Current Stage**: Production once promoted; keep this comment. -->'] });
  }
  blocks.push({ kind: 'rule' });
  if (spec.stage !== 'development' && random.chance(0.3)) blocks.push(...promotionBanner(spec, random));
  blocks.push({ kind: 'heading', depth: 2, text: 'Component Overview' });
  blocks.push({ kind: 'para', lines: [`**Purpose**: ${spec.placeholders && random.chance(0.5) ? '<Brief description of component purpose>' : purpose(spec, random)}`] });
  blocks.push({ kind: 'para', lines: ['**Key Features**:'] });
  blocks.push({ kind: 'list', attached: true, items: features(spec, random) });
  const depsAsSection = random.chance(0.2);
  if (!depsAsSection) blocks.push(...dependencyBlocks(spec, random, false));
  blocks.push({ kind: 'rule' });
  blocks.push(...criteriaSection(spec, random));
  if (depsAsSection) blocks.push(...dependencyBlocks(spec, random, true));
  blocks.push(...detailSections(spec, random));
  blocks.push(...historySection(spec, random));
  blocks.push(...blockersSection(spec, random));
  if (random.chance(0.05)) {
    // A stale footer, as in the corpus: the note's end says another stage.
    blocks.push({ kind: 'rule' }, { kind: 'para', lines: [`**Current Stage**: ${STAGE_NAME[spec.stage === 'development' ? 'staging' : 'development']}`, `**Last Updated**: ${isoDate(spec.updated, 200)}`] });
  }

  // Grow to the target size with the sections long notes have: notes, test files, runbooks.
  let text = renderPage(page, spec.style);
  let bytes = pageBytes(text);
  let guard = 0;
  while (bytes < spec.targetBytes && guard++ < 40) {
    const extra = fillerBlocks(spec, random, guard === 1);
    blocks.push(...extra);
    const added = renderPage({ frontmatter: null, properties: null, blocks: extra }, spec.style);
    bytes += pageBytes(added) + 1;
  }
  text = renderPage(page, spec.style);
  return text;
}

function frontmatter(spec: ComponentSpec, random: Random, withStage: boolean): string[] {
  const lines = [`title: ${spec.name} ${random.pick(['Component Maturity Status', 'Maturity Status', 'Maturity Document'])}`];
  const tagForm = random.weighted([['list', 4], ['hash', 3], ['flow', 3]] as const);
  const group = spec.group.toLowerCase().replace(/\s+/g, '-');
  if (tagForm === 'hash') lines.push(random.chance(0.5) ? 'tags: #TTA' : `tags: #maturity #${group}`);
  else if (tagForm === 'flow') lines.push(`tags: [maturity, ${group}]`);
  else lines.push('tags:', '  - maturity', `  - ${group}`);
  lines.push('status: Active');
  // An unquoted `@owner` is invalid YAML; real notes have it now and then.
  if (random.chance(0.5)) lines.push(`owner: ${spec.owner.startsWith('@') && random.chance(0.8) ? `"${spec.owner}"` : spec.owner}`);
  lines.push(`created: ${isoDate(spec.updated, random.int(30, 400))}`, `updated: ${spec.updated}`);
  if (withStage) lines.push(`current-stage: ${spec.stage}`);
  if (random.chance(0.2)) lines.push(`aliases: [${spec.name} Service]`);
  return lines;
}

function properties(spec: ComponentSpec, random: Random, withStage: boolean): string[] {
  const lines = [`tags:: maturity, ${spec.group.toLowerCase().replace(/\s+/g, '-')}`];
  if (withStage) lines.push(`current-stage:: ${spec.stage}`);
  lines.push(`owner:: ${spec.owner}`, `functional-group:: ${spec.group}`);
  if (random.chance(0.7)) lines.push(`last-updated:: ${spec.updated}`);
  return lines;
}

function title(spec: ComponentSpec, random: Random): string {
  return random.weighted([
    [`${spec.name} Maturity Status`, 5],
    [`${spec.name} Component Maturity Status`, 3],
    [`[[Org/Components/${spec.name} Maturity Status]]`, spec.flavour === 'logseq' ? 3 : 0],
    [`${spec.name} Maturity Document`, 1],
  ] as const);
}

/** The stage value as people write it. */
function stageValue(spec: ComponentSpec, random: Random): string {
  const name = STAGE_NAME[spec.stage];
  if (spec.blocked) {
    return random.pick([`${name} (BLOCKED - Requires Architectural Refactoring)`, `${name} - BLOCKED`, `**${name}** (blocked on schema migration)`]);
  }
  const promoted = isoDate(spec.updated, random.int(1, 60));
  return random.weighted([
    [name, 35],
    [`${name} (Promoted ${promoted}, Coverage Verified ${isoDate(promoted, -1)})`, spec.stage === 'development' ? 0 : 8],
    [`${name.toUpperCase()} (Ready for ${spec.stage === 'staging' ? 'Production' : 'Staging'} Deployment)`, spec.stage === 'production' ? 0 : 5],
    [`**${name}** ${random.pick(['🔨', '🚀', '✅'])}`, 8],
    [`Development → Staging (Promotion in Progress)`, spec.stage === 'development' ? 6 : 0],
    [`${name} (Promoted)`, spec.stage === 'development' ? 0 : 10],
    [name.toLowerCase(), 3],
  ] as const);
}

function header(spec: ComponentSpec, random: Random, stageElsewhere: boolean): string[] {
  const lines: string[] = [];
  if (!stageElsewhere) {
    const key = random.weighted([['**Current Stage**:', 8], ['**Current Stage:**', 3], ['**Maturity Stage**:', 1], ['__Current Stage__:', 1]] as const);
    lines.push(`${key} ${stageValue(spec, random)}`);
  }
  if (spec.stage !== 'development' && random.chance(0.5)) lines.push(`**Promoted to ${STAGE_NAME[spec.stage]}**: ${isoDate(spec.updated, random.int(1, 40))}`);
  lines.push(`**Last Updated**: ${spec.placeholders && random.chance(0.2) ? 'YYYY-MM-DD' : spec.updated}`);
  lines.push(`**Owner**: ${spec.owner}`);
  if (random.chance(0.85)) lines.push(`**Functional Group**: ${spec.group}`);
  if (random.chance(0.6)) lines.push(`**Priority**: P${random.int(0, 3)}`);
  return lines;
}

function promotionBanner(spec: ComponentSpec, random: Random): Block[] {
  const date = isoDate(spec.updated, random.int(1, 30));
  return [
    { kind: 'heading', depth: 2, text: `✅ ${STAGE_NAME[spec.stage].toUpperCase()} PROMOTION - ${date}` },
    { kind: 'para', lines: ['**Promotion Criteria Met:**'] },
    {
      kind: 'list',
      attached: true,
      items: [
        { text: `✅ Test Coverage: ${random.int(70, 95)}.${random.int(0, 9)}% (exceeds 70% threshold)` },
        { text: '✅ Linting: 0 violations (ruff)' },
        { text: '✅ Type Checking: 0 errors (pyright)' },
        { text: `✅ Security: 0 issues (bandit)` },
      ],
    },
    { kind: 'para', lines: ['**Validation:**'] },
    { kind: 'code', fence: '```', lang: 'bash', lines: [`python scripts/registry_cli.py validate ${spec.name.toLowerCase().replace(/\s+/g, '_')}`, `# **Current Stage**: ${STAGE_NAME[spec.stage]} ✅`] },
    { kind: 'rule' },
  ];
}

function purpose(spec: ComponentSpec, random: Random): string {
  return `${spec.name} ${random.pick(['handles', 'owns', 'coordinates', 'serves'])} ${random.pick(['request routing', 'state', 'scheduling', 'persistence', 'validation', 'exports'])} for the ${spec.group} group, ${random.pick(['with strict latency budgets', 'behind a stable API', 'for every tenant', 'across regions'])}.`;
}

function features(spec: ComponentSpec, random: Random): Item[] {
  if (spec.placeholders && random.chance(0.5)) return [{ text: 'Feature 1' }, { text: 'Feature 2' }, { text: 'Feature 3' }];
  return random.sample(FEATURE_LIST, random.int(3, 6)).map((text) => ({ text }));
}

function dependencyText(dep: DependencySpec, random: Random): string {
  const declared = dep.declared ? ` (Current Stage: ${STAGE_NAME[dep.declared]}${random.chance(0.1) ? ' - BLOCKED' : ''})` : '';
  const name = random.chance(0.55) ? `[[${dep.name}]]` : dep.name;
  if (dep.optional) return `Optional: ${name} (for ${random.pick(['reporting', 'search', 'lore lookups', 'exports'])})`;
  return random.weighted([
    [`${name}${declared}`, 7],
    [`**${dep.name}**: required for ${random.pick(['writes', 'sessions', 'auth', 'storage'])}`, 1],
    [`${name} - ${random.pick(['primary store', 'token checks', 'config reads'])}`, 1],
  ] as const);
}

function dependencyBlocks(spec: ComponentSpec, random: Random, asSection: boolean): Block[] {
  const blocks: Block[] = [];
  if (asSection) blocks.push({ kind: 'heading', depth: 2, text: random.pick(['Dependencies', 'Component Dependencies']) });
  if (spec.dependencies.length === 0) {
    blocks.push(random.chance(0.5) ? { kind: 'para', lines: ['**Dependencies**: None (foundational component)'] } : { kind: 'para', lines: ['**Dependencies**:'] });
    const last = blocks[blocks.length - 1]!;
    if (last.kind === 'para' && last.lines[0] === '**Dependencies**:') blocks.push({ kind: 'list', attached: true, items: [{ text: 'None (foundational component)' }] });
    return blocks;
  }
  if (spec.placeholders && random.chance(0.3)) {
    blocks.push({ kind: 'para', lines: ['**Dependencies**:'] });
    blocks.push({ kind: 'list', attached: true, items: [{ text: 'Dependency 1 (Current Stage: Development)' }, { text: 'Dependency 2 (Current Stage: Development)' }] });
    return blocks;
  }
  if (!asSection && spec.dependencies.length <= 3 && random.chance(0.12)) {
    blocks.push({ kind: 'para', lines: [`**Dependencies**: ${spec.dependencies.map((d) => `[[${d.name}]]`).join(', ')}`] });
    return blocks;
  }
  const items = spec.dependencies.map((d) => ({ text: dependencyText(d, random) }));
  if (asSection) blocks.push({ kind: 'list', items });
  else blocks.push({ kind: 'para', lines: ['**Dependencies**:'] }, { kind: 'list', attached: true, items });
  return blocks;
}
