// Free-text matching of components, shared by the query's `text`, `owner` and `group` options and
// the dashboard's filter box. Apart from query.ts so the standalone dashboard can use it without
// the query's zod schema.
import type { Component, MaturityNote } from './model';

/** What text matching reads: a component view, or what the index keeps of its note. */
export type TextMatchable = Pick<Component, 'id' | 'name'> & { note: Pick<MaturityNote, 'owner' | 'group' | 'tags'> };

/** What a text option or filter box asks for: trimmed and lower-cased; null when blank. */
export function textNeedle(text: string | undefined): string | null {
  const needle = text?.trim().toLowerCase() ?? '';
  return needle === '' ? null : needle;
}

/** Whether `value` contains `needle` (a textNeedle), ignoring case. */
export function containsText(value: string | null | undefined, needle: string): boolean {
  return value !== null && value !== undefined && value.toLowerCase().includes(needle);
}

/** Whether a component's name, path, owner, functional group or one of its tags contains `needle`. */
export function matchesText(component: TextMatchable, needle: string): boolean {
  const note = component.note;
  return (
    containsText(component.name, needle) ||
    containsText(component.id, needle) ||
    containsText(note.owner?.value, needle) ||
    containsText(note.group?.value, needle) ||
    note.tags.some((tag) => containsText(tag, needle))
  );
}
