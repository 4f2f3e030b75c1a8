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
import { fieldSearch, hasFieldLine, hasHashtag, hashtagSearch, hasTitleWord, headerEnd, lastWord, mayCarryTag, wordsPattern } from './first-look-search';

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
