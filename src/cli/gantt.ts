// The stage history as a Mermaid `gantt` for the Markdown report (GitHub draws it): a section per
// component, a bar per stage, blocked spans and the observation window. Names go in as entity
// codes for everything but letters, digits and plain punctuation, and every task name starts with
// a code, so no name can end a line, start a directive, comment out the rest or break a task.
import { stageName, type ComponentTimeline, type Pipeline, type StageSpan } from '../core/index';

/** Mermaid refuses diagrams over 50,000 characters by default; keep well inside it. */
export const GANTT_MAX_CHARS = 40_000;

const FILL = ['○', '◔', '◑', '◕', '●'];

/**
 * Text for a gantt label: letters, digits, spaces and `,.()_/+'-` stay; everything else (`:`
 * that splits a task, `#` and `;` that end one, `%` of comments, markup) becomes `#code;`, which
 * Mermaid shows as the character.
 */
export function ganttText(text: string): string {
  let out = '';
  for (const ch of text.replace(/[\r\n\t]+/g, ' ').trim()) {
    out += /[\p{L}\p{N} ,.()_/+'-]/u.test(ch) ? ch : `#${ch.codePointAt(0)};`;
  }
  return out;
}

function glyph(pipeline: Pipeline, stage: string | null): string {
  const rank = stage === null ? -1 : pipeline.rank.get(stage) ?? -1;
  const count = pipeline.stages.length;
  return rank < 0 ? '?' : FILL[count <= 1 ? 4 : Math.round((rank / (count - 1)) * 4)]!;
}

/** A task line; the name opens with an entity code, so it never reads as a keyword. */
function task(name: string, tags: string[], id: string, start: string, end: string | null): string {
  const data = [...tags, id, start, end ?? '0d'].join(', ');
  return `    ${name} :${data}`;
}

function stageTask(span: StageSpan, pipeline: Pipeline, id: string): string {
  const name = ganttText(`${glyph(pipeline, span.stage)} ${span.stage === null ? 'stage not dated' : stageName(pipeline, span.stage)}`);
  if (span.start === span.end) return task(name, ['milestone'], id, span.start, null);
  return task(name, span.ongoing ? ['active'] : ['done'], id, span.start, span.end);
}

function section(t: ComponentTimeline, pipeline: Pipeline, next: () => string): string[] {
  const lines = [`  section ${ganttText(t.name) || ganttText(t.id)}`];
  for (const span of t.stages) lines.push(stageTask(span, pipeline, next()));
  for (const span of t.blocked) lines.push(task(ganttText('⊘ blocked'), ['crit'], next(), span.start, span.end === span.start ? null : span.end));
  const w = t.observation;
  if (w) lines.push(task(ganttText(`⧗ ${w.windowDays}-day observation`), [w.complete ? 'done' : 'active'], next(), w.start, w.end));
  return lines;
}

/** The last date something changed (a stage began, an entry was written): ongoing stages all end today. */
function latest(t: ComponentTimeline): string {
  let last = '';
  for (const s of t.stages) if (s.start > last) last = s.start;
  for (const e of t.events) if (e.date > last) last = e.date;
  return last;
}

export interface Gantt {
  /** The fenced ```mermaid block, or null when no component is dated. */
  block: string | null;
  /** Dated components left out to keep the diagram within Mermaid's size limit. */
  omitted: number;
}

/**
 * The gantt of every dated timeline, in the order given. When the text would pass `maxChars`,
 * the components with the most recent entries are kept (still in the order given).
 */
export function stageGantt(timelines: readonly ComponentTimeline[], pipeline: Pipeline, today: string, maxChars = GANTT_MAX_CHARS): Gantt {
  const dated = timelines.filter((t) => !t.undated && (t.stages.length > 0 || t.blocked.length > 0 || t.observation));
  if (dated.length === 0) return { block: null, omitted: 0 };
  let n = 0;
  const sections = new Map(dated.map((t) => [t, section(t, pipeline, () => `t${n++}`).join('\n')]));
  const kept = new Set<ComponentTimeline>();
  let size = 0;
  for (const t of [...dated].sort((a, b) => (latest(a) < latest(b) ? 1 : latest(a) > latest(b) ? -1 : 0))) {
    const length = sections.get(t)!.length + 1;
    if (size + length > maxChars && kept.size > 0) continue;
    kept.add(t);
    size += length;
  }
  const header = ['gantt', `  title ${ganttText(`Stage history as of ${today}`)}`, '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m', '  todayMarker off'];
  const body = dated.filter((t) => kept.has(t)).map((t) => sections.get(t)!);
  return { block: ['```mermaid', ...header, ...body, '```'].join('\n'), omitted: dated.length - kept.size };
}
