// The optional front-matter mirror: on promote, the new stage is also written to one front-matter
// property (`stage: Production` by default), so Obsidian Bases, Dataview and Logseq queries can
// filter by stage without Maturity Map. A Logseq page that states its properties as `key:: value`
// lines gets the same key there; a note with neither gets a front matter block at the top.
import { propertyKey } from '../text';
import type { Line, LineEdit } from './lines';
import type { Outline } from './outline';
import { splitKeyLine } from './stage-line';

/** A YAML scalar for the stage name: plain when YAML reads it back as the same text, else quoted. */
function yamlValue(name: string): string {
  return /^[\w][\w .()/-]*$/.test(name) && !/^(true|false|null|yes|no|on|off|~|[\d.]+)$/i.test(name.trim()) && name === name.trim() ? name : JSON.stringify(name);
}

/**
 * The edit that makes property `key` say `stage` (a stage name), or null when it already does or
 * the line it is on is edited already (`taken`: promote rewrites stage keys that named the old stage).
 */
export function stageMirrorEdit(lines: readonly Line[], structure: Outline, key: string, stage: string, taken: ReadonlySet<number>): LineEdit | null {
  const wanted = propertyKey(key);
  const reason = `${key} mirrors the stage (front-matter mirror setting)`;
  const fm = structure.frontmatter;
  const props = fm ? null : structure.pageProperties;
  const range = fm ? { first: fm.firstLine, last: fm.bodyLine - 2, property: false } : props ? { ...props, property: true } : null;
  const value = range?.property ? stage : yamlValue(stage);
  if (range) {
    for (let n = range.first; n <= range.last; n++) {
      const content = lines[n - 1]?.content;
      if (content === undefined || /^\s/.test(content)) continue;
      const m = splitKeyLine(content, range.property);
      if (!m || propertyKey(m.key) !== wanted) continue;
      if (taken.has(n - 1)) return null;
      const line = `${m.key}${m.sep || (range.property ? ':: ' : ': ')}${value}${m.trailing}`;
      return line === content ? null : { index: n - 1, remove: 1, insert: [line], reason };
    }
    // Not there yet: a new line at the end of the block (before the closing `---`).
    return { index: range.last, remove: 0, insert: [range.property ? `${key}:: ${value}` : `${key}: ${value}`], reason };
  }
  return { index: 0, remove: 0, insert: ['---', `${key}: ${value}`, '---'], reason };
}
