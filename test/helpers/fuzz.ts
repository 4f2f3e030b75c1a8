// Fuzzing support: the run budget (small in `npm test`, large in `npm run fuzz`), a case counter
// that `scripts/fuzz.mjs` totals, hostile building blocks and note generators/mutators.
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, expect } from 'vitest';
import { DEFAULT_STAGES, type MaturityNote, type Pipeline } from '../../src/core/index';
import { CORPUS, corpusAvailable, EXAMPLE_VAULT, listMarkdown } from './vault';

/** Cases per property: `FUZZ_RUNS` (the `npm run fuzz` budget), else a small budget for `npm test`. */
export const FUZZ_RUNS = Math.max(1, Number(process.env['FUZZ_RUNS'] ?? 60) || 60);
/** A fixed seed reproduces a run (`FUZZ_SEED=…`); fast-check prints the seed of any failure. */
const SEED = process.env['FUZZ_SEED'] ? Number(process.env['FUZZ_SEED']) : undefined;

export function fuzzParameters(scale = 1): fc.Parameters<unknown> {
  return { numRuns: Math.max(1, Math.round(FUZZ_RUNS * scale)), ...(SEED !== undefined ? { seed: SEED } : {}) };
}

const counts = new Map<string, number>();
const notes = new Map<string, number>();

/** Count one case run by a property (the predicate calls this, so only cases really run count). */
export function countCase(suite: string): void {
  counts.set(suite, (counts.get(suite) ?? 0) + 1);
}

/** Tally something about the cases (how many edited, promoted…), shown beside the counts. */
export function tally(label: string): void {
  notes.set(label, (notes.get(label) ?? 0) + 1);
}

/** Print this file's counts at the end and add them to `FUZZ_COUNT_FILE` for the fuzz script's total. */
export function reportCounts(file: string): void {
  afterAll(() => {
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    const detail = [...counts].map(([k, v]) => `${k} ${v}`).join(', ');
    const extra = notes.size > 0 ? `; ${[...notes].map(([k, v]) => `${k} ${v}`).join(', ')}` : '';
    console.log(`fuzz ${file}: ${total} cases (${detail}${extra}) at FUZZ_RUNS=${FUZZ_RUNS}`);
    const out = process.env['FUZZ_COUNT_FILE'];
    if (out) appendFileSync(out, `${JSON.stringify({ file, total, counts: Object.fromEntries(counts), tallies: Object.fromEntries(notes) })}\n`);
  });
}

// ---------------------------------------------------------------------------------------------
// Hostile building blocks

/** Every Unicode dash (General Category Pd) in the BMP and the arrow blocks people type between stages. */
export function dashesAndArrows(): string[] {
  const out: string[] = [];
  for (let cp = 0; cp <= 0xffff; cp++) if (/\p{Pd}/u.test(String.fromCharCode(cp))) out.push(String.fromCharCode(cp));
  const ranges: Array<[number, number]> = [
    [0x2190, 0x21ff], // Arrows
    [0x27f0, 0x27ff], // Supplemental Arrows-A
    [0x2900, 0x297f], // Supplemental Arrows-B
    [0x2794, 0x27bf], // Dingbat arrows
    [0x2b00, 0x2b2f], // Miscellaneous Symbols and Arrows (arrows part)
    [0x1f800, 0x1f8ff], // Supplemental Arrows-C
  ];
  for (const [a, b] of ranges) for (let cp = a; cp <= b; cp++) out.push(String.fromCodePoint(cp));
  out.push('->', '-->', '=>', '==>', '–>', '—>', '»', '>>', '~>', '→→', ' to ');
  return [...new Set(out)];
}

export const HOSTILE_TOKENS = [
  '**Current Stage**:', '**Current Stage:**', 'Current Stage:', '**Status**:', 'Status:', '**Dependencies**:', '**Blockers**:',
  '### Development → Staging', '## Maturity Criteria', '## Promotion History', '### Promotions', '## Dependencies',
  '- [ ] ', '- [x] ', '- [X] ', '* [/] ', '1. ', '- ', '  - ', '\t- ', '> ', '>> ', '> [!note] ', '# ', '## ', '###### ', '####### ',
  '---', '***', '___', '```', '~~~', '    ', '<!--', '-->', '|', '| a | b |', '|---|---|', ':--:',
  '[[', ']]', '[[a|b]]', '[a](b)', '[a](', '](', '**', '__', '*', '_', '~~', '`', '``',
  'Development', 'Staging', 'Production', 'DEV', 'prod', 'BLOCKED', '(Promoted 2026-01-01)', '(Current Stage: Staging)',
  'X/7', '3/7', '1/0', '0/0', '99999999999/1', 'XX%', '100%', '<Description>', '<a|b>', 'YYYY-MM-DD', '2026-02-30', '2026-11-24',
  'Issue #1', '#tag', '#', '::', 'key:: value', 'current-stage:: staging', ':', ': ', 'None', 'Optional: ',
  '✅', '❌', '⚠️', '🔄', '👩🏽‍💻', '🇳🇱', '\u200d', '\ufe0f', '\u202e', '\u0000', '\u0001', '\ufffd', '\ud800', '\udfff', '\ufeff',
  '→', '⟶', '➔', '⇒', '–', '—', '‐', '−', '\r', '\r\n', '\t', ' ', '\u00a0', '\u2028', '\u3000',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', 'javascript:alert(1)', '__proto__', 'constructor', 'prototype',
];

/** One random line made of hostile tokens and random characters. */
export const hostileLine: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...HOSTILE_TOKENS) }, { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 8 } as fc.StringConstraints) }), { maxLength: 8 })
  .map((parts) => parts.join(''));

/** A random note: front matter (sometimes broken or hostile), then hostile lines. */
export const hostileNote: fc.Arbitrary<string> = fc
  .record({
    bom: fc.boolean(),
    frontmatter: fc.option(fc.array(fc.oneof(hostileLine, fc.constantFrom(...FRONTMATTER_LINES())), { maxLength: 8 }), { nil: undefined }),
    lines: fc.array(hostileLine, { maxLength: 60 }),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    finalNewline: fc.boolean(),
  })
  .map(({ bom, frontmatter, lines, eol, finalNewline }) => {
    const all = frontmatter ? ['---', ...frontmatter, '---', ...lines] : lines;
    return `${bom ? '\ufeff' : ''}${all.join(eol)}${finalNewline ? eol : ''}`;
  });

function FRONTMATTER_LINES(): string[] {
  return [
    'title: Api Maturity Status', 'current_stage: Development', 'stage: prod', 'tags: #TTA', 'tags: [maturity, a]', 'aliases: [Api]',
    '__proto__: { polluted: 1 }', 'constructor: { prototype: { polluted: 1 } }', 'prototype: { polluted: 1 }', '__proto__:',
    '  polluted: 1', '"__proto__": 1', 'a: &x [1, 2]', 'b: *x', 'c: *missing', '<<: *x', 'd: [', 'e: {', 'f: "unterminated',
    'g: !!js/function "function(){}"', 'h: !!binary AAAA', 'i: 2026-02-30', 'j: 1e400', 'k: .nan', '? complex', ': value', '- a',
    '\t tab: indent', 'owner: <script>alert(1)</script>', 'component: <img src=x onerror=alert(1)>',
  ];
}

// ---------------------------------------------------------------------------------------------
// Seeds and mutations

/** Real-looking notes to mutate: our example vault, and corpus notes when present. */
export function seedNotes(limit = 40): string[] {
  const seeds = listMarkdown(EXAMPLE_VAULT).map((p) => readFileSync(join(EXAMPLE_VAULT, p), 'utf8'));
  if (corpusAvailable()) {
    const corpus = listMarkdown(CORPUS).filter((p) => /maturity|template/i.test(p));
    for (const p of corpus.slice(0, limit)) seeds.push(readFileSync(join(CORPUS, p), 'utf8'));
  }
  return seeds;
}

export type Mutation =
  | { op: 'truncate'; at: number }
  | { op: 'delete'; at: number; count: number }
  | { op: 'duplicate'; at: number; count: number }
  | { op: 'swap'; a: number; b: number }
  | { op: 'insert'; at: number; line: string }
  | { op: 'char'; at: number; text: string }
  | { op: 'ending'; at: number; eol: string }
  | { op: 'indent'; at: number; count: number; depth: number }
  | { op: 'yaml'; line: string };

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ op: fc.constant('swap' as const), a: fc.nat(), b: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), line: hostileLine }),
  fc.record({ op: fc.constant('char' as const), at: fc.nat(), text: fc.constantFrom(...HOSTILE_TOKENS) }),
  fc.record({ op: fc.constant('ending' as const), at: fc.nat(), eol: fc.constantFrom('\r\n', '\r', '\n', '\n\n') }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 30 }), depth: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ op: fc.constant('yaml' as const), line: fc.constantFrom(...FRONTMATTER_LINES()) }),
);

export function mutate(text: string, mutations: Mutation[]): string {
  let lines = text.split('\n');
  for (const m of mutations) {
    const n = Math.max(lines.length, 1);
    switch (m.op) {
      case 'truncate': {
        const joined = lines.join('\n');
        lines = joined.slice(0, m.at % (joined.length + 1)).split('\n');
        break;
      }
      case 'delete':
        lines.splice(m.at % n, m.count);
        break;
      case 'duplicate':
        lines.splice(m.at % n, 0, ...lines.slice(m.at % n, (m.at % n) + m.count));
        break;
      case 'swap': {
        const a = m.a % n;
        const b = m.b % n;
        [lines[a], lines[b]] = [lines[b] ?? '', lines[a] ?? ''];
        break;
      }
      case 'insert':
        lines.splice(m.at % (n + 1), 0, m.line);
        break;
      case 'char': {
        const i = m.at % n;
        const line = lines[i] ?? '';
        const at = line.length === 0 ? 0 : m.at % line.length;
        lines[i] = line.slice(0, at) + m.text + line.slice(at);
        break;
      }
      case 'ending': {
        const i = m.at % n;
        lines[i] = (lines[i] ?? '') + m.eol.slice(0, -1);
        break;
      }
      case 'indent':
        for (let i = m.at % n; i < Math.min(lines.length, (m.at % n) + m.count); i++) lines[i] = ' '.repeat(m.depth) + lines[i];
        break;
      case 'yaml':
        if (lines[0] === '---') lines.splice(1, 0, m.line);
        else lines.unshift('---', m.line, '---');
        break;
    }
  }
  return lines.join('\n');
}

// ---------------------------------------------------------------------------------------------
// Invariants

const KNOWN_CODES = new Set([
  'frontmatter-invalid', 'stage-missing', 'stage-unknown', 'stage-conflict', 'status-count-mismatch', 'stage-criteria-unmet',
  'checkbox-mark-conflict', 'template-placeholder', 'date-invalid', 'stale', 'dependency-unresolved', 'dependency-ambiguous',
  'dependency-stage-mismatch', 'dependency-self', 'stage-inversion', 'dependency-cycle', 'duplicate-name', 'file-unreadable',
  'criterion-contradicted', 'sla-breach', 'security-critical', 'observation-incomplete', 'placeholder-evidence',
  'comment-unclosed', 'status-line-repeated',
]);
const STAGE_IDS = new Set(DEFAULT_STAGES.map((s) => s.id));

export function lineCountOf(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/** What every parse must satisfy, whatever the input. */
export function assertWellFormed(note: MaturityNote, text: string, pipeline: Pipeline): void {
  const lines = lineCountOf(text);
  expect(note.lineCount).toBe(lines);
  const inRange = (line: number | undefined) => line === undefined || (Number.isInteger(line) && line >= 0 && line <= lines);
  if (note.stage) {
    expect(note.stage.id === null || pipeline.rank.has(note.stage.id)).toBe(true);
    expect(inRange(note.stage.line)).toBe(true);
  }
  for (const t of note.transitions) {
    expect(t.from === null || STAGE_IDS.has(t.from)).toBe(true);
    expect(t.to === null || STAGE_IDS.has(t.to)).toBe(true);
    expect(t.total).toBe(t.items.length);
    expect(t.met).toBe(t.items.filter((i) => i.checked).length);
    for (const i of t.items) expect(inRange(i.line)).toBe(true);
  }
  for (const d of note.diagnostics) {
    expect(KNOWN_CODES.has(d.code)).toBe(true);
    expect(['error', 'warning', 'info']).toContain(d.severity);
    expect(typeof d.message).toBe('string');
    expect(d.message.length).toBeGreaterThan(0);
    expect(inRange(d.line)).toBe(true);
  }
  for (const dep of note.dependencies) {
    expect(dep.name.length).toBeGreaterThan(0);
    expect(inRange(dep.line)).toBe(true);
  }
  assertNullPrototype(note.frontmatter);
  assertNullPrototype(note.properties);
}

/** Records from front matter have no prototype all the way down: `__proto__` is an ordinary key. */
export function assertNullPrototype(value: unknown, depth = 0): void {
  if (value === null || typeof value !== 'object' || depth > 25) return;
  if (Array.isArray(value)) {
    for (const v of value) assertNullPrototype(v, depth + 1);
    return;
  }
  expect(Object.getPrototypeOf(value)).toBe(null);
  for (const key of Object.keys(value)) assertNullPrototype((value as Record<string, unknown>)[key], depth + 1);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort().join(',');

/** Object.prototype has exactly its own built-in keys, and a fresh object inherits nothing new. */
export function assertPrototypeClean(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort().join(',')).toBe(PROTOTYPE_KEYS);
  const probe: Record<string, unknown> = {};
  expect(probe['polluted']).toBeUndefined();
  expect(Object.keys(probe)).toEqual([]);
  expect(Object.prototype.toString.call({})).toBe('[object Object]');
}
