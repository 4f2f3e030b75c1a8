// Promote and fix status counts: the core edit API (src/core/edit) applied through note-edit.ts —
// the open editor when a view edits the note (undo, cursor and unsaved typing survive), else one
// atomic `vault.process`, so a failed write changes nothing.
import { Notice, type TFile } from 'obsidian';
import { dependencyContext, fixStatusCounts, localToday, mirrorProperty, planPromotion, promote, stageName, type PromotionProblem } from '../core/index';
import type { Host } from './host';
import { confirm } from './modals';
import { currentText, rewriteNote } from './note-edit';

function describe(problem: PromotionProblem): string {
  return problem.line ? `${problem.message} (line ${problem.line})` : problem.message;
}

/** The stage after the component's current one, or null at the end of the pipeline. */
export function nextStageOf(host: Host, path: string): string | null {
  const index = host.indexer.index;
  const stage = index.component(path)?.note.stage?.id;
  if (!stage) return null;
  const rank = index.pipeline.rank.get(stage) ?? -1;
  return index.pipeline.stages[rank + 1]?.id ?? null;
}

export type PromoteOutcome = 'promoted' | 'cancelled' | 'refused' | 'changed' | 'failed';

/**
 * Promote the note to its next stage. Unmet criteria, open blockers and dependencies that are
 * behind are listed in a dialog; the user decides. The edit is planned again on the text as it is
 * when written: if the note changed meanwhile so that other problems stand in the way, nothing is
 * written.
 */
export async function promoteNote(host: Host, file: TFile): Promise<PromoteOutcome> {
  const index = host.indexer.index;
  const target = nextStageOf(host, file.path);
  if (!target) {
    new Notice('This component is at the last stage already.');
    return 'refused';
  }
  // From the plugin's settings as they are now: the mirror does not change how notes are read, so
  // switching it on in the settings tab re-indexes nothing.
  const mirror = mirrorProperty(host.settings);
  const options = { to: target, today: localToday(), context: dependencyContext(index, file.path), ...(mirror ? { mirrorProperty: mirror } : {}) };
  const plan = planPromotion(await currentText(host.app, file), index.pipeline, options);
  const refused = plan.problems.filter((p) => p.level === 'refuse');
  if (refused.length > 0) {
    new Notice(`Cannot promote: ${refused.map(describe).join(' ')}`);
    return 'refused';
  }
  const blocking = plan.problems.filter((p) => p.level === 'block');
  const name = stageName(index.pipeline, target);
  if (blocking.length > 0) {
    const lines = plan.problems.filter((p) => p.level !== 'refuse').map(describe);
    const go = await confirm(host.app, `Promote to ${name} anyway?`, lines, `Promote to ${name}`);
    if (!go) return 'cancelled';
  }
  const confirmed = new Set(blocking.map((p) => p.message));
  let outcome = 'failed' as PromoteOutcome;
  try {
    await rewriteNote(host.app, file, (current) => {
      const result = promote(current, index.pipeline, { ...options, force: true });
      const unseen = result.problems.filter((p) => p.level === 'refuse' || (p.level === 'block' && !confirmed.has(p.message)));
      if (!result.applied || unseen.length > 0) {
        outcome = 'changed';
        return current;
      }
      outcome = 'promoted';
      return result.text;
    });
  } catch (err) {
    new Notice(`Could not write ${file.path}: ${err instanceof Error ? err.message : String(err)}. The note is unchanged.`);
    return 'failed';
  }
  if (outcome === 'changed') new Notice('The note changed while you were deciding; nothing was written. Run the command again.');
  else new Notice(`Promoted ${index.component(file.path)?.name ?? file.basename} to ${name}.`);
  return outcome;
}

/** Rewrite the note's `Status: X/Y criteria met` lines to match its checkboxes. */
export async function fixCounts(host: Host, file: TFile): Promise<number> {
  const pipeline = host.indexer.index.pipeline;
  let fixed = 0;
  let skipped: number[] = [];
  try {
    await rewriteNote(host.app, file, (current) => {
      const result = fixStatusCounts(current, pipeline);
      fixed = result.changes.length;
      skipped = result.skipped.map((s) => s.line);
      return fixed > 0 ? result.text : current;
    });
  } catch (err) {
    new Notice(`Could not write ${file.path}: ${err instanceof Error ? err.message : String(err)}. The note is unchanged.`);
    return 0;
  }
  const tail = skipped.length > 0 ? ` Could not rewrite line ${skipped.join(', ')}.` : '';
  new Notice(fixed > 0 ? `Fixed ${fixed} status line${fixed === 1 ? '' : 's'}.${tail}` : `The status counts already match the checkboxes.${tail}`);
  return fixed;
}
