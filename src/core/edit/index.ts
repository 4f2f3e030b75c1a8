// Edits over note text: pure functions, no I/O. Callers read the note, call these, and write the
// returned text only when `changes` is non-empty.
export { fixStatusCounts, type StatusCountOptions, type StatusCountResult } from './status-counts';
export {
  planPromotion,
  promote,
  type DependencyContext,
  type PromotionOptions,
  type PromotionPlan,
  type PromotionProblem,
  type PromotionProblemCode,
  type PromotionResult,
  type ProblemLevel,
} from './promote';
export { dependencyContext } from './context';
export { splitLines, joinLines, type Change, type EditResult, type LineDocument, type LineEnding } from './lines';
export {
  linkDependencies,
  type DependencyLinkContext,
  type DependencyResolution,
  type LinkEditResult,
  type LinkedDependency,
  type LinkSkipReason,
  type LinkStyle,
  type SkippedDependency,
} from './link-dependencies';
export { indexResolution, logseqLinkTargets, logseqPageName, obsidianLinkTargets } from './link-targets';
