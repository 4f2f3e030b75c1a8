// Which of a note's transition sections count, and their names: shared by the parser's checks,
// readiness and the views (kept apart from the parser so the standalone page need not bundle it).
import type { Transition } from './model';
import { stageName, type Pipeline } from './stages';

/** One transition per stage pair: the section with the most criteria (first wins ties). */
export function effectiveTransitions(transitions: Transition[]): Transition[] {
  const best = new Map<string, Transition>();
  for (const t of transitions) {
    const key = `${t.from}→${t.to}`;
    const current = best.get(key);
    if (!current || t.items.length > current.items.length) best.set(key, t);
  }
  return transitions.filter((t) => best.get(`${t.from}→${t.to}`) === t);
}

export function transitionName(pipeline: Pipeline, t: Transition): string {
  return `${stageName(pipeline, t.from)} → ${stageName(pipeline, t.to)}`;
}
