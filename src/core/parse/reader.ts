// The field pass: a BlockVisitor that turns headings, items and text lines into the parts of a
// MaturityNote. It keeps the section stack and the "label" a list belongs to (`**Blockers**:`),
// and routes each line to the field handlers in reader-fields.ts; both share one ReaderState.
import type { ChecklistItem, StatusClaim } from '../model';
import type { Pipeline } from '../stages';
import { findIsoDate, own, plain } from '../text';
import type { BlockVisitor } from './blocks';
import { fieldKind, readField } from './fields';
import { classifySection } from './sections';
import { isNoneValue, readCriterion, splitInline } from './values';
import { findPlaceholder, NO_HINTS, type TextHints } from './placeholders';
import { createReaderState, kindAbove, transitionSection, type ReadResult, type Section } from './reader-state';
import { addDependency, addHistory, handleBlockerField, handleField, noteProse, startBlocker } from './reader-fields';

export type { ReadResult } from './reader-state';

const MAX_PLACEHOLDERS = 200;
/** Shared by every transition with one status line (most of them): the index keeps thousands. */
const NO_CLAIMS: StatusClaim[] = [];
const HASHTAG = /(^|\s)#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;

/** `hints`: which markers the note holds at all (see textHints); lines skip searches for the others. */
export function createReader(pipeline: Pipeline, hints: Readonly<TextHints> = NO_HINTS): { visitor: BlockVisitor; result: ReadResult } {
  const state = createReaderState(pipeline, hints);
  // The state's containers never change identity: the visitor holds them directly.
  const { result, stack, innermostAt } = state;

  function notePlaceholder(text: string, line: number, isItem: boolean, fieldValue: string | null): boolean {
    const found = findPlaceholder(text, isItem, fieldValue, hints, line);
    if (found !== null && result.placeholders.length < MAX_PLACEHOLDERS) result.placeholders.push({ text: own(found), line });
    return found !== null;
  }

  function noteTags(text: string): void {
    if (!hints.hash || text.indexOf('#') === -1) return;
    HASHTAG.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = HASHTAG.exec(text))) {
      // `Issue #XXX` in an unfilled template is a placeholder, not a tag.
      if (!/^(X+|Y+|Z+)$/.test(m[2]!)) result.bodyTags.push(own(m[2]!));
    }
  }

  function heading(depth: number, text: string, line: number): void {
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    if (depth === 1 && result.heading === null && state.inHeader) result.heading = own(plainHeading(text));
    if (depth >= 2) state.inHeader = false;
    const info = classifySection(pipeline, text);
    const section: Section = { kind: info.kind, text: info.text, from: info.from, to: info.to, demotions: info.demotions, depth, line, transition: null, checklist: null, entryIndent: -1 };
    if (info.kind === 'transition') {
      section.transition = { from: info.from, to: info.to, heading: section.text, line, items: [], met: 0, total: 0, claim: null, otherClaims: NO_CLAIMS };
      result.transitions.push(section.transition);
    }
    stack.push(section);
    innermostAt.clear();
    for (let i = 0; i < stack.length; i++) innermostAt.set(stack[i]!.kind, i);
    state.sectionPath = null;
    state.label = null;
    state.blockerEntry = null;
    state.checkboxIndent = -1;
    // Headings hold fields too: `### **Promotion Date**: 2025-10-21`, and history entries.
    const field = readField(text, false);
    if (field) handleField(state, field, line, depth, false);
    const history = kindAbove(state, 'history');
    if (history && history !== section && findIsoDate(text)) addHistory(state, text, line, history);
    notePlaceholder(text, line, false, null);
  }

  function text(content: string, line: number, indent: number): void {
    const field = readField(content, true);
    notePlaceholder(content, line, false, field?.value ?? null);
    noteTags(content);
    if (state.blockerEntry && indent > state.blockerEntry.indent) {
      if (field && handleBlockerField(state, field)) return;
    } else if (state.blockerEntry && indent <= state.blockerEntry.indent) {
      state.blockerEntry = null;
    }
    if (field) {
      handleField(state, field, line, indent, false);
      return;
    }
    const label = state.label;
    if (label) {
      // The line right under `**Dependencies**:` continues the same paragraph: an inline value.
      if (label.line === line - 1 && !label.isItem) {
        if (label.kind === 'dependencies') for (const part of splitInline(content)) addDependency(state, part, line);
        else if ((label.kind === 'blockers' || label.kind === 'resolved-blockers') && !isNoneValue(content)) {
          startBlocker(state, content, line, indent, label.kind === 'resolved-blockers');
        }
        state.label = null;
        return;
      }
      if (!(label.isItem && indent > label.indent)) state.label = null;
    }
    const history = kindAbove(state, 'history');
    if (history && findIsoDate(content)) addHistory(state, content, line, history);
    noteProse(state, content, line);
  }

  function item(indent: number, _ordered: boolean, check: string | null, content: string, line: number): void {
    notePlaceholder(content, line, true, null);
    noteTags(content);
    if (state.label && state.label.isItem && indent <= state.label.indent) state.label = null;
    if (check !== null) {
      checkItem(indent, check, content, line);
      return;
    }
    state.checkboxIndent = -1;
    const section = stack[stack.length - 1] ?? null;
    if (section && section.entryIndent === -1) section.entryIndent = indent;
    const field = readField(content, true);

    // Details nested under a blocker entry: `- **Severity**: High`.
    if (state.blockerEntry && indent > state.blockerEntry.indent) {
      if (field && handleBlockerField(state, field)) return;
      if (state.blockerEntry.blocker === null || state.label?.kind === 'blockers' || state.label?.kind === 'resolved-blockers') return;
    } else if (state.blockerEntry) {
      state.blockerEntry = null;
    }

    // Lists that belong to a label (`**Dependencies**:` / `**Blockers**:` then bullets).
    const label = state.label;
    if (label) {
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
          else noteProse(state, content, line);
          return;
      }
    }

    // Lists that belong to a section (`## Dependencies`, `## Promotion History`, `### Active Blockers`).
    const owner = kindAbove(state, 'dependencies', 'history', 'blockers', 'resolved-blockers');
    if (owner) {
      const entry = owner.entryIndent === -1 || indent <= owner.entryIndent;
      if (owner.entryIndent === -1) owner.entryIndent = indent;
      if (!entry) return; // details under an entry
    }
    if (owner && (!field || fieldKind(field.key) === null)) {
      if (owner.kind === 'dependencies') addDependency(state, content, line);
      else if (owner.kind === 'history') addHistory(state, content, line, owner);
      else startBlocker(state, content, line, indent, owner.kind === 'resolved-blockers');
      return;
    }
    if (field) {
      handleField(state, field, line, indent, true);
      return;
    }
    noteProse(state, content, line);
  }

  function row(cells: string[], line: number): void {
    const joined = cells.join(' | ');
    notePlaceholder(joined, line, false, null);
    const transition = transitionSection(state);
    if (transition?.transition && cells.length >= 2) {
      // Criteria tables: `| Test Coverage | ≥70% | 84.65% | ✅ |`.
      const status = cells.slice(1).join(' ');
      const pass = /✅|✔|\bPASS(ED)?\b|\bMET\b/.test(status);
      const fail = /❌|🔄|⚠|✗|\bFAIL(ED)?\b|\bPENDING\b|\bNOT MET\b/i.test(status);
      if (pass || fail) {
        const { text: criterion, mark } = readCriterion(cells[0]!);
        transition.transition.items.push({
          text: own(criterion),
          checked: pass && !fail,
          status: pass && !fail ? 'x' : ' ',
          mark: mark ?? (pass && !fail ? 'pass' : 'fail'),
          note: own(plain(cells.slice(1).join(' · '))),
          line,
        });
        return;
      }
    }
    const history = kindAbove(state, 'history');
    if (history && findIsoDate(joined)) addHistory(state, joined, line, history);
  }

  function blank(): void {
    // Lists survive blank lines; labels end at the next non-list text (see text()).
  }

  function checkItem(indent: number, check: string, content: string, line: number): void {
    const nested = state.checkboxIndent !== -1 && indent > state.checkboxIndent;
    if (!nested) state.checkboxIndent = indent;
    if (nested) return; // sub-tasks of a criterion are not criteria of their own
    const { text: criterion, note, mark } = readCriterion(content);
    const checked = check === 'x' || check === 'X' || check === 'DONE';
    const entry: ChecklistItem = { text: own(criterion), checked, status: check, mark, note: own(note), line };
    const transition = transitionSection(state);
    if (transition?.transition) {
      transition.transition.items.push(entry);
      return;
    }
    const section = stack[stack.length - 1] ?? null;
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

  function unclosedComment(from: number, to: number): void {
    result.hidden.push({ from, to });
  }

  return { visitor: { heading, item, text, row, blank, unclosedComment }, result };
}

/** `[[TTA/Components/Neo4j Component Maturity Status]]` → the link text, brackets removed. */
function plainHeading(text: string): string {
  const link = /^\[\[([^\]|]+)(?:\|([^\]]+))?\]\]$/.exec(text.trim());
  if (link) return link[1]!.trim();
  return plain(text);
}
