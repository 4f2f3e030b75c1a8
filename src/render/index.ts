// The shared views: DOM only, no host API. Hosts build a ViewContext and call these.
export { contextFromIndex, contextFromSnapshot, type CardSection, type ViewContext, type ViewHost } from './context';
export { renderStageBadge, renderStageTag, renderFlag, type BadgeOptions } from './badge';
export { renderCriteriaProgress, renderBar, nextStage, nextTransition, shownTransitions, claimMismatch, transitionLabel } from './progress';
export { renderComponentCard, renderCardHead, cardSectionGroups, renderDependencyStrip, renderNoteHeader, renderDiagnostic, renderUpdated, type CardOptions } from './card';
export { renderTable, tableCell, renderNextProgress, sortByColumn, sortIdsByColumn, DEFAULT_COLUMNS, type TableColumn, type TableOptions, type SortOrder } from './table';
export { renderList, renderBoard, type BoardOptions } from './board';
export { renderTimeline, type TimelineOptions } from './timeline';
export { renderReadiness, renderReadyMark, sortByReadiness, READINESS_COLUMN } from './readiness';
export { renderQueryResults, type QueryView, type QueryResultOptions } from './query';
export { renderGraph, renderLegend, type GraphOptions, type GraphView } from './graph/view';
export { layoutGraph, type LayoutResult } from './graph/layout';
export { renderComponentLink, bindOpen } from './link';
export { componentFlags, stageInfo, type Flag, type FlagKind, type StageInfo } from './stage';
export { relativeDate } from './time';
export { renderDashboard, type DashboardOptions, type DashboardTab, type DashboardView } from './dashboard/dashboard';
export { createLayoutWorker, type LayoutWorker, type WorkerHost } from './graph/layout-worker';
export type { GraphLayouter, LayoutRequest } from './graph/layout-request';
