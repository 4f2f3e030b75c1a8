// Queries by stage, tag, owner, group, blockers, staleness and text, with validated options.
import { describe, expect, it } from 'vitest';
import { createIndex, parseQueryLines, parseQueryOptions, runQuery } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';

const index = loadFolder(EXAMPLE_VAULT);
const names = (raw: Record<string, unknown>) => {
  const parsed = parseQueryOptions(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return runQuery(index, parsed.query).map((c) => c.name);
};

describe('queries', () => {
  it('filters by stage (names and aliases) and sorts by name', () => {
    expect(names({ stage: 'production' })).toEqual(['Auth Gateway', 'Customs Filing', 'Media Pipeline', 'Session Store']);
    expect(names({ stage: 'prod, dev' })).toHaveLength(9);
  });

  it('filters by tag, owner, group, blocked, stale and text', () => {
    expect(names({ tag: 'storage' })).toEqual(['Session Store']);
    expect(names({ owner: 'payments' })).toEqual(['Billing Engine', 'Ledger']);
    expect(names({ blocked: 'true' })).toEqual(['Ledger']);
    expect(names({ stale: true })).toEqual(['Report Builder']);
    expect(names({ text: 'cache' })).toEqual(['Edge Cache']);
    expect(names({ errors: 'yes', stage: 'staging' })).toEqual(['Billing Engine', 'Dock Scheduler', 'Feature Flags', 'Notification Hub', 'Rate Quoter']);
  });

  it('sorts and limits', () => {
    expect(names({ stage: 'staging', sort: 'progress', order: 'desc', limit: '2' })).toEqual(['Carrier Directory', 'Config Service']);
  });

  it('orders names numerically and case-blind, the same in the index, name sorts and reverse sorts', () => {
    const small = createIndex({ today: '2026-11-24' });
    for (const name of ['Worker 10', 'worker 2', 'Alpha', 'Worker 1', 'beta']) {
      small.upsert(`${name}.md`, `---\ntags: [maturity]\n---\n# ${name}\n\n**Current Stage**: Staging\n`);
    }
    const expected = ['Alpha', 'beta', 'Worker 1', 'worker 2', 'Worker 10'];
    expect(small.ids().map((id) => small.component(id)!.name)).toEqual(expected);
    expect(runQuery(small, { stage: ['staging'] }).map((c) => c.name)).toEqual(expected);
    expect(runQuery(small, { sort: 'name', order: 'desc' }).map((c) => c.name)).toEqual([...expected].reverse());
    // Another sort key keeps name order between equals.
    expect(runQuery(small, { sort: 'stage' }).map((c) => c.name)).toEqual(expected);
    expect(runQuery(small, { sort: 'name', limit: 2 }).map((c) => c.name)).toEqual(['Alpha', 'beta']);
    // A stage edit moves the component between the per-stage lists at once.
    small.upsert('beta.md', '---\ntags: [maturity]\n---\n# beta\n\n**Current Stage**: Production\n');
    expect(runQuery(small, { stage: ['staging'] }).map((c) => c.name)).toEqual(['Alpha', 'Worker 1', 'worker 2', 'Worker 10']);
    expect(runQuery(small, { stage: ['production'] }).map((c) => c.name)).toEqual(['beta']);
    expect(runQuery(small, { stage: ['production', 'staging'] }).map((c) => c.name)).toEqual(expected);
    expect(small.idsAtStageByName('staging')).toEqual(runQuery(small, { stage: ['staging'] }).map((c) => c.id));
    small.remove('Alpha.md');
    expect(small.idsAtStageByName('staging').map((id) => small.component(id)!.name)).toEqual(['Worker 1', 'worker 2', 'Worker 10']);
  });

  it('reads code-block lines and explains bad options', () => {
    expect(parseQueryLines('stage: staging\n# a comment\nview: board\nblocked=false')).toEqual({ stage: 'staging', view: 'board', blocked: 'false' });
    const bad = parseQueryOptions({ stage: 'staging', view: 'pie', colour: 'red', limit: 'ten' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors.join('\n')).toMatch(/Unknown option "colour"/);
      expect(bad.errors.join('\n')).toMatch(/view/);
      expect(bad.errors.join('\n')).toMatch(/limit/);
    }
  });
});
