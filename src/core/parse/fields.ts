// `**Key**: value` lines in all the forms people write them.
import { collapse } from '../text';

export interface Field {
  /** Lower-case key without decoration, e.g. "current stage". */
  key: string;
  /** The value as written after the separator (may still hold Markdown). */
  value: string;
}

/**
 * Read a field from a line: `**Key**: value`, `**Key:** value`, `__Key__: value`,
 * `**Key** (note): value`; with `plainKeys`, also `Key: value` for short keys.
 */
export function readField(text: string, plainKeys: boolean): Field | null {
  let s = text;
  // Leading emoji or status marks before the key: "✅ **Status**: …".
  if (s.charCodeAt(0) > 127) s = s.replace(/^[^\w*_]+\s*/u, '');
  const c0 = s.charCodeAt(0);
  if ((c0 === 42 && s.charCodeAt(1) === 42) || (c0 === 95 && s.charCodeAt(1) === 95)) {
    const marker = s.slice(0, 2);
    const close = s.indexOf(marker, 2);
    if (close === -1 || close > 120) return null;
    let key = s.slice(2, close).trim();
    let rest = s.slice(close + 2);
    if (key.endsWith(':')) {
      key = key.slice(0, -1).trim();
    } else {
      // `**Key** (bandit):` or `**Key**:` — the colon follows the bold part.
      const m = /^\s*(?:\([^)]{0,60}\)\s*)?:/.exec(rest);
      if (!m) return null;
      rest = rest.slice(m[0].length);
    }
    if (key === '' || key.includes('**')) return null;
    return { key: normaliseKey(key), value: rest.trim() };
  }
  if (!plainKeys) return null;
  const colon = s.indexOf(':');
  if (colon <= 0 || colon > 40) return null;
  const key = s.slice(0, colon);
  if (!/^[A-Za-z][A-Za-z0-9 ()/-]*$/.test(key)) return null;
  if (s.charCodeAt(colon + 1) === 58) return null; // `key:: value` is a Logseq property, not a field
  return { key: normaliseKey(key), value: s.slice(colon + 1).trim() };
}

function normaliseKey(key: string): string {
  return collapse(key.replace(/[*_`]/g, '')).toLowerCase();
}

export type FieldKind =
  | 'stage'
  | 'target-stage'
  | 'last-updated'
  | 'owner'
  | 'group'
  | 'priority'
  | 'promoted-to'
  | 'promotion-date'
  | 'status'
  | 'coverage'
  | 'dependencies'
  | 'ignored-dependencies'
  | 'blockers'
  | 'resolved-blockers'
  | 'security-results'
  | 'security-last-scan'
  | 'security-review'
  | 'severity-count'
  | 'response-time'
  | 'metric'
  | 'blocker-type'
  | 'blocker-severity'
  | 'blocker-status'
  | 'resolved-on';

const KINDS = new Map<string, FieldKind>([
  ['current stage', 'stage'],
  ['current maturity stage', 'stage'],
  ['maturity stage', 'stage'],
  ['stage', 'stage'],
  ['target stage', 'target-stage'],
  ['last updated', 'last-updated'],
  ['last update', 'last-updated'],
  ['updated', 'last-updated'],
  ['owner', 'owner'],
  ['owners', 'owner'],
  ['component owner', 'owner'],
  ['functional group', 'group'],
  ['group', 'group'],
  ['priority', 'priority'],
  ['promotion date', 'promotion-date'],
  ['status', 'status'],
  ['overall status', 'status'],
  ['criteria status', 'status'],
  ['criteria met', 'status'],
  ['current coverage', 'coverage'],
  ['coverage', 'coverage'],
  ['test coverage', 'coverage'],
  ['unit test coverage', 'coverage'],
  ['integration test coverage', 'coverage'],
  ['overall coverage', 'coverage'],
  ['line coverage', 'coverage'],
  ['final coverage', 'coverage'],
  ['current', 'coverage'],
  ['dependencies', 'dependencies'],
  ['runtime dependencies', 'dependencies'],
  ['upstream dependencies', 'dependencies'],
  ['component dependencies', 'dependencies'],
  ['depends on', 'dependencies'],
  ['downstream dependencies', 'ignored-dependencies'],
  ['development dependencies', 'ignored-dependencies'],
  ['dev dependencies', 'ignored-dependencies'],
  ['external dependencies', 'ignored-dependencies'],
  ['test dependencies', 'ignored-dependencies'],
  ['used by', 'ignored-dependencies'],
  ['dependents', 'ignored-dependencies'],
  ['blockers', 'blockers'],
  ['active blockers', 'blockers'],
  ['blocking issues', 'blockers'],
  ['current blockers', 'blockers'],
  ['known blockers', 'blockers'],
  ['blockers resolved', 'resolved-blockers'],
  ['resolved blockers', 'resolved-blockers'],
  ['security scan results', 'security-results'],
  ['security scan', 'security-results'],
  ['scan results', 'security-results'],
  ['last security scan', 'security-last-scan'],
  ['security review status', 'security-review'],
  ['critical', 'severity-count'],
  ['high', 'severity-count'],
  ['medium', 'severity-count'],
  ['low', 'severity-count'],
  ['response time', 'response-time'],
  ['latency', 'response-time'],
  ['throughput', 'metric'],
  ['uptime', 'metric'],
  ['availability', 'metric'],
  ['cpu', 'metric'],
  ['memory', 'metric'],
  ['error rate', 'metric'],
  ['p50', 'metric'],
  ['p95', 'metric'],
  ['p99', 'metric'],
  ['type', 'blocker-type'],
  ['severity', 'blocker-severity'],
  ['resolved', 'resolved-on'],
]);

export function fieldKind(key: string): FieldKind | null {
  const kind = KINDS.get(key);
  if (kind) return kind;
  if (key.startsWith('promoted to ')) return 'promoted-to';
  return null;
}

// Hook for the first look (src/core/first-look.ts), which must search for every label it needs.
/** The field labels of one kind ("current stage", "stage", … for `stage`). */
export function fieldLabels(kind: FieldKind): string[] {
  return [...KINDS].filter(([, k]) => k === kind).map(([label]) => label);
}
