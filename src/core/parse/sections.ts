// What a heading opens: a transition's criteria, the dependency list, promotion history, … The
// rules are data (the vocabulary's section headings, tried in order); a heading that names a
// stage pair (`Development → Staging`) or a stage's criteria (`Staging Criteria`) is a transition.
import type { StageId } from '../model';
import { parseTransitionHeading, type Pipeline } from '../stages';
import { indexOfWord, isWordChar, plain, visibleText } from '../text';
import { intern } from '../intern';
import type { SectionKind, SectionRule } from './vocabulary-compile';
import { SHORTCUTS } from './shortcuts';

export type { SectionKind } from './vocabulary-compile';

export interface SectionInfo {
  kind: SectionKind;
  /** The heading's visible text (plain()). */
  text: string;
  /** For transitions. */
  from: StageId | null;
  to: StageId | null;
  /** History subsection listing demotions. */
  demotions: boolean;
}

// Headings repeat across notes ("Maturity Criteria", "Development → Staging"): classify each
// text once per pipeline. Bounded, so a vault of unique headings cannot grow it without limit.
const CACHE_LIMIT = 4096;
const cache = new WeakMap<Pipeline, Map<string, SectionInfo>>();

export function classifySection(pipeline: Pipeline, heading: string): SectionInfo {
  if (!SHORTCUTS.sectionCache) return { ...classifyUncached(pipeline, heading), text: plain(heading) };
  let known = cache.get(pipeline);
  if (!known) cache.set(pipeline, (known = new Map()));
  const hit = known.get(heading);
  if (hit) return hit;
  const info = Object.freeze({ ...classifyUncached(pipeline, heading), text: intern(visibleText(heading)) });
  if (known.size >= CACHE_LIMIT) known.clear();
  known.set(intern(heading), info); // a copy: the key must not keep the note's text alive
  return info;
}

function classifyUncached(pipeline: Pipeline, heading: string): Omit<SectionInfo, 'text'> {
  const vocabulary = pipeline.vocabulary;
  const text = visibleText(heading).toLowerCase();
  for (const rule of vocabulary.sectionsBefore) {
    if (!matches(rule, text)) continue;
    const demotions = rule.kind === 'history' && vocabulary.demotions.some((word) => indexOfWord(text, word) !== -1);
    return { kind: rule.kind, from: null, to: null, demotions };
  }
  const transition = parseTransitionHeading(pipeline, heading);
  if (transition) return { kind: 'transition', from: transition.from, to: transition.to, demotions: false };
  for (const rule of vocabulary.sectionsAfter) if (matches(rule, text)) return { kind: rule.kind, from: null, to: null, demotions: false };
  return { kind: 'other', from: null, to: null, demotions: false };
}

/** Whether a heading (plain, lower case) is named by a rule's words. */
function matches(rule: SectionRule, text: string): boolean {
  if (rule.unless.some((word) => text.includes(word))) return false;
  for (const word of rule.words) if (indexOfWord(text, word) !== -1) return true;
  for (const word of rule.starts) if (text.startsWith(word) && !isWordChar(text.charCodeAt(word.length))) return true;
  return rule.exact.size > 0 && rule.exact.has(bareHeading(text));
}

/** "2. Component Dependencies:" → "component dependencies": the heading's words only. */
function bareHeading(text: string): string {
  return text.replace(/^[\d.)\s]+/, '').replace(/[^a-z ]/g, ' ').replace(/ +/g, ' ').trim();
}
