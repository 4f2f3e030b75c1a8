// The field pass: a BlockVisitor that turns headings, text lines and table rows into the parts of
// a MaturityNote (list items: reader-items.ts). It keeps the section stack and the label a list
// belongs to (`**Blockers**:`); field lines go to the field table (field-table.ts).
import type { Pipeline } from '../stages';
import { findIsoDate, visibleText } from '../text';
import { flatten, intern } from '../intern';
import type { BlockVisitor } from './visitor';
import { handleBlockerField, handleField } from './field-table';
import { readFieldLine } from './fields';
import { classifySection } from './sections';
import { readCriterion } from './values';
import { splitInline } from './entries';
import { addDependency, addHistory, readProseStage, startBlocker } from './lists';
import { onItem } from './reader-items';
import { createReaderState, kindAbove, recordPlaceholder, collectBodyTags, transitionSection, type ReadResult, type ReaderState, type Section } from './reader-state';
import { isNoneValue } from './values';
import { NONE } from '../exact-array';

export type { ReadResult } from './reader-state';

/** `checklists: false` skips the checklists outside transition sections (see NoteDetail in note.ts). */
export function createReader(pipeline: Pipeline, checklists = true): { visitor: BlockVisitor; result: ReadResult } {
  const state = createReaderState(pipeline, checklists);
  const visitor: BlockVisitor = {
    heading: (depth, text, line) => onHeading(state, depth, text, line),
    item: (indent, ordered, check, text, line) => onItem(state, indent, check, text, line),
    text: (text, line, indent) => onText(state, text, line, indent),
    row: (cells, line) => onRow(state, cells, line),
    // No blank(): lists survive blank lines; labels end at the next non-list text (see onText).
    unclosedComment: (from, to) => state.result.hidden.push({ from, to }),
  };
  return { visitor, result: state.result };
}

function onHeading(state: ReaderState, depth: number, text: string, line: number): void {
  const { stack, result } = state;
  while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
  if (depth === 1 && result.heading === null && state.inHeader) result.heading = flatten(plainHeading(text));
  if (depth >= 2) state.inHeader = false;
  const info = classifySection(state.pipeline, text);
  const section: Section = { kind: info.kind, text: info.text, from: info.from, to: info.to, demotions: info.demotions, depth, line, transition: null, checklist: null, entryIndent: -1 };
  if (info.kind === 'transition') {
    // Every transition with one status line (most of them) shares the one empty list of others.
    section.transition = { from: info.from, to: info.to, heading: section.text, line, items: [], met: 0, total: 0, claim: null, otherClaims: NONE };
    result.transitions.push(section.transition);
  }
  stack.push(section);
  state.innermostAt.clear();
  for (let i = 0; i < stack.length; i++) state.innermostAt.set(stack[i]!.kind, i);
  state.sectionPath = null;
  state.label = null;
  state.blockerEntry = null;
  state.checkboxIndent = -1;
  // Headings hold fields too: `### **Promotion Date**: 2025-10-21`, and history entries.
  const field = readFieldLine(state.pipeline.vocabulary, text, false);
  if (field) handleField(state, field, line, depth, false);
  const history = kindAbove(state, 'history');
  if (history && history !== section && findIsoDate(text)) addHistory(state, text, line, history);
  recordPlaceholder(state, text, line, false, null);
}

function onText(state: ReaderState, content: string, line: number, indent: number): void {
  const field = readFieldLine(state.pipeline.vocabulary, content, true);
  recordPlaceholder(state, content, line, false, field?.value ?? null);
  collectBodyTags(state, content);
  if (state.blockerEntry && indent > state.blockerEntry.indent) {
    if (field && handleBlockerField(state, field)) return;
  } else if (state.blockerEntry && indent <= state.blockerEntry.indent) {
    state.blockerEntry = null;
  }
  if (field) return handleField(state, field, line, indent, false);
  const label = state.label;
  if (label) {
    // The line right under `**Dependencies**:` continues the same paragraph: an inline value.
    if (label.line === line - 1 && !label.isItem) {
      if (label.kind === 'dependencies') for (const part of splitInline(content)) addDependency(state, part, line);
      else if ((label.kind === 'blockers' || label.kind === 'resolved-blockers') && !isNoneValue(state.pipeline, content)) {
        startBlocker(state, content, line, indent, label.kind === 'resolved-blockers');
      }
      state.label = null;
      return;
    }
    if (!(label.isItem && indent > label.indent)) state.label = null;
  }
  const history = kindAbove(state, 'history');
  if (history && findIsoDate(content)) addHistory(state, content, line, history);
  readProseStage(state, content, line);
}

function onRow(state: ReaderState, cells: string[], line: number): void {
  const joined = cells.join(' | ');
  recordPlaceholder(state, joined, line, false, null);
  const transition = transitionSection(state)?.transition;
  if (transition && cells.length >= 2) {
    // Criteria tables: `| Test Coverage | ≥70% | 84.65% | ✅ |`.
    const status = cells.slice(1).join(' ');
    const vocabulary = state.pipeline.vocabulary;
    const pass = vocabulary.passCell.test(status);
    const fail = vocabulary.failCell.test(status);
    if (pass || fail) {
      const met = pass && !fail;
      const { text: criterion, mark } = readCriterion(vocabulary, cells[0]!);
      transition.items.push({ text: intern(criterion), checked: met, status: met ? 'x' : ' ', mark: mark ?? (met ? 'pass' : 'fail'), note: intern(visibleText(cells.slice(1).join(' · '))), line });
      return;
    }
  }
  const history = kindAbove(state, 'history');
  if (history && findIsoDate(joined)) addHistory(state, joined, line, history);
}

/** `[[TTA/Components/Neo4j Component Maturity Status]]` → the link text, brackets removed. */
function plainHeading(text: string): string {
  const link = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]$/.exec(text.trim());
  if (link) return link[1]!.trim();
  return visibleText(text); // the note's own title: kept as a copy, not shared (see flatten)
}
