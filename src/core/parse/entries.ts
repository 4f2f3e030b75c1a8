// Reading list entries: a dependency as written (`[[Neo4j]] (Current Stage: Staging)`), a blocker
// and its details, a promotion history line.
import type { BlockerSeverity, BlockerStatus, HistoryEntry, HistoryKind, StageId } from '../model';
import { findStage, leadingStage, parseStageValue, type Pipeline } from '../stages';
import { collapse, keptIsoDate, plain, visibleText } from '../text';

export interface DependencyLine {
  name: string;
  link: boolean;
  optional: boolean;
  declaredStage: StageId | null;
  declaredRaw: string;
  declaredBlocked: boolean;
  note: string;
}

// Logseq's labelled page reference: `[Neo4j]([[TTA/Components/Neo4j]])` links to the page.
const LABELLED_PAGE_REF = /^\[[^\]]+\]\(\[\[([^\]|#]*)(?:#[^\]|]*)?\]\]\)/;

/**
 * One dependency as written: `[[Neo4j]] (Current Stage: Staging)`, `Redis (Current Stage:
 * Development - BLOCKED)`, `Optional: Neo4j (for lore)`, `**Docker Compose**: required for …`,
 * `` `tta.prototype_neo4j` (Neo4j database component) ``. Returns 'none' for "None (…)".
 */
export function readDependency(pipeline: Pipeline, raw: string): DependencyLine | 'none' | null {
  let s = raw.trim().replace(/^[^\w[*`(<]+/u, '').trim();
  if (s === '') return null;
  let optional = false;
  const opt = /^\(?optional\)?\s*[:\-–—]?\s*/i.exec(s);
  if (opt && opt[0].length > 0 && /^\(?optional\)?\s*[:\-–—]/i.test(s)) {
    optional = true;
    s = s.slice(opt[0].length).trim();
  }
  if (pipeline.vocabulary.noDependencies.test(visibleText(s))) return 'none';

  const named = dependencyName(s);
  const name = collapse(named.name.replace(/:$/, ''));
  const link = named.link;
  let rest = named.rest;
  if (name === '') return null;

  let declaredStage: StageId | null = null;
  let declaredRaw = '';
  let declaredBlocked = false;
  const stageMatch = pipeline.vocabulary.declaredStage.exec(rest);
  if (stageMatch) {
    declaredRaw = plain(stageMatch[1]!);
    const parsed = parseStageValue(pipeline, declaredRaw, 'header', 0);
    declaredStage = parsed?.id ?? null;
    declaredBlocked = parsed?.blocked ?? /\bblocked\b/i.test(declaredRaw);
    rest = rest.slice(0, stageMatch.index) + rest.slice(stageMatch.index + stageMatch[0].length);
  }
  let note = plain(rest).replace(/^[\s:\-–—,;]+/, '').trim();
  if (note.startsWith('(') && note.endsWith(')')) note = note.slice(1, -1).trim();
  if (!optional && /^optional\b/i.test(note)) optional = true;
  return { name, link, optional, declaredStage, declaredRaw, declaredBlocked, note };
}

/** The name a dependency entry starts with: a wiki link, a Markdown link, bold or code, or words up to a break. */
function dependencyName(s: string): { name: string; link: boolean; rest: string } {
  let name = '';
  let link = false;
  let rest = '';
  let m: RegExpExecArray | null;
  if ((m = /^\[\[([^\]|#]*)(?:#[^\]|]*)?(?:\|[^\]]*)?\]\]/.exec(s))) {
    name = m[1]!.trim();
    link = true;
    rest = s.slice(m[0].length);
  } else if ((m = LABELLED_PAGE_REF.exec(s))) {
    // Logseq's labelled page reference, `[Neo4j]([[TTA/Components/Neo4j]])`: the page is the target.
    name = m[1]!.trim();
    link = true;
    rest = s.slice(m[0].length);
  } else if ((m = /^\[([^\]]+)\]\(([^)\s]+)\)/.exec(s))) {
    name = decodeLinkPath(m[2]!) ?? m[1]!;
    link = !/^[a-z]+:/i.test(m[2]!);
    if (!link) name = m[1]!;
    rest = s.slice(m[0].length);
  } else if ((m = /^\*\*([^*]+)\*\*/.exec(s)) || (m = /^__([^_]+)__/.exec(s)) || (m = /^`([^`]+)`/.exec(s))) {
    name = m[1]!.trim();
    rest = s.slice(m[0].length);
    if (/^\[/.test(name)) {
      const inner = /^\[\[([^\]|#]*)/.exec(name) ?? LABELLED_PAGE_REF.exec(name);
      if (inner) {
        name = inner[1]!.trim();
        link = true;
      }
    }
  } else {
    const cut = firstBreak(s);
    name = s.slice(0, cut).trim();
    rest = s.slice(cut);
  }
  return { name, link, rest };
}

function firstBreak(s: string): number {
  const candidates = [s.indexOf(' ('), s.indexOf(' - '), s.indexOf(' – '), s.indexOf(' — '), s.indexOf(': ')];
  let cut = s.length;
  for (const c of candidates) if (c !== -1 && c < cut) cut = c;
  return cut;
}

function decodeLinkPath(target: string): string | null {
  try {
    return decodeURIComponent(target.replace(/^<|>$/g, '')).replace(/\.md$/i, '');
  } catch {
    return null;
  }
}

/** Split an inline dependency value on commas and semicolons outside brackets and parentheses. */
export function splitInline(value: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value[i];
    if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth = Math.max(0, depth - 1);
    else if ((c === ',' || c === ';') && depth === 0) {
      parts.push(value.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(value.slice(start));
  return parts.map((p) => p.trim()).filter(Boolean);
}

// ---------------------------------------------------------------------------------------------
// Blockers

/** A blocker entry's text, already through plain(). */
export function readBlockerText(s: string): { text: string; issue: string | null; resolvedOn: string | null } {
  let text = s;
  let issue: string | null = null;
  const m = /^(?:issue\s*)?(#\d+|[A-Z][A-Z0-9]+-\d+)\s*[:\-–—]?\s*/i.exec(s);
  if (m) {
    issue = m[1]!.toUpperCase().startsWith('#') ? m[1]! : m[1]!.toUpperCase();
    text = s.slice(m[0].length) || s;
  } else {
    const ref = /\b(?:issue\s*)(#\d+)/i.exec(s);
    if (ref) issue = ref[1]!;
  }
  let resolvedOn: string | null = null;
  const resolved = RESOLVED_WORD.test(text) ? RESOLVED_ON.exec(text) : null;
  if (resolved) {
    resolvedOn = keptIsoDate(resolved[1]!);
    text = (text.slice(0, resolved.index) + text.slice(resolved.index + resolved[0].length)).trim();
  }
  return { text: text.replace(/^[\s:\-–—]+/, '').trim(), issue, resolvedOn };
}

// The word first: the whole pattern tried at every position of every blocker costs more.
const RESOLVED_WORD = /resolved/i;
const RESOLVED_ON = /\(?\s*resolved(?:\s+on)?\s*:?\s*(\d{4}-\d{2}-\d{2})\s*\)?/i;

export function readSeverity(value: string): BlockerSeverity | null {
  const v = visibleText(value).toLowerCase();
  if (v.includes('|')) return null;
  for (const s of ['critical', 'high', 'medium', 'low'] as const) if (v.startsWith(s)) return s;
  return null;
}

export function readBlockerStatus(value: string): BlockerStatus | null {
  const v = visibleText(value).toLowerCase();
  if (v.includes('|')) return null;
  if (/^(resolved|closed|done|fixed)/.test(v)) return 'resolved';
  if (/^(in progress|in-progress|ongoing|working)/.test(v)) return 'in-progress';
  if (/^(open|new|blocked|todo|pending)/.test(v)) return 'open';
  return null;
}


// ---------------------------------------------------------------------------------------------
// Promotion history

/** A history entry as read from one line; the reader adds its line number. */
export type HistoryLine = Omit<HistoryEntry, 'line'>;

/**
 * `**2025-10-08**: Promoted to Staging (Issue #39)`, `❌ **2025-10-08**: **Development → Staging**
 * (Issue #24) - **REVOKED**`, `2025-10-21: Staging → Development`, a table row's cells joined.
 * `inDemotions` marks lines under a Demotions heading.
 */
const HISTORY_ARROW = /→|->|⟶|➔|=>|\bto\b/;

export function readHistory(pipeline: Pipeline, raw: string, inDemotions: boolean): HistoryLine | null {
  const text = plain(raw);
  const date = keptIsoDate(text);
  if (!date) return null;
  const lower = text.toLowerCase();
  let from: StageId | null = null;
  let to: StageId | null = null;
  // The arrow first: the pair pattern backtracks over every word of a line that has none.
  const arrow = HISTORY_ARROW.test(lower) ? /([a-z-]{1,40})\s*(?:→|->|⟶|➔|=>|\bto\b)\s*([a-z-]{1,40})/g : null;
  let m: RegExpExecArray | null;
  while (arrow !== null && (m = arrow.exec(lower))) {
    const a = leadingStage(pipeline, m[1]!);
    const b = leadingStage(pipeline, m[2]!);
    if (b && (a || /^(promoted|demoted|moved|returned|promotion|demotion|back)$/.test(m[1]!))) {
      from = a?.id ?? null;
      to = b.id;
      break;
    }
  }
  if (to === null) {
    const inStage = /\b(?:in|into|at)\s+([a-z-]+)/.exec(lower);
    const found = inStage ? leadingStage(pipeline, inStage[1]!) : null;
    if (found) to = found.id;
    else to = findStage(pipeline, lower)?.id ?? null;
  }
  let kind: HistoryKind = 'other';
  if (/\brevoked\b/.test(lower)) kind = 'revoked';
  else if (inDemotions || /\bdemot/.test(lower)) kind = 'demoted';
  else if (/\brequest/.test(lower) || /\bin progress\b/.test(lower)) kind = 'requested';
  else if (/\b(created|initial|started)\b/.test(lower)) kind = 'created';
  else if (/\bpromot/.test(lower) || from !== null) kind = 'promoted';
  if (kind === 'promoted' && from !== null && to !== null) {
    const rf = pipeline.rank.get(from) ?? 0;
    const rt = pipeline.rank.get(to) ?? 0;
    if (rt < rf) kind = 'demoted';
  }
  const issue = /#(\d+)/.exec(text);
  return { date, kind, from, to, issue: issue ? `#${issue[1]}` : null, text };
}
