// Counting the work string scanning does, without a clock. While `measureRegexWork` runs a
// function, every regex operation (exec, test, match, matchAll, replace, split, search all go
// through `RegExp.prototype.exec`) is recorded: the characters it scanned (from where the search
// started to the end of the match, or to the end of the input when nothing matched) and, for the
// regexes that scslre (a static analysis of JS regexes for super-linear worst cases) says could be
// super-linear, the longest run of the characters that would trigger it in any input they saw.
// The string methods that search or copy (indexOf, includes, slice, split, trim, replace with a
// string, …) count the characters they cover too. A linear program scans a number of characters
// linear in its input (a loop that re-searches or re-slices the rest of a line at every step does
// not); a flagged regex is harmless as long as the runs it sees stay bounded however long the
// input gets.
import { analyse, type Report } from 'scslre';

export interface RegexRisk {
  /** `/source/flags` */
  regex: string;
  /** scslre's report kinds for it (Trade, Self: backtracking within one attempt; Move: every start position rescans). */
  kinds: string[];
  /** The characters that trigger it (scslre's pick, for messages). */
  trigger: string;
  /** The longest run of trigger characters in any input it was given. */
  longestRun: number;
}

export interface RegexWork {
  /** Characters scanned by every regex operation and string search or copy together. */
  scanned: number;
  /** Regex operations. */
  calls: number;
  /** Distinct regexes that ran. */
  regexes: number;
  /** The regexes scslre flags, with the longest trigger run each one saw. */
  risks: RegexRisk[];
}

interface Flagged {
  reports: Report[];
  longestRun: number;
}

// One analysis per distinct regex, kept across measurements (scslre takes milliseconds per regex).
const analysed = new Map<string, Flagged | null>();

function analysis(regex: RegExp): Flagged | null {
  const key = `/${regex.source}/${regex.flags}`;
  let flagged = analysed.get(key);
  if (flagged === undefined) {
    const { reports } = analyse({ source: regex.source, flags: regex.flags });
    flagged = reports.length > 0 ? { reports, longestRun: 0 } : null;
    analysed.set(key, flagged);
  }
  return flagged;
}

/** The longest run of consecutive code points of `text` that any report's trigger set holds. */
function longestTriggerRun(text: string, reports: readonly Report[]): number {
  let longest = 0;
  for (const report of reports) {
    let run = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.codePointAt(i)!;
      if (code > 0xffff) i++;
      run = report.character.set.has(code) ? run + 1 : 0;
      if (run > longest) longest = run;
    }
  }
  return longest;
}

type StringMethod = (this: string, ...args: unknown[]) => unknown;
/** The characters a string method covers: searches up to what they found, copies what they return. */
const STRING_WORK: Record<string, (text: string, args: unknown[], result: unknown) => number> = {
  indexOf: (t, a, r) => ((r as number) === -1 ? t.length : (r as number)) - Math.max(Number(a[1] ?? 0) || 0, 0),
  lastIndexOf: (t, _a, r) => t.length - Math.max(r as number, 0),
  includes: (t) => t.length,
  slice: (_t, _a, r) => (r as string).length,
  substring: (_t, _a, r) => (r as string).length,
  split: (t) => t.length,
  trim: (t) => t.length,
  trimStart: (t) => t.length,
  trimEnd: (t) => t.length,
  toLowerCase: (t) => t.length,
  normalize: (t) => t.length,
};

/** True while the counter does its own bookkeeping (scslre's analysis runs regexes and slices strings too). */
let bookkeeping = false;

/** Replace the string methods above with counting ones; returns the function that puts them back. */
function countStringWork(add: (n: number) => void): () => void {
  const proto = String.prototype as unknown as Record<string, StringMethod>;
  const originals = Object.keys(STRING_WORK).map((name) => [name, proto[name]!] as const);
  for (const [name, original] of originals) {
    const cost = STRING_WORK[name]!;
    proto[name] = function counted(this: string, ...args: unknown[]) {
      const result = original.apply(this, args);
      if (!bookkeeping) add(cost(String(this), args, result) + 1);
      return result;
    };
  }
  return () => {
    for (const [name, original] of originals) proto[name] = original;
  };
}

/** Run `work` with every regex operation and string search counted; everything is restored afterwards. */
export function measureRegexWork(work: () => void): RegexWork {
  const exec = RegExp.prototype.exec;
  const seen = new Map<string, RegExp>();
  const runs = new Map<string, number>();
  const lastInput = new Map<string, string>(); // a /g regex runs many times over one input: measure its runs once
  let scanned = 0;
  let calls = 0;
  RegExp.prototype.exec = function countedExec(this: RegExp, input: string): RegExpExecArray | null {
    if (bookkeeping) return exec.call(this, input);
    const text = String(input);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const key = `/${this.source}/${this.flags}`;
    if (!seen.has(key)) seen.set(key, this);
    bookkeeping = true;
    try {
      const flagged = analysis(this);
      if (flagged !== null && lastInput.get(key) !== text) {
        lastInput.set(key, text);
        runs.set(key, Math.max(runs.get(key) ?? 0, longestTriggerRun(text, flagged.reports)));
      }
    } finally {
      bookkeeping = false;
    }
    const match = exec.call(this, text);
    calls++;
    scanned += match ? match.index + match[0].length - from + 1 : this.sticky ? 1 : Math.max(text.length - from, 0) + 1;
    return match;
  };
  let restoreStrings: () => void = () => undefined;
  try {
    restoreStrings = countStringWork((n) => (scanned += n));
    work();
  } finally {
    restoreStrings();
    RegExp.prototype.exec = exec;
  }
  const risks: RegexRisk[] = [];
  for (const [key, longestRun] of runs) {
    const flagged = analysis(seen.get(key)!)!;
    risks.push({ regex: key, kinds: [...new Set(flagged.reports.map((r) => r.type))], trigger: flagged.reports[0]!.character.pick, longestRun });
  }
  return { scanned, calls, regexes: seen.size, risks };
}
