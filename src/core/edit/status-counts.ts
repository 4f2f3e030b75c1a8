// Rewrite `Status: X/Y criteria met` lines so the numbers match the boxes. Only the two numbers
// change (and a percentage right after them that was computed from them); the key, emoji, bold,
// trailing words ("- READY") and every other line stay byte for byte.
import type { MaturityNote, Transition } from '../model';
import { parseNote, transitionName } from '../parse/note';
import type { Pipeline } from '../stages';
import { CLAIM } from '../parse/values';
import { locateField } from './fields';
import { editText, splitLines, type EditResult, type LineEdit } from './lines';

const PERCENT = /(\d{1,3}(?:\.\d+)?)(\s*%)/;

export interface StatusCountOptions {
  /** Only fix the transitions this returns true for (default: all). */
  only?: (t: Transition) => boolean;
}

export interface StatusCountResult extends EditResult {
  /** Status lines that disagree with the boxes but could not be located for rewriting. */
  skipped: Array<{ line: number; reason: string }>;
}

/**
 * Make every transition's status line say the checked/total count of its boxes.
 *
 * Placeholder claims (`X/7`, `X/Y`) are filled in too: a filled-in note with a placeholder status
 * line says nothing, and the numbers are exactly what the boxes say, so the edit loses no
 * information. Transitions without boxes are left alone (there is nothing to count).
 */
export function fixStatusCounts(text: string, pipeline: Pipeline, options: StatusCountOptions = {}): StatusCountResult {
  const { edits, skipped } = statusCountEdits(text, parseNote(text, pipeline), pipeline, options);
  return { ...editText(text, edits), skipped };
}

/** The line edits that fix the counts, for a note already parsed from `text` (promotion reuses its parse). */
export function statusCountEdits(
  text: string,
  note: MaturityNote,
  pipeline: Pipeline,
  options: StatusCountOptions = {},
): { edits: LineEdit[]; skipped: StatusCountResult['skipped'] } {
  const edits: LineEdit[] = [];
  const skipped: StatusCountResult['skipped'] = [];
  const doc = splitLines(text);
  for (const t of note.transitions) {
    if (options.only && !options.only(t)) continue;
    if (!t.claim || t.total === 0) continue;
    // A section that states its count twice gets both lines fixed: neither may stay stale.
    for (const claim of [t.claim, ...t.otherClaims]) {
      if (claim.met === t.met && claim.total === t.total) continue;
      const line = doc.lines[claim.line - 1];
      const rewritten = line ? rewriteClaim(line.content, claim, t) : null;
      if (rewritten === null) {
        skipped.push({ line: claim.line, reason: `the ${claim.met ?? 'X'}/${claim.total ?? 'Y'} count on the line could not be rewritten safely` });
        continue;
      }
      edits.push({
        index: claim.line - 1,
        remove: 1,
        insert: [rewritten],
        reason: `${transitionName(pipeline, t)}: status ${claim.met ?? 'X'}/${claim.total ?? 'Y'} → ${t.met}/${t.total} (boxes checked)`,
      });
    }
  }
  return { edits, skipped };
}

function rewriteClaim(content: string, claim: NonNullable<Transition['claim']>, t: Transition): string | null {
  const span = locateField(content);
  if (!span) return null;
  const value = content.slice(span.start, span.end);
  const m = CLAIM.exec(value); // the parser's own pattern: the first `n/m` in the value
  if (!m) return null;
  const oldMet = /^\d+$/.test(m[1]!) ? Number(m[1]) : null;
  const oldTotal = /^\d+$/.test(m[3]!) ? Number(m[3]) : null;
  if (oldMet !== claim.met || oldTotal !== claim.total) return null; // not the count the parser read
  const countStart = span.start + m.index;
  const countEnd = countStart + m[0].length;
  let after = content.slice(countEnd);
  after = rewritePercent(after, oldMet, oldTotal, t.met, t.total);
  const rewritten = `${content.slice(0, countStart)}${t.met}${m[2]}${t.total}${after}`;
  // The new numbers must read back as the claim: `2026-02-30X/8` filled in naively would read as
  // 300/8 (found by the fuzzer). When they would not, leave the line and report it.
  const check = CLAIM.exec(rewritten.slice(span.start, span.end + (rewritten.length - content.length)));
  if (!check || check[1] !== String(t.met) || check[3] !== String(t.total)) return null;
  return rewritten;
}

/**
 * `2/7 criteria met (29%)`: a percentage shortly after the count that was computed from the old
 * numbers (rounded, floored or ceiled, to the same decimals) is recomputed the same way. Any other
 * percentage (coverage) is not ours to touch.
 */
function rewritePercent(after: string, oldMet: number | null, oldTotal: number | null, met: number, total: number): string {
  if (oldMet === null || oldTotal === null || oldTotal === 0) return after;
  const m = PERCENT.exec(after);
  if (!m || m.index > 40) return after;
  const written = m[1]!;
  const decimals = written.includes('.') ? written.length - written.indexOf('.') - 1 : 0;
  const scale = 10 ** decimals;
  const rounders = [Math.round, Math.floor, Math.ceil];
  const rounder = rounders.find((r) => (r((oldMet / oldTotal) * 100 * scale) / scale).toFixed(decimals) === written);
  if (!rounder) return after;
  const updated = (rounder((met / total) * 100 * scale) / scale).toFixed(decimals);
  return after.slice(0, m.index) + updated + after.slice(m.index + written.length);
}
