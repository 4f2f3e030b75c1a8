// `lint --format sarif`: a SARIF 2.1.0 log for code scanning. One rule per diagnostic code (from
// the core's catalogue, with its help text and the configured severity), one result per finding
// with a physical location relative to the repository root (%SRCROOT%), percent-encoded.
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import { DIAGNOSTIC_CATALOGUE, DIAGNOSTIC_CODES } from '../../core/diagnostic-catalogue';
import type { DiagnosticCode, MaturityConfig, Severity } from '../../core/index';
import { VERSION } from '../version';
import type { LintFinding } from './findings';

export const SARIF_SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** Absolute path of the repository root the URIs are relative to. */
  repositoryRoot: string;
  /** The finding's note as a `/`-separated path relative to the repository root. */
  pathOf(id: string): string;
  /** Severity overrides from settings: a rule's default level follows them; `off` disables it. */
  severity: MaturityConfig['severity'];
  /** Files that were skipped, reported as tool notifications. */
  skipped?: ReadonlyArray<{ path: string; reason: string }>;
}

/** A relative path as a URI reference: every segment percent-encoded (spaces, `%`, `#`, `?`). */
export function pathToUriReference(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/**
 * The rule's readable name, which SARIF wants to differ from the id and to be one Pascal-case
 * identifier: the title's words capitalised, articles dropped ("No current stage" → NoCurrentStage).
 */
function ruleName(title: string): string {
  return title
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word && !/^(a|an|the)$/i.test(word))
    .map((word) => word[0]!.toUpperCase() + word.slice(1).toLowerCase())
    .join('');
}

function rule(code: DiagnosticCode, severity: MaturityConfig['severity']): Sarif.ReportingDescriptor {
  const entry = DIAGNOSTIC_CATALOGUE[code];
  const override = severity[code];
  return {
    id: code,
    name: ruleName(entry.title),
    shortDescription: { text: `${entry.title}.` },
    fullDescription: { text: entry.summary },
    help: { text: `${entry.summary} ${entry.help}`, markdown: `${entry.summary}\n\n${entry.help}` },
    defaultConfiguration: override === 'off' ? { enabled: false, level: LEVEL[entry.defaultSeverity] } : { level: LEVEL[override ?? entry.defaultSeverity] },
  };
}

/** A note, at a line or (a finding about the whole note) from its first line. */
function location(path: string, line: number | undefined): Sarif.Location {
  return { physicalLocation: { artifactLocation: { uri: pathToUriReference(path), uriBaseId: SRCROOT }, region: { startLine: line ?? 1 } } };
}

/** Stable across runs while the finding stays the same, so code scanning can follow it. */
function fingerprint(finding: LintFinding, path: string): string {
  return createHash('sha256').update(`${finding.code}\u0000${path}\u0000${finding.message}`).digest('hex').slice(0, 32);
}

function result(finding: LintFinding, options: SarifOptions): Sarif.Result {
  const out: Sarif.Result = {
    ruleId: finding.code,
    ruleIndex: DIAGNOSTIC_CODES.indexOf(finding.code),
    level: LEVEL[finding.severity],
    message: { text: finding.message },
  };
  if (finding.file !== null) {
    const path = options.pathOf(finding.file);
    out.locations = [location(path, finding.line)];
    out.partialFingerprints = { 'maturityMapFinding/v1': fingerprint(finding, path) };
  }
  const others = finding.related.filter((id) => id !== finding.file);
  if (others.length > 0) {
    out.relatedLocations = others.map((id, i) => ({ id: i, ...location(options.pathOf(id), undefined), message: { text: 'Also involved.' } }));
  }
  return out;
}

export function toSarif(findings: readonly LintFinding[], options: SarifOptions): Sarif.Log {
  const notifications: Sarif.Notification[] = (options.skipped ?? []).map((s) => ({
    level: 'warning',
    message: { text: `Skipped ${s.path}: ${s.reason}.` },
    locations: [location(options.pathOf(s.path), undefined)],
  }));
  const root = pathToFileURL(options.repositoryRoot.endsWith('/') ? options.repositoryRoot : `${options.repositoryRoot}/`).href;
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'Maturity Map',
            semanticVersion: VERSION,
            rules: DIAGNOSTIC_CODES.map((code) => rule(code, options.severity)),
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: root } },
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
        // Files that were not read are notifications (SARIF's place for what the tool could not
        // analyse), not file-unreadable results on a file code scanning cannot show.
        results: findings.filter((f) => f.code !== 'file-unreadable').map((f) => result(f, options)),
      },
    ],
  };
}
