// What a note says against itself, as diagnostics: no stage or an unknown one, two stages,
// a status line that disagrees with its boxes (or is written twice), a box and its mark that
// disagree, a stage reached with unchecked criteria, unfilled template slots, a comment that
// never closes.
import type { Diagnostic, MaturityNote, StageField, Transition } from '../model';
import { stageName, type Pipeline } from '../stages';
import type { ReadResult } from './reader';

export function stageDiagnostics(pipeline: Pipeline, stage: StageField | null, inferred: boolean, otherStages: StageField[], read: ReadResult, diagnostics: Diagnostic[]): void {
  if (stage === null) {
    diagnostics.push({
      code: 'stage-missing',
      severity: 'error',
      message: read.stagePlaceholder ? 'Current Stage is still the template placeholder.' : 'No Current Stage found: add a line such as **Current Stage**: Development.',
      line: 1,
    });
  } else if (inferred) {
    const name = stageName(pipeline, stage.id);
    diagnostics.push({
      code: 'stage-missing',
      severity: 'warning',
      message: `No Current Stage line; the stage ${name} is inferred from the text on line ${stage.line}. Add **Current Stage**: ${name}.`,
      line: stage.line,
    });
  } else if (stage.id === null) {
    diagnostics.push({
      code: 'stage-unknown',
      severity: 'error',
      message: `Current Stage "${stage.raw}" is not a stage of the pipeline (${pipeline.stages.map((s) => s.name).join(' → ')}).`,
      line: stage.line,
    });
  }
  if (!stage?.id) return;
  for (const other of otherStages) {
    if (other.id === null || other.id === stage.id) continue;
    diagnostics.push({
      code: 'stage-conflict',
      severity: 'warning',
      message: `Line ${other.line} says the stage is ${stageName(pipeline, other.id)}, but the note's Current Stage is ${stageName(pipeline, stage.id)}.`,
      line: other.line,
    });
  }
}

export function noteDiagnostics(pipeline: Pipeline, stage: StageField | null, lastUpdated: MaturityNote['lastUpdated'], read: ReadResult, diagnostics: Diagnostic[]): void {
  if (lastUpdated && lastUpdated.value === null && lastUpdated.raw !== '') {
    diagnostics.push({ code: 'date-invalid', severity: 'warning', message: `Last Updated "${lastUpdated.raw}" is not a date in YYYY-MM-DD form.`, line: lastUpdated.line });
  }
  for (const transition of read.transitions) {
    transition.total = transition.items.length;
    transition.met = transition.items.filter((i) => i.checked).length;
    checkClaims(pipeline, transition, diagnostics);
    checkMarks(transition, diagnostics);
  }
  if (stage?.id) checkCriteriaBehindStage(pipeline, stage, read.transitions, diagnostics);
  for (const { from, to } of read.hidden) {
    diagnostics.push({
      code: 'comment-unclosed',
      severity: 'warning',
      message: `An HTML comment opened on line ${from} is never closed: ${to > from ? `lines ${from}–${to} are` : `line ${from} is`} hidden. Close it with -->.`,
      line: from,
    });
  }
  if (read.placeholders.length > 0) {
    const first = read.placeholders[0]!;
    const count = read.placeholders.length;
    diagnostics.push({
      code: 'template-placeholder',
      severity: 'warning',
      message: `${count} template placeholder${count === 1 ? '' : 's'} still unfilled (first: "${first.text}" on line ${first.line}).`,
      line: first.line,
    });
  }
}

/** Each status line of a section against its boxes; a second status line is itself a warning. */
function checkClaims(pipeline: Pipeline, t: Transition, diagnostics: Diagnostic[]): void {
  if (t.claim === null) return;
  for (const claim of [t.claim, ...t.otherClaims]) {
    if (claim !== t.claim) {
      diagnostics.push({
        code: 'status-line-repeated',
        severity: 'warning',
        message: `${transitionName(pipeline, t)}: a second status line on line ${claim.line} (the first is on line ${t.claim.line}); keep one, fix rewrites both.`,
        line: claim.line,
      });
    }
    if (t.total === 0) continue;
    const metWrong = claim.met !== null && claim.met !== t.met;
    const totalWrong = claim.total !== null && claim.total !== t.total;
    if (!metWrong && !totalWrong) continue;
    diagnostics.push({
      code: 'status-count-mismatch',
      severity: 'error',
      message: `${transitionName(pipeline, t)}: the status line claims ${claim.met ?? 'X'}/${claim.total ?? 'Y'} criteria met, but ${t.met} of ${t.total} boxes are checked.`,
      line: claim.line,
    });
  }
}

function checkMarks(t: Transition, diagnostics: Diagnostic[]): void {
  for (const item of t.items) {
    if (item.checked && item.mark === 'fail') {
      diagnostics.push({ code: 'checkbox-mark-conflict', severity: 'warning', message: `Criterion "${item.text}" is checked but marked as failing.`, line: item.line });
    } else if (!item.checked && item.mark === 'pass' && item.status === ' ') {
      diagnostics.push({ code: 'checkbox-mark-conflict', severity: 'warning', message: `Criterion "${item.text}" is marked as passing but its box is not checked.`, line: item.line });
    }
  }
}

function checkCriteriaBehindStage(pipeline: Pipeline, stage: StageField, transitions: Transition[], diagnostics: Diagnostic[]): void {
  const rank = pipeline.rank.get(stage.id!) ?? -1;
  const seen = new Set<string>();
  for (const t of effectiveTransitions(transitions)) {
    if (t.to === null || t.total === 0) continue;
    const toRank = pipeline.rank.get(t.to);
    if (toRank === undefined || toRank > rank) continue;
    const key = `${t.from}→${t.to}`;
    if (seen.has(key) || t.met >= t.total) {
      seen.add(key);
      continue;
    }
    seen.add(key);
    const missing = t.items.filter((i) => !i.checked).map((i) => i.text);
    diagnostics.push({
      code: 'stage-criteria-unmet',
      severity: 'error',
      message: `The note is at ${stageName(pipeline, stage.id)}, but ${t.total - t.met} of ${t.total} ${transitionName(pipeline, t)} criteria are unchecked: ${missing.slice(0, 3).join('; ')}${missing.length > 3 ? '; …' : ''}.`,
      line: t.line,
    });
  }
}

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

/** `development→staging`: the key coverage figures and readiness checks name their transition by (`?` for an unknown stage). */
export function transitionKey(t: Pick<Transition, 'from' | 'to'>): string {
  return `${t.from ?? '?'}→${t.to ?? '?'}`;
}

export function transitionName(pipeline: Pipeline, t: Transition): string {
  return `${stageName(pipeline, t.from)} → ${stageName(pipeline, t.to)}`;
}
