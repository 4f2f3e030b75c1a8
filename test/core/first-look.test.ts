// The first look (src/core/first-look.ts) may let a non-component through to the full parse,
// never drop a component: the corpus, the example vault, generated vaults and fast-check
// fragments give the same components — and the same scan — with and without it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { classify, createPipeline, parseNote, resolveConfig, scanToJSON, createIndex, type IndexOptions, type MaturitySettings } from '../../src/core/index';
import { createFirstLook, defaultFirstLookVocabulary } from '../../src/core/first-look';
import { markdownNote } from '../helpers/markdown-arbitrary';
import { countCase, fuzzParameters, hostileLine, reportCounts, tally } from '../helpers/fuzz';
import { CORPUS, EXAMPLE_VAULT, TODAY, corpusAvailable, listCorpusMarkdown, listMarkdown } from '../helpers/vault';

reportCounts('first-look');

interface Note {
  path: string;
  text: string;
}

function folder(dir: string, list: (d: string) => string[] = listMarkdown): Note[] {
  return list(dir).map((path) => ({ path, text: readFileSync(join(dir, path), 'utf8') }));
}

/** The scan of the same notes with the first look and with every note parsed in full. */
function bothWays(notes: Note[], settings: MaturitySettings = {}): { withLook: unknown; without: unknown; components: number; parsedWithLook: number } {
  const build = (options: IndexOptions) => {
    const index = createIndex({ today: TODAY, ...settings, ...options });
    index.batch(() => {
      for (const note of notes) index.upsert(note.path, note.text);
    });
    return index;
  };
  const look = createFirstLook(resolveConfig(settings).components);
  const withLook = build({});
  return {
    withLook: scanToJSON(withLook, 'vault'),
    without: scanToJSON(build({ firstLook: false }), 'vault'),
    components: withLook.ids().length,
    parsedWithLook: notes.filter((n) => look(n.path, n.text)).length,
  };
}

const SETTINGS: Array<[string, MaturitySettings]> = [
  ['default rules', {}],
  ['required tag TTA', { components: { tags: ['TTA'] } }],
  ['marker tag "status" only, no structure detection', { components: { markerTags: ['status'], detect: false } }],
  ['only the Components folder, file name STATUS.md', { components: { folders: ['Components'], fileNames: ['STATUS.md', 'MATURITY.md'] } }],
];

describe('the first look never drops a component', () => {
  it('on examples/vault, under several rule sets', () => {
    const notes = folder(EXAMPLE_VAULT);
    for (const [, settings] of SETTINGS) {
      const run = bothWays(notes, settings);
      expect(run.withLook).toEqual(run.without);
    }
    expect(bothWays(notes).components).toBeGreaterThan(10);
  });

  describe.runIf(corpusAvailable('tta-kb') && corpusAvailable('tta-repo'))('on the corpus', () => {
    it('tta-kb, tta-repo and the template give the same scan, and most of tta-kb is spared the parse', () => {
      const kb = folder(join(CORPUS, 'tta-kb'), listCorpusMarkdown);
      const repo = folder(join(CORPUS, 'tta-repo'), listCorpusMarkdown);
      const template = { path: 'template.md', text: readFileSync(join(CORPUS, 'template.md'), 'utf8') };
      for (const [name, notes] of [['tta-kb', kb], ['tta-repo', repo], ['template', [template]]] as const) {
        // tta-kb is large: the default rules and its team tag; the small folders under every rule set.
        for (const [rules, settings] of name === 'tta-kb' ? SETTINGS.slice(0, 2) : SETTINGS) {
          const run = bothWays([...notes], settings);
          expect(run.withLook, `${name}, ${rules}`).toEqual(run.without);
        }
      }
      const run = bothWays(kb);
      expect(run.components).toBe(12);
      // Every tta-kb note mentions the team's tag; few state a stage or a component.
      expect(run.parsedWithLook).toBeLessThan(kb.length / 3);
    });
  });

  it('on generated vaults (every page flavour and other-note kind of the bench generator)', () => {
    for (const seed of [5, 6]) {
      const notes = [...generateNotes({ notes: 300, seed, otherShare: 0.5, bytes: [0, 4096] })].map(({ path, text }) => ({ path, text }));
      const run = bothWays(notes);
      expect(run.withLook).toEqual(run.without);
      expect(run.components).toBeGreaterThan(100);
    }
  }, 120_000);
});

// Fragments: note bodies from the scanner's arbitrary, with front matter, page properties and
// tags in the forms classify() reads, some of them spelled unusually.
const FRONT_LINES = [
  'stage: Staging',
  'current_stage: Production',
  'Current Stage: Development',
  '"maturity-stage": Staging',
  'Maturity: Production',
  'component: Billing',
  'Component: Ledger',
  'tags: [maturity]',
  'tags: "#TTA"',
  'tags: #TTA',
  'tags:\n  - status\n  - maturity',
  'tag: component-maturity',
  'path: src/billing/MATURITY.md',
  'source: ./STATUS.md',
  '"st\\x61ge": Staging',
  'tags: "m\\u0061turity"',
  'title: Billing Maturity Status',
  'owner: team',
];
const PROPERTY_LINES = ['current-stage:: Staging', 'tags:: [[maturity]], TTA', 'component:: Ledger', 'stage:: Production', 'type:: guide'];
const BODY_LINES = ['**Component**: Ledger', 'See src/MATURITY.md for details', '', 'component:: Ledger', '#maturity', 'See #TTA notes', '**Stage** (as of today): Staging', '**Current Stage**:', 'Promoted to Production on 2026-01-02', '### Development → Staging', '- [x] tests pass', '**Owner**: team', '**Last Updated**: 2026-11-01'];
const PATHS = ['Notes/a.md', 'Components/b.md', 'src/svc/MATURITY.md', 'Components/STATUS.md', 'pages/Org___Comp.md'];

const fragmentNote = fc
  .record({
    front: fc.option(fc.subarray(FRONT_LINES, { maxLength: 4 }), { nil: null }),
    properties: fc.subarray(PROPERTY_LINES, { maxLength: 3 }),
    before: fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 4 }),
    body: markdownNote,
    after: fc.array(fc.oneof(fc.constantFrom(...BODY_LINES), hostileLine), { maxLength: 3 }),
    path: fc.constantFrom(...PATHS),
    rules: fc.nat(SETTINGS.length - 1),
  })
  .map(({ front, properties, before, body, after, path, rules }) => ({
    path,
    rules,
    text: [...(front ? ['---', ...front, '---'] : []), ...properties, ...before, body, ...after].join('\n'),
  }));

describe('the first look on fast-check fragments', () => {
  it('says "maybe" for every note classify() keeps, under every rule set', () => {
    const pipeline = createPipeline(resolveConfig({}).stages);
    const looks = SETTINGS.map(([, settings]) => ({ rules: resolveConfig(settings).components, look: createFirstLook(resolveConfig(settings).components) }));
    fc.assert(
      fc.property(fragmentNote, ({ path, text, rules }) => {
        countCase('fragments');
        const { rules: componentRules, look } = looks[rules]!;
        const reason = classify(parseNote(text, pipeline), path, componentRules);
        if (reason !== null) tally(`component (${reason})`);
        const maybe = look(path, text);
        if (!maybe) tally('spared the parse');
        if (reason !== null) expect(maybe).toBe(true);
      }),
      fuzzParameters(20),
    );
  });
});

// Notes whose only claim is their structure: a stage field line and header field lines in every
// decoration, titles in every heading form. Whatever classify() keeps, the first look must pass.
const DECORATION = [' ', '\t', '>', '#', '-', '*', '+', '1', '.', ')', '[', ']', 'x', '!', '✅', '🔥', '→', '•', ':', ',', '(', '|', '`', '_', 'a', 'Z', 'é'];
const STAGE_KEYS = ['**Current Stage**', '**Current Stage:**', '**Stage**', '__Maturity Stage__', '**Current  Stage** (as of today)', '**Current Maturity Stage**', 'Current Stage', 'Stage', 'current stage', '**CURRENT STAGE**', '***Current Stage***', '**`Current Stage`**', '**Current\u00a0Stage**'];
const HEADER_KEYS = ['**Owner**', '**Owners:**', 'Owner', '**Functional Group**', 'Group', '**Last Updated**', '__Updated__', '**Last Update** (UTC)', '**Component Owner**'];
const TITLES = [
  '# Billing Maturity Status', '# Billing', '- # Billing Maturity Document', 'Billing Maturity\n===', 'Billing\nMaturity notes\n---', '> # Maturity of Billing',
  '## Billing Maturity', '# Billing-maturity', '# Billing_maturity', '',
  // Level-1 headings in other places, and lines with a `#` that are no heading.
  '1. # Billing Maturity', '* > # Billing maturity', '   # Billing Maturity', '\t# Billing Maturity', '> Billing Maturity\n> ===', '- Billing Maturity\n  ===',
  '#Billing Maturity', 'The maturity review is tracked in #123.', '# Billing\nThe maturity review, see #4', '###### Maturity', '# Billing #maturity-review',
];
// Lines between the title and the claim: headings that end the header, and lines that only look
// like one (hidden in a fence, an HTML block, a comment, a link definition; indented, quoted,
// bulleted, setext, malformed; after a lone CR).
const HEADER_BREAKS = [
  '## Overview', '### Context\nSome text.', '## ', '###### Six', 'Two\n---', '  ## Indented', '- ## Bullet', '> ## Quoted',
  '##No space', '####### Seven', '```\n## in a fence\n```', '~~~md\n## in a fence\n~~~', '```\n## unclosed fence',
  '<!--\n## in a comment\n-->', '<!-- open\n## in an unclosed comment', '<div>\n## in HTML\n</div>', 'Text <!-- a\n## b --> c',
  '[ref]: /url "title\n## in a title"', '[ref]:\n/url\n## after a definition', 'Line\r## after a lone CR', '| a | b |\n|---|---|\n## after a table',
];
const decorated = (keys: string[]) =>
  fc.record({
    prefix: fc.array(fc.constantFrom(...DECORATION), { maxLength: 6 }).map((cs) => cs.join('')),
    key: fc.constantFrom(...keys),
    colon: fc.constantFrom(':', ': ', ' :', '::'),
  });
const structuredNote = fc
  .record({
    title: fc.constantFrom(...TITLES),
    frontTitle: fc.constantFrom(null, 'title: Billing Maturity Status', 'title: Billing'),
    stage: decorated(STAGE_KEYS),
    value: fc.constantFrom('Staging', 'Development (BLOCKED - waiting)', '<Development|Staging>', 'PRODUCTION ✅', ''),
    headers: fc.array(fc.tuple(decorated(HEADER_KEYS), fc.constantFrom('team', '2026-11-01', '')), { maxLength: 3 }),
    transition: fc.boolean(),
    tail: fc.array(fc.constantFrom(...BODY_LINES), { maxLength: 2 }),
    breaks: fc.array(fc.constantFrom(...HEADER_BREAKS), { maxLength: 2 }),
    breakAt: fc.nat(3),
  })
  .map(({ title, frontTitle, stage, value, headers, transition, tail, breaks, breakAt }) => {
    const line = (d: { prefix: string; key: string; colon: string }, v: string) => `${d.prefix}${d.key}${d.key.endsWith(':**') ? ' ' : d.colon}${v}`;
    const at = (n: number) => (breakAt === n ? breaks : []);
    return [
      ...(frontTitle ? ['---', frontTitle, '---'] : []),
      ...at(0),
      title,
      '',
      ...at(1),
      line(stage, value),
      ...at(2),
      ...headers.map(([d, v]) => line(d, v)),
      ...at(3),
      '',
      ...(transition ? ['### Development → Staging', '- [x] tests pass', '**Status**: 1/1 criteria met'] : []),
      ...tail,
    ].join('\n');
  });

describe('the first look sees every structure classify() keeps', () => {
  it('on decorated stage and header lines under every heading form (fast-check)', () => {
    const pipeline = createPipeline(resolveConfig({}).stages);
    const rules = resolveConfig({}).components;
    const look = createFirstLook(rules);
    fc.assert(
      fc.property(structuredNote, (text) => {
        countCase('structured notes');
        const note = parseNote(text, pipeline);
        if (note.signals.stageFieldCount > 0) tally('stage field read');
        const reason = classify(note, 'Notes/x.md', rules);
        if (reason !== null) tally(`structured component (${reason})`);
        const maybe = look('Notes/x.md', text);
        if (reason === null && !maybe) tally('spared the parse');
        if (reason !== null) expect(maybe).toBe(true);
      }),
      fuzzParameters(40),
    );
  });
});

describe('the first look takes its words from the vocabulary', () => {
  const note = '# Billing\n\n**Maturity Level**: Staging\n**Owner**: team\n**Last Updated**: 2026-11-01\n';

  it('a stage label the vocabulary adds is searched for; without it the note is spared', () => {
    const rules = resolveConfig({}).components;
    expect(createFirstLook(rules)('Billing.md', note)).toBe(false);
    const extended = { ...defaultFirstLookVocabulary(), stageLabels: [...defaultFirstLookVocabulary().stageLabels, 'maturity level'] };
    expect(createFirstLook(rules, extended)('Billing.md', note)).toBe(true);
  });

  it('reads the parser\'s own stage labels and property keys', () => {
    expect(defaultFirstLookVocabulary().stageLabels).toEqual(expect.arrayContaining(['current stage', 'maturity stage', 'stage']));
    expect(defaultFirstLookVocabulary().stagePropertyKeys).toEqual(expect.arrayContaining(['current-stage', 'maturity']));
  });

  it('follows the rules: marker tags, file names, folders and required tags', () => {
    const look = createFirstLook(resolveConfig({ components: { markerTags: ['status-note'], fileNames: ['STATUS.md'], folders: ['Components'], tags: ['team'] } }).components);
    expect(look('Components/a.md', '---\ntags: [status-note, team]\n---\nPromoted to Staging.')).toBe(true);
    expect(look('Components/a.md', 'Promoted to Staging. #status-note')).toBe(false); // required tag missing
    expect(look('Components/a.md', 'Promoted to Staging. #status-note #team')).toBe(true);
    expect(look('Other/a.md', '---\ntags: [status-note, team]\n---\n**Current Stage**: Staging')).toBe(false);
    expect(look('Components/x/STATUS.md', '#team')).toBe(true);
    expect(look('Components/plan.md', '#team Moving to staging next week; the maturity review is on Friday.')).toBe(false);
  });

  it('looks for a structure claim in the header only: the template quoted in a guide\'s code block is spared', () => {
    const look = createFirstLook(resolveConfig({}).components);
    const template = '```markdown\n# <Component> Maturity Status\n\n**Current Stage**: <Development|Staging>\n**Owner**: <team>\n```\n';
    const guide = (before: string) => `# Billing Guide\n\n${before}## Overview\n\nWe keep Billing in Staging.\n\n## Template\n\n${template}\n**Current Stage**: Staging\n**Owner**: team\n`;
    expect(look('Guides/g.md', guide(''))).toBe(false);
    // Before that heading, a fence, HTML, a comment or a definition may hide it: then the whole note is searched.
    for (const hiding of ['```\ncode\n```\n\n', '<!-- note -->\n\n', '<div>x</div>\n\n', '[a]: /b\n\n']) expect(look('Guides/g.md', guide(hiding))).toBe(true);
    expect(look('Notes/n.md', '# Billing\n\n**Current Stage**: Staging\n**Owner**: team\n\n## Overview\n')).toBe(true);
  });

  it('takes a title word only from a level-1 heading or the properties, not from any line with a `#`', () => {
    const look = createFirstLook(resolveConfig({}).components);
    const plan = (title: string) => `${title}\n\n**Date**: 2024-10-25\n**Current Stage**: Staging\n**Target Stage**: Production\n\nThe maturity review found gaps. Tracked in #436.\n`;
    expect(look('Plans/p.md', plan('# Billing - Staging Promotion Plan'))).toBe(false);
    expect(look('Plans/p.md', plan('## Billing Maturity Plan'))).toBe(false);
    expect(look('Plans/p.md', plan('# Billing Maturity Plan'))).toBe(true);
    expect(look('Plans/p.md', plan('- # Billing Maturity Plan'))).toBe(true);
    expect(look('Plans/p.md', plan('Billing Maturity Plan\n====='))).toBe(true);
  });
});
