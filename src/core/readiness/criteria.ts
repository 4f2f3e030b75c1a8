// Reading a promotion criterion for what it asks and what it states: "Unit tests passing (≥70%
// coverage) - Currently 41%", "7-day uptime in staging ≥99.5% - In Progress (Day 3/7)", a criteria
// table row "Test Coverage | ≥70% | 84.65% | ✅".
import type { ChecklistItem, Comparator } from '../model';
import type { CriterionKind, Threshold } from './types';

export interface CriterionReading {
  kind: CriterionKind;
  /** Coverage criteria about integration tests ("Integration tests passing (≥80% coverage)"). */
  integration: boolean;
  threshold: Threshold | null;
  /** A percentage the criterion itself states as achieved ("Currently 41%", "actual: 83.7%"). */
  stated: { value: number; raw: string } | null;
  /** "7-day uptime": the observation window in days. */
  windowDays: number | null;
  /** "Day 3/7" written in the annotation. */
  statedDay: { day: number; of: number } | null;
  /** "1 violation", "2 errors", "3 failing tests": findings the criterion admits to. */
  findings: { count: number; raw: string } | null;
}

// Bounded digit runs: `\d+` before `%` retries from every digit of a long run (quadratic).
const PERCENT = /(\d{1,15}(?:\.\d{1,15})?)\s*%/g;

// Readings by criterion text: notes copied from one template repeat the same criteria, and a
// reading is a dozen regular-expression searches. Frozen, as every check that read it shares it.
const MAX_READINGS = 4096;
const readings = new Map<string, Readonly<CriterionReading>>();

/** What a criterion asks for and what it says about itself (the same object for the same text and note). */
export function readCriterionText(item: Pick<ChecklistItem, 'text' | 'note'>): Readonly<CriterionReading> {
  // With a note, the text's length first; without, a colon first: no pair spells another's key.
  const key = item.note ? `${item.text.length}:${item.text}${item.note}` : `:${item.text}`;
  let reading = readings.get(key);
  if (reading === undefined) {
    if (readings.size >= MAX_READINGS) readings.clear();
    reading = freezeReading(readText(item));
    readings.set(key, reading);
  }
  return reading;
}

/** The reading and the objects it holds (one level: its fields are flat). */
function freezeReading<T extends object>(value: T): Readonly<T> {
  for (const field of Object.values(value)) if (field !== null && typeof field === 'object') Object.freeze(field);
  return Object.freeze(value);
}

function readText(item: Pick<ChecklistItem, 'text' | 'note'>): CriterionReading {
  const text = item.text;
  const full = item.note ? `${text} · ${item.note}` : text;
  const kind = criterionKind(text);
  const percents = findPercents(full);
  const bound = percents.find((p) => p.comparator !== null) ?? null;
  const threshold: Threshold | null = bound ? { comparator: bound.comparator!, value: bound.value, unit: '%', raw: bound.raw } : null;
  const stated = percents.find((p) => p.comparator === null && !p.signed) ?? null;
  return {
    kind,
    integration: /\bintegration\b/i.test(text),
    threshold: kind === 'coverage' || kind === 'uptime' ? threshold : null,
    stated: stated && (kind === 'coverage' || kind === 'uptime') ? { value: stated.value, raw: stated.raw } : null,
    windowDays: readWindow(text),
    statedDay: readStatedDay(full),
    findings: readFindings(full),
  };
}

function criterionKind(text: string): CriterionKind {
  const t = text.toLowerCase();
  if (/\bcoverage\b/.test(t)) return 'coverage';
  if (/\buptime\b|\bavailability\b/.test(t)) return 'uptime';
  if (/security review/.test(t)) return 'security-review';
  if (/security scan|\bbandit\b|vulnerabilit|security issues|\bsecurity\b.{0,200}\bclean\b/.test(t)) return 'security-scan';
  if (/\bslas?\b|\bperformance\b|\blatency\b|response time/.test(t)) return 'performance';
  if (/\blint|\bruff\b|type.?check|\bpyright\b|\bmypy\b|tests? (are )?passing|all tests/.test(t)) return 'findings';
  return 'other';
}

interface PercentToken {
  value: number;
  raw: string;
  comparator: Comparator | null;
  /** `+14.65%`, `-58.69%`: a difference, not a figure. */
  signed: boolean;
}

/** Every percentage with what surrounds it: a bound (`≥70%`, `70% threshold`, `80%+`) or a figure. */
function findPercents(text: string): PercentToken[] {
  const out: PercentToken[] = [];
  PERCENT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PERCENT.exec(text))) {
    const before = text.slice(Math.max(0, m.index - 16), m.index).toLowerCase();
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 24).toLowerCase();
    const value = Number(m[1]);
    let comparator: Comparator | null = null;
    const op = /(≥|>=|≤|<=|>|<|=)\s*$/.exec(before);
    if (op) comparator = op[1] === '≥' || op[1] === '>=' ? '>=' : op[1] === '≤' || op[1] === '<=' ? '<=' : (op[1] as Comparator);
    else if (/(at least|minimum( of)?|min\.?|target( of)?|requires?|required:?)\s*$/.test(before)) comparator = '>=';
    else if (/^\s*(\+(?!\d)|threshold|required|requirement|minimum|target)/.test(after)) comparator = '>=';
    const signed = /[+\-−]\s*$/.test(before) && !op;
    out.push({ value, raw: m[0], comparator, signed });
  }
  return out;
}

function readWindow(text: string): number | null {
  const m = /(\d{1,6})\s*-?\s*days?\b/i.exec(text); // bounded: see PERCENT
  return m ? Number(m[1]) : null;
}

function readStatedDay(text: string): { day: number; of: number } | null {
  const m = /\bday\s*(\d+)\s*(?:\/|of)\s*(\d+)/i.exec(text);
  return m ? { day: Number(m[1]), of: Number(m[2]) } : null;
}

const FINDING = /\b(\d+)\s+(?:[a-z]+\s+)?(violations?|errors?|issues?|failures?|failing(?:\s+tests?)?|vulnerabilit(?:y|ies))\b/i;

function readFindings(text: string): { count: number; raw: string } | null {
  const m = FINDING.exec(text);
  if (!m) return null;
  // "3 optional PERF401 warnings" never matches; "0 errors" is a clean result, kept as count 0.
  return { count: Number(m[1]), raw: m[0] };
}
