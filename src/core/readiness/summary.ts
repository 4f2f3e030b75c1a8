// The plain sentence a card and the CLI print, and the score boards sort by.
import { stageName, type Pipeline } from '../stages';
import type { Obstacle, Readiness } from './types';

/**
 * 1 when the component could be promoted now (or is at the last stage, like `progress`); otherwise
 * the share of next-stage criteria checked and not contradicted by evidence, scaled below 1, less
 * 0.1 for each other kind of obstacle (dependencies, blockers, observation, security, SLA).
 */
export function readinessScore(r: Readiness): number {
  if (r.stage === null) return 0;
  if (r.next === null) return r.backed ? 1 : 0.5;
  if (r.ready) return 1;
  const doubtful = r.obstacles.filter((o) => o.kind === 'contradicted' || o.kind === 'placeholder').length;
  const share = r.criteria.total > 0 ? Math.max(0, r.criteria.met - doubtful) / r.criteria.total : 0;
  const kinds = new Set(r.obstacles.filter((o) => o.kind !== 'criteria-open' && o.kind !== 'contradicted' && o.kind !== 'placeholder').map((o) => o.kind));
  return Math.max(0, 0.9 * share - 0.1 * kinds.size);
}

/** One sentence: what stands between the component and its next stage. */
export function readinessSummary(r: Readiness, pipeline: Pipeline): string {
  if (r.stage === null) return 'Stage unknown: add a Current Stage line before readiness can be judged.';
  const here = stageName(pipeline, r.stage);
  if (r.next === null) {
    return r.backed
      ? `At ${here}, the last stage, and the evidence in the note backs it.`
      : `At ${here}, the last stage, but the evidence does not back it: ${join(compact(r.unbacked))}.`;
  }
  const next = stageName(pipeline, r.next);
  if (r.ready) {
    return `Ready for ${next}: all ${r.criteria.total} criteria are checked and the evidence in the note agrees.`;
  }
  return `Not ready for ${next}: ${join(compact(r.obstacles))}.`;
}

/** Several contradictions or placeholders read better counted than listed. */
function compact(obstacles: Obstacle[]): Obstacle[] {
  const out: Obstacle[] = [];
  for (const kind of ['contradicted', 'placeholder'] as const) {
    const list = obstacles.filter((o) => o.kind === kind);
    if (list.length > 1) {
      out.push({
        kind,
        text: kind === 'contradicted' ? `${list.length} checked criteria contradicted by the note's evidence` : `${list.length} checked criteria resting on template placeholders`,
        line: list[0]!.line,
      });
    } else if (list.length === 1) {
      out.push(list[0]!);
    }
  }
  const rest = obstacles.filter((o) => o.kind !== 'contradicted' && o.kind !== 'placeholder');
  const order: Obstacle['kind'][] = ['stage-unknown', 'stage-blocked', 'criteria-open', 'contradicted', 'placeholder', 'dependency', 'blocker', 'observation', 'security', 'sla'];
  return [...rest, ...out].sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind));
}

function join(obstacles: Obstacle[]): string {
  const texts = obstacles.map((o) => o.text);
  if (texts.length <= 1) return texts[0] ?? '';
  return `${texts.slice(0, -1).join(', ')} and ${texts[texts.length - 1]}`;
}
