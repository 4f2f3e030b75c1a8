// What the field pass (reader.ts, reader-items.ts, the field table) knows while it walks one note: the result it
// fills, the open sections, and the list label or blocker entry the next lines belong to.
import type {
  Blocker,
  Checklist,
  MaturityNote,
  Measure,
  MetricName,
  StageField,
  Sourced,
  Transition,
} from '../model';
import type { Pipeline } from '../stages';
import type { SectionInfo, SectionKind } from './sections';
import { findPlaceholder } from './placeholders';
import { intern } from '../intern';

export interface Section extends SectionInfo {
  depth: number;
  text: string;
  line: number;
  transition: Transition | null;
  checklist: Checklist | null;
  /** Indent of the first list item seen directly in this section (entries vs. details). */
  entryIndent: number;
}

export type LabelKind = 'dependencies' | 'ignored' | 'blockers' | 'resolved-blockers' | 'security' | 'response-time' | 'other';

export interface Label {
  kind: LabelKind;
  /** Indent of the line holding the label; list items deeper than it (or at it, for paragraphs) belong to it. */
  indent: number;
  isItem: boolean;
  line: number;
  /** Indent of the label's first list item: deeper items are details, not entries. */
  entryIndent: number;
}

/** What the field pass collects: the note's own fields as the model has them, and what note.ts still resolves. */
export interface ReadResult
  extends Pick<
    MaturityNote,
    'owner' | 'group' | 'priority' | 'promotedTo' | 'transitions' | 'dependencies' | 'dependenciesNone' | 'blockers' | 'history' | 'coverage' | 'security' | 'checklists' | 'placeholders'
  > {
  stages: StageField[];
  headerStageIndex: number;
  stagePlaceholder: boolean;
  proseStage: StageField | null;
  targetStage: StageField | null;
  lastUpdated: Sourced<string | null> | null;
  lastUpdatedPlaceholder: boolean;
  heading: string | null;
  current: Partial<Record<MetricName, Measure>>;
  targets: Partial<Record<MetricName, Measure>>;
  observedDays: Sourced<number | null> | null;
  bodyTags: string[];
  headerFields: Set<string>;
  /** HTML comment blocks that never close: the lines they hide. */
  hidden: Array<{ from: number; to: number }>;
}

/** One plain object per note: the visitor and the field handlers read and update it in place. */
export interface ReaderState {
  readonly pipeline: Pipeline;
  /** Whether checklists outside transition sections are kept (the index does not keep them). */
  readonly checklists: boolean;
  readonly result: ReadResult;
  /** Open sections, outermost first. */
  readonly stack: Section[];
  /** Stack position of the innermost section of each kind; the stack changes only at headings. */
  readonly innermostAt: Map<SectionKind, number>;
  /** Before the first `##` heading: where the header fields (stage, owner, last updated) live. */
  inHeader: boolean;
  label: Label | null;
  blockerEntry: { blocker: Blocker | null; indent: number } | null;
  /** Indent of the current top-level checkbox; deeper checkboxes are its sub-tasks. */
  checkboxIndent: number;
  lastUpdatedInHeader: boolean;
  /** The heading path above the current line, built when a coverage figure needs it. */
  sectionPath: string | null;
}

export function createReaderState(pipeline: Pipeline, checklists = true): ReaderState {
  return {
    pipeline,
    checklists,
    result: {
      stages: [],
      headerStageIndex: -1,
      stagePlaceholder: false,
      proseStage: null,
      targetStage: null,
      lastUpdated: null,
      lastUpdatedPlaceholder: false,
      owner: null,
      group: null,
      priority: null,
      promotedTo: [],
      heading: null,
      transitions: [],
      dependencies: [],
      dependenciesNone: false,
      blockers: [],
      history: [],
      coverage: [],
      security: { critical: null, high: null, medium: null, low: null, lastScan: null, reviewStatus: null },
      current: {},
      targets: {},
      observedDays: null,
      checklists: [],
      placeholders: [],
      bodyTags: [],
      headerFields: new Set<string>(),
      hidden: [],
    },
    stack: [],
    innermostAt: new Map<SectionKind, number>(),
    inHeader: true,
    label: null,
    blockerEntry: null,
    checkboxIndent: -1,
    lastUpdatedInHeader: false,
    sectionPath: '',
  };
}

/** The innermost open section of any of the kinds. */
export function kindAbove(state: ReaderState, a: SectionKind, b?: SectionKind, c?: SectionKind, d?: SectionKind): Section | null {
  const innermostAt = state.innermostAt;
  let at = innermostAt.get(a) ?? -1;
  if (b !== undefined) at = Math.max(at, innermostAt.get(b) ?? -1);
  if (c !== undefined) at = Math.max(at, innermostAt.get(c) ?? -1);
  if (d !== undefined) at = Math.max(at, innermostAt.get(d) ?? -1);
  return at === -1 ? null : state.stack[at]!;
}

export function transitionSection(state: ReaderState): Section | null {
  return kindAbove(state, 'transition');
}

export function makeLabel(kind: LabelKind, indent: number, isItem: boolean, line: number): Label {
  return { kind, indent, isItem, line, entryIndent: -1 };
}

const MAX_PLACEHOLDERS = 200;
const HASHTAG = /(^|\s)#([\p{L}\p{N}_/-]*[\p{L}_/-][\p{L}\p{N}_/-]*)/gu;

/** Record a template slot on the line, if any; whether there was one. */
export function recordPlaceholder(state: ReaderState, text: string, line: number, isItem: boolean, fieldValue: string | null): boolean {
  const found = findPlaceholder(text, isItem, fieldValue);
  if (found !== null && state.result.placeholders.length < MAX_PLACEHOLDERS) state.result.placeholders.push({ text: intern(found), line });
  return found !== null;
}

/** `#tag` in body text. */
export function collectBodyTags(state: ReaderState, text: string): void {
  if (text.indexOf('#') === -1) return;
  HASHTAG.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = HASHTAG.exec(text))) {
    // `Issue #XXX` in an unfilled template is a placeholder, not a tag.
    if (!/^(X+|Y+|Z+)$/.test(m[2]!)) state.result.bodyTags.push(intern(m[2]!));
  }
}
