// The documented JSON (docs/json.md): when a component counts as blocked, which blockers are open,
// and the scan's summary counted from the same components it lists.
import { describe, expect, it } from 'vitest';
import { componentToJSON, createIndex, isBlocked, openBlockers, scanToJSON } from '../../src/core/index';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';

function widget(stageLine: string, blockers: string[]): string {
  return [
    '# Widget Maturity Status',
    '',
    `**Current Stage**: ${stageLine}`,
    '**Owner**: team',
    '',
    '## Dependencies',
    '',
    'None (foundational component)',
    '',
    '## Current Blockers',
    '',
    '### Active Blockers',
    '',
    ...blockers,
  ].join('\n');
}

/** One active blocker with the given severity and target stage (either may be left out). */
function blocker(severity: string | null, target: string | null, issue = 1): string {
  const lines = [`${issue}. **Issue #${issue}**: Something in the way`];
  if (severity) lines.push(`   - **Severity**: ${severity}`);
  if (target) lines.push(`   - **Target Stage**: ${target}`);
  return lines.join('\n');
}

const RESOLVED = '\n### Resolved Blockers\n\n1. **Issue #9**: Fixed long ago (Resolved: 2026-10-15)';

describe('blocked and open blockers', () => {
  it.each([
    // stage line, blockers, blocked, open blockers
    ['Staging', [], false, 0],
    ['Staging (BLOCKED - waiting on a migration)', [], true, 0],
    ['Staging', [blocker('Critical', null)], true, 1],
    ['Staging', [blocker('Critical', 'Production')], true, 1],
    ['Staging', [blocker('Critical', 'Staging')], false, 1],
    ['Staging', [blocker('Critical', 'Development')], false, 1],
    ['Staging', [blocker('High', 'Production')], false, 1],
    ['Staging', [blocker(null, null)], false, 1],
    ['Staging', [blocker('High', null, 1), blocker('Medium', null, 2)], false, 2],
    ['Staging', [RESOLVED], false, 0],
    ['Development', [blocker('Critical', 'Staging'), RESOLVED], true, 1],
  ] as const)('%s with %j: blocked %s, %i open', (stageLine, blockers, blocked, open) => {
    const index = createIndex({ today: TODAY });
    index.upsert('Widget.md', widget(stageLine, [...blockers]));
    const component = index.component('Widget.md')!;
    expect(isBlocked(component, index)).toBe(blocked);
    expect(openBlockers(component)).toHaveLength(open);
    const json = componentToJSON(component, index);
    expect(json.blocked).toBe(blocked);
    expect(json.openBlockers).toBe(open);
    expect(json.blockers.filter((b) => b.status !== 'resolved')).toHaveLength(open);
  });
});

describe('componentToJSON', () => {
  it('says what a note says, each fact with its line, and the links resolved both ways', () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const ledger = index.components().find((c) => c.name === 'Ledger')!;
    const json = componentToJSON(ledger, index);
    expect(json).toMatchObject({ id: ledger.id, name: 'Ledger', stage: 'development', blocked: true });
    expect(json.stageNote).toMatch(/BLOCKED/);
    expect(json.blockers.map((b) => [b.issue, b.severity, b.targetStage, b.status])).toEqual(
      expect.arrayContaining([
        ['#212', 'high', 'staging', 'in-progress'],
        ['#220', 'critical', 'staging', 'open'],
        ['#198', null, null, 'resolved'],
      ]),
    );
    for (const d of json.dependencies.filter((d) => d.id !== null)) {
      expect(index.component(d.id!)!.dependents).toContain(ledger.id);
    }
    for (const t of json.transitions) expect(t.line).toBeGreaterThan(0);
    // Plain data: what JSON.stringify writes reads back the same.
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});

describe('scanToJSON', () => {
  it('counts the summary from the components it lists', () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const scan = scanToJSON(index, 'examples/vault');
    expect(scan).toMatchObject({ version: 1, root: 'examples/vault', today: TODAY });
    expect(scan.stages.map((s) => s.id)).toEqual(['development', 'staging', 'production']);
    expect(scan.summary.components).toBe(scan.components.length);
    const byStage: Record<string, number> = { development: 0, staging: 0, production: 0, unknown: 0 };
    for (const c of scan.components) byStage[c.stage ?? 'unknown']!++;
    expect(scan.summary.byStage).toEqual(byStage);
    const all = scan.components.flatMap((c) => c.diagnostics);
    expect(scan.summary.errors).toBe(all.filter((d) => d.severity === 'error').length);
    expect(scan.summary.warnings).toBe(all.filter((d) => d.severity === 'warning').length);
    expect(scan.summary.errors).toBeGreaterThan(0);
  });

  it('lists vault-wide diagnostics with the components they involve', () => {
    const index = createIndex({ today: TODAY });
    const note = (name: string, dep: string) => `# ${name} Maturity Status\n\n**Current Stage**: Staging\n**Owner**: team\n\n## Dependencies\n\n- ${dep} (Current Stage: Staging)\n`;
    index.upsert('A.md', note('A', 'B'));
    index.upsert('B.md', note('B', 'A'));
    const scan = scanToJSON(index, '.');
    expect(scan.diagnostics).toEqual([expect.objectContaining({ code: 'dependency-cycle', severity: 'error', components: ['A.md', 'B.md'] })]);
  });
});
