// The words notes use, as data: field labels (`**Current Stage**:`), front-matter keys, section
// headings, marks. This is the TTA template's vocabulary and the drift real notes show; settings
// add labels to any key (`"vocabulary": { "currentStage": ["Lifecycle"] }`), never remove one.
// vocabulary-compile.ts turns it into the lookups the reader uses.

/** One key of the vocabulary: where its words are looked for. */
export interface VocabularyEntry {
  /** Labels of `**Label**: value` and `Label: value` lines, matched case-insensitively. */
  readonly fields?: readonly string[];
  /** Front-matter and page-property keys (case, spaces and `_` do not matter). */
  readonly properties?: readonly string[];
  /** A heading holding one of these as whole words opens the section. */
  readonly headings?: readonly string[];
  /** A heading starting with one of these words opens the section. */
  readonly headingStarts?: readonly string[];
  /** A heading that is one of these (numbering, punctuation and the qualifier words aside). */
  readonly headingExact?: readonly string[];
  /** Marks or words a value or a table cell is read for. */
  readonly values?: readonly string[];
}

/** Qualifier words a dependency heading may add around its name ("Component Dependencies Graph"). */
export const HEADING_QUALIFIERS = ['component', 'upstream', 'runtime', 'service', 'internal', 'system'];
export const HEADING_SUFFIXES = ['graph', 'map', 'list'];

export const DEFAULT_VOCABULARY = {
  // The header fields.
  currentStage: {
    fields: ['Current Stage', 'Current Maturity Stage', 'Maturity Stage', 'Stage'],
    properties: ['current-stage', 'stage', 'maturity-stage', 'maturity'],
  },
  targetStage: { fields: ['Target Stage'] },
  lastUpdated: { fields: ['Last Updated', 'Last Update', 'Updated'], properties: ['last-updated', 'updated', 'last-modified', 'modified'] },
  owner: { fields: ['Owner', 'Owners', 'Component Owner'], properties: ['owner'] },
  group: { fields: ['Functional Group', 'Group'], properties: ['functional-group', 'group'] },
  priority: { fields: ['Priority'], properties: ['priority'] },
  // Promotion: `**Promotion Date**: …`, `**Promoted to Staging**: 2025-10-08`.
  promotionDate: { fields: ['Promotion Date'] },
  promotedTo: { fields: ['Promoted to'] },
  // Criteria: the status line, and the headings that name a stage's criteria ("Staging Criteria").
  statusLine: { fields: ['Status', 'Overall Status', 'Criteria Status', 'Criteria Met'] },
  transitionHeading: { headings: ['Criteria', 'Requirements', 'Gate', 'Gates', 'Readiness', 'Checklist'] },
  coverage: {
    fields: ['Current Coverage', 'Coverage', 'Test Coverage', 'Unit Test Coverage', 'Integration Test Coverage', 'Overall Coverage', 'Line Coverage', 'Final Coverage'],
    headings: ['Coverage', 'Test', 'Tests', 'Testing'],
  },
  /** Coverage labels that count only under a coverage heading (`- **Current**: 71%`). */
  sectionCoverage: { fields: ['Current'] },
  // Lists: dependencies, blockers, history.
  dependencies: {
    fields: ['Dependencies', 'Runtime Dependencies', 'Upstream Dependencies', 'Component Dependencies', 'Depends On'],
    headingExact: ['Dependencies', 'Dependency'],
  },
  ignoredDependencies: { fields: ['Downstream Dependencies', 'Development Dependencies', 'Dev Dependencies', 'External Dependencies', 'Test Dependencies', 'Used By', 'Dependents'] },
  noDependencies: { values: ['None', 'N/A', 'No dependencies', 'No external dependencies', 'Nothing'] },
  blockers: {
    fields: ['Blockers', 'Active Blockers', 'Blocking Issues', 'Current Blockers', 'Known Blockers'],
    headings: ['Blocker', 'Blockers', 'Blocking Issues'],
  },
  resolvedBlockers: { fields: ['Blockers Resolved', 'Resolved Blockers'], headings: ['Resolved Blockers', 'Blockers Resolved'] },
  blockerType: { fields: ['Type'] },
  blockerSeverity: { fields: ['Severity'] },
  blockerResolved: { fields: ['Resolved'] },
  /** Read under a blocker entry only (`- **Resolution**: …` is the blocker's own note). */
  blockerResolution: { fields: ['Resolution'] },
  history: {
    headings: ['History', 'Promotion Request', 'Promotion Requests'],
    headingStarts: ['Promotion', 'Promotions', 'Demotion', 'Demotions'],
  },
  /** A history heading naming demotions: its entries are demotions. */
  demotions: { headings: ['Demotion', 'Demotions'] },
  // Performance and SLA.
  sla: { headings: ['SLA', 'Target', 'Targets', 'Objective', 'Objectives'] },
  currentPerformance: { headings: ['Current Performance', 'Performance (Current', 'Measured Performance', 'Observed Performance'] },
  performance: { headings: ['Performance'] },
  responseTime: { fields: ['Response Time', 'Latency'] },
  p50: { fields: ['p50'] },
  p95: { fields: ['p95'] },
  p99: { fields: ['p99'] },
  throughput: { fields: ['Throughput'] },
  uptime: { fields: ['Uptime', 'Availability'] },
  cpu: { fields: ['CPU'] },
  memory: { fields: ['Memory'] },
  errorRate: { fields: ['Error Rate'] },
  // Security.
  security: { headings: ['Security'] },
  securityScan: { fields: ['Security Scan Results', 'Security Scan', 'Scan Results'] },
  lastSecurityScan: { fields: ['Last Security Scan'] },
  securityReview: { fields: ['Security Review Status'] },
  critical: { fields: ['Critical'] },
  high: { fields: ['High'] },
  medium: { fields: ['Medium'] },
  low: { fields: ['Low'] },
  // Other checklists.
  documentation: { headings: ['Documentation', 'Docs'] },
  nextSteps: {
    headings: ['Next Steps', 'Roadmap', 'Action Items', 'Todo', 'To-do', 'Short-term', 'Medium-term', 'Long-term', 'Follow-up', 'Follow-ups', 'Followup', 'Followups'],
  },
  // Marks after a criterion, and the words a criteria table's status cell is read for.
  passMarks: { values: ['✅', '✔', '☑', '🟢'] },
  failMarks: { values: ['❌', '✗', '✖', '⛔', '🔴', '🚫'] },
  warnMarks: { values: ['⚠', '🟡', '🔄', '⏳', '🚧'] },
  passCells: { values: ['✅', '✔', 'PASS', 'PASSED', 'MET'] },
  failCells: { values: ['❌', '🔄', '⚠', '✗', 'FAIL', 'FAILED', 'PENDING', 'NOT MET'] },
} as const satisfies Record<string, VocabularyEntry>;

export type VocabularyKey = keyof typeof DEFAULT_VOCABULARY;

export const VOCABULARY_KEYS = Object.keys(DEFAULT_VOCABULARY) as VocabularyKey[];

/** What settings add: more words for any key. */
export type VocabularySettings = Partial<Record<VocabularyKey, readonly string[]>>;
