// Promotion as an edit over note text: check the criteria, the blockers and the dependencies'
// stages, report what stands in the way, and produce the edit (Current Stage line, front-matter
// stage keys, a dated history entry, the status lines of the transitions crossed). Pure: the
// caller reads and writes (the CLI atomically, Obsidian inside `vault.process`).
import { isIsoDay } from '../dates';
import type { Dependency, MaturityNote, StageId, Transition } from '../model';
import { effectiveTransitions, parseNote, transitionName } from '../parse/note';
import { leadingStage, stageName, type Pipeline } from '../stages';
import { historyEdit } from './history';
import { editText, splitLines, type Change } from './lines';
import { hiddenTail, outline } from './outline';
import { stageEdits } from './stage-line';
import { stageMirrorEdit } from './stage-mirror';
import { statusCountEdits } from './status-counts';

export type PromotionProblemCode =
  | 'invalid-date'
  | 'unknown-stage'
  | 'no-stage'
  | 'no-stage-line'
  | 'not-a-promotion'
  | 'skips-stage'
  | 'stage-blocked'
  | 'criteria-unmet'
  | 'criteria-missing'
  | 'open-blocker'
  | 'dependency-behind'
  | 'dependency-unresolved'
  | 'history-before-hidden';

/**
 * `refuse`: the promotion cannot be written (no stage line, not a promotion); `force` does not help.
 * `block`: the note says it is not ready; the caller asks the user and passes `force` to go ahead.
 * `warn`: worth showing, does not stop anything.
 */
export type ProblemLevel = 'refuse' | 'block' | 'warn';

export interface PromotionProblem {
  code: PromotionProblemCode;
  level: ProblemLevel;
  message: string;
  line?: number;
}

/** How the caller knows the other components: the Obsidian plugin and the CLI pass the index's view. */
export interface DependencyContext {
  /** The component a written dependency resolves to, or null. */
  resolve(dep: Dependency): string | null;
  stageOf(id: string): StageId | null;
  nameOf?(id: string): string;
}

export interface PromotionOptions {
  /** Target stage: an id, a name or an alias (`staging`, `Staging`, `prod`). */
  to: string;
  /** The promotion date, YYYY-MM-DD (injected so edits are reproducible). */
  today: string;
  /** Go ahead despite `block` problems (after the user confirmed). */
  force?: boolean;
  /** Dependency resolution; without it the stages the note declares for its dependencies are used. */
  context?: DependencyContext;
  /** Reference added to the history entry, e.g. "Issue #233". */
  reference?: string;
  /** Also write the new stage to this front-matter property (the `mirrorStage` setting when enabled). */
  mirrorProperty?: string;
}

export interface PromotionPlan {
  from: StageId | null;
  to: StageId | null;
  problems: PromotionProblem[];
  /** No `refuse` problem, and no `block` problem unless forced. */
  allowed: boolean;
  /** The promoted text (also computed when blocked, for previews); the input when refused. */
  text: string;
  changes: Change[];
}

export interface PromotionResult extends PromotionPlan {
  /** True when `text` is the promoted note; false when the promotion was refused or blocked. */
  applied: boolean;
}

type Refusal = Omit<PromotionProblem, 'level'>;

/** The stages a promotion moves between, once it is known to be one. */
interface Move {
  from: StageId;
  target: StageId;
  /** Every stage passed, the target last. */
  crossed: StageId[];
}

/** What makes the promotion impossible to write, or the move it makes. */
function checkMove(note: MaturityNote, pipeline: Pipeline, options: PromotionOptions): Refusal | Move {
  if (!isIsoDay(options.today)) return { code: 'invalid-date', message: `"${options.today}" is not a date in YYYY-MM-DD form.` };
  const target = resolveStage(pipeline, options.to);
  if (target === null) return { code: 'unknown-stage', message: `"${options.to}" is not a stage (${pipeline.stages.map((s) => s.name).join(', ')}).` };
  const stage = note.stage;
  if (!stage || stage.id === null) return { code: 'no-stage', message: 'The note states no known Current Stage, so there is nothing to promote from.' };
  if (stage.source === 'prose') {
    return { code: 'no-stage-line', message: `The stage ${stageName(pipeline, stage.id)} is only implied by the text on line ${stage.line}; add a **Current Stage** line first.`, line: stage.line };
  }
  const from = stage.id;
  const fromRank = pipeline.rank.get(from)!;
  const toRank = pipeline.rank.get(target)!;
  if (toRank <= fromRank) {
    const message = toRank === fromRank
      ? `The note is already at ${stageName(pipeline, target)}.`
      : `${stageName(pipeline, target)} is below the current stage ${stageName(pipeline, from)}; that is a demotion.`;
    return { code: 'not-a-promotion', message, line: stage.line };
  }
  return { from, target, crossed: pipeline.stages.slice(fromRank + 1, toRank + 1).map((s) => s.id) };
}

/** What the note says stands in the way: skipped stages, a blocked stage, criteria, blockers, dependencies. */
function moveProblems(note: MaturityNote, pipeline: Pipeline, move: Move, context: DependencyContext | undefined): PromotionProblem[] {
  const { from, target, crossed } = move;
  const stageLine = note.stage!.line;
  const problems: PromotionProblem[] = [];
  if (crossed.length > 1) {
    problems.push({ code: 'skips-stage', level: 'block', message: `Promoting ${stageName(pipeline, from)} → ${stageName(pipeline, target)} skips ${crossed.slice(0, -1).map((id) => stageName(pipeline, id)).join(', ')}.`, line: stageLine });
  }
  if (note.stage!.blocked) problems.push({ code: 'stage-blocked', level: 'block', message: `The Current Stage says it is blocked ("${note.stage!.qualifier}").`, line: stageLine });
  problems.push(...criteriaProblems(pipeline, note, from, crossed));
  problems.push(...blockerProblems(pipeline, note, crossed));
  problems.push(...dependencyProblems(pipeline, note, target, context));
  return problems;
}

/** The promoted text: stage line and keys, status lines of the crossed transitions, history, mirror. */
function promotionEdit(text: string, note: MaturityNote, pipeline: Pipeline, move: Move, options: PromotionOptions): Refusal | { edited: ReturnType<typeof editText>; warning: PromotionProblem | null } {
  const { from, target, crossed } = move;
  const stage = note.stage!;
  const doc = splitLines(text);
  const structure = outline(text);
  const stageEdit = stageEdits(pipeline, note, doc.lines, structure, from, target, `Promoted ${options.today}`);
  if (!stageEdit.edits.some((e) => e.index === stage.line - 1) && stage.source === 'header') {
    return { code: 'no-stage-line', message: `Could not rewrite the Current Stage on line ${stage.line}.`, line: stage.line };
  }
  if (stageEdit.edits.length === 0) return { code: 'no-stage-line', message: 'Found no Current Stage line or stage property to rewrite.' };
  const crossedSet = new Set(crossed);
  const statusEdits = statusCountEdits(text, note, pipeline, { only: (t) => t.to !== null && crossedSet.has(t.to) });
  const entry = { date: options.today, from: stageName(pipeline, from), to: stageName(pipeline, target), ...(options.reference ? { reference: options.reference } : {}) };
  const history = historyEdit(pipeline, doc.lines, structure, entry, hiddenTail(text, structure));
  const hidden = history.movedBeforeHidden;
  const warning: PromotionProblem | null = hidden === null ? null : {
    code: 'history-before-hidden',
    level: 'warn',
    message: `A code fence or comment opened on line ${hidden} never closes and hides the rest of the note, so the history entry goes before it.`,
    line: hidden,
  };
  const taken = new Set(stageEdit.edits.map((e) => e.index));
  const mirror = options.mirrorProperty ? stageMirrorEdit(doc.lines, structure, options.mirrorProperty, stageName(pipeline, target), taken) : null;
  const edited = editText(text, [...stageEdit.edits, ...statusEdits.edits, history.edit, ...(mirror ? [mirror] : [])]);
  return { edited, warning };
}

/** Check and prepare a promotion without deciding: the plan holds the problems and the edit. */
export function planPromotion(text: string, pipeline: Pipeline, options: PromotionOptions): PromotionPlan {
  const note = parseNote(text, pipeline);
  const refuse = (problems: PromotionProblem[], refusal: Refusal): PromotionPlan => ({
    from: note.stage?.id ?? null,
    to: null,
    problems: [...problems, { code: refusal.code, level: 'refuse', message: refusal.message, ...(refusal.line ? { line: refusal.line } : {}) }],
    allowed: false,
    text,
    changes: [],
  });
  const move = checkMove(note, pipeline, options);
  if ('code' in move) return refuse([], move);
  const problems = moveProblems(note, pipeline, move, options.context);
  const edit = promotionEdit(text, note, pipeline, move, options);
  if ('code' in edit) return refuse(problems, edit);
  if (edit.warning) problems.push(edit.warning);
  const blocking = problems.some((p) => p.level === 'block');
  return { from: move.from, to: move.target, problems, allowed: !blocking || options.force === true, text: edit.edited.text, changes: edit.edited.changes };
}

/** Plan and, when allowed, apply: `text` is the promoted note, or the input unchanged. */
export function promote(text: string, pipeline: Pipeline, options: PromotionOptions): PromotionResult {
  const plan = planPromotion(text, pipeline, options);
  if (!plan.allowed) return { ...plan, text, changes: [], applied: false };
  return { ...plan, applied: true };
}

function resolveStage(pipeline: Pipeline, value: string): StageId | null {
  const lower = value.trim().toLowerCase();
  if (pipeline.rank.has(lower)) return lower;
  const lead = leadingStage(pipeline, lower);
  return lead && lead.length === lower.length ? lead.id : null;
}

function criteriaProblems(pipeline: Pipeline, note: MaturityNote, from: StageId, crossed: StageId[]): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  const transitions = effectiveTransitions(note.transitions);
  let previous: StageId = from;
  for (const to of crossed) {
    const t: Transition | undefined = transitions.find((x) => x.to === to && (x.from === previous || x.from === null)) ?? transitions.find((x) => x.to === to);
    const name = `${stageName(pipeline, previous)} → ${stageName(pipeline, to)}`;
    if (!t || t.total === 0) {
      problems.push({ code: 'criteria-missing', level: 'warn', message: `The note has no ${name} criteria to check.`, ...(t ? { line: t.line } : {}) });
    } else if (t.met < t.total) {
      const missing = t.items.filter((i) => !i.checked);
      problems.push({
        code: 'criteria-unmet',
        level: 'block',
        message: `${transitionName(pipeline, t)}: ${t.met}/${t.total} criteria met; unchecked: ${missing.map((i) => i.text).join('; ')}.`,
        line: missing[0]?.line ?? t.line,
      });
    }
    previous = to;
  }
  return problems;
}

function blockerProblems(pipeline: Pipeline, note: MaturityNote, crossed: StageId[]): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  for (const b of note.blockers) {
    if (b.status === 'resolved') continue;
    const label = `${b.issue ? `${b.issue}: ` : ''}${b.text}`;
    if (b.targetStage !== null && crossed.includes(b.targetStage)) {
      problems.push({ code: 'open-blocker', level: 'block', message: `Open blocker for ${stageName(pipeline, b.targetStage)}: ${label}`, line: b.line });
    } else if (b.targetStage === null) {
      problems.push({ code: 'open-blocker', level: 'warn', message: `Open blocker (no target stage): ${label}`, line: b.line });
    }
  }
  return problems;
}

function dependencyProblems(pipeline: Pipeline, note: MaturityNote, target: StageId, context: DependencyContext | undefined): PromotionProblem[] {
  const problems: PromotionProblem[] = [];
  const targetRank = pipeline.rank.get(target)!;
  for (const dep of note.dependencies) {
    const id = context ? context.resolve(dep) : null;
    const actual = id !== null ? context!.stageOf(id) : null;
    const stage = actual ?? dep.declaredStage;
    const name = id !== null && context?.nameOf ? context.nameOf(id) : dep.name;
    if (context && id === null) {
      problems.push({ code: 'dependency-unresolved', level: 'warn', message: `Dependency "${dep.name}" is not a known component${stage ? `; it declares ${stageName(pipeline, stage)}` : ''}.`, line: dep.line });
    }
    if (stage === null) continue;
    const rank = pipeline.rank.get(stage);
    if (rank === undefined || rank >= targetRank) continue;
    const source = actual !== null ? 'is at' : 'is declared at';
    problems.push({
      code: 'dependency-behind',
      level: dep.optional ? 'warn' : 'block',
      message: `Dependency ${name} ${source} ${stageName(pipeline, stage)}, below ${stageName(pipeline, target)}${dep.optional ? ' (optional)' : ''}.`,
      line: dep.line,
    });
  }
  return problems;
}
