// List items in the field pass: a checkbox is a criterion of the transition section it sits in
// (or of a documentation / next-steps checklist); a bullet under a label (`**Dependencies**:`) or
// a list section (`## Dependencies`, `### Active Blockers`) is one of its entries; nested bullets
// under a blocker are its details; any other bullet may hold a field.
import type { ChecklistItem } from '../model';
import { handleBlockerField, handleField, isKnownField } from './field-table';
import { readFieldLine, type FieldLine } from './fields';
import { addDependency, addHistory, readProseStage, startBlocker } from './lists';
import { kindAbove, recordPlaceholder, collectBodyTags, transitionSection, type ReaderState } from './reader-state';
import { readCriterion } from './values';
import { intern } from '../intern';

export function onItem(state: ReaderState, indent: number, check: string | null, content: string, line: number): void {
  recordPlaceholder(state, content, line, true, null);
  collectBodyTags(state, content);
  if (state.label && state.label.isItem && indent <= state.label.indent) state.label = null;
  if (check !== null) return checkItem(state, indent, check, content, line);
  state.checkboxIndent = -1;
  const section = state.stack[state.stack.length - 1] ?? null;
  if (section && section.entryIndent === -1) section.entryIndent = indent;
  const field = readFieldLine(state.pipeline.vocabulary, content, true);

  // Details nested under a blocker entry: `- **Severity**: High`.
  if (state.blockerEntry && indent > state.blockerEntry.indent) {
    if (field && handleBlockerField(state, field)) return;
    if (state.blockerEntry.blocker === null || state.label?.kind === 'blockers' || state.label?.kind === 'resolved-blockers') return;
  } else if (state.blockerEntry) {
    state.blockerEntry = null;
  }
  if (state.label) return labelEntry(state, indent, field, content, line);
  if (sectionEntry(state, indent, field, content, line)) return;
  if (field) return handleField(state, field, line, indent, true);
  readProseStage(state, content, line);
}

/** Lists that belong to a label (`**Dependencies**:` / `**Blockers**:` then bullets). */
function labelEntry(state: ReaderState, indent: number, field: FieldLine | null, content: string, line: number): void {
  const label = state.label!;
  if (label.entryIndent === -1) label.entryIndent = indent;
  const entry = indent <= label.entryIndent;
  switch (label.kind) {
    case 'dependencies':
      if (entry) addDependency(state, content, line);
      return;
    case 'blockers':
    case 'resolved-blockers':
      if (entry) startBlocker(state, content, line, indent, label.kind === 'resolved-blockers');
      return;
    case 'ignored':
      return;
    default:
      if (field) handleField(state, field, line, indent, true);
      else readProseStage(state, content, line);
  }
}

/** Lists that belong to a section (`## Dependencies`, `## Promotion History`, `### Active Blockers`). */
function sectionEntry(state: ReaderState, indent: number, field: FieldLine | null, content: string, line: number): boolean {
  const owner = kindAbove(state, 'dependencies', 'history', 'blockers', 'resolved-blockers');
  if (!owner) return false;
  const entry = owner.entryIndent === -1 || indent <= owner.entryIndent;
  if (owner.entryIndent === -1) owner.entryIndent = indent;
  if (!entry) return true; // details under an entry
  if (field && isKnownField(field)) return false;
  if (owner.kind === 'dependencies') addDependency(state, content, line);
  else if (owner.kind === 'history') addHistory(state, content, line, owner);
  else startBlocker(state, content, line, indent, owner.kind === 'resolved-blockers');
  return true;
}

function checkItem(state: ReaderState, indent: number, check: string, content: string, line: number): void {
  const nested = state.checkboxIndent !== -1 && indent > state.checkboxIndent;
  if (!nested) state.checkboxIndent = indent;
  if (nested) return; // sub-tasks of a criterion are not criteria of their own
  const transition = transitionSection(state)?.transition;
  if (!transition && !state.checklists) return;
  const { text: criterion, note, mark } = readCriterion(state.pipeline.vocabulary, content);
  const checked = check === 'x' || check === 'X' || check === 'DONE';
  const entry: ChecklistItem = { text: intern(criterion), checked, status: check, mark, note: intern(note), line };
  if (transition) {
    transition.items.push(entry);
    return;
  }
  const result = state.result;
  const section = state.stack[state.stack.length - 1] ?? null;
  if (section) {
    if (!section.checklist) {
      const kind = kindAbove(state, 'documentation', 'next-steps')?.kind;
      section.checklist = { kind: kind === 'documentation' || kind === 'next-steps' ? kind : 'other', heading: section.text, items: [] };
      result.checklists.push(section.checklist);
    }
    section.checklist.items.push(entry);
  } else {
    const top = result.checklists.find((c) => c.heading === '') ?? { kind: 'other' as const, heading: '', items: [] };
    if (!result.checklists.includes(top)) result.checklists.push(top);
    top.items.push(entry);
  }
}
