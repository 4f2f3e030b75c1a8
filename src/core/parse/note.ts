// parseNote: one note's text → MaturityNote. Never throws; problems become diagnostics.
import { shrinkToFit } from '../exact-array';
import type { Diagnostic, FrontmatterRecord, FrontmatterValue, MaturityNote, StageField } from '../model';
import { parseStageValue, type Pipeline } from '../stages';
import { propertyKey } from '../text';
import { intern } from '../intern';
import { scanBlocks } from './blocks';
import { findFrontmatter, listFromValue, parseFrontmatter, readPageProperties, tagsFromValue } from './frontmatter';
import { noteDiagnostics, stageDiagnostics } from './note-checks';
import { createReader, type ReadResult } from './reader';
import type { BlockVisitor } from './visitor';
import { nullRecord } from '../records';

export { effectiveTransitions, transitionName } from './note-checks';

/**
 * Structure pass used by parseNote; the reference parser (test/helpers) swaps in a remark-driven
 * one. It may return the note's line count, which it found anyway; otherwise the `\n` are counted.
 */
export type StructureScanner = (text: string, offset: number, firstLine: number, visitor: BlockVisitor) => number | void;

/** A note's front matter and Logseq page properties, and where its body starts. */
interface NoteHead {
  frontmatter: FrontmatterRecord;
  /** The same keyed by normal form (`Current Stage` → `current-stage`). */
  properties: FrontmatterRecord;
  fromPageProperties: boolean;
  bodyOffset: number;
  bodyLine: number;
  diagnostics: Diagnostic[];
}

/**
 * What a parse keeps. The index keeps only what its queries, views and findings read: checklists
 * outside transition sections (documentation, next steps) are read by no view, so `index` skips
 * them (their lines are still scanned for placeholders and tags).
 */
export type NoteDetail = 'full' | 'index';

export function parseNote(input: string, pipeline: Pipeline, scan: StructureScanner = scanBlocks, detail: NoteDetail = 'full'): MaturityNote {
  return parseText(input, pipeline, scan, detail);
}

/**
 * The first look's reading of a note's head (its front matter and page properties, `text` cut
 * where they end): the properties and the tags they give. Only when the head holds more than
 * properties (body lines, which may hold `#tags`) is it parsed as a whole note.
 */
export function parseNoteHead(input: string, pipeline: Pipeline): Pick<MaturityNote, 'properties' | 'tags'> {
  const text = input.indexOf('\r') === -1 ? input : input.replace(/\r\n?/g, '\n');
  const head = readHead(text);
  if (text.slice(head.bodyOffset).trim() !== '') return parseText(text, pipeline, scanBlocks, 'full');
  const { properties } = head;
  return { properties, tags: [...tagsFromValue(properties['tags']), ...tagsFromValue(properties['tag'])] };
}

function parseText(input: string, pipeline: Pipeline, scan: StructureScanner, detail: NoteDetail): MaturityNote {
  const text = input.indexOf('\r') === -1 ? input : input.replace(/\r\n?/g, '\n');
  const head = readHead(text);
  const { visitor, result } = createReader(pipeline, detail === 'full');
  const lines = scan(text, head.bodyOffset, head.bodyLine, visitor);
  return assemble(pipeline, typeof lines === 'number' ? lines : countLines(text), head, result);
}

function countLines(text: string): number {
  let lines = 1;
  for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', nl + 1)) lines++;
  return lines;
}

function readHead(text: string): NoteHead {
  const diagnostics: Diagnostic[] = [];
  const frontmatter = nullRecord<FrontmatterValue>();
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
    properties = nullRecord<FrontmatterValue>();
    for (const key of keys) {
      const normal = propertyKey(key);
      if (!(normal in properties)) properties[normal] = frontmatter[key]!;
    }
  }
  return { frontmatter, properties, fromPageProperties: pageProperties !== null, bodyOffset, bodyLine, diagnostics };
}

function assemble(pipeline: Pipeline, lineCount: number, head: NoteHead, read: ReadResult): MaturityNote {
  const { properties, diagnostics } = head;
  const wanted = pipeline.vocabulary.properties;
  const tags = uniqueCaseless([...tagsFromValue(properties['tags']), ...tagsFromValue(properties['tag']), ...read.bodyTags]);
  const aliases = uniqueCaseless([...listFromValue(properties['aliases']), ...listFromValue(properties['alias'])]);
  const stages = pickStage(pipeline, head, read);
  stageDiagnostics(pipeline, stages.stage, stages.inferred, stages.otherStages, read, diagnostics);
  const lastUpdated = read.lastUpdated ?? updatedFromProperties(properties, wanted.lastUpdated);
  noteDiagnostics(pipeline, stages.stage, lastUpdated, read, diagnostics);
  const transitionsWithCriteria = read.transitions.filter((t) => t.items.length > 0 || t.claim !== null).length;
  for (const t of read.transitions) t.items = shrinkToFit(t.items);
  for (const c of read.checklists) c.items = shrinkToFit(c.items);
  return {
    frontmatter: head.frontmatter,
    properties,
    tags: shrinkToFit(tags.map(intern)),
    aliases: shrinkToFit(aliases.map(intern)),
    title: stringProperty(properties['title']),
    heading: read.heading,
    stage: stages.stage,
    otherStages: shrinkToFit(stages.otherStages),
    targetStage: read.targetStage,
    lastUpdated,
    owner: read.owner ?? sourcedProperty(firstProperty(properties, wanted.owner)),
    group: read.group ?? sourcedProperty(firstProperty(properties, wanted.group)),
    priority: read.priority ?? sourcedProperty(firstProperty(properties, wanted.priority)),
    promotedTo: shrinkToFit(read.promotedTo),
    transitions: shrinkToFit(read.transitions),
    dependencies: shrinkToFit(read.dependencies),
    dependenciesNone: read.dependenciesNone,
    blockers: shrinkToFit(read.blockers),
    history: shrinkToFit(read.history),
    coverage: shrinkToFit(read.coverage),
    security: read.security,
    performance: { current: read.current, targets: read.targets, observedDays: read.observedDays },
    checklists: shrinkToFit(read.checklists),
    placeholders: shrinkToFit(read.placeholders),
    signals: {
      headerStage: (stages.headerStage !== null && stages.headerStage.id !== null) || (stages.propertyStage?.id ?? null) !== null,
      stageFieldCount: read.stages.length + (read.stagePlaceholder ? 1 : 0),
      transitionsWithCriteria,
      stagePlaceholder: read.stagePlaceholder,
      headerFields: read.headerFields.size,
    },
    diagnostics: shrinkToFit(diagnostics),
    lineCount,
  };
}

/** The stage: the header field first, then front matter / page properties, then other fields, then prose. */
function pickStage(pipeline: Pipeline, head: NoteHead, read: ReadResult) {
  const { properties } = head;
  const key = pipeline.vocabulary.properties.currentStage.find((k) => typeof properties[k] === 'string' && (properties[k] as string).trim() !== '');
  const propertyStage = key ? parseStageValue(pipeline, properties[key] as string, head.fromPageProperties ? 'property' : 'frontmatter', 1) : null;
  const headerStage = read.headerStageIndex >= 0 ? read.stages[read.headerStageIndex]! : null;
  let stage: StageField | null = headerStage ?? (propertyStage?.id ? propertyStage : null) ?? read.stages[0] ?? null;
  const otherStages = read.stages.filter((s) => s !== stage);
  if (propertyStage && propertyStage !== stage) otherStages.push(propertyStage);
  let inferred = false;
  if (stage === null) {
    const prose = latestHistoryStage(read) ?? read.proseStage;
    if (prose) {
      stage = prose;
      inferred = true;
    }
  }
  return { stage, inferred, otherStages, headerStage, propertyStage };
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

function firstProperty(properties: FrontmatterRecord, keys: readonly string[]): FrontmatterRecord[string] | undefined {
  for (const key of keys) if (properties[key] !== undefined && properties[key] !== null) return properties[key];
  return undefined;
}

function updatedFromProperties(properties: FrontmatterRecord, keys: readonly string[]): MaturityNote['lastUpdated'] {
  for (const key of keys) {
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

