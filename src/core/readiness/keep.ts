// A readiness lives as long as its component view, and the index keeps built views (a 10k vault
// whose every view is open keeps ~9k). Its sentences are template literals, which V8 keeps as
// chains of concatenations (a 32-byte node per part, holding on to every part): flat, shared
// copies instead (25 MB of such chains over the views of a 10k vault; docs/benchmarks.md).
import type { Diagnostic } from '../model';
import { flatten, intern } from '../intern';
import type { Evidence, Obstacle, Readiness } from './types';

/**
 * Replace the readiness's built strings with flat copies, shared where views repeat them (transition
 * keys, evidence sources, obstacles), in place: the objects are its own. With `previous` (a
 * readiness of the same note, reassessReadiness): its checks and evidence are previous's, kept
 * already, and a sentence it says again is previous's string.
 */
export function keepReadinessStrings(readiness: Readiness, previous?: Readiness): void {
  if (previous === undefined) {
    for (const check of readiness.checks) {
      check.reason = intern(check.reason);
      keepEvidence(check.evidence);
      for (const evidence of check.disagreeing) keepEvidence(evidence);
    }
    keepEvidence(readiness.coverage.unit);
    keepEvidence(readiness.coverage.integration);
  }
  keepObstacles(readiness.obstacles, previous?.obstacles);
  keepObstacles(readiness.unbacked, previous?.unbacked);
  readiness.summary = previous?.summary === readiness.summary ? previous.summary : flatten(readiness.summary);
}

function keepObstacles(obstacles: Obstacle[], previous: Obstacle[] = []): void {
  for (let i = 0; i < obstacles.length; i++) {
    const obstacle = obstacles[i]!;
    const said = previous[i]?.text;
    obstacle.text = said === obstacle.text ? said : intern(obstacle.text);
  }
}

/** The same for diagnostics a view built (not the note's own: those belong to the index's note). */
export function keepDiagnosticMessages(diagnostics: Diagnostic[], from: number): void {
  for (let i = from; i < diagnostics.length; i++) diagnostics[i]!.message = flatten(diagnostics[i]!.message);
}

// Evidence read from a criterion's own annotation is frozen and shared with the cached reading.
function keepEvidence(evidence: Evidence | null): void {
  if (evidence !== null && !Object.isFrozen(evidence)) evidence.source = intern(evidence.source);
}
