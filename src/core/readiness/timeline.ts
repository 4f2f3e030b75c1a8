// Dates in a note: when it entered a stage (promotion fields, history, the stage line), how long
// it has been there, and how far a staging observation window has run.
import { daysBetween } from '../dates';
import type { MaturityNote, StageId } from '../model';
import type { Pipeline } from '../stages';
import { findIsoDate } from '../text';
import type { CriterionCheck, Observation, StageTenure } from './types';

export interface Dated {
  date: string;
  line: number;
}

/**
 * The latest date the note says it entered `stage`: a `**Promoted to Staging**:` field (or a bare
 * `Promotion Date` while at that stage), a promotion/demotion/creation entry in the history, or a
 * promotion date in the stage line's qualifier ("Staging (Promoted 2025-10-08)"). Later wins: a component
 * promoted, demoted and promoted again counts from the last promotion.
 */
export function enteredStage(note: MaturityNote, stage: StageId): Dated | null {
  const candidates: Dated[] = [];
  const atStage = note.stage?.id === stage;
  for (const p of note.promotedTo) {
    if (p.date && (p.stage === stage || (p.stage === null && atStage))) candidates.push({ date: p.date, line: p.line });
  }
  for (const h of note.history) {
    if (h.date && h.to === stage && (h.kind === 'promoted' || h.kind === 'demoted' || h.kind === 'created')) {
      candidates.push({ date: h.date, line: h.line });
    }
  }
  if (atStage) {
    const promoted = stageLinePromotion(note);
    if (promoted) candidates.push(promoted);
  }
  let best: Dated | null = null;
  // Dates come from findIsoDate, already valid; ISO strings compare in date order.
  for (const c of candidates) if (!best || c.date > best.date) best = c;
  return best;
}

/**
 * The promotion date in the stage line's qualifier ("Staging (Promoted 2025-10-08)"). Only a
 * promotion date counts, not any date ("Go-live for the 11-15 deadline").
 */
export function stageLinePromotion(note: MaturityNote): Dated | null {
  if (!note.stage) return null;
  const promoted = /\bpromot\w*\s*:?\s*(?:on\s+)?(\d{4}-\d{2}-\d{2})/i.exec(note.stage.qualifier);
  const date = promoted ? findIsoDate(promoted[1]!) : null;
  return date ? { date, line: note.stage.line } : null;
}

/** How long the component has been at its current stage, from the dates the note gives. */
export function tenure(note: MaturityNote, today: string): StageTenure | null {
  const stage = note.stage?.id;
  if (!stage) return null;
  const entered = enteredStage(note, stage);
  if (!entered) return null;
  const days = daysBetween(entered.date, today);
  return days === null ? null : { since: entered.date, days: Math.max(0, days), line: entered.line };
}

/**
 * The staging observation window ("7-day uptime in staging ≥99.5%"): counted with date-fns from
 * the promotion into the criterion's `from` stage up to today — or up to the promotion out of it,
 * for a component already past it. Null when the note asks for no window or the component has not
 * reached the stage the window runs in.
 */
export function observation(note: MaturityNote, pipeline: Pipeline, checks: CriterionCheck[], today: string): Observation | null {
  const criterion = checks.find((c) => c.kind === 'uptime' && c.windowDays !== null);
  if (!criterion) return null;
  const windowDays = criterion.windowDays!;
  const toRank = criterion.to ? pipeline.rank.get(criterion.to) : undefined;
  const fromStage = criterion.from ?? (toRank !== undefined && toRank > 0 ? pipeline.stages[toRank - 1]!.id : null);
  const rank = pipeline.rank.get(note.stage?.id ?? '');
  const fromRank = fromStage ? pipeline.rank.get(fromStage) : undefined;
  if (rank === undefined || fromRank === undefined || rank < fromRank) return null;

  const since = enteredStage(note, fromStage!);
  const past = rank > fromRank;
  const left = past && criterion.to ? enteredStage(note, criterion.to) : null;
  const statedDay = criterion.statedDay ? { ...criterion.statedDay, line: criterion.line } : null;
  const observed = note.performance.observedDays;
  const observedDays = observed && observed.value !== null ? { days: observed.value, line: observed.line } : null;

  // "Day 3/7" wins over the promotion date while the window runs: it knows about restarts. It was
  // true on Last Updated, so it is carried forward to today.
  let elapsed: number | null = null;
  let basis: Observation['basis'] = null;
  if (statedDay && !past) {
    const updated = note.lastUpdated?.value ? daysBetween(note.lastUpdated.value, today) : null;
    elapsed = statedDay.day + Math.max(0, updated ?? 0);
    basis = 'stated-day';
  } else if (since) {
    elapsed = daysBetween(since.date, left?.date ?? today);
    basis = 'promotion-date';
  } else if (statedDay) {
    elapsed = statedDay.day;
    basis = 'stated-day';
  }
  return {
    windowDays,
    windowLine: criterion.line,
    since: since?.date ?? null,
    sinceLine: since?.line ?? null,
    elapsedDays: elapsed,
    remainingDays: elapsed === null ? null : Math.max(0, windowDays - elapsed),
    basis,
    statedDay,
    observedDays,
    complete: elapsed === null ? null : elapsed >= windowDays,
  };
}
