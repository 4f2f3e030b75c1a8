// Reading the values inside fields and list items: criteria and their marks, status claims,
// percentages, counts and measures; the "none" that says a note has no dependencies.
import type { Comparator, ItemMark } from '../model';
import type { Pipeline } from '../stages';
import { plain, visibleText } from '../text';
import { intern } from '../intern';
import type { CompiledVocabulary } from './vocabulary-compile';

export interface Criterion {
  text: string;
  note: string;
  mark: ItemMark;
}

/**
 * Split a criterion into its text, trailing annotation and ✅/❌ mark. Not memoised: a memo per
 * distinct text measured 3% slower than splitting (docs/benchmarks.md, shortcut ledger).
 */
export function readCriterion(vocabulary: CompiledVocabulary, raw: string): Criterion {
  let mark: ItemMark = null;
  // The built-in marks are outside ASCII; marks added in settings may not be.
  if (!isAscii(raw) || vocabulary.asciiMarks) {
    if (hasAny(raw, vocabulary.failMarks)) mark = 'fail';
    else if (hasAny(raw, vocabulary.passMarks)) mark = 'pass';
    else if (hasAny(raw, vocabulary.warnMarks)) mark = 'warn';
  }
  let text = raw;
  let note = '';
  // "Criterion - **Currently 0%** ❌" / "Criterion – **In Progress** (Day 1/7)"
  const dash = raw.indexOf('-') !== -1 || raw.indexOf('–') !== -1 || raw.indexOf('—') !== -1 ? CRITERION_DASH.exec(raw) : null;
  if (dash) {
    text = raw.slice(0, dash.index);
    note = raw.slice(dash.index + dash[0].length);
  }
  return { text: plain(text), note: plain(note), mark };
}

const CRITERION_DASH = /\s[-–—]\s+(?=\*\*|[A-Z0-9(]|[\p{Extended_Pictographic}])/u;

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) return false;
  return true;
}

function hasAny(text: string, marks: readonly string[]): boolean {
  for (const m of marks) if (text.includes(m)) return true;
  return false;
}

// Bounded runs: an unbounded `\d+` before a literal retries from every digit of a long run (quadratic).
export const CLAIM = /(\d{1,9}|[xX?]{1,9})(\s*\/\s*)(\d{1,9}|[xXyY?]{1,9})/;

/** `❌ **8/9 criteria met - NEEDS WORK**` → 8 of 9; `X/7` → null of 7. */
export function readClaim(value: string): { met: number | null; total: number | null } | null {
  const m = CLAIM.exec(value);
  if (!m) return null;
  const met = /^\d+$/.test(m[1]!) ? Number(m[1]) : null;
  const total = /^\d+$/.test(m[3]!) ? Number(m[3]) : null;
  return { met, total };
}

/** First percentage in the text; null for `XX%` placeholders or none. */
export function readPercent(value: string): { percent: number | null; placeholder: boolean } | null {
  const m = /(\d{1,15}(?:\.\d{1,15})?)\s*%/.exec(value);
  if (m) return { percent: Number(m[1]), placeholder: false };
  if (/\bX+(?:\.X+)?\s*%/.test(value)) return { percent: null, placeholder: true };
  return null;
}

/** A count such as `0 ✅`, `2 (Hugging Face best practices)`, or `X` (placeholder → null). */
export function readCount(value: string): { count: number | null; placeholder: boolean } | null {
  const v = visibleText(value);
  const m = /^(\d+)\b/.exec(v);
  if (m) return { count: Number(m[1]), placeholder: false };
  if (/^(X+|N\/A|TBD|\?)\b/i.test(v)) return { count: null, placeholder: /^X+/.test(v) };
  if (/^none\b/i.test(v)) return { count: 0, placeholder: false };
  return null;
}

/** The units a figure may carry, tried in this order (so `sec` reads as `s`, as it always has); the tape packs them as a choice (note-parts.ts). */
export const MEASURE_UNITS: readonly string[] = ['ms', 's', 'sec', 'seconds', '%', 'req/s', 'rps', 'requests/s', 'queries/s', 'qps', 'ops/s', 'msg/s', 'events/s', 'mb', 'gb', 'kb', 'mib', 'gib'];

const MEASURE = new RegExp(`(<=|>=|≤|≥|<|>|=|~)?\\s*(\\d+(?:[.,]\\d+)?|X+(?:\\.X+)?)\\s*(${MEASURE_UNITS.join('|')})?`, 'i');

/** `<50ms`, `>100 queries/s`, `≥99.9%`, `XXms` (placeholder → value null). */
export function readMeasure(value: string, line: number): { value: number | null; unit: string; comparator: Comparator | null; raw: string; line: number } | null {
  const text = visibleText(value); // shared by the caller that keeps it
  if (text === '' || /^(not measured|not tracked|n\/a|tbd|none)\b/i.test(text)) return null;
  const m = MEASURE.exec(text);
  if (!m || m.index > 12) return null;
  const number = m[2]!;
  const parsed = /^X/i.test(number) ? null : Number(number.replace(',', '.'));
  const comparator = normaliseComparator(m[1]);
  return { value: parsed, unit: intern((m[3] ?? '').toLowerCase()), comparator, raw: text, line };
}

function normaliseComparator(op: string | undefined): Comparator | null {
  switch (op) {
    case '<': return '<';
    case '>': return '>';
    case '<=': case '≤': return '<=';
    case '>=': case '≥': return '>=';
    case '=': return '=';
    default: return null;
  }
}

/** "over 7 days" / "(7 days)" after an uptime figure. */
export function readDays(value: string): number | null {
  const m = /(\d{1,6})\s*(?:-\s*)?days?\b/i.exec(value);
  return m ? Number(m[1]) : null;
}

/** `None (foundational component)`, `N/A`: the note says there is nothing in the list. */
export function isNoneValue(pipeline: Pipeline, value: string): boolean {
  return isNonePlain(pipeline, visibleText(value));
}

/** isNoneValue of text already through plain(). */
export function isNonePlain(pipeline: Pipeline, text: string): boolean {
  // The strip below is a no-op when the text starts with a word character (most do).
  return pipeline.vocabulary.noDependencies.test(isWordStart(text) ? text : text.replace(/^[^\w]+/u, ''));
}

function isWordStart(text: string): boolean {
  const c = text.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}
