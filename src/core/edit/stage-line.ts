// Rewriting the stage a note states: the `**Current Stage**:` field (and any other field that
// repeats it), `current_stage:` in front matter and `current-stage::` page properties. The key,
// the bold around the value, the case the stage is written in and the trailing spaces stay.
import type { MaturityNote, StageId } from '../model';
import { leadingStage, parseStageValue, stageName, type Pipeline } from '../stages';
import { propertyKey } from '../text';
import { locateField } from './fields';
import { trailingSpace, type Line, type LineEdit } from './lines';
import type { Outline } from './outline';

// Markup and emoji that may wrap a stage word: `**Staging**`, `[[Staging]]`, `🔨 Development`.
const LEADING = /^(?:[\s*_~`[]|\p{Extended_Pictographic}|\uFE0F|\u200D)*/u;

/**
 * `**Development** 🔨` → `**Staging** (Promoted 2026-11-24)`: keep what wraps the stage word and
 * its case style, replace the word, drop the old qualifier (it described the old stage) and put
 * the new one in parentheses. Null when the value does not start with a stage.
 */
export function rewriteStageValue(pipeline: Pipeline, value: string, to: StageId, qualifier: string | null): string | null {
  const lead = LEADING.exec(value)![0];
  const rest = value.slice(lead.length);
  const found = leadingStage(pipeline, rest.toLowerCase());
  if (!found) return null;
  const word = rest.slice(0, found.length);
  const markup = lead.replace(/[^*_~`[]/gu, '');
  const closing = [...markup].reverse().map((c) => (c === '[' ? ']' : c)).join('');
  const after = rest.slice(found.length);
  const keepClosing = closing !== '' && after.startsWith(closing) ? closing : '';
  return `${lead}${styleLike(word, stageName(pipeline, to))}${keepClosing}${qualifier ? ` (${qualifier})` : ''}`;
}

/** Write `name` in the case style of `sample`: `STAGING`, `staging` or `Staging`. */
function styleLike(sample: string, name: string): string {
  if (sample === sample.toUpperCase() && sample !== sample.toLowerCase()) return name.toUpperCase();
  if (sample === sample.toLowerCase()) return name.toLowerCase();
  return name;
}

export interface StageEditPlan {
  edits: LineEdit[];
  /** Stage statements found but not rewritable (prose), or lines where the value was not found. */
  unrewritable: Array<{ line: number; reason: string }>;
}

/** Every edit that moves the note's stage statements from `from` to `to`. */
export function stageEdits(
  pipeline: Pipeline,
  note: MaturityNote,
  lines: Line[],
  structure: Outline,
  from: StageId,
  to: StageId,
  qualifier: string,
): StageEditPlan {
  const edits: LineEdit[] = [];
  const unrewritable: StageEditPlan['unrewritable'] = [];
  const seen = new Set<number>();
  const reason = `Current Stage ${stageName(pipeline, from)} → ${stageName(pipeline, to)}`;

  // Body fields: the header's Current Stage and any field repeating the same stage.
  for (const stage of [note.stage, ...note.otherStages]) {
    if (!stage || stage.source !== 'header' || stage.id !== from || seen.has(stage.line)) continue;
    seen.add(stage.line);
    const line = lines[stage.line - 1];
    const span = line ? locateField(line.content) : null;
    const rewritten = span ? rewriteStageValue(pipeline, line!.content.slice(span.start, span.end), to, qualifier) : null;
    if (rewritten === null) {
      unrewritable.push({ line: stage.line, reason: 'the stage value could not be located on the line' });
      continue;
    }
    edits.push({ index: stage.line - 1, remove: 1, insert: [line!.content.slice(0, span!.start) + rewritten + line!.content.slice(span!.end)], reason });
  }

  // Front matter `current_stage: development` and Logseq `current-stage:: development`.
  const ranges: Array<{ first: number; last: number; property: boolean }> = [];
  if (structure.frontmatter) ranges.push({ first: structure.frontmatter.firstLine, last: structure.frontmatter.bodyLine - 2, property: false });
  if (structure.pageProperties) ranges.push({ ...structure.pageProperties, property: true });
  for (const range of ranges) {
    for (let n = range.first; n <= range.last; n++) {
      const content = lines[n - 1]?.content;
      if (content === undefined) continue;
      const rewritten = rewritePropertyLine(pipeline, content, range.property, from, to);
      if (rewritten !== null) edits.push({ index: n - 1, remove: 1, insert: [rewritten], reason: `${reason} (${range.property ? 'page property' : 'front matter'})` });
    }
  }
  return { edits, unrewritable };
}

/**
 * `key: value` (YAML) or `key:: value` (Logseq) split into its parts, trailing spaces apart. By hand:
 * a `(.*?)([ \t]*)$` regex retries every position of a long run of inner spaces (quadratic).
 */
export function splitKeyLine(content: string, property: boolean): { key: string; sep: string; value: string; trailing: string } | null {
  const trailing = trailingSpace(content);
  const body = content.slice(0, content.length - trailing.length);
  const at = body.indexOf(property ? '::' : ':');
  if (at <= 0) return null;
  let keyEnd = at;
  if (!property) while (keyEnd > 0 && (body.charCodeAt(keyEnd - 1) === 32 || body.charCodeAt(keyEnd - 1) === 9)) keyEnd--;
  const key = body.slice(0, keyEnd);
  if (property ? !/^[A-Za-z0-9][\w.-]*$/.test(key) : !/^[^\s#:]/.test(key)) return null;
  let valueStart = at + (property ? 2 : 1);
  while (body.charCodeAt(valueStart) === 32 || body.charCodeAt(valueStart) === 9) valueStart++;
  return { key, sep: body.slice(keyEnd, valueStart), value: body.slice(valueStart), trailing };
}

/** A top-level stage key whose value is the old stage → the same line naming the new stage. */
function rewritePropertyLine(pipeline: Pipeline, content: string, property: boolean, from: StageId, to: StageId): string | null {
  const m = splitKeyLine(content, property);
  if (!m || !pipeline.vocabulary.properties.currentStage.includes(propertyKey(m.key))) return null;
  let value = m.value;
  let comment = '';
  if (!property) {
    const hash = value.search(/\s#/);
    if (hash !== -1 && !/^["']/.test(value)) {
      comment = value.slice(hash);
      value = value.slice(0, hash);
    }
  }
  const quote = /^(["'])(.*)\1$/.exec(value);
  const inner = quote ? quote[2]! : value;
  if (parseStageValue(pipeline, inner, 'frontmatter', 0)?.id !== from) return null;
  const rewritten = rewriteStageValue(pipeline, inner, to, null);
  if (rewritten === null) return null;
  const newValue = quote ? `${quote[1]}${rewritten}${quote[1]}` : rewritten;
  return `${m.key}${m.sep}${newValue}${comment}${m.trailing}`;
}
