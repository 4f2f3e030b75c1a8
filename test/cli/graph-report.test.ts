// `maturity-map graph` and `maturity-map report` on the example vault and on hostile names.
import { describe, expect, it } from 'vitest';
import { buildGraphModel } from '../../src/core/index';
import { dotString, mermaidText } from '../../src/cli/graph-format';
import { escapeMarkdown } from '../../src/core/markdown';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import { exampleCounts, HOSTILE, note, run, tempVault } from './run';

const N = exampleCounts();

const model = buildGraphModel(loadFolder(EXAMPLE_VAULT));
const hostileVault = tempVault({
  'a.md': note(HOSTILE, 'Production', ['Plain']),
  'b.md': note('Plain', 'Staging', [], '<img src=x onerror=alert(1)> team'),
});

describe('graph --format mermaid', () => {
  const out = run('graph', EXAMPLE_VAULT, '--today', TODAY);
  const lines = out.stdout.trimEnd().split('\n');

  it('declares every component once and every edge', () => {
    expect(out.code).toBe(0);
    expect(lines[0]).toBe('flowchart LR');
    expect(lines.filter((l) => /^ {2}n\d+\["/.test(l))).toHaveLength(model.nodes.length);
    expect(lines.filter((l) => /^ {2}n\d+ (-->|-\.->)(\|[^|]*\| )? ?n\d+$/.test(l))).toHaveLength(model.edges.length);
    // External dependencies after them (test/cli/graph-externals.test.ts).
    expect(lines.filter((l) => /^ {2}n\d+ -\.-> x\d+$/.test(l))).toHaveLength(model.externalEdges.length);
    const id = (name: string) => /^ {2}(n\d+)\[/.exec(lines.find((l) => l.includes(`["${name} ·`))!)![1];
    expect(lines).toContain(`  ${id('Experiment Tracker')} -->|cycle| ${id('Feature Flags')}`);
    expect(lines).toContain(`  ${id('Feature Flags')} -->|cycle| ${id('Experiment Tracker')}`);
    expect(out.stdout).toContain('["Ledger · Development · blocked"]');
  });

  it('styles cycle and inversion edges by their position', () => {
    const edges = lines.filter((l) => /^ {2}n\d+ (-->|-\.->)/.test(l) && !/ x\d+$/.test(l));
    const cycle = edges.findIndex((l) => l.includes('|cycle|'));
    expect(lines).toContain(`  linkStyle ${cycle} stroke:#dc2626,stroke-width:2px,stroke-dasharray:6 4`);
    const inversion = edges.findIndex((l) => l.includes('|stage inversion|'));
    expect(lines).toContain(`  linkStyle ${inversion} stroke:#d97706,stroke-width:2px,stroke-dasharray:2 4`);
    expect(lines).toContain('  classDef stage_production stroke:#16a34a,stroke-width:2px');
  });

  it('keeps markup and syntax in names inside the label', () => {
    expect(out.stdout).toContain('["#60;img src#61;x onerror#61;alert(\'xss-name\')#62; Status Widget · Development"]');
    const hostile = run('graph', hostileVault, '--today', TODAY).stdout;
    const nodeLines = hostile.split('\n').filter((l) => l.startsWith('  n') && l.includes('['));
    expect(nodeLines).toHaveLength(2);
    for (const line of nodeLines) expect(line).toMatch(/^ {2}n\d+\["[^"<>[\]`|\\]*"\]$/);
    expect(hostile).not.toMatch(/^\s*click/m);
    expect(mermaidText('a"b<c>')).toBe('a#34;b#60;c#62;');
  });
});

describe('graph --format dot', () => {
  it('quotes and escapes every label', () => {
    const out = run('graph', hostileVault, '--format', 'dot', '--today', TODAY);
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n');
    expect(lines[0]).toBe('digraph "maturity-map" {');
    const evil = lines.find((l) => l.includes('Evil'))!;
    // Inside the label every quote is escaped and every backslash doubled.
    const label = /label="((?:[^"\\]|\\.)*)"/.exec(evil)![1]!;
    expect(label).toContain('\\"] --> n0; click n0 \\"javascript:alert(1)\\" \\\\N \\\\\\"');
    expect(evil).toMatch(/^ {2}n\d+ \[label="(?:[^"\\]|\\.)*", color="#16a34a", style="rounded,filled,bold", tooltip="a\.md"\];$/);
    expect(lines).toContain('  n0 -> n1 [color="#d97706", style=dotted, penwidth=2, label="stage inversion"];');
    expect(dotString('a\\"b\nc')).toBe('"a\\\\\\"b c"');
  });

  it('draws cycles and inversions with their own style and a label', () => {
    const out = run('graph', EXAMPLE_VAULT, '--format', 'dot', '--focus', 'Feature Flags', '--hops', '1', '--today', TODAY).stdout;
    expect(out).toMatch(/n\d+ -> n\d+ \[color="#dc2626", style=dashed, penwidth=2, label="cycle"\];/);
    expect(out).toMatch(/label="Feature Flags\\nStaging · 2 errors"/);
    expect(out.split('\n').filter((l) => /^ {2}n\d+ \[label=/.test(l))).toHaveLength(3);
  });
});

describe('graph --format json', () => {
  it('prints the graph model', () => {
    const json = JSON.parse(run('graph', EXAMPLE_VAULT, '--format', 'json', '--today', TODAY).stdout) as { nodes: unknown[]; edges: Array<{ cycle: boolean }>; cycles: string[][] };
    expect(json.nodes).toHaveLength(N.components);
    expect(json.edges).toHaveLength(N.edges);
    expect(json.edges.filter((e) => e.cycle)).toHaveLength(2);
    expect(json.cycles).toEqual([['Components/Experiment Tracker.md', 'Components/Feature Flags.md']]);
  });

  it('rejects unknown formats and focus names', () => {
    const bad = run('graph', EXAMPLE_VAULT, '--format', 'svg');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('maturity-map graph: --format expects one of mermaid, dot, json, canvas, got "svg"\n');
    expect(run('graph', EXAMPLE_VAULT, '--focus', 'Nope').stderr).toContain('no component is called "Nope"');
    expect(run('graph', EXAMPLE_VAULT, '--hops', '0', '--focus', 'Ledger').code).toBe(2);
  });
});

describe('report --format markdown', () => {
  const out = run('report', 'examples/vault', '--format', 'markdown', '--today', TODAY);
  const text = out.stdout;

  it('summarises stages and lists every component', () => {
    expect(out.code).toBe(0);
    expect(text.startsWith(`# Maturity report — examples/vault\n\nAs of 2026-11-24: ${N.components} components, ${N.errors} errors, ${N.warnings} warnings.\n`)).toBe(true);
    expect(text).toContain(`| ○ Development | ${N.development} |\n| ◑ Staging | ${N.staging} |\n| ● Production | ${N.production} |`);
    expect(text.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Stage') && !l.startsWith('| Component') && !/^\| [○◑●] \w+ \| \d+ \|$/.test(l))).toHaveLength(N.components);
    expect(text).toContain('| Billing Engine | ◑ Staging | Production: 1/8 | payments-squad | 6 | 3 errors, 1 warning |');
    expect(text).toContain('| Ledger | ○ Development ⊘ blocked | Staging: 3/7 |');
  });

  it('lists what needs attention', () => {
    expect(text).toContain('### Blocked\n\n- **Ledger**: stage line says “BLOCKED - Waiting on schema migration”');
    expect(text).toContain('- **Billing Engine**, Development → Staging: the boxes say 6/7, the status line says 7/7 (line 66)');
    expect(text).toContain('- **Feature Flags**: Part of a dependency cycle: Experiment Tracker and Feature Flags depend on each other.');
    expect(text).toContain('### Stale\n\n- **Report Builder**: last updated 2025-12-01 (358 days ago)');
  });

  it('escapes Markdown and HTML in note text', () => {
    expect(text).toContain("| &lt;img src=x onerror=alert('xss-name')&gt; Status Widget | ○ Development | Staging: 1/7 | &lt;script&gt;window.\\_\\_mmXss=2&lt;/script&gt; |");
    const hostile = run('report', hostileVault, '--today', TODAY).stdout;
    const row = hostile.split('\n').find((l) => l.includes('Evil'))!;
    // Six cells: no pipe from the name splits the row.
    expect(row.split(/(?<!\\)\|/).length - 2).toBe(6);
    expect(row).not.toMatch(/<|`c`|\*bold\*|(?<!\\)\[l\]/);
    expect(hostile).toContain('| Plain | ◑ Staging | — | &lt;img src=x onerror=alert(1)&gt; team | 0 | 1 error |');
    expect(escapeMarkdown('a|b*c_d`e[f]g<h>&\n$')).toBe('a\\|b\\*c\\_d\\`e\\[f\\]g&lt;h&gt;&amp; \\$');
  });

  it('rejects other formats', () => {
    expect(run('report', EXAMPLE_VAULT, '--format', 'html').code).toBe(2);
  });
});
