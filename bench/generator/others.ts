// Notes that are not components but look like them in places: daily notes, meeting notes,
// promotion plans (a Current Stage and a Target Stage), guides with the template in code,
// inventories listing stages in a table, and prompt templates with `{current_stage}`.
import { renderPage, type Page } from './doc';
import { STAGE_NAME, STAGES, TODAY } from './component';
import type { Random } from './random';
import { isoDate, paragraph, sentence } from './words';

export type OtherKind = 'daily' | 'meeting' | 'plan' | 'guide' | 'inventory' | 'prompt' | 'template';

interface NoteContext {
  date: string;
  index: number;
  names: readonly string[];
  random: Random;
  /** A component's name, at random. */
  mention: () => string;
}

export function otherNote(kind: OtherKind, index: number, names: readonly string[], random: Random): { path: string; text: string } {
  const page: Page = { frontmatter: null, properties: null, blocks: [] };
  const path = WRITERS[kind](page, { date: isoDate(TODAY, index % 700), index, names, random, mention: () => random.pick(names) });
  return { path, text: renderPage(page, 'markdown') };
}

function dailyNote(page: Page, { date, index, names, random, mention }: NoteContext): string {
  const b = page.blocks;
  page.frontmatter = ['tags: [daily]'];
  b.push({ kind: 'heading', depth: 1, text: date });
  b.push({ kind: 'heading', depth: 2, text: 'Stand-up' });
  b.push({ kind: 'list', items: [0, 1, 2, 3].map(() => ({ text: sentence(random, names) })) });
  b.push({ kind: 'list', items: [{ text: `We promoted ${mention()} to staging yesterday; watch the error budget.` }] });
  b.push({ kind: 'heading', depth: 2, text: 'To do' });
  b.push({ kind: 'list', items: [{ text: `[ ] Review the [[${mention()}]] promotion request` }, { text: '[x] Send coverage numbers to finance' }] });
  return `Daily/${date}-${index}.md`;
}

function meetingNote(page: Page, { date, index, names, random, mention }: NoteContext): string {
  const b = page.blocks;
  page.frontmatter = ['tags: [meeting]', `date: ${date}`];
  b.push({ kind: 'heading', depth: 1, text: `Architecture review ${date}` });
  b.push({ kind: 'para', lines: [paragraph(random, names, 4)] });
  b.push({ kind: 'heading', depth: 2, text: 'Decisions' });
  b.push({ kind: 'list', items: [{ text: `${mention()} stays in ${STAGE_NAME[random.pick(STAGES)]} until the load test passes.` }, { text: sentence(random, names) }] });
  return `Meetings/${date} Architecture Review ${index}.md`;
}

function planNote(page: Page, { date, index, names, random, mention }: NoteContext): string {
  const b = page.blocks;
  const name = mention();
  page.frontmatter = [`title: ${name} - Staging Promotion Plan`, 'tags: [plan]', `updated: ${date}`];
  b.push({ kind: 'heading', depth: 1, text: `${name} - Staging Promotion Plan` });
  b.push({ kind: 'para', lines: [`**Date**: ${date}`, `**Component**: ${name}`, '**Current Stage**: Development', '**Target Stage**: Staging', '**Status**: 🟢 **READY FOR PROMOTION**'] });
  b.push({ kind: 'rule' }, { kind: 'heading', depth: 2, text: 'Executive Summary' });
  b.push({ kind: 'para', lines: [`[[${name}]] is ready to move to staging. ${paragraph(random, names, 3)}`] });
  b.push({ kind: 'list', items: [{ text: '✅ **Test Coverage**: 74% (above the 70% gate)' }, { text: '✅ **Linting**: 0 violations' }] });
  return `Plans/${name} Staging Promotion Plan ${index}.md`;
}

function guideNote(page: Page, { index, names, random }: NoteContext): string {
  const b = page.blocks;
  page.frontmatter = ['tags: [guide]'];
  b.push({ kind: 'heading', depth: 1, text: `Promotion Guide ${index}` });
  b.push({ kind: 'para', lines: [paragraph(random, names, 3)] });
  b.push({ kind: 'heading', depth: 2, text: 'Template' });
  b.push({ kind: 'code', fence: '```', lang: 'markdown', lines: ['# <Component> Maturity Status', '', '**Current Stage**: <Development|Staging|Production>', '**Last Updated**: YYYY-MM-DD', '**Owner**: <team>', '', '### Development → Staging', '- [ ] Core features complete', '**Status**: X/7 criteria met'] });
  b.push({ kind: 'comment', lines: ['<!--', '**Current Stage**: Production', '-->'] });
  return `Guides/Promotion Guide ${index}.md`;
}

function inventoryNote(page: Page, { date, index, names, random }: NoteContext): string {
  const b = page.blocks;
  page.frontmatter = ['tags: [report, inventory]', `updated: ${date}`];
  b.push({ kind: 'heading', depth: 1, text: `Component Inventory ${index}` });
  b.push({ kind: 'para', lines: [`**Last Updated**: ${date}`] });
  const rows = random.sample(names, Math.min(8, names.length)).map((n, i) => [String(i + 1), n, STAGE_NAME[random.pick(STAGES)], sentence(random, []).slice(0, 40)]);
  b.push({ kind: 'table', header: ['#', 'Component', 'Current Stage', 'Notes'], rows });
  return `Reports/Component Inventory ${index}.md`;
}

function templateNote(page: Page, { index }: NoteContext): string {
  const b = page.blocks;
  // The team's template: tagged like a maturity note, with the stage still a placeholder.
  page.frontmatter = ['title: Component Maturity Template', 'tags: [maturity, template]'];
  b.push({ kind: 'heading', depth: 1, text: '<Component> Maturity Status' });
  b.push({ kind: 'para', lines: ['**Current Stage**: <Development|Staging|Production>', '**Last Updated**: YYYY-MM-DD', '**Owner**: <team>'] });
  b.push({ kind: 'heading', depth: 3, text: 'Development → Staging' });
  b.push({ kind: 'list', items: [{ text: '[ ] Core features complete (80%+ of planned functionality)' }, { text: '[ ] Unit tests passing (≥70% coverage)' }] });
  b.push({ kind: 'para', lines: ['**Status**: X/7 criteria met'] });
  return `Templates/Component Maturity Template ${index}.md`;
}

function promptNote(page: Page, { index }: NoteContext): string {
  const b = page.blocks;
  page.frontmatter = ['title: Promotion Review Prompt', 'tags: [prompt, maturity]'];
  b.push({ kind: 'heading', depth: 1, text: 'Promotion Review Prompt' });
  b.push({ kind: 'para', lines: ['**Current Stage**: {current_stage}', '**Target Stage**: {target_stage}'] });
  b.push({ kind: 'code', fence: '```', lang: 'text', lines: ['You are reviewing a promotion request for {component_name}.', 'Current Stage: {current_stage}'] });
  return `Prompts/Promotion Review Prompt ${index}.md`;
}

/** Each kind's page, written into `page`: its path. */
const WRITERS: Record<OtherKind, (page: Page, n: NoteContext) => string> = {
  daily: dailyNote,
  meeting: meetingNote,
  plan: planNote,
  guide: guideNote,
  inventory: inventoryNote,
  template: templateNote,
  prompt: promptNote,
};
