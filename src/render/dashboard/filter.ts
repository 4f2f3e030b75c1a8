// The dashboard's filter bar. It matches the same fields as the core's runQuery text option
// (name, path, owner, group, tags) but does not import the query module, whose zod schema would
// multiply the size of the standalone page's script.
import type { Component } from '../../core/index';
import { isBlocked } from '../../core/serialize';
import type { ViewContext } from '../context';

export interface DashboardFilter {
  text?: string;
  /** A stage id, or `unknown`. */
  stage?: string;
  blocked?: boolean;
  stale?: boolean;
  errors?: boolean;
}

function has(value: string | null | undefined, needle: string): boolean {
  return value !== null && value !== undefined && value.toLowerCase().includes(needle);
}

export function filterComponents(components: readonly Component[], filter: DashboardFilter, ctx: Pick<ViewContext, 'pipeline'>): Component[] {
  const text = filter.text?.trim().toLowerCase();
  return components.filter((c) => {
    const stage = c.note.stage?.id ?? null;
    if (filter.stage) {
      const known = stage !== null && ctx.pipeline.rank.has(stage);
      if (filter.stage === 'unknown' ? known : stage !== filter.stage) return false;
    }
    if (filter.blocked && !isBlocked(c, ctx)) return false;
    if (filter.stale && !c.stale) return false;
    if (filter.errors && !c.diagnostics.some((d) => d.severity === 'error')) return false;
    if (text && !(has(c.name, text) || has(c.id, text) || has(c.note.owner?.value, text) || has(c.note.group?.value, text) || c.note.tags.some((t) => has(t, text)))) return false;
    return true;
  });
}
