// External dependencies in `maturity-map graph --format mermaid|dot|json`: one grey node per name
// with "used by N", a dashed edge from each component that names it, `--hide-external` to leave
// them out; hostile names stay labels (Mermaid rendered in Chromium).
import { describe, expect, it } from 'vitest';
import { describeWithChromium } from '../browser/chromium';
import { mermaidInChromium } from './mermaid-browser';
import { HOSTILE, run, tempVault } from './run';

function component(name: string, deps: string[]): string {
  return `# ${name} Maturity Status\n\n**Current Stage**: Staging\n**Owner**: team\n\n## Dependencies\n\n${deps.map((d) => `- ${d}`).join('\n')}\n`;
}

const vault = tempVault({
  'Web.md': component('Web', ['Api', 'Redis', 'Web server']),
  'Api.md': component('Api', ['redis', 'Docker Compose']),
  'Worker.md': component('Worker', ['Redis', 'Api', HOSTILE]),
});

describe('graph with external dependencies', () => {
  it('json: the externals and their edges next to the components', () => {
    const json = JSON.parse(run('graph', vault, '--format', 'json').stdout) as { nodes: unknown[]; externals: Array<{ id: string; name: string; usedBy: string[] }>; externalEdges: Array<{ from: string; to: string }> };
    expect(json.nodes).toHaveLength(3);
    expect(json.externals[0]).toEqual({ id: 'external:redis', name: 'redis', usedBy: ['Api.md', 'Web.md', 'Worker.md'] });
    expect(json.externals).toHaveLength(4);
    expect(json.externalEdges).toHaveLength(6);
    const hidden = JSON.parse(run('graph', vault, '--format', 'json', '--hide-external').stdout) as { externals: unknown[]; externalEdges: unknown[] };
    expect(hidden.externals).toEqual([]);
    expect(hidden.externalEdges).toEqual([]);
  });

  it('mermaid: a stadium node per name with its count, dashed edges, a grey class; none with --hide-external', () => {
    const out = run('graph', vault).stdout;
    const lines = out.trimEnd().split('\n');
    expect(lines).toContain('  x0(["redis · external · used by 3"])');
    expect(lines.filter((l) => /^ {2}x\d+\(\["/.test(l))).toHaveLength(4);
    expect(lines.filter((l) => /^ {2}n\d+ -\.-> x\d+$/.test(l))).toHaveLength(6);
    expect(lines).toContain('  class x0,x1,x2,x3 external');
    // Grey link styles follow the component edges' indices.
    expect(lines.filter((l) => /^ {2}linkStyle (2|3|4|5|6|7) stroke:#9ca3af$/.test(l))).toHaveLength(6);
    const hidden = run('graph', vault, '--hide-external').stdout;
    expect(hidden).not.toMatch(/x\d|external/);
  });

  it('dot: dashed grey boxes and edges, labels escaped', () => {
    const out = run('graph', vault, '--format', 'dot').stdout;
    expect(out).toMatch(/^ {2}x0 \[label="redis\\nexternal · used by 3", color="#9ca3af", fillcolor="#f3f4f6", fontcolor="#374151", style="rounded,filled,dashed", tooltip="external:redis"\];$/m);
    expect(out.split('\n').filter((l) => /^ {2}n\d+ -> x\d+ \[color="#9ca3af", style=dashed\];$/.test(l))).toHaveLength(6);
    const evil = out.split('\n').find((l) => l.includes('Evil'))!;
    expect(evil).toMatch(/^ {2}x\d+ \[label="(?:[^"\\]|\\.)*", color=/);
  });
});

describeWithChromium('the graph with external nodes in Mermaid (Chromium)', () => {
  const draw = mermaidInChromium();

  it('renders every node, the hostile name as text, nothing injected', async () => {
    const { error, drawn } = await draw(run('graph', vault).stdout, (out) => ({
      nodes: out.querySelectorAll('g.node').length,
      text: out.textContent ?? '',
      injected: out.querySelectorAll('img, script, iframe, a').length,
    }));
    const result = { error, ...(drawn ?? { nodes: 0, text: '', injected: 0 }) };
    expect(result.error).toBeNull();
    expect(result.nodes).toBe(3 + 4);
    expect(result.text).toContain('redis · external · used by 3');
    expect(result.text).toContain('javascript:alert(1)');
    expect(result.injected).toBe(0);
  });
});
