// `lint --format github`: one GitHub Actions workflow command per finding, so each lands as an
// annotation on the note's line in a pull request. Note text first goes through the CLI's one
// sanitiser (control characters shown as escapes: the log viewer renders escape sequences), then
// the runner's escaping: in the message `%`, CR and LF are percent-encoded; in properties also `:` and `,`.
import type { Severity } from '../../core/index';
import { visible } from '../terminal';
import type { LintFinding } from './findings';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

/** Text after the `::` that ends the command's properties. */
export function escapeCommandData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A property value (`file=…`, `title=…`): the data escapes plus `:` and `,`, which end or split properties. */
export function escapeCommandProperty(text: string): string {
  return escapeCommandData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export interface GithubOptions {
  /** The finding's note as a path relative to the repository root. */
  pathOf(id: string): string;
}

export function githubCommand(finding: LintFinding, options: GithubOptions): string {
  const properties: string[] = [];
  if (finding.file !== null) {
    // CR and LF in a path are percent-encoded first, which the runner decodes: the annotation still
    // lands on that file. Any other control character is shown as an escape (it must not reach the log).
    properties.push(`file=${visible(escapeCommandProperty(options.pathOf(finding.file)))}`);
    if (finding.line) properties.push(`line=${finding.line}`);
  }
  properties.push(`title=${escapeCommandProperty(finding.code)}`);
  return `::${COMMAND[finding.severity]} ${properties.join(',')}::${escapeCommandData(visible(finding.message))}`;
}

export function toGithubCommands(findings: readonly LintFinding[], options: GithubOptions): string {
  return findings.map((f) => `${githubCommand(f, options)}\n`).join('');
}
