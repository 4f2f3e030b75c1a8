// A component's open blockers toward some stages, counted once per issue with its severity, and
// described in a few words ("2 open blockers (1 high, 1 unrated)").
import type { BlockerSeverity, MaturityNote, StageId } from '../model';
import type { Pipeline } from '../stages';
import type { BlockerSummary } from './types';

export function summariseBlockers(note: MaturityNote, pipeline: Pipeline, counts: (target: StageId | null) => boolean): BlockerSummary {
  const bySeverity: BlockerSummary['bySeverity'] = { critical: 0, high: 0, medium: 0, low: 0, unspecified: 0 };
  const lines: number[] = [];
  // The same issue is often listed twice (under the checklist and under Current Blockers): count
  // it once, with the severity whichever entry states.
  const seen = new Set<string>();
  const resolved = new Set(note.blockers.filter((b) => b.status === 'resolved' && b.issue).map((b) => b.issue!));
  const severityOf = new Map<string, BlockerSeverity>();
  for (const b of note.blockers) if (b.issue && b.severity && !severityOf.has(b.issue)) severityOf.set(b.issue, b.severity);
  for (const b of note.blockers) {
    if (b.status === 'resolved' || !counts(b.targetStage)) continue;
    if (b.targetStage !== null && !pipeline.rank.has(b.targetStage)) continue;
    if (b.issue !== null && (seen.has(b.issue) || resolved.has(b.issue))) continue;
    if (b.issue !== null) seen.add(b.issue);
    bySeverity[b.severity ?? (b.issue ? severityOf.get(b.issue) : undefined) ?? 'unspecified']++;
    lines.push(b.line);
  }
  return { open: lines.length, bySeverity, lines };
}

export function describeBlockers(blockers: BlockerSummary): string {
  const order: Array<BlockerSeverity | 'unspecified'> = ['critical', 'high', 'medium', 'low'];
  const parts = order.filter((s) => blockers.bySeverity[s] > 0).map((s) => `${blockers.bySeverity[s]} ${s}`);
  if (parts.length > 0 && blockers.bySeverity.unspecified > 0) parts.push(`${blockers.bySeverity.unspecified} unrated`);
  const detail = parts.length > 0 ? ` (${parts.join(', ')})` : '';
  return `${blockers.open} open blocker${blockers.open === 1 ? '' : 's'}${detail}`;
}
