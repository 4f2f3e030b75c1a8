// The first look at a note: can it be a component note at all? A few searches over the text
// (about the cost of finding its lines) decide; only notes that pass get the full parse. The
// answer may be "yes" for a note that is not a component (the parse and classify() decide), never
// "no" for one that is: every rule classify() uses needs something this look searches for —
//   tag:         a marker tag (`#maturity`, or in the front matter / page properties);
//   file-name:   the file's name, or a MATURITY.md named in the properties (`path:`);
//   frontmatter: a stage or component key in the properties;
//   structure:   a stage field line, and with it a header field line (Owner, Last Updated…) or a
//                title word ("maturity").
import type { ComponentRules } from './settings';
import { isMaturityFileName, mirroredPath, MIRROR_KEYS, outsideFolders, stringValue, STRUCTURE_TITLE_WORDS } from './identity';
import { createPipeline, type Pipeline } from './stages';
import { DEFAULT_STAGES } from './settings';
import { parseNoteHead } from './parse/note';
import { lazy } from './lazy';
import { FIELD_TABLE } from './parse/field-table';
import type { VocabularyKey } from './parse/vocabulary';
import type { CompiledVocabulary } from './parse/vocabulary-compile';

/**
 * The words the first look searches for. Labels and keys are what the parser reads (its field
 * labels and property keys); a vocabulary that adds a stage label must add it here too, or notes
 * that state their stage only with that label are never parsed.
 */
export interface FirstLookVocabulary {
  /** Field labels that state the stage, lower case: "current stage", "stage"… (`**Label**: value`). */
  stageLabels: readonly string[];
  /** Header field labels that make a stated stage a component's: "owner", "functional group", "last updated"… */
  headerFieldLabels: readonly string[];
  /** Words in a title or first heading that make a stated stage enough ("maturity"). */
  titleWords: readonly string[];
  /** Property keys that state the stage (front matter, page properties), normalised: "current-stage". */
  stagePropertyKeys: readonly string[];
  /** Property keys that name the component (`component: Billing`). */
  componentPropertyKeys: readonly string[];
}

/** The first look's words from the parser's vocabulary (with the words settings added to it). */
export function firstLookVocabulary(vocabulary: CompiledVocabulary): FirstLookVocabulary {
  const labels = (wanted: (key: VocabularyKey) => boolean) => [...vocabulary.fields].filter(([, key]) => wanted(key)).map(([label]) => label);
  return {
    stageLabels: labels((key) => key === 'currentStage'),
    // The header fields classify() counts: the field table marks them.
    headerFieldLabels: labels((key) => FIELD_TABLE[key]?.header === true),
    titleWords: STRUCTURE_TITLE_WORDS,
    stagePropertyKeys: vocabulary.properties.currentStage,
    componentPropertyKeys: ['component'],
  };
}

export const defaultFirstLookVocabulary = lazy((): FirstLookVocabulary => firstLookVocabulary(createPipeline(DEFAULT_STAGES).vocabulary));

export type FirstLook = (path: string, text: string) => boolean;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The last word of a label or key: "current stage" → "stage", "maturity-stage" → "stage". */
function lastWord(label: string): string {
  const words = label.toLowerCase().split(/[\s_-]+/).map((w) => w.replace(/[*_`]/g, '')).filter(Boolean);
  return words[words.length - 1] ?? '';
}

/**
 * A key followed by its colon, as the parser's fields and properties write it: `**Key**: v`,
 * `**Key:** v`, `**Key** (note): v`, `key:: v`, `"key": v`. The key's last word is enough (the
 * words before it may be spaced or decorated in many ways); decoration, quotes and one short
 * parenthesis may sit between the word and the colon.
 */
function keyColonPattern(keys: readonly string[], flags = 'i'): RegExp | null {
  const words = [...new Set(keys.map(lastWord).filter(Boolean))];
  if (words.length === 0) return null;
  const skip = `[\\s*_\`"'\\]]{0,12}`;
  return new RegExp(`(?:${words.map(escapeRegExp).join('|')})${skip}(?:\\([^)\\n]{0,62}\\)${skip})?:`, flags);
}

/**
 * What may stand on a line before a field label's last word, for the parser to read the line as
 * that field: the line's structure (indentation, quote and list markers, a checkbox, heading
 * hashes), a leading emoji and whatever non-word characters follow it (the field reader drops
 * them), bold or italic markers, then the label's other words. `def f(component: str, stage:`
 * or `| 42% | Stage:` cannot be a field line.
 */
function fieldPrefixPattern(labels: readonly string[]): RegExp {
  const extra = new Set<string>();
  for (const label of labels) {
    for (const c of label) if (!/[A-Za-z0-9\s]/.test(c)) extra.add(c).add(c.toUpperCase()).add(c.toLowerCase());
  }
  const escaped = [...extra].map((c) => (c === '-' ? '\\-' : escapeRegExp(c))).join('');
  const labelChars = `[\\w\\s*\`${escaped}]*`;
  return new RegExp(`^[\\s>#*+\\-\\d.)[\\]xX!]*(?:[^\\x00-\\x7f][^\\w*]*)?${labelChars}$`, 'u');
}

/** Field lines of some labels: the labels' last words with their colon, and what may stand before. */
interface FieldSearch {
  pattern: RegExp;
  prefix: RegExp;
  firstPerLine: boolean;
}

/**
 * A line that may state a field of these labels: the last word, its colon, a possible prefix.
 * Only a line's first match can be the key (a later one has the first one's colon before it), so
 * the search moves to the next line after it: linear however long the lines.
 */
function hasFieldLine(text: string, search: FieldSearch, from: number): boolean {
  const { pattern, prefix, firstPerLine } = search;
  pattern.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text))) {
    const lineStart = text.lastIndexOf('\n', m.index) + 1;
    if (prefix.test(text.slice(lineStart, m.index))) return true;
    if (!firstPerLine) continue;
    const lineEnd = text.indexOf('\n', m.index);
    if (lineEnd === -1) return false;
    pattern.lastIndex = lineEnd;
  }
  return false;
}

/**
 * Where the body starts: after the front matter, found as the parser finds it (an opening `---`
 * line, a closing `---` or `...` line), else at the start. Fields are read from the body only.
 */
function bodyStart(text: string): number {
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  if (!text.startsWith('---', start)) return start;
  const firstEnd = text.indexOf('\n', start);
  if (firstEnd === -1 || text.slice(start + 3, firstEnd).trim() !== '') return start;
  let lineStart = firstEnd + 1;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    // Only a line that starts with `-` or `.` can close it: the others are not copied to be compared.
    const first = text.charCodeAt(lineStart);
    if (first === 45 /* - */ || first === 46 /* . */) {
      const line = text.slice(lineStart, lineEnd).trimEnd();
      if (line === '---' || line === '...') return Math.min(lineEnd + 1, text.length);
    }
    if (lineEnd === text.length) break;
    lineStart = lineEnd + 1;
  }
  return start; // an opening fence that never closes is not front matter
}

/** Where the properties end: the front matter, then the lines with `::` right after it. */
function propertiesEnd(text: string, body: number): number {
  let at = body;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end === -1) end = text.length;
    if (!hasDoubleColon(text, at, end)) return at;
    at = end + 1;
  }
  return text.length;
}

/**
 * Whether `::` starts between `start` and `end`. Colon by colon: a search for `::` itself went on
 * to the end of every note without one (most notes), where the next colon is seldom far.
 */
function hasDoubleColon(text: string, start: number, end: number): boolean {
  for (let at = text.indexOf(':', start); at !== -1 && at < end; at = text.indexOf(':', at + 1)) {
    if (text.charCodeAt(at + 1) === 58 /* : */) return true;
  }
  return false;
}

/**
 * `#tag` for some tags: the sticky pattern of the tags with their `#`, and the character codes a
 * tag can start with (lower case; null when a tag starts with anything but an ASCII letter or
 * digit, which the case-insensitive pattern may match in more than two spellings).
 */
interface HashtagSearch {
  pattern: RegExp;
  firstCodes: ReadonlySet<number> | null;
}

function hashtagSearch(tags: readonly string[]): HashtagSearch | null {
  const pattern = wordsPattern(tags, '#', 'iy');
  if (!pattern) return null;
  const firsts = tags.map((t) => t.replace(/^#/, '').trim()).filter(Boolean).map((t) => t.charAt(0).toLowerCase());
  return { pattern, firstCodes: firsts.every((c) => /^[a-z0-9]$/.test(c)) ? new Set(firsts.map((c) => c.charCodeAt(0))) : null };
}

/**
 * Whether a tag is written as `#tag` from `from` on. Each `#` is found with indexOf and the
 * words tried there only when the next character can start one (`# Heading` and `##` cannot): a
 * case-insensitive search for the whole pattern cost several times a line scan.
 */
function hasHashtag(text: string, search: HashtagSearch, from: number): boolean {
  const { pattern, firstCodes } = search;
  for (let at = text.indexOf('#', from); at !== -1; at = text.indexOf('#', at + 1)) {
    // `| 0x20` lower-cases an ASCII letter and leaves digits as they are.
    if (firstCodes !== null && !firstCodes.has(text.charCodeAt(at + 1) | 0x20)) continue;
    pattern.lastIndex = at;
    if (pattern.test(text)) return true;
  }
  return false;
}

/** Whether a tag is written anywhere: in the properties or as `#tag` (may over-count, never under). */
function mayCarryTag(text: string, words: RegExp, hashtags: HashtagSearch, propertiesEnd: number): boolean {
  words.lastIndex = 0;
  const m = words.exec(text);
  return m !== null && (m.index < propertiesEnd || hasHashtag(text, hashtags, Math.max(0, m.index - 1)));
}

// Only a level-1 heading can be the note's heading (the reader keeps the first `#` heading
// before any `##`): `# ` after indentation, quote markers or list bullets (an outliner's
// `- # Title`), or a paragraph underlined with `=`. Over-reaching is fine; missing one is not.
const LEVEL_ONE_ATX = /^[\s>]*(?:(?:[-*+]|\d{1,9}[.)])[ \t]+[\s>]*)*#(?:[ \t]|$)/;
const UNDERLINE = /\n[ \t>]*=+[ \t]*(?=\r?\n|$)/g;
const BLANK_LINE = /\n[ \t>]*(?:\r?\n|$)/g;

/** The first match of a global pattern at or after `from`, or -1. */
function nextMatch(pattern: RegExp, text: string, from: number): number {
  pattern.lastIndex = from;
  const m = pattern.exec(text);
  return m ? m.index : -1;
}

/**
 * Whether a title word may be in the note's title or first heading: in the properties (`title:`),
 * on a level-1 ATX heading line, or in a paragraph underlined with `=` (a setext heading). One look
 * per line, searches that only move forward: linear.
 */
function hasTitleWord(text: string, pattern: RegExp, propertiesEnd: number): boolean {
  pattern.lastIndex = 0;
  let m: RegExpExecArray | null;
  let underline = -2;
  let blank = -2;
  while ((m = pattern.exec(text))) {
    const at = m.index;
    if (at < propertiesEnd) return true;
    const lineStart = text.lastIndexOf('\n', at) + 1;
    let lineEnd = text.indexOf('\n', at);
    if (lineEnd === -1) lineEnd = text.length;
    if (LEVEL_ONE_ATX.test(text.slice(lineStart, lineEnd))) return true;
    if (underline !== -1 && underline < at) underline = nextMatch(UNDERLINE, text, at);
    if (blank !== -1 && blank < at) blank = nextMatch(BLANK_LINE, text, at);
    if (underline !== -1 && (blank === -1 || underline < blank)) return true;
    pattern.lastIndex = lineEnd;
  }
  return false;
}

// What can hide a line that looks like a heading from the parser: a code fence, an HTML block or
// comment (all start with `<`), a link reference definition running over lines, or a lone CR (a
// line break to the parser, none to this look).
const MAY_HIDE_A_HEADING = /```|~~~|<|\]:|\r/;

/**
 * Where the note's header surely ends: the first line (after the properties) that opens with a
 * level 2–6 ATX heading, when nothing before it can make that line anything but a heading. The
 * reader takes a stage, header fields and the first heading as the header's only while no
 * heading below level 1 has passed (reader.ts), so a structure claim must sit before this point.
 * Headings it cannot be sure of (indented, in containers, setext) are passed over: the header
 * may end earlier than this, never later.
 */
function headerEnd(text: string, from: number): number {
  const next = (at: number) => {
    const found = text.indexOf('\n##', at);
    return found === -1 ? -1 : found + 1;
  };
  for (let line = text.startsWith('##', from) ? from : next(from); line !== -1; line = next(line)) {
    let depth = 2;
    while (text.charCodeAt(line + depth) === 35 /* # */) depth++;
    const after = text.charCodeAt(line + depth);
    if (depth <= 6 && (Number.isNaN(after) || after === 32 || after === 9 || after === 10)) {
      return MAY_HIDE_A_HEADING.test(text.slice(0, line)) ? text.length : line;
    }
  }
  return text.length;
}

function wordsPattern(words: readonly string[], before = '', flags = 'gi'): RegExp | null {
  const clean = [...new Set(words.map((w) => w.replace(/^#/, '').trim()).filter(Boolean))];
  return clean.length === 0 ? null : new RegExp(`${before}(?:${clean.map(escapeRegExp).join('|')})`, flags);
}

function fieldSearch(labels: readonly string[]): FieldSearch | null {
  const pattern = keyColonPattern(labels, 'gi');
  // A label with a colon of its own could follow another match on its line.
  return pattern ? { pattern, prefix: fieldPrefixPattern(labels), firstPerLine: !labels.some((l) => l.includes(':')) } : null;
}

/**
 * Build the first look for one set of component rules. The rules' folders and required tags can
 * only say no; file names, marker tags, property keys and a stated stage with its header say "maybe".
 */
export function createFirstLook(rules: ComponentRules, vocabulary: FirstLookVocabulary = defaultFirstLookVocabulary(), pipeline: Pipeline = createPipeline(DEFAULT_STAGES)): FirstLook {
  const stage = rules.detect ? fieldSearch(vocabulary.stageLabels) : null;
  const header = fieldSearch(vocabulary.headerFieldLabels);
  const titleWords = wordsPattern(vocabulary.titleWords);
  // Words that may name a property classify() reads: searched for in the properties first, which
  // are then read (parsed) only when one is there.
  const propertyWords = wordsPattern([...[...vocabulary.stagePropertyKeys, ...vocabulary.componentPropertyKeys, ...MIRROR_KEYS].map(lastWord), ...rules.markerTags]);
  const markers = hashtagSearch(rules.markerTags);
  const markerSet = new Set(rules.markerTags.map((t) => t.replace(/^#/, '').toLowerCase()));
  const required = wordsPattern(rules.tags);
  const requiredHashtags = hashtagSearch(rules.tags);

  /** What the front matter and page properties say, read by the parser itself. */
  const propertiesSay = (path: string, head: string): boolean => {
    const note = parseNoteHead(head, pipeline);
    const p = note.properties;
    if (vocabulary.componentPropertyKeys.some((k) => stringValue(p[k]) !== null)) return true;
    if (vocabulary.stagePropertyKeys.some((k) => p[k] !== undefined)) return true;
    const mirrored = mirroredPath(p);
    if (mirrored !== null && isMaturityFileName(mirrored, rules)) return true;
    return note.tags.some((t) => markerSet.has(t.toLowerCase()));
  };
  // A structure claim lives in the header: only the text before its end is searched.
  const structured = (text: string, body: number, propsEnd: number): boolean => {
    if (!stage) return false;
    const end = headerEnd(text, propsEnd);
    const head = end < text.length ? text.slice(0, end) : text;
    if (!hasFieldLine(head, stage, body)) return false;
    if (header && hasFieldLine(head, header, body)) return true;
    return titleWords !== null && hasTitleWord(head, titleWords, propsEnd);
  };

  return (path, text) => {
    if (outsideFolders(path, rules)) return false;
    const body = bodyStart(text);
    const propsEnd = propertiesEnd(text, body);
    // A backslash in front matter may be a YAML escape spelling a tag in other letters.
    const escaped = body > 1 && text.lastIndexOf('\\', body) !== -1;
    if (required && requiredHashtags && !escaped && !mayCarryTag(text, required, requiredHashtags, propsEnd)) return false;
    if (isMaturityFileName(path, rules)) return true;
    if (markers !== null && hasHashtag(text, markers, propsEnd)) return true;
    if (structured(text, body, propsEnd)) return true;
    // Last, as it parses: the properties are read only when a word they would need is there.
    if (propsEnd === 0 || propertyWords === null) return false;
    const head = text.slice(0, propsEnd);
    propertyWords.lastIndex = 0;
    return (escaped || propertyWords.test(head)) && propertiesSay(path, head);
  };
}
