// Reading stage names, stage values and transition headings against the configured pipeline.
import type { StageDefinition } from './settings/index';
import type { StageField, StageId, StageSource } from './model';
import { compileVocabulary, type CompiledVocabulary } from './parse/vocabulary-compile';
import type { VocabularySettings } from './parse/vocabulary';
import { indexOfWord, plain, visibleText } from './text';

export interface Pipeline {
  stages: StageDefinition[];
  /** How notes name fields, sections and marks: the built-in words and what settings add. */
  vocabulary: CompiledVocabulary;
  /** Stage id → position in the pipeline (0 = least mature). */
  rank: Map<StageId, number>;
  /** Lower-case words naming a stage, longest first. */
  words: Array<{ word: string; id: StageId }>;
}

// Every pipeline without added words shares one compiled vocabulary.
let defaultVocabulary: CompiledVocabulary | null = null;

export function createPipeline(stages: StageDefinition[], vocabulary?: VocabularySettings): Pipeline {
  const rank = new Map<StageId, number>();
  const words: Array<{ word: string; id: StageId }> = [];
  stages.forEach((stage, i) => {
    rank.set(stage.id, i);
    const names = new Set([stage.id, stage.name.toLowerCase(), ...stage.aliases.map((a) => a.toLowerCase())]);
    for (const word of names) if (word) words.push({ word, id: stage.id });
  });
  words.sort((a, b) => b.word.length - a.word.length);
  const hasWords = vocabulary !== undefined && Object.values(vocabulary).some((list) => list !== undefined && list.length > 0);
  const compiled = hasWords ? compileVocabulary(vocabulary) : (defaultVocabulary ??= compileVocabulary());
  return { stages, vocabulary: compiled, rank, words };
}

export function stageName(pipeline: Pipeline, id: StageId | null): string {
  if (id === null) return 'Unknown';
  return pipeline.stages.find((s) => s.id === id)?.name ?? id;
}

/** The stage named at the very start of `lower` (already lower-cased), with the length matched. */
export function leadingStage(pipeline: Pipeline, lower: string): { id: StageId; length: number } | null {
  for (const { word, id } of pipeline.words) {
    if (lower.startsWith(word)) {
      if (lower.length === word.length || !isLetter(lower.charCodeAt(word.length))) return { id, length: word.length };
    }
  }
  return null;
}

/** First stage named anywhere in `lower` at a word boundary. */
export function findStage(pipeline: Pipeline, lower: string, from = 0): { id: StageId; index: number; length: number } | null {
  let best: { id: StageId; index: number; length: number } | null = null;
  for (const { word, id } of pipeline.words) {
    const index = indexOfWord(lower, word, from);
    if (index !== -1 && (best === null || index < best.index || (index === best.index && word.length > best.length))) {
      best = { id, index, length: word.length };
    }
  }
  return best;
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code > 127;
}

// Every arrow people type between two stages, ASCII and Unicode, plus the word "to".
const ARROW = /^(?:-+>|=+>|[–—]+>|→|⟶|➔|➜|➝|➞|⇒|⟹|↦|»|to\b)\s*/;

/** True when the value is a template slot rather than a stage: `<Development|Staging>`, `{stage}`, `X`. */
export function isStagePlaceholder(value: string): boolean {
  const v = value.trim();
  return /^<[^>]*>$/.test(v) || /^\{[^}]*\}$/.test(v) || v.includes('|') || /^(x+|tbd|n\/a|\?+)$/i.test(v);
}

/**
 * Parse a stage value as people write it: `Staging (Promoted 2025-10-08)`, `**Development** 🔨`,
 * `STAGING (Ready for Production Deployment)`, `Development → Staging (Promotion in Progress)`,
 * `Development (BLOCKED - Requires Architectural Refactoring)`.
 */
export function parseStageValue(
  pipeline: Pipeline,
  rawValue: string,
  source: StageSource,
  line: number,
): StageField | null {
  const text = plain(rawValue);
  if (text === '') return null;
  const lower = text.toLowerCase();
  const lead = leadingStage(pipeline, lower);
  if (!lead) {
    return { id: null, raw: text, qualifier: '', headingFor: null, blocked: /\bblocked\b/i.test(text), promotionInProgress: false, source, line };
  }
  let rest = text.slice(lead.length).trim();
  let headingFor: StageId | null = null;
  const arrow = ARROW.exec(rest.toLowerCase());
  if (arrow) {
    const afterArrow = rest.slice(arrow[0].length);
    const next = leadingStage(pipeline, afterArrow.toLowerCase());
    if (next) {
      headingFor = next.id;
      rest = afterArrow.slice(next.length).trim();
    }
  }
  const qualifier = unwrapQualifier(rest);
  const blocked = /\bblocked\b/i.test(qualifier);
  const promotionInProgress = headingFor !== null || /\b(promotion|promoting)\b[^.]{0,200}\b(in progress|pending|requested|underway)\b/i.test(qualifier);
  return { id: lead.id, raw: text, qualifier, headingFor, blocked, promotionInProgress, source, line };
}

/** "(Promoted)" → "Promoted"; "- BLOCKED" → "BLOCKED"; keeps inner parentheses. */
function unwrapQualifier(rest: string): string {
  let q = rest.replace(/^[\s\-–—:,;]+/, '').trim();
  if (q.startsWith('(') && q.endsWith(')') && balancedInside(q)) q = q.slice(1, -1).trim();
  return q;
}

function balancedInside(q: string): boolean {
  let depth = 0;
  for (let i = 0; i < q.length; i++) {
    const c = q[i];
    if (c === '(') depth++;
    else if (c === ')') {
      depth--;
      if (depth === 0 && i < q.length - 1) return false;
    }
  }
  return depth === 0;
}

/**
 * Read a transition heading: `Development → Staging`, `Development -> Staging Requirements`,
 * `✅ Development to Staging Promotion Criteria`, or `Staging Criteria (✅ MET)` (to = Staging,
 * from = the stage before it).
 */
export function parseTransitionHeading(pipeline: Pipeline, heading: string): { from: StageId | null; to: StageId } | null {
  const lower = visibleText(heading).toLowerCase();
  const first = findStage(pipeline, lower);
  if (!first) return null;
  const after = lower.slice(first.index + first.length).trim();
  const arrow = ARROW.exec(after);
  if (arrow) {
    const second = leadingStage(pipeline, after.slice(arrow[0].length));
    if (second) return { from: first.id, to: second.id };
  }
  // "<Stage> Criteria" / "<Stage> Requirements" / "<Stage> Gates": criteria for entering that stage.
  if (first.index <= 4 && pipeline.vocabulary.transitionWords.test(after)) {
    const rank = pipeline.rank.get(first.id) ?? 0;
    if (rank === 0) return null;
    return { from: pipeline.stages[rank - 1]?.id ?? null, to: first.id };
  }
  return null;
}

/** -1, 0 or 1 comparing two stages' maturity; null when either is unknown. */
export function compareStages(pipeline: Pipeline, a: StageId | null, b: StageId | null): number | null {
  if (a === null || b === null) return null;
  const ra = pipeline.rank.get(a);
  const rb = pipeline.rank.get(b);
  if (ra === undefined || rb === undefined) return null;
  return Math.sign(ra - rb);
}
