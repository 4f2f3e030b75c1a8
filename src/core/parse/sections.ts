// What a heading opens: a transition's criteria, the dependency list, promotion history, …
import type { StageId } from '../model';
import { parseTransitionHeading, type Pipeline } from '../stages';
import { plain } from '../text';

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

export interface SectionInfo {
  kind: SectionKind;
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
  let known = cache.get(pipeline);
  if (!known) cache.set(pipeline, (known = new Map()));
  const hit = known.get(heading);
  if (hit) return hit;
  const info = Object.freeze(classifyUncached(pipeline, heading));
  if (known.size >= CACHE_LIMIT) known.clear();
  known.set(heading, info);
  return info;
}

function classifyUncached(pipeline: Pipeline, heading: string): SectionInfo {
  const text = plain(heading).toLowerCase();
  const base: SectionInfo = { kind: 'other', from: null, to: null, demotions: false };
  if (/\bhistory\b|^promotions?\b|^demotions?\b|promotion requests?/.test(text)) {
    return { ...base, kind: 'history', demotions: /\bdemotions?\b/.test(text) };
  }
  if (/resolved blockers|blockers resolved/.test(text)) return { ...base, kind: 'resolved-blockers' };
  if (/\bblockers?\b|blocking issues/.test(text)) return { ...base, kind: 'blockers' };
  // Only headings that name the list itself ("Dependencies", "Component Dependencies"), not a
  // criterion such as "6. Dependencies Stable".
  const bare = text.replace(/^[\d.)\s]+/, '').replace(/[^a-z ]/g, '').trim();
  if (/^((component|upstream|runtime|service|internal|system)\s+)?dependenc(y|ies)(\s+(graph|map|list))?$/.test(bare)) {
    return { ...base, kind: 'dependencies' };
  }
  if (/\bsla\b|\btargets?\b|\bobjectives?\b/.test(text) && !/coverage/.test(text)) return { ...base, kind: 'performance-targets' };
  if (/current performance|performance \(current|measured performance|observed performance/.test(text)) {
    return { ...base, kind: 'performance-current' };
  }
  const transition = parseTransitionHeading(pipeline, heading);
  if (transition) return { ...base, kind: 'transition', from: transition.from, to: transition.to };
  if (/\bperformance\b/.test(text)) return { ...base, kind: 'performance' };
  if (/\bsecurity\b/.test(text)) return { ...base, kind: 'security' };
  if (/\bdocumentation\b|\bdocs\b/.test(text)) return { ...base, kind: 'documentation' };
  if (/next steps|roadmap|action items|\bto-?do\b|short-term|medium-term|long-term|follow-?ups?/.test(text)) {
    return { ...base, kind: 'next-steps' };
  }
  if (/\bcoverage\b|\btests?\b|\btesting\b/.test(text)) return { ...base, kind: 'coverage' };
  return base;
}
