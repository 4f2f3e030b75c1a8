// Hand-made hostile notes: prototype keys, 10 MB notes, 100k-character lines, binary bytes, deep
// nesting, every Unicode dash and arrow, and a guard against catastrophic regex backtracking.
import { describe, expect, it } from 'vitest';
import {
  componentToJSON,
  createIndex,
  createPipeline,
  DEFAULT_STAGES,
  fixStatusCounts,
  logseqDiagnostics,
  parseNote,
  planPromotion,
  resolveConfig,
  runQuery,
  parseQueryOptions,
} from '../../../src/core/index';
import { assertNullPrototype, assertPrototypeClean, assertWellFormed, dashesAndArrows } from '../../helpers/fuzz';
import { measureRegexWork } from '../../helpers/regex-work';
import { EXAMPLE_VAULT, readNote } from '../../helpers/vault';

const pipeline = createPipeline(DEFAULT_STAGES);
const LONG = process.env['FUZZ_LONG'] === '1';
const parseAll = (text: string) => {
  const note = parseNote(text, pipeline);
  assertWellFormed(note, text, pipeline);
  fixStatusCounts(text, pipeline);
  planPromotion(text, pipeline, { to: 'staging', today: '2026-11-24' });
  return note;
};

describe('prototype keys are inert', () => {
  const yamlForms = [
    '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nprototype:\n  polluted: yes\ncurrent_stage: Staging',
    '"__proto__": { "polluted": 1 }\n"constructor": { "prototype": { "polluted": 1 } }\ncurrent_stage: Staging',
    'a: &p { polluted: 1 }\n__proto__: *p\nnested:\n  __proto__: { polluted: 1 }\n  list: [{ __proto__: { polluted: 1 } }]\ncurrent_stage: Staging',
    '__proto__: [broken\nconstructor: {also broken\ncurrent_stage: Staging', // invalid YAML: the raw key: value path
  ];
  it.each(yamlForms)('front matter %#', (yaml) => {
    const text = `---\n${yaml}\n---\n# Api Maturity Status\n\n**Owner**: constructor\n**Functional Group**: prototype\n`;
    const note = parseAll(text);
    assertPrototypeClean();
    assertNullPrototype(note.frontmatter);
    expect(Object.getPrototypeOf(note.frontmatter)).toBe(null);
    // The key is an ordinary own key holding what the note says, and nothing else changed meaning.
    expect(Object.prototype.hasOwnProperty.call(note.frontmatter, '__proto__')).toBe(true);
    expect(note.stage?.id).toBe('staging');
    expect(note.owner?.value).toBe('constructor');
    expect(note.group?.value).toBe('prototype');
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('__proto__.md', text);
    index.upsert('constructor.md', text.replace('Api', 'Constructor'));
    index.upsert('prototype.md', `# prototype Maturity Status\n\n**Current Stage**: Development\n**Owner**: x\n\n**Dependencies**:\n- [[__proto__]]\n- [[constructor]]\n- toString\n- hasOwnProperty\n`);
    expect(index.lookup('__proto__')).toBe('__proto__.md');
    expect(index.lookup('toString')).toBeNull();
    expect(index.lookup('hasOwnProperty')).toBeNull();
    const json = index.components().map((c) => componentToJSON(c, index));
    expect(JSON.stringify(json)).toContain('__proto__');
    const query = parseQueryOptions({ owner: 'constructor' });
    expect(query.ok).toBe(true);
    if (query.ok) expect(runQuery(index, query.query).map((c) => c.id)).toEqual(expect.arrayContaining(['__proto__.md']));
    assertPrototypeClean();
  });

  it('Logseq page properties and settings with prototype keys', () => {
    const note = parseAll('current-stage:: staging\nconstructor:: x\nprototype:: y\n__proto__:: z\n\n- # Api\n');
    expect(note.stage?.id).toBe('staging');
    expect(note.properties['constructor']).toBe('x');
    expect(note.properties['prototype']).toBe('y');
    expect(Object.getPrototypeOf(note.properties)).toBe(null);
    const settings = JSON.parse('{"__proto__": {"polluted": 1}, "components": {"__proto__": {"polluted": 1}}, "severity": {"__proto__": "off", "stale": "off"}}') as Parameters<typeof resolveConfig>[0];
    const config = resolveConfig(settings);
    expect(config.severity.stale).toBe('off');
    assertPrototypeClean();
  });
});

describe('settings from a shared vault', () => {
  it('stage colours accept colour syntax only (they end up in a style property)', () => {
    const colour = (color: string) => resolveConfig({ stages: [{ name: 'Development', color }] }).stages[0]!.color;
    for (const ok of ['#d97706', '#abc', 'rebeccapurple', 'rgb(1, 2, 3)', 'hsl(210 50% 40% / 0.5)', 'oklch(70% 0.1 200)', 'var(--color-red)']) expect(colour(ok)).toBe(ok);
    for (const bad of ['red;background:url(javascript:alert(1))', '#fff"><script>alert(1)</script>', 'expression(alert(1))', 'url(x)', 'red}body{display:none', 'var(--x);color:red']) {
      expect(colour(bad)).toBe('#6b7280');
    }
  });
});

describe('huge and binary notes', () => {
  const template = readNote(EXAMPLE_VAULT, 'Components/Billing Engine.md');

  it('a 10 MB note parses and edits without exception', () => {
    let body = '';
    while (body.length < 10 * 1024 * 1024) body += template.replace(/^---[\s\S]*?---\n/, '');
    const text = `---\ntitle: Huge Maturity Status\n---\n${body}`;
    // Parse, and fix (a second parse plus the edit). Promotion and the index on 10 MB: `npm run fuzz`.
    const note = parseNote(text, pipeline);
    assertWellFormed(note, text, pipeline);
    expect(note.transitions.length).toBeGreaterThan(1000);
    expect(note.placeholders.length).toBeLessThanOrEqual(200);
    const fixed = fixStatusCounts(text, pipeline);
    expect(fixed.changes.length).toBe(note.diagnostics.filter((d) => d.code === 'status-count-mismatch').length);
    if (LONG) {
      planPromotion(text, pipeline, { to: 'production', today: '2026-11-24', force: true });
      const index = createIndex({ today: '2026-11-24' });
      index.upsert('Huge.md', text);
      expect(index.component('Huge.md')?.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('random bytes, NULs, lone surrogates and invalid UTF-8 decodings', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let k = 0; k < 20; k++) {
      const bytes = Buffer.from(Array.from({ length: 20000 }, () => Math.floor(random() * 256)));
      parseAll(bytes.toString('latin1'));
      parseAll(bytes.toString('utf8'));
      parseAll(`**Current Stage**: Development\n${bytes.toString('utf8')}\n### Development → Staging\n- [x] \u0000\ud800\udfff\n**Status**: \u0000 1/1`);
    }
    parseAll('\ud800'.repeat(50000));
    parseAll('\u0000\r\u0000\n'.repeat(50000));
    parseAll('\ufeff\ufeff\ufeff---\n---\n');
  });

  it('deep nesting: lists, quotes, brackets, headings, fences', () => {
    const depth = 3000;
    parseAll(Array.from({ length: depth }, (_, i) => `${' '.repeat(i)}- [x] item ${i}`).join('\n'));
    parseAll(Array.from({ length: depth }, (_, i) => `${'\t'.repeat(i % 200)}- **Dependencies**: a${i}`).join('\n'));
    parseAll(`${'>'.repeat(100000)} **Current Stage**: Staging`);
    parseAll(`${'> '.repeat(depth)}- [ ] a\n`.repeat(50));
    parseAll(`${'['.repeat(100000)}${']'.repeat(100000)}`);
    parseAll(`${'('.repeat(100000)}stage: dev`);
    parseAll(Array.from({ length: depth }, (_, i) => `${'#'.repeat((i % 6) + 1)} Development → Staging ${i}`).join('\n'));
    parseAll('```\n'.repeat(depth) + '~~~~\n'.repeat(depth));
    parseAll(`---\n${Array.from({ length: 200 }, (_, i) => `${'  '.repeat(i)}k${i}:`).join('\n')}\n---\n`);
    parseAll(`---\n${'- '.repeat(5000)}x\n${'['.repeat(5000)}\n---\n`);
  });
});

describe('every Unicode dash and arrow', () => {
  const variants = dashesAndArrows();
  const KNOWN = ['→', '⟶', '➔', '➜', '➝', '➞', '⇒', '⟹', '↦', '»', '->', '-->', '=>', '==>', '–>', '—>', ' to '];

  it(`parses ${variants.length} variants in stage lines, transition headings, criteria, dependencies and history`, () => {
    expect(variants.length).toBeGreaterThan(500);
    for (const v of variants) {
      const text = [
        '# Api Maturity Status',
        '',
        `**Current Stage**: Development ${v} Staging (Promotion${v}in progress)`,
        '',
        '**Dependencies**:',
        `- Store ${v} for caching (Current Stage: Staging ${v} BLOCKED)`,
        '',
        `### Development ${v} Staging`,
        '',
        `- [x] Unit tests ${v} **Currently 80%**`,
        `- [ ] Docs ${v}${v} pending`,
        '',
        `**Status**: 1${v}2 criteria met`,
        '',
        '## Promotion History',
        '',
        `- **2026-10-01**: Development ${v} Staging`,
        '',
      ].join('\n');
      const note = parseAll(text);
      expect(note.stage?.id).toBe('development');
      expect(note.dependencies.map((d) => d.name)).toEqual([expect.stringContaining('Store')]);
      if (KNOWN.includes(v)) {
        expect(note.stage?.headingFor, v).toBe('staging');
        expect(note.transitions.map((t) => [t.from, t.to]), v).toEqual([['development', 'staging']]);
      }
    }
  });
});

/**
 * The backtracking guard, counted rather than timed. A regex that backtracks catastrophically, or a
 * loop that re-scans the rest of a line at every character, does work that grows with the square
 * (or worse) of the line. Each adversarial line runs at n and at 4n characters through parse, fix,
 * plan and the index's component view (the Logseq reading for the Logseq shapes), with every regex
 * operation and every string search or copy counted (`test/helpers/regex-work.ts`):
 * (1) the characters scanned at 4n are under 5× those at n (linear is at most 4×, quadratic 16×);
 * (2) no regex does hidden work inside one call: every regex that ran is either one that scslre's
 * static analysis proves free of super-linear backtracking and super-linear moves, or one whose
 * triggering run of characters (what scslre says must repeat) is no longer at 4n than at n.
 * Counts are exact and the same on every machine; speed itself is measured by `npm run bench`.
 */
describe('no catastrophic backtracking', () => {
  const SIZE = LONG ? 20_000 : 5_000;
  const wrap = (line: string) => `# A Maturity Status\n\n**Current Stage**: Development (${line.slice(0, 50)})\n\n## Promotion History\n\n### Development → Staging\n\n- [x] a\n\n${line}\n`;
  const shapes: Record<string, (n: number) => string> = {
    'long number in a claim': (n) => `**Status**: ${'1'.repeat(n)}`,
    'X run in a claim': (n) => `**Status**: ${'X'.repeat(n)} criteria`,
    'long number before %': (n) => `**Coverage**: ${'1'.repeat(n)}`,
    'long number in a criterion': (n) => `- [x] Unit tests passing ${'1'.repeat(n)} (≥70% coverage)`,
    'finding counts in a criterion': (n) => `- [x] Linting ${'1 '.repeat(n / 2)}errors`,
    'digits before days': (n) => `**Uptime**: 99% ${'1'.repeat(n)} ms`,
    'open wiki links': (n) => `- ${'[['.repeat(n / 2)}`,
    'open markdown links': (n) => `- ${'[a]('.repeat(n / 4)}`,
    'brackets then text': (n) => `- [${'a'.repeat(n)}`,
    'angle bracket pipes': (n) => `- <${'|'.repeat(n)}`,
    'link slots': (n) => `- ${'[Link'.repeat(n / 5)}`,
    'spaces after a bold key': (n) => `**Key**${' '.repeat(n)}x`,
    'long word in history': (n) => `- 2026-01-01 ${'a'.repeat(n)}`,
    'stage parentheses': (n) => `**Dependencies**:\n- A ${'(stage:'.repeat(n / 7)}`,
    'promotion words': (n) => `**Current Stage**: Staging (${'promotion '.repeat(n / 10)})`,
    'dash then spaces': (n) => `- [ ] crit -${' '.repeat(n)}x`,
    'hashtag digits': (n) => `text #${'1'.repeat(n)}`,
    'emphasis runs': (n) => `text ${'**a '.repeat(n / 4)}`,
    'underscores': (n) => `text ${'_a'.repeat(n / 2)}`,
    'closing hashes': (n) => `# a ${'#'.repeat(n)}x`,
    'table cells': (n) => `| a | b |\n|---|---|\n${'| '.repeat(n / 2)}`,
    'spaces in a field': (n) => `**Owner**: a${' '.repeat(n)}b`,
    'comment openers': (n) => '<!-- '.repeat(n / 5),
    'many dependencies inline': (n) => `**Dependencies**: ${'a, '.repeat(n / 3)}`,
    'emoji runs': (n) => `- [x] a ${'✅⚠️'.repeat(n / 3)}`,
    'dashes': (n) => `- [x] a ${' - '.repeat(n / 3)}`,
    'arrows': (n) => `### Development ${'→ '.repeat(n / 2)}`,
    'front matter brackets': (n) => `---\ntags: ${']'.repeat(Math.min(n, 15000))}x ${'['.repeat(n)}\n---\n`,
    'front matter spaces before a line separator': (n) => `---\nowner:${' '.repeat(n)}a\u2028b\n---\n`,
    'front matter stage spaces': (n) => `---\ncurrent_stage: dev${' '.repeat(n)}x \n---\n**Current Stage**: Development\n`,
    'page property spaces': (n) => `current-stage:: dev${' '.repeat(n)}x \n- **Current Stage**: Development\n`,
  };
  const run = (text: string) => {
    parseNote(text, pipeline);
    fixStatusCounts(text, pipeline);
    planPromotion(text, pipeline, { to: 'staging', today: '2026-11-24', force: true });
    // The index's component view: resolution, diagnostics and the readiness assessment.
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('A.md', text);
    index.component('A.md');
  };
  /** The Logseq reading of a page (the plugin's diagnostics) and the index's component view. */
  const logseqShapes: Record<string, (n: number) => string> = {
    'Logseq: long word in a property': (n) => `owner:: ${'a'.repeat(n)}`,
    'Logseq: open page refs': (n) => `owner:: ${'[['.repeat(n / 2)}`,
    'Logseq: tag with trailing dots': (n) => `tags:: #a${'.'.repeat(n)}x, b`,
    'Logseq: title slashes': (n) => `title:: ${'/'.repeat(n)}x`,
    'Logseq: quoted tags': (n) => `tags:: ["a${'"'.repeat(n)}x, [b]]]]`,
  };
  const runLogseq = (text: string) => {
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('pages/X.md', text);
    logseqDiagnostics('pages/X.md', text, { note: index.component('pages/X.md')?.note ?? parseNote(text, pipeline) });
  };

  it.each([...Object.keys(shapes), ...Object.keys(logseqShapes)])('%s: linear in the line length', (name) => {
    const logseq = name in logseqShapes;
    const gen = logseq ? (n: number) => `${logseqShapes[name]!(n)}\ncurrent-stage:: development\n\n- # X Maturity\n- **Current Stage**: Development\n` : shapes[name]!;
    const make = (n: number) => (logseq || gen(n).startsWith('---') || gen(n).startsWith('current-stage') ? gen(n) : wrap(gen(n)));
    const exercise = logseq ? runLogseq : run;
    const small = measureRegexWork(() => exercise(make(SIZE)));
    const large = measureRegexWork(() => exercise(make(SIZE * 4)));
    expect(small.scanned).toBeGreaterThan(SIZE); // the line was read at all
    expect(large.scanned / small.scanned, `${small.scanned} characters scanned at ${SIZE}, ${large.scanned} at ${SIZE * 4}`).toBeLessThan(5);
    const growing = large.risks.filter((risk) => risk.longestRun > (small.risks.find((r) => r.regex === risk.regex)?.longestRun ?? 0));
    expect(growing, 'regexes scslre flags, fed runs of their trigger that grow with the line').toEqual([]);
  });

  it('the counter tells linear from quadratic work and catches a backtracking regex', () => {
    const rescanEachCharacter = (text: string) => {
      for (let i = 0; i < text.length; i += 1) text.slice(i).indexOf('x');
    };
    const quadratic = [measureRegexWork(() => rescanEachCharacter('a'.repeat(1000))), measureRegexWork(() => rescanEachCharacter('a'.repeat(4000)))];
    expect(quadratic[1]!.scanned / quadratic[0]!.scanned).toBeGreaterThan(15);
    // The front matter key reader before its fix: `\s+(.*)$` retried once per space before a U+2028.
    const before = /^([^\s#:][^:]{0,80}?):(?:\s+(.*))?$/;
    const line = (n: number) => `key:${' '.repeat(n)}a\u2028b`;
    const risky = [measureRegexWork(() => before.exec(line(100))), measureRegexWork(() => before.exec(line(400)))];
    expect(risky[1]!.risks).toEqual([expect.objectContaining({ regex: `/${before.source}/`, longestRun: 400 })]);
    expect(risky[1]!.risks[0]!.longestRun).toBeGreaterThan(risky[0]!.risks[0]!.longestRun);
    // A linear pass over the same text counts linearly, and the counting is undone afterwards.
    const linear = [measureRegexWork(() => 'a'.repeat(1000).split('').join('')), measureRegexWork(() => 'a'.repeat(4000).split('').join(''))];
    expect(linear[1]!.scanned / linear[0]!.scanned).toBeLessThanOrEqual(4);
    expect(String.prototype.indexOf.name).toBe('indexOf');
    expect(RegExp.prototype.exec.name).toBe('exec');
  });
});
