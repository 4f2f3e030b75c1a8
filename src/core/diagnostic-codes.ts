// Every diagnostic code the core can report, in the order SARIF rules and the catalogue list them.

/** Every diagnostic code, once: settings, SARIF rules and the catalogue are checked against it. */
export const DIAGNOSTIC_CODES = [
  'frontmatter-invalid',
  'stage-missing',
  'stage-unknown',
  'stage-conflict',
  'status-count-mismatch',
  'status-line-repeated',
  'stage-criteria-unmet',
  'checkbox-mark-conflict',
  'template-placeholder',
  'date-invalid',
  'comment-unclosed',
  'stale',
  'dependency-unresolved',
  'dependency-ambiguous',
  'dependency-stage-mismatch',
  'dependency-self',
  'stage-inversion',
  'dependency-cycle',
  'duplicate-name',
  'file-unreadable',
  // Readiness rules: evidence in the note against the boxes it checks.
  'criterion-contradicted',
  'sla-breach',
  'security-critical',
  'observation-incomplete',
  'placeholder-evidence',
  // What a Logseq file graph reads differently from the note's text (src/core/logseq-diagnostics.ts).
  'logseq-frontmatter-dropped',
  'logseq-tags-mangled',
  'logseq-hash-tags',
  'logseq-property-key',
  'logseq-page-name',
  'logseq-checkbox-text',
] as const;

export type DiagnosticCode = (typeof DIAGNOSTIC_CODES)[number];
