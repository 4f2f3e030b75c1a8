// The vocabulary (vocabulary.ts) with the words settings add, turned into what the reader looks
// things up in: one map from a normalised field label to its key, front-matter keys per field,
// the section rules in the order they are tried, and the marks and cell words.
import { collapse, propertyKey } from '../text';
import { compileLabelTrie, type LabelTrie } from './label-trie';
import { DEFAULT_VOCABULARY, HEADING_QUALIFIERS, HEADING_SUFFIXES, VOCABULARY_KEYS, type VocabularyEntry, type VocabularyKey, type VocabularySettings } from './vocabulary';

/** How a section heading is recognised: which vocabulary key names it, and what it opens. */
export interface SectionRule {
  kind: SectionKind;
  key: VocabularyKey;
  words: readonly string[];
  starts: readonly string[];
  exact: ReadonlySet<string>;
  /** The rule does not apply when the heading holds one of these (SLA targets vs. coverage targets). */
  unless: readonly string[];
}

export type SectionKind =
  | 'transition'
  | 'dependencies'
  | 'history'
  | 'blockers'
  | 'resolved-blockers'
  | 'security'
  | 'performance'
  | 'performance-current'
  | 'performance-targets'
  | 'coverage'
  | 'documentation'
  | 'next-steps'
  | 'other';

export interface CompiledVocabulary {
  /** Normalised field label (`current stage`) → its vocabulary key. */
  readonly fields: ReadonlyMap<string, VocabularyKey>;
  /** Normalised labels that take a stage after them (`promoted to staging`). */
  readonly promotedTo: readonly string[];
  /** The same labels and prefixes as a tree walked by the label's characters (label-trie.ts). */
  readonly labels: LabelTrie;
  /** Front-matter keys (normal form) per field, in the order they are tried. */
  readonly properties: Readonly<Record<'currentStage' | 'lastUpdated' | 'owner' | 'group' | 'priority', readonly string[]>>;
  /** Section rules before and after the transition check (see sections.ts). */
  readonly sectionsBefore: readonly SectionRule[];
  readonly sectionsAfter: readonly SectionRule[];
  readonly demotions: readonly string[];
  /** `<Stage> Criteria`: the words after a stage that make a heading a transition's criteria. */
  readonly transitionWords: RegExp;
  readonly passMarks: readonly string[];
  readonly failMarks: readonly string[];
  readonly warnMarks: readonly string[];
  /** Some mark is plain ASCII (added in settings): criteria without other characters are searched too. */
  readonly asciiMarks: boolean;
  readonly passCell: RegExp;
  readonly failCell: RegExp;
  readonly noDependencies: RegExp;
  /** `(Current Stage: Staging)` after a dependency. */
  readonly declaredStage: RegExp;
}

/** Each key's words: the defaults, then what settings add wherever the key looks for words. */
export function extendVocabulary(settings: VocabularySettings = {}): Record<VocabularyKey, VocabularyEntry> {
  const out = {} as Record<VocabularyKey, VocabularyEntry>;
  for (const key of VOCABULARY_KEYS) {
    const base: VocabularyEntry = DEFAULT_VOCABULARY[key];
    const extra = (settings[key] ?? []).map((w) => w.trim()).filter((w) => w !== '');
    const add = (list: readonly string[] | undefined) => (list === undefined ? undefined : [...list, ...extra]);
    out[key] = {
      fields: add(base.fields),
      properties: base.properties === undefined ? undefined : [...base.properties, ...extra.map(propertyKey)],
      headings: base.headings !== undefined || base.headingStarts !== undefined ? add(base.headings ?? []) : undefined,
      headingStarts: base.headingStarts,
      headingExact: add(base.headingExact),
      values: add(base.values),
    };
  }
  return out;
}

/** The form field keys take when read (`**Current  Stage**` → `current stage`). */
export function normaliseLabel(label: string): string {
  const bare = label.indexOf('*') === -1 && label.indexOf('_') === -1 && label.indexOf('`') === -1 ? label : label.replace(/[*_`]/g, '');
  return collapse(bare).toLowerCase();
}

const SECTION_ORDER_BEFORE: Array<[SectionKind, VocabularyKey]> = [
  ['history', 'history'],
  ['resolved-blockers', 'resolvedBlockers'],
  ['blockers', 'blockers'],
  ['dependencies', 'dependencies'],
  ['performance-targets', 'sla'],
  ['performance-current', 'currentPerformance'],
];
const SECTION_ORDER_AFTER: Array<[SectionKind, VocabularyKey]> = [
  ['performance', 'performance'],
  ['security', 'security'],
  ['documentation', 'documentation'],
  ['next-steps', 'nextSteps'],
  ['coverage', 'coverage'],
];

export function compileVocabulary(settings: VocabularySettings = {}): CompiledVocabulary {
  const v = extendVocabulary(settings);
  const fields = new Map<string, VocabularyKey>();
  for (const key of VOCABULARY_KEYS) {
    if (key === 'promotedTo') continue;
    for (const label of v[key].fields ?? []) {
      const normal = normaliseLabel(label);
      if (!fields.has(normal)) fields.set(normal, key);
    }
  }
  const lower = (list: readonly string[] | undefined) => (list ?? []).map((w) => collapse(w).toLowerCase());
  const rule = ([kind, key]: [SectionKind, VocabularyKey]): SectionRule => ({
    kind,
    key,
    words: lower(v[key].headings),
    starts: lower(v[key].headingStarts),
    exact: exactHeadings(lower(v[key].headingExact)),
    unless: kind === 'performance-targets' ? ['coverage'] : [],
  });
  const promotedTo = (v.promotedTo.fields ?? []).map((l) => `${normaliseLabel(l)} `);
  return {
    fields,
    promotedTo,
    labels: compileLabelTrie(fields, promotedTo),
    properties: {
      currentStage: v.currentStage.properties ?? [],
      lastUpdated: v.lastUpdated.properties ?? [],
      owner: v.owner.properties ?? [],
      group: v.group.properties ?? [],
      priority: v.priority.properties ?? [],
    },
    sectionsBefore: SECTION_ORDER_BEFORE.map(rule),
    sectionsAfter: SECTION_ORDER_AFTER.map(rule),
    demotions: lower(v.demotions.headings),
    transitionWords: new RegExp(`^(?:promotion\\s+)?(?:${alternatives(lower(v.transitionHeading.headings))})\\b`),
    passMarks: v.passMarks.values ?? [],
    failMarks: v.failMarks.values ?? [],
    warnMarks: v.warnMarks.values ?? [],
    asciiMarks: [v.passMarks, v.failMarks, v.warnMarks].some((e) => (e.values ?? []).some(isAscii)),
    // Pass words count as written (a "met" in prose is no verdict); fail words in any case.
    passCell: cellPattern(v.passCells.values ?? [], ''),
    failCell: cellPattern(v.failCells.values ?? [], 'i'),
    noDependencies: new RegExp(`^(?:${alternatives(lower(v.noDependencies.values))})\\b`, 'i'),
    declaredStage: new RegExp(`\\(\\s*(?:${alternatives(lower(v.currentStage.fields).map((l) => escape(l).replace(/ /g, '\\s+')), false)})\\s*:\\s*([^)]{0,300})\\)`, 'i'),
  };
}

function isAscii(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return text !== '';
}

/** Exact heading names with the qualifier words before and after them. */
function exactHeadings(names: string[]): ReadonlySet<string> {
  const out = new Set<string>();
  for (const name of names) {
    for (const before of ['', ...HEADING_QUALIFIERS.map((q) => `${q} `)]) {
      for (const after of ['', ...HEADING_SUFFIXES.map((s) => ` ${s}`)]) out.add(`${before}${name}${after}`);
    }
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Longest first, so `current maturity stage` is tried before `stage`. */
function alternatives(words: string[], escaped = true): string {
  const sorted = [...new Set(words)].sort((a, b) => b.length - a.length);
  return sorted.map((w) => (escaped ? escape(w) : w)).join('|') || '(?!)';
}

/** Marks anywhere; words (letters) at word boundaries. */
function cellPattern(values: readonly string[], flags: string): RegExp {
  const parts = values.map((value) => (/^[\p{L}\p{N} ]+$/u.test(value) ? `\\b${escape(value)}\\b` : escape(value)));
  return new RegExp(parts.join('|') || '(?!)', flags);
}
