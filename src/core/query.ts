// Queries over components: by stage, tag, owner, group, blockers, staleness and text. The same
// options drive the CLI, Obsidian's ```maturity-query``` block and Logseq's renderer macro.
import * as z from 'zod/mini';
import { lazy } from './lazy';
import type { MaturityIndex } from './vault-index';
import type { Component, StageId } from './model';
import { isBlocked } from './serialize';
import { readinessOf } from './readiness/index';
import { compareCodeUnits, compareComponents, compareNames } from './text';
import { containsText, matchesText, textNeedle } from './text-match';

// Defined with the name order in text.ts, so the views can sort without importing this module (and zod).
export { compareComponents };

export const VIEWS = ['table', 'list', 'board', 'graph', 'timeline'] as const;
export const SORT_KEYS = ['name', 'stage', 'updated', 'progress', 'owner', 'group', 'readiness'] as const;

export interface ComponentQuery {
  stage?: string[];
  tag?: string[];
  owner?: string;
  group?: string;
  blocked?: boolean;
  stale?: boolean;
  hasErrors?: boolean;
  /** Components that could be promoted now (see readiness). */
  ready?: boolean;
  text?: string;
  sort?: (typeof SORT_KEYS)[number];
  order?: 'asc' | 'desc';
  limit?: number;
  view?: (typeof VIEWS)[number];
}

// zod/mini: the same validation at a fraction of the bundle size (the plugins ship this code).
// Built on first use (see lazy.ts).
export const querySchema = lazy(() => {
  const list = z.pipe(
    z.union([z.string(), z.array(z.string())]),
    z.transform((v: string | string[]) => (Array.isArray(v) ? v : v.split(',')).map((s) => s.trim()).filter(Boolean)),
  );
  const bool = z.pipe(
    z.union([z.boolean(), z.enum(['true', 'false', 'yes', 'no'])]),
    z.transform((v: boolean | 'true' | 'false' | 'yes' | 'no') => v === true || v === 'true' || v === 'yes'),
  );
  const int = z.pipe(
    z.union([z.number(), z.string().check(z.regex(/^\d+$/))]),
    z.pipe(z.transform((v: number | string) => Number(v)), z.number().check(z.int(), z.minimum(1), z.maximum(10_000))),
  );

  return z.strictObject({
    stage: z.optional(list),
    tag: z.optional(list),
    owner: z.optional(z.string()),
    group: z.optional(z.string()),
    blocked: z.optional(bool),
    stale: z.optional(bool),
    errors: z.optional(bool),
    ready: z.optional(bool),
    text: z.optional(z.string()),
    sort: z.optional(z.enum(SORT_KEYS)),
    order: z.optional(z.enum(['asc', 'desc'])),
    limit: z.optional(int),
    view: z.optional(z.enum(VIEWS)),
  });
});

/** What each option accepts, for error messages users can act on. */
const EXPECTED: Record<string, string> = {
  stage: 'stage names, separated by commas',
  tag: 'tags, separated by commas',
  owner: 'text',
  group: 'text',
  blocked: 'true or false',
  stale: 'true or false',
  errors: 'true or false',
  ready: 'true or false',
  text: 'text',
  sort: `one of ${SORT_KEYS.join(', ')}`,
  order: 'asc or desc',
  limit: 'a whole number from 1 to 10000',
  view: `one of ${VIEWS.join(', ')}`,
};

export type QueryParse = { ok: true; query: ComponentQuery } | { ok: false; errors: string[] };

/** Validate raw options (`stage: staging` lines or `stage=staging` pairs) into a query. */
export function parseQueryOptions(raw: Record<string, unknown>): QueryParse {
  const input: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(raw)) input[key.trim().toLowerCase()] = value;
  const parsed = querySchema().safeParse(input);
  if (!parsed.success) {
    const errors = new Set<string>();
    for (const issue of parsed.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        errors.add(`Unknown option ${issue.keys.map((k) => `"${k}"`).join(', ')}. Known: ${Object.keys(EXPECTED).join(', ')}.`);
        continue;
      }
      const key = String(issue.path[0] ?? 'query');
      const got = input[key];
      errors.add(`${key}: expected ${EXPECTED[key] ?? 'a valid value'}${typeof got === 'string' ? `, got "${got}"` : ''}.`);
    }
    return { ok: false, errors: [...errors] };
  }
  const { errors, ...rest } = parsed.data;
  const query: ComponentQuery = { ...rest };
  if (errors !== undefined) query.hasErrors = errors;
  return { ok: true, query };
}

/** `key: value` lines (a code block's body) into raw options; `#` starts a comment line. */
export function parseQueryLines(source: string): Record<string, string> {
  const raw: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const line of source.split(/\r?\n/)) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    const colon = trimmed.search(/[:=]/);
    if (colon <= 0) {
      raw[trimmed] = '';
      continue;
    }
    raw[trimmed.slice(0, colon).trim()] = trimmed.slice(colon + 1).trim();
  }
  return raw;
}

/** Progress towards the next stage, 0–1 (1 at the last stage). */
export function progress(component: Component, index: Pick<MaturityIndex, 'pipeline'>): number {
  const stage = component.note.stage?.id;
  const rank = stage ? index.pipeline.rank.get(stage) ?? -1 : -1;
  const next = index.pipeline.stages[rank + 1]?.id;
  if (!next) return 1;
  const transition = component.note.transitions.find((t) => t.to === next && t.total > 0);
  return transition ? transition.met / transition.total : 0;
}

function inAny(sets: ReadonlyArray<ReadonlySet<string>>, id: string): boolean {
  for (const set of sets) if (set.has(id)) return true;
  return false;
}

/** What a query reads: a live index, or a snapshot of one (the standalone dashboard). */
export type QuerySource = Pick<MaturityIndex, 'pipeline' | 'ids' | 'idsAtStage' | 'component'> & Partial<Pick<MaturityIndex, 'today' | 'config' | 'idsAtStageByName'>>;

/** `isReady` defaults to the evidence-backed readiness every component carries (src/core/readiness). */
export function runQuery(
  index: QuerySource,
  query: ComponentQuery,
  isReady: (c: Component) => boolean = (c) => c.readiness?.ready ?? (index.today && index.config ? readinessOf(c, { ...index, today: index.today, config: index.config }).ready : false),
): Component[] {
  // The stages asked for, in name order: one stage's list as it is, several merged back into
  // name order by filtering ids() (sources without per-stage lists do the same).
  let wanted: Array<ReadonlySet<string>> | null = null;
  let ids: readonly string[] = index.ids();
  if (query.stage && query.stage.length > 0) {
    const stages = new Set<StageId | null>();
    for (const s of query.stage) {
      const stage = s.toLowerCase();
      if (stage === 'unknown' || stage === 'none') stages.add(null);
      const match = index.pipeline.words.find((w) => w.word === stage);
      if (match) stages.add(match.id);
    }
    if (stages.size === 1 && index.idsAtStageByName) {
      ids = index.idsAtStageByName([...stages][0]!);
    } else {
      wanted = [...stages].map((stage) => index.idsAtStage(stage));
    }
  }
  const tags = query.tag?.map((t) => t.replace(/^#/, '').toLowerCase());
  const owner = textNeedle(query.owner);
  const group = textNeedle(query.group);
  const text = textNeedle(query.text);
  const out: Component[] = [];
  for (const id of ids) {
    if (wanted !== null && !inAny(wanted, id)) continue;
    const c = index.component(id);
    if (!c) continue;
    const note = c.note;
    if (tags && !tags.some((t) => note.tags.some((nt) => nt.toLowerCase() === t || nt.toLowerCase().startsWith(`${t}/`)))) continue;
    if (owner !== null && !containsText(note.owner?.value, owner)) continue;
    if (group !== null && !containsText(note.group?.value, group)) continue;
    if (query.blocked !== undefined && isBlocked(c, index) !== query.blocked) continue;
    if (query.stale !== undefined && c.stale !== query.stale) continue;
    if (query.hasErrors !== undefined && c.diagnostics.some((d) => d.severity === 'error') !== query.hasErrors) continue;
    if (query.ready !== undefined && isReady(c) !== query.ready) continue;
    if (text !== null && !matchesText(c, text)) continue;
    out.push(c);
  }
  // ids() is already in name order: a name sort (the default) needs no second pass.
  if ((query.sort ?? 'name') !== 'name') sortComponents(out, query, index);
  else if (query.order === 'desc') out.reverse();
  return query.limit ? out.slice(0, query.limit) : out;
}

/** Readiness sorting needs the index's date and settings; without them it falls back to progress. */
type SortIndex = Pick<MaturityIndex, 'pipeline'> & Partial<Pick<MaturityIndex, 'today' | 'config' | 'component'>>;

export function sortComponents(list: Component[], query: Pick<ComponentQuery, 'sort' | 'order'>, index: SortIndex): void {
  const key = query.sort ?? 'name';
  const dir = query.order === 'desc' ? -1 : 1;
  const rank = (c: Component) => index.pipeline.rank.get(c.note.stage?.id ?? '') ?? -1;
  const scores = new Map<Component, number>();
  const readinessScore = (c: Component): number => {
    let score = scores.get(c);
    if (score === undefined) {
      const { today, config } = index;
      score = c.readiness?.score ?? (today && config ? readinessOf(c, { ...index, today, config }).score : progress(c, index));
      scores.set(c, score);
    }
    return score;
  };
  const compare: Record<string, (a: Component, b: Component) => number> = {
    name: compareComponents,
    stage: (a, b) => rank(a) - rank(b),
    updated: (a, b) => compareCodeUnits(a.note.lastUpdated?.value ?? '', b.note.lastUpdated?.value ?? ''),
    progress: (a, b) => progress(a, index) - progress(b, index),
    readiness: (a, b) => readinessScore(a) - readinessScore(b) || progress(a, index) - progress(b, index),
    owner: (a, b) => compareNames(a.note.owner?.value ?? '', b.note.owner?.value ?? ''),
    group: (a, b) => compareNames(a.note.group?.value ?? '', b.note.group?.value ?? ''),
  };
  const cmp = compare[key] ?? compareComponents;
  list.sort((a, b) => dir * cmp(a, b) || compareComponents(a, b));
}
