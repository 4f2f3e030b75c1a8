// The lists a note holds: dependency entries, blockers, promotion history, and the "promoted to"
// sentence that states a stage in prose. The reader sends a line here when a label
// (`**Dependencies**:`) or a section (`## Promotion History`) owns it.
import type { Blocker } from '../model';
import { leadingStage } from '../stages';
import { plain, visibleText } from '../text';
import { intern } from '../intern';
import { findPlaceholder } from './placeholders';
import { transitionSection, type ReaderState, type Section } from './reader-state';
import { readBlockerText, readDependency, readHistory } from './entries';
import { isNonePlain } from './values';

/** A cheap test before lower-casing the line. */
const PROMOTED_TO = /promoted to /i;

export function addDependency(state: ReaderState, raw: string, line: number): void {
  const { result, pipeline } = state;
  if (findPlaceholder(raw, true, null) !== null) return;
  const dep = readDependency(pipeline, raw);
  if (dep === 'none') {
    result.dependenciesNone = true;
    return;
  }
  if (!dep) return;
  result.dependencies.push({
    name: intern(dep.name),
    link: dep.link,
    declaredStage: dep.declaredStage,
    declaredRaw: intern(dep.declaredRaw),
    declaredBlocked: dep.declaredBlocked,
    optional: dep.optional,
    note: intern(dep.note),
    line,
  });
}

export function startBlocker(state: ReaderState, raw: string, line: number, indent: number, resolved: boolean): void {
  const { result } = state;
  const text = raw.trim() === '' || findPlaceholder(raw, true, null) !== null ? null : plain(raw);
  if (text === null || isNonePlain(state.pipeline, text)) {
    state.blockerEntry = { blocker: null, indent };
    return;
  }
  const { text: blockerText, issue, resolvedOn } = readBlockerText(text);
  const transition = transitionSection(state)?.transition;
  const blocker: Blocker = {
    text: intern(blockerText),
    issue: issue === null ? null : intern(issue),
    type: null,
    severity: null,
    targetStage: transition?.to ?? null,
    status: resolved || resolvedOn !== null ? 'resolved' : 'open',
    resolvedOn,
    line,
  };
  result.blockers.push(blocker);
  state.blockerEntry = { blocker, indent };
}

export function addHistory(state: ReaderState, raw: string, line: number, section: Section): void {
  const { result, pipeline } = state;
  const entry = readHistory(pipeline, raw, section.demotions);
  if (!entry) return;
  result.history.push({ date: entry.date, kind: entry.kind, from: entry.from, to: entry.to, issue: entry.issue, text: intern(entry.text), line });
}

export function readProseStage(state: ReaderState, content: string, line: number): void {
  const { result, pipeline } = state;
  if (result.proseStage !== null) return;
  if (!PROMOTED_TO.test(content)) return;
  const at = content.toLowerCase().indexOf('promoted to ');
  if (at === -1) return;
  const after = visibleText(content.slice(at + 'promoted to '.length)).toLowerCase().replace(/^the\s+/, '');
  const stage = leadingStage(pipeline, after);
  if (stage) {
    result.proseStage = {
      id: stage.id,
      raw: intern(visibleText(content).slice(0, 160)),
      qualifier: '',
      headingFor: null,
      blocked: false,
      promotionInProgress: false,
      source: 'prose',
      line,
    };
  }
}
