// parseNote: one note's text → MaturityNote. Never throws; problems become diagnostics.
import type { Diagnostic, FrontmatterRecord, MaturityNote, StageField, Transition } from '../model';
import { parseStageValue, stageName, type Pipeline } from '../stages';
import { propertyKey } from '../text';
import { scanBlocks, type BlockVisitor } from './blocks';
import { findFrontmatter, listFromValue, parseFrontmatter, readPageProperties, tagsFromValue } from './frontmatter';
import { createReader, type ReadResult } from './reader';
import { lineStarts, textHints } from './placeholders';
import { effectiveTransitions, transitionName } from '../transitions';

// Moved to core/transitions.ts; still importable from here.
export { effectiveTransitions, transitionName };

/** Normalised property keys that state the stage (front matter, page properties). */
export const STAGE_KEYS = ['current-stage', 'stage', 'maturity-stage', 'maturity'];
const UPDATED_KEYS = ['last-updated', 'updated', 'last-modified', 'modified'];

/** Structure pass used by parseNote; the reference parser swaps in a remark-driven one. */
export type StructureScanner = (text: string, offset: number, firstLine: number, visitor: BlockVisitor) => void;

export function parseNote(input: string, pipeline: Pipeline, scan: StructureScanner = scanBlocks): MaturityNote {
  const text = input.indexOf('\r') === -1 ? input : input.replace(/\r\n?/g, '\n');
  const diagnostics: Diagnostic[] = [];
  const frontmatter = Object.create(null) as FrontmatterRecord;
  let bodyOffset = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let bodyLine = 1;

  const block = findFrontmatter(text);
  if (block) {
    const parsed = parseFrontmatter(block);
    Object.assign(frontmatter, parsed.data);
    diagnostics.push(...parsed.diagnostics);
    bodyOffset = block.bodyOffset;
    bodyLine = block.bodyLine;
  }
  const pageProperties = readPageProperties(text, bodyOffset, bodyLine);
  if (pageProperties) {
    for (const key of Object.keys(pageProperties.data)) if (!(key in frontmatter)) frontmatter[key] = pageProperties.data[key]!;
    bodyOffset = pageProperties.bodyOffset;
    bodyLine = pageProperties.bodyLine;
  }
  // Keys already in normal form (the usual `title`, `tags`, `updated`) need no second record:
  // the index keeps thousands of notes, and both records are read-only.
  const keys = Object.keys(frontmatter);
  let properties = frontmatter;
  if (keys.some((key) => propertyKey(key) !== key)) {
    properties = Object.create(null) as FrontmatterRecord;
    for (const key of keys) {
      const normal = propertyKey(key);
      if (!(normal in properties)) properties[normal] = frontmatter[key]!;
    }
  }

  const starts = lineStarts(text);
  const { visitor, result } = createReader(pipeline, textHints(text, starts));
  scan(text, bodyOffset, bodyLine, visitor);

  return assemble(pipeline, starts.length, frontmatter, properties, result, diagnostics, pageProperties !== null);
}

function assemble(
  pipeline: Pipeline,
  lineCount: number,
  frontmatter: FrontmatterRecord,
  properties: FrontmatterRecord,
  read: ReadResult,
  diagnostics: Diagnostic[],
  hasPageProperties: boolean,
): MaturityNote {
  const tags = uniqueCaseless([...tagsFromValue(properties['tags']), ...tagsFromValue(properties['tag']), ...read.bodyTags]);
  const aliases = uniqueCaseless([...listFromValue(properties['aliases']), ...listFromValue(properties['alias'])]);
  const title = stringProperty(properties['title']);

  // Stage: the header field first, then front matter / page properties, then prose.
  const propertyStageKey = STAGE_KEYS.find((k) => typeof properties[k] === 'string' && (properties[k] as string).trim() !== '');
  const propertyStage = propertyStageKey
    ? parseStageValue(pipeline, properties[propertyStageKey] as string, hasPageProperties ? 'property' : 'frontmatter', 1)
    : null;
  const headerStage = read.headerStageIndex >= 0 ? read.stages[read.headerStageIndex]! : null;
  let stage: StageField | null = headerStage ?? (propertyStage?.id ? propertyStage : null) ?? read.stages[0] ?? null;
  const otherStages = read.stages.filter((s) => s !== stage);
  if (propertyStage && propertyStage !== stage) otherStages.push(propertyStage);

  let inferred = false;
  if (stage === null) {
    const fromHistory = latestHistoryStage(read);
    const prose = fromHistory ?? read.proseStage;
    if (prose) {
      stage = prose;
      inferred = true;
    }
  }

  if (stage === null) {
    diagnostics.push({
      code: 'stage-missing',
      severity: 'error',
      message: read.stagePlaceholder
        ? 'Current Stage is still the template placeholder.'
        : 'No Current Stage found: add a line such as **Current Stage**: Development.',
      line: 1,
    });
  } else if (inferred) {
    diagnostics.push({
      code: 'stage-missing',
      severity: 'warning',
      message: `No Current Stage line; the stage ${stageName(pipeline, stage.id)} is inferred from the text on line ${stage.line}. Add **Current Stage**: ${stageName(pipeline, stage.id)}.`,
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
  if (stage?.id) {
    for (const other of otherStages) {
      if (other.id !== null && other.id !== stage.id) {
        diagnostics.push({
          code: 'stage-conflict',
          severity: 'warning',
          message: `Line ${other.line} says the stage is ${stageName(pipeline, other.id)}, but the note's Current Stage is ${stageName(pipeline, stage.id)}.`,
          line: other.line,
        });
      }
    }
  }

  const lastUpdated = read.lastUpdated ?? updatedFromProperties(properties);
  if (lastUpdated && lastUpdated.value === null && lastUpdated.raw !== '') {
    diagnostics.push({
      code: 'date-invalid',
      severity: 'warning',
      message: `Last Updated "${lastUpdated.raw}" is not a date in YYYY-MM-DD form.`,
      line: lastUpdated.line,
    });
  }

  for (const transition of read.transitions) {
    transition.total = transition.items.length;
    transition.met = transition.items.filter((i) => i.checked).length;
    checkClaim(pipeline, transition, diagnostics);
    for (const item of transition.items) {
      if (item.checked && item.mark === 'fail') {
        diagnostics.push({ code: 'checkbox-mark-conflict', severity: 'warning', message: `Criterion "${item.text}" is checked but marked as failing.`, line: item.line });
      } else if (!item.checked && item.mark === 'pass' && item.status === ' ') {
        diagnostics.push({ code: 'checkbox-mark-conflict', severity: 'warning', message: `Criterion "${item.text}" is marked as passing but its box is not checked.`, line: item.line });
      }
    }
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
    diagnostics.push({
      code: 'template-placeholder',
      severity: 'warning',
      message: `${read.placeholders.length} template placeholder${read.placeholders.length === 1 ? '' : 's'} still unfilled (first: "${first.text}" on line ${first.line}).`,
      line: first.line,
    });
  }

  const transitionsWithCriteria = read.transitions.filter((t) => t.items.length > 0 || t.claim !== null).length;
  for (const t of read.transitions) t.items = fit(t.items);
  for (const c of read.checklists) c.items = fit(c.items);
  return {
    frontmatter,
    properties,
    tags: fit(tags),
    aliases: fit(aliases),
    title,
    heading: read.heading,
    stage,
    otherStages: fit(otherStages),
    targetStage: read.targetStage,
    lastUpdated,
    owner: read.owner ?? sourcedProperty(properties['owner']),
    group: read.group ?? sourcedProperty(properties['functional-group'] ?? properties['group']),
    priority: read.priority ?? sourcedProperty(properties['priority']),
    promotedTo: fit(read.promotedTo),
    transitions: fit(read.transitions),
    dependencies: fit(read.dependencies),
    dependenciesNone: read.dependenciesNone,
    blockers: fit(read.blockers),
    history: fit(read.history),
    coverage: fit(read.coverage),
    security: read.security,
    performance: { current: read.current, targets: read.targets, observedDays: read.observedDays },
    checklists: fit(read.checklists),
    placeholders: fit(read.placeholders),
    signals: {
      headerStage: (headerStage !== null && headerStage.id !== null) || (propertyStage?.id ?? null) !== null,
      stageFieldCount: read.stages.length + (read.stagePlaceholder ? 1 : 0),
      transitionsWithCriteria,
      stagePlaceholder: read.stagePlaceholder,
      headerFields: read.headerFields.size,
    },
    diagnostics: fit(diagnostics),
    lineCount,
  };
}

function checkClaim(pipeline: Pipeline, t: Transition, diagnostics: Diagnostic[]): void {
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

function checkCriteriaBehindStage(pipeline: Pipeline, stage: StageField, transitions: Transition[], diagnostics: Diagnostic[]): void {
  const rank = pipeline.rank.get(stage.id!) ?? -1;
  const seen = new Set<string>();
  for (const t of effectiveTransitions(transitions)) {
    if (t.to === null || t.total === 0) continue;
    const toRank = pipeline.rank.get(t.to);
    if (toRank === undefined || toRank > rank) continue;
    const key = `${t.from}→${t.to}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (t.met < t.total) {
      const missing = t.items.filter((i) => !i.checked).map((i) => i.text);
      diagnostics.push({
        code: 'stage-criteria-unmet',
        severity: 'error',
        message: `The note is at ${stageName(pipeline, stage.id)}, but ${t.total - t.met} of ${t.total} ${transitionName(pipeline, t)} criteria are unchecked: ${missing.slice(0, 3).join('; ')}${missing.length > 3 ? '; …' : ''}.`,
        line: t.line,
      });
    }
  }
}

function latestHistoryStage(read: ReadResult): StageField | null {
  let best: { date: string; to: string; line: number; text: string } | null = null;
  for (const h of read.history) {
    if ((h.kind === 'promoted' || h.kind === 'demoted') && h.to && h.date && (!best || h.date >= best.date)) {
      best = { date: h.date, to: h.to, line: h.line, text: h.text };
    }
  }
  if (!best) return null;
  return { id: best.to, raw: best.text, qualifier: '', headingFor: null, blocked: false, promotionInProgress: false, source: 'prose', line: best.line };
}

function updatedFromProperties(properties: FrontmatterRecord): MaturityNote['lastUpdated'] {
  for (const key of UPDATED_KEYS) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') {
      const match = /\d{4}-\d{2}-\d{2}/.exec(value);
      return { value: match ? match[0] : null, raw: value, line: 1 };
    }
  }
  return null;
}

function stringProperty(value: unknown): string | null {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function sourcedProperty(value: unknown): { value: string; raw: string; line: number } | null {
  const text = Array.isArray(value) ? value.filter((v) => typeof v === 'string').join(', ') : stringProperty(value);
  return text ? { value: text, raw: text, line: 1 } : null;
}

function uniqueCaseless(values: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    const key = v.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(v);
    }
  }
  return out;
}

/**
 * An array grown by push() keeps spare capacity; the index holds thousands of notes, so what
 * it keeps is copied to its exact length.
 */
function fit<T>(items: T[]): T[] {
  return items.length === 0 ? [] : items.slice();
}
