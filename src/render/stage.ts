// How a stage and a component's state are shown: the stage's name, colour and a shape glyph (so
// colour is never the only signal), and the flags with the sentence that explains each.
import type { Component, StageId } from '../core/index';
import { isBlocked, openBlockers } from '../core/serialize';
import { stageName } from '../core/stages';
import type { ViewContext } from './context';

export interface StageInfo {
  id: StageId | null;
  name: string;
  /** The configured colour, or null for an unknown stage. */
  color: string | null;
  /** Position in the pipeline (0 = least mature), -1 when unknown. */
  rank: number;
  /** A shape that fills up with maturity: ○ ◔ ◑ ◕ ●, and ? for unknown. */
  glyph: string;
}

const FILL = ['○', '◔', '◑', '◕', '●'];

export function stageInfo(ctx: Pick<ViewContext, 'pipeline'>, id: StageId | null): StageInfo {
  const rank = id === null ? -1 : ctx.pipeline.rank.get(id) ?? -1;
  const count = ctx.pipeline.stages.length;
  const stage = rank >= 0 ? ctx.pipeline.stages[rank] : undefined;
  const glyph = rank < 0 ? '?' : FILL[count <= 1 ? 4 : Math.round((rank / (count - 1)) * 4)]!;
  return { id: stage ? id : null, name: stage ? stageName(ctx.pipeline, id) : id === null ? 'Unknown stage' : id, color: stage?.color ?? null, rank, glyph };
}

export type FlagKind = 'blocked' | 'promoting' | 'stale' | 'errors' | 'inferred';

export interface Flag {
  kind: FlagKind;
  /** One or two words, shown next to the glyph where there is room. */
  label: string;
  glyph: string;
  /** The sentence that says why (tooltip and accessible name). */
  reason: string;
}

function quote(text: string): string {
  return `“${text}”`;
}

function listed(items: string[], max = 3): string {
  const shown = items.slice(0, max).join('; ');
  return items.length > max ? `${shown}; and ${items.length - max} more` : shown;
}

/** The flags a component carries, in a fixed order: blocked, promoting, stale, errors, inferred. */
export function componentFlags(c: Component, ctx: Pick<ViewContext, 'pipeline'>): Flag[] {
  const flags: Flag[] = [];
  const stage = c.note.stage;
  if (isBlocked(c, ctx)) {
    const critical = openBlockers(c).filter((b) => b.severity === 'critical').map((b) => b.text);
    const reason = stage?.blocked
      ? `Blocked: the stage line says ${quote(stage.qualifier || stage.raw)}.`
      : `Blocked by ${critical.length === 1 ? 'a critical blocker' : `${critical.length} critical blockers`}: ${listed(critical)}.`;
    flags.push({ kind: 'blocked', label: 'Blocked', glyph: '⊘', reason });
  }
  if (stage && (stage.headingFor || stage.promotionInProgress)) {
    const target = stage.headingFor ? stageName(ctx.pipeline, stage.headingFor) : null;
    const reason = `${target ? `Promotion to ${target}` : 'Promotion'} in progress${stage.qualifier ? ` (${quote(stage.qualifier)})` : ''}.`;
    flags.push({ kind: 'promoting', label: target ? `→ ${target}` : 'Promoting', glyph: '↗', reason });
  }
  if (c.stale) {
    const message = c.diagnostics.find((d) => d.code === 'stale')?.message;
    flags.push({ kind: 'stale', label: 'Stale', glyph: '◷', reason: message ? `Stale: ${message}` : `Stale: last updated ${c.ageDays ?? '?'} days ago.` });
  }
  const errors = c.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    flags.push({
      kind: 'errors',
      label: `${errors.length} ${errors.length === 1 ? 'error' : 'errors'}`,
      glyph: '✖',
      reason: `${errors.length === 1 ? 'One error' : `${errors.length} errors`}: ${listed(errors.map((d) => d.message))}`,
    });
  }
  if (stage && stage.source === 'prose') {
    flags.push({ kind: 'inferred', label: 'Inferred', glyph: '≈', reason: 'No Current Stage line: the stage was inferred from the text or the promotion history.' });
  }
  return flags;
}
