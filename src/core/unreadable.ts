// Files a host could not read — too large, binary, not UTF-8, a read error — as `file-unreadable`
// diagnostics about the vault, so every output (scan, lint, SARIF, the views) says what was left out.
import type { Diagnostic } from './model';
import type { MaturityConfig } from './settings/index';
import { applySeverity } from './component-view';

/**
 * Notes larger than this are not read: a real maturity note is tens of KB, and the parser, though
 * linear, would hold the host for seconds on one. Hosts check the size before reading when they can.
 */
export const MAX_NOTE_BYTES = 64 * 1024 * 1024;

export function tooLargeReason(size: number): string {
  return `larger than ${MAX_NOTE_BYTES / 1024 / 1024} MB (${Math.ceil(size / 1024 / 1024)} MB)`;
}

/** One diagnostic per unreadable file, in path order, severity overrides applied. */
export function unreadableDiagnostics(unreadable: ReadonlyMap<string, string>, config: MaturityConfig): Diagnostic[] {
  const paths = [...unreadable.keys()].sort();
  return applySeverity(
    paths.map((path) => ({
      code: 'file-unreadable' as const,
      severity: 'warning' as const,
      message: `${path} was not read: ${unreadable.get(path)}.`,
      related: [path],
    })),
    config.severity,
  );
}
