// Queries over components: by stage, tag, owner, group, blockers, staleness and text. The same
// options drive the CLI, Obsidian's ```maturity-query``` block and Logseq's renderer macro.
import * as z from 'zod/mini';
import { lazy } from './lazy';
import type { Component } from './model';
import { compareComponents } from './text';
import { queryIds, type IsReady, type QuerySource } from './query-run';

export { createQueryRun, queryIds, type IsReady, type QueryRun, type QuerySource } from './query-run';
export { progress, sortComponents, type Sortable } from './query-sort';

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

/** The components a query matches, in result order (see query-run.ts for what it builds). */
export function runQuery(index: QuerySource, query: ComponentQuery, isReady?: IsReady): Component[] {
  return queryIds(index, query, isReady).map((id) => index.component(id)!);
}
