// What `lint` reports, as plain findings: every component diagnostic and every vault-wide one,
// each tied to the note it is about, in a stable order, with the exit-code policy beside it.
import type { DiagnosticCode, MaturityIndex, Severity } from '../../core/index';

export interface LintFinding {
  /** The note the finding is about (vault-relative id), or null for one with no note. */
  file: string | null;
  /** 1-based line in the note, when known. */
  line?: number;
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  /** Other notes involved (cycle members, duplicates), vault-relative ids. */
  related: string[];
  /** A finding about the vault as a whole (a cycle), pinned to the first note involved. */
  vaultWide: boolean;
}

export const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
export type FailLevel = (typeof FAIL_LEVELS)[number];

const RANK: Record<Severity, number> = { info: 0, warning: 1, error: 2 };

/** Whether a finding of this severity makes `lint` exit 1 at this level. */
export function fails(severity: Severity, level: FailLevel): boolean {
  return level !== 'none' && RANK[severity] >= RANK[level];
}

export function collectFindings(index: MaturityIndex): LintFinding[] {
  const findings: LintFinding[] = [];
  // One view at a time, for this use only: the findings are what stays.
  for (const id of index.ids()) {
    const c = index.componentOnce(id)!;
    for (const d of c.diagnostics) {
      const finding: LintFinding = { file: c.id, code: d.code, severity: d.severity, message: d.message, related: d.related ?? [], vaultWide: false };
      if (d.line) finding.line = d.line;
      findings.push(finding);
    }
  }
  for (const d of index.vaultDiagnostics()) {
    // A vault-wide finding (a cycle) is pinned to the first note involved, so CI can show it.
    const related = d.related ?? [];
    findings.push({ file: related[0] ?? null, code: d.code, severity: d.severity, message: d.message, related, vaultWide: true });
  }
  return findings;
}
