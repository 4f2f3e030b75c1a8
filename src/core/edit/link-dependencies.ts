// The `link` edit: dependencies written as plain text become the hosts' own links, so Obsidian's
// backlinks and graph and Logseq's linked references see them. Only brackets (and, where the
// written name is not the link target, the target and its separator) are inserted; every byte of
// the note stays where it was, and a dependency that is already a link is never touched.
import type { Dependency } from '../model';
import { parseNote } from '../parse/note';
import type { Pipeline } from '../stages';
import { editText, splitLines, type EditResult, type LineEdit } from './lines';
import { findWrittenName, linkSyntax, type LinkStyle } from './link-syntax';

export type { LinkStyle } from './link-syntax';

/** How a written dependency resolves, as the index sees it. */
export type DependencyResolution =
  | { kind: 'component'; id: string }
  | { kind: 'ambiguous'; candidates: readonly string[] }
  | { kind: 'unresolved' };

export interface DependencyLinkContext {
  /** `obsidian`: `[[Note]]` / `[[path/to/note|Name]]`; `logseq`: `[[page]]` / `[Name]([[page]])`. */
  style: LinkStyle;
  /** The note being edited (its id in the index): a dependency on itself is not linked. */
  selfId: string;
  resolve(dep: Dependency): DependencyResolution;
  /** What a link must say to reach the component `id` (see link-targets.ts), or null when nothing can. */
  targetOf(id: string): string | null;
}

export type LinkSkipReason = 'unresolved' | 'ambiguous' | 'self' | 'no-target' | 'not-found' | 'unsafe-name';

export interface LinkedDependency {
  name: string;
  line: number;
  id: string;
  /** The link as written into the note: `before` + `written` + `after`. */
  link: string;
  /** The name as it stood in the note (kept inside the link). */
  written: string;
  /** The bytes inserted before and after it. */
  before: string;
  after: string;
  /** 0-based offset of the link in the edited line (UTF-16 code units). */
  column: number;
}

export interface SkippedDependency {
  name: string;
  line: number;
  reason: LinkSkipReason;
  /** Why, in words, for the CLI and the hosts' notices. */
  message: string;
  candidates?: readonly string[];
}

export interface LinkEditResult extends EditResult {
  linked: LinkedDependency[];
  skipped: SkippedDependency[];
}

/** Link every plain-text dependency that resolves to exactly one other component. Idempotent. */
export function linkDependencies(text: string, pipeline: Pipeline, context: DependencyLinkContext): LinkEditResult {
  const note = parseNote(text, pipeline);
  const doc = splitLines(text);
  const linked: LinkedDependency[] = [];
  const skipped: SkippedDependency[] = [];
  const byLine = new Map<number, Dependency[]>();
  for (const dep of note.dependencies) {
    if (dep.link) continue; // already a link: never touched
    const list = byLine.get(dep.line) ?? [];
    list.push(dep);
    byLine.set(dep.line, list);
  }
  const edits: LineEdit[] = [];
  for (const [line, deps] of byLine) {
    const original = doc.lines[line - 1]?.content;
    if (original === undefined) continue;
    const rewritten = linkLine(original, line, deps, context, linked, skipped);
    if (rewritten !== original) edits.push({ index: line - 1, remove: 1, insert: [rewritten], reason: `linked ${describe(linked, line)}` });
  }
  return { ...editText(text, edits), linked, skipped };
}

function describe(linked: LinkedDependency[], line: number): string {
  return linked.filter((l) => l.line === line).map((l) => l.link).join(', ');
}

/** One line's dependencies, left to right: each is looked for after the previous one. */
function linkLine(content: string, line: number, deps: Dependency[], context: DependencyLinkContext, linked: LinkedDependency[], skipped: SkippedDependency[]): string {
  let out = content;
  let cursor = labelEnd(content);
  for (const dep of deps) {
    const skip = (reason: LinkSkipReason, message: string, candidates?: readonly string[]) =>
      skipped.push({ name: dep.name, line, reason, message, ...(candidates ? { candidates } : {}) });
    // Found first, linked or not: the next name on the line is looked for after this one, so
    // `Redis Cluster, Redis` never links the `Redis` of the first.
    const at = findWrittenName(out, dep.name, cursor);
    if (at !== null) cursor = at.end;
    const target = linkTarget(dep, context, skip);
    if (target === null) continue;
    if (at === null) {
      skip('not-found', `"${dep.name}" is not written as plain text on the line (inside code, a link or markup); left as is`);
      continue;
    }
    const written = out.slice(at.start, at.end);
    const syntax = linkSyntax(context.style, written, target.text);
    if (syntax === null) {
      skip('unsafe-name', `"${written}" holds characters a link cannot carry (| [ ] or a line break); left as text`);
      continue;
    }
    out = out.slice(0, at.start) + syntax.before + written + syntax.after + out.slice(at.end);
    cursor = at.end + syntax.before.length + syntax.after.length;
    linked.push({ name: dep.name, line, id: target.id, link: syntax.before + written + syntax.after, written, before: syntax.before, after: syntax.after, column: at.start });
  }
  return out;
}

/** The component a dependency links to and the link's target text, or null (reported) when none. */
function linkTarget(
  dep: Dependency,
  context: DependencyLinkContext,
  skip: (reason: LinkSkipReason, message: string, candidates?: readonly string[]) => void,
): { id: string; text: string } | null {
  const resolution = context.resolve(dep);
  if (resolution.kind === 'unresolved') {
    skip('unresolved', `"${dep.name}" is not a known component; left as text`);
    return null;
  }
  if (resolution.kind === 'ambiguous') {
    skip('ambiguous', `"${dep.name}" names ${resolution.candidates.length} components; left as text`, resolution.candidates);
    return null;
  }
  if (resolution.id === context.selfId) {
    skip('self', `"${dep.name}" is this note itself; left as text`);
    return null;
  }
  const text = context.targetOf(resolution.id);
  if (text === null) {
    skip('no-target', `no link can reach "${resolution.id}" in this host (its name is shared); left as text`);
    return null;
  }
  // The link must lead where the name led: read back as the parser will read it, it resolves again.
  const back = context.resolve({ ...dep, name: text, link: true });
  if (back.kind !== 'component' || back.id !== resolution.id) {
    skip('no-target', `a link to "${text}" would not lead to "${resolution.id}"; left as text`);
    return null;
  }
  return { id: resolution.id, text };
}

// `**Dependencies**: Neo4j, Redis` / `Depends on: Redis`: the names come after the label.
const INLINE_LABEL = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?[^:*_]*\b(?:dependencies|depends on)\b[^:*_]*(?:\*\*|__)?\s*:(?:\*\*|__)?\s*/i;

function labelEnd(content: string): number {
  const m = INLINE_LABEL.exec(content);
  return m ? m[0].length : 0;
}
