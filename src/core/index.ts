// The core's public API: pure TypeScript, no host, no DOM, no Node built-ins.
export * from './model';
export * from './settings/index';
export { createPipeline, parseStageValue, parseTransitionHeading, stageName, compareStages, type Pipeline } from './stages';
export { parseNote, effectiveTransitions, transitionName } from './parse/note';
export { identify, classify, cleanComponentName, pageNameFromPath, type ComponentReason } from './identity';
export { createIndex, prepareNote, type MaturityIndex, type IndexChange, type IndexEntry, type IndexOptions } from './vault-index';
export { findCycles, closure, invert } from './graph';
export { compareNames } from './text';
export * from './query';
export * from './serialize';
export * from './logseq-reading';
export { logseqDiagnostics, type LogseqDiagnosticOptions } from './logseq-diagnostics';
export * from './snapshot';
export * from './graph-model';
export * from './edit/index';
export * from './readiness/index';
