// The dashboard's filter bar. Its text box matches as the query's `text` option does (the core's
// text-match.ts, which keeps the query module and its zod schema out of the standalone page).
import type { Component } from '../../core/index';
import { isBlocked } from '../../core/serialize';
import { matchesText, textNeedle } from '../../core/text-match';
import type { ViewContext } from '../context';

export interface DashboardFilter {
  text?: string;
  /** A stage id, or `unknown`. */
  stage?: string;
  blocked?: boolean;
  stale?: boolean;
  errors?: boolean;
}

export function filterComponents(components: readonly Component[], filter: DashboardFilter, ctx: Pick<ViewContext, 'pipeline'>): Component[] {
  const text = textNeedle(filter.text);
  return components.filter((c) => {
    const stage = c.note.stage?.id ?? null;
    if (filter.stage) {
      const known = stage !== null && ctx.pipeline.rank.has(stage);
      if (filter.stage === 'unknown' ? known : stage !== filter.stage) return false;
    }
    if (filter.blocked && !isBlocked(c, ctx)) return false;
    if (filter.stale && !c.stale) return false;
    if (filter.errors && !c.diagnostics.some((d) => d.severity === 'error')) return false;
    if (text !== null && !matchesText(c, text)) return false;
    return true;
  });
}
