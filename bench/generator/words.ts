// Vocabulary for generated notes: component names, groups, owners, criteria and prose.
import type { Random } from './random';

export const NAME_FIRST = [
  'Billing', 'Ledger', 'Auth', 'Session', 'Config', 'Search', 'Media', 'Report', 'Audit', 'Payment',
  'Invoice', 'Routing', 'Tracking', 'Inventory', 'Pricing', 'Catalog', 'Quote', 'Customs', 'Carrier',
  'Dispatch', 'Fleet', 'Warehouse', 'Notification', 'Consent', 'Identity', 'Token', 'Rate', 'Geo',
  'Address', 'Label', 'Manifest', 'Claims', 'Returns', 'Forecast', 'Telemetry', 'Metrics', 'Trace',
  'Archive', 'Document', 'Signature', 'Webhook', 'Schema', 'Event', 'Queue', 'Cache', 'Graph',
  'Narrative', 'Dialogue', 'Player', 'Character', 'World', 'Lore', 'Memory', 'Prompt', 'Model',
  'Embedding', 'Vector', 'Feature', 'Experiment', 'Tenant', 'Quota', 'Secrets', 'Backup', 'Replica',
];

export const NAME_SECOND = [
  'Engine', 'Service', 'Gateway', 'Store', 'Indexer', 'Pipeline', 'Builder', 'Router', 'Broker',
  'Scheduler', 'Resolver', 'Tracker', 'Registry', 'Validator', 'Orchestrator', 'Adapter', 'Bridge',
  'Monitor', 'Collector', 'Exporter', 'Importer', 'Renderer', 'Planner', 'Optimizer', 'Matcher',
  'Normalizer', 'Ingestor', 'Sync', 'Hub', 'Proxy', 'Worker', 'Controller', 'Manager', 'Loader',
  'Cache', 'Ledger', 'Vault', 'Relay', 'Watcher', 'Compiler',
];

export const GROUPS = [
  'Core Platform', 'Payments', 'Operations', 'Infrastructure', 'Data', 'Messaging', 'Identity',
  'Customer Experience', 'Analytics', 'Therapeutic Content', 'Narrative Systems', 'Machine Learning',
];

export const OWNERS = [
  'platform-team', 'payments-squad', 'storage-team', 'media-team', 'analytics-guild', '@mara.lind',
  '@eitan.k', 'theinterneti', 'ops-crew', 'data-platform', 'ml-infra', 'identity-team', 'edge-team',
];

export const DEV_TO_STAGING = [
  'Core features complete (80%+ of planned functionality)',
  'Unit tests passing (≥70% coverage)',
  'API documented, no planned breaking changes',
  'Passes linting (ruff), type checking (pyright), security scan (bandit)',
  'Component README with usage examples',
  'All dependencies identified and stable',
  'Successfully integrates with dependent components in dev environment',
];

export const STAGING_TO_PRODUCTION = [
  'Integration tests passing (≥80% coverage)',
  'Performance validated (meets defined SLAs)',
  'Security review completed, no critical vulnerabilities',
  '7-day uptime in staging ≥99.5%',
  'Complete user documentation, API reference, troubleshooting guide',
  'Health checks, metrics, alerts configured',
  'Rollback procedure documented and tested',
  'Handles expected production load (if applicable)',
];

export const FEATURES = [
  'Bulk import with resumable batches', 'Per-tenant rate limits', 'Structured audit log of every change',
  'Idempotent retries with exponential backoff', 'Read replicas for reporting queries',
  'Schema validation at the edge', 'Webhook fan-out with signed payloads', 'Soft deletes with a 30-day undo',
  'Multi-region failover', 'Hot reload of configuration', 'Streaming export to the data lake',
  'Role-based access checks', 'Cursor pagination on every list endpoint', 'Back-pressure on slow consumers',
  'Dry-run mode for destructive operations', 'Time-zone aware scheduling', 'Pluggable storage backends',
];

export const BLOCKER_TEXTS = [
  'Integration tests need a real database instead of mocks', 'Load replay throttled by the provider sandbox',
  'Coverage on main is below the promotion gate', 'Schema migration still pending review',
  'Flaky end-to-end test on the checkout path', 'Security finding in a transitive dependency',
  'Observation window restarted after a redeploy', 'Alert thresholds not agreed with on-call',
  'Retry policy ignores the Retry-After header', 'Runbook missing for the failover drill',
];

const SUBJECTS = ['The team', 'On-call', 'The nightly job', 'The staging cluster', 'This service', 'The migration', 'The load test', 'Our dashboard', 'The review'];
const VERBS = ['confirmed', 'showed', 'flagged', 'measured', 'reported', 'documented', 'scheduled', 'postponed', 'reproduced', 'fixed'];
const OBJECTS = [
  'a latency spike during the nightly batch', 'the retry storm from last week', 'stable error rates over the window',
  'the connection pool limit', 'a memory leak in the export worker', 'the slow query on the reporting path',
  'the certificate rotation', 'the failover drill', 'duplicate events after a deploy', 'the cold-start penalty',
];
const TAILS = ['before the next release.', 'and opened a follow-up issue.', 'with no customer impact.', 'after the config change.', 'in the shared channel.', 'pending a second review.', 'as expected.', 'within the agreed budget.'];

/** A sentence of plausible prose; `names` are linked or mentioned now and then. */
export function sentence(random: Random, names: readonly string[]): string {
  let s = `${random.pick(SUBJECTS)} ${random.pick(VERBS)} ${random.pick(OBJECTS)} ${random.pick(TAILS)}`;
  if (names.length > 0 && random.chance(0.25)) {
    const other = random.pick(names);
    s = s.replace(/\.$/, random.chance(0.5) ? `; see [[${other}]].` : ` (coordinated with ${other}).`);
  }
  if (random.chance(0.1)) s += ` Tracked in #${random.int(10, 999)}.`;
  return s;
}

export function paragraph(random: Random, names: readonly string[], sentences: number): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) out.push(sentence(random, names));
  return out.join(' ');
}

export function slug(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');
}

export function isoDate(base: string, daysBefore: number): string {
  const d = new Date(`${base}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - daysBefore);
  return d.toISOString().slice(0, 10);
}
