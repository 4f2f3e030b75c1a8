// The dependency graph as a JSON Canvas 1.0 document: valid by the spec and for Obsidian's own
// canvas typings, a file node per component at its note, the graph view's layered layout
// (same columns), stage colours, an edge per dependency.
import type { CanvasData } from 'obsidian/canvas';
import { describe, expect, it } from 'vitest';
import { buildGraphModel, createIndex, DEFAULT_STAGES, type GraphModel } from '../../src/core/index';
import { CANVAS_NODE, canvasColor, canvasJSON, toCanvas, type CanvasFileNode, type JsonCanvas } from '../../src/render/canvas';
import { layoutGraph } from '../../src/render/graph/layout';
import { jsonCanvasProblems } from '../helpers/json-canvas';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import { note } from '../cli/run';

const index = loadFolder(EXAMPLE_VAULT);
const model = buildGraphModel(index);
const canvas = toCanvas(model, { stages: index.pipeline.stages });
const files = canvas.nodes.filter((n): n is CanvasFileNode => n.type === 'file');

/** The columns (ranks) of a layout: ids grouped by their x, left to right. */
function columns(centres: Array<{ id: string; x: number }>): string[][] {
  const byX = new Map<number, string[]>();
  for (const c of centres) byX.set(Math.round(c.x), [...(byX.get(Math.round(c.x)) ?? []), c.id]);
  return [...byX.entries()].sort((a, b) => a[0] - b[0]).map(([, ids]) => ids.sort());
}

describe('toCanvas on the example vault', () => {
  it('is valid JSON Canvas 1.0, and Obsidian’s canvas types accept it', () => {
    const typed: CanvasData = JSON.parse(canvasJSON(canvas)) as JsonCanvas;
    expect(jsonCanvasProblems(typed)).toEqual([]);
    expect(canvasJSON(canvas)).toBe(canvasJSON(toCanvas(model, { stages: index.pipeline.stages })));
  });

  it('has one file node per component, at its note, none overlapping', () => {
    expect(files.map((f) => f.file).sort()).toEqual(model.nodes.map((n) => n.id).sort());
    for (const [i, a] of files.entries()) {
      for (const b of files.slice(i + 1)) {
        const apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
        expect(apart, `${a.file} overlaps ${b.file}`).toBe(true);
      }
    }
  });

  it('uses the graph view’s layered layout: dependents left of their dependencies, the lone components in a grid', () => {
    const centre = new Map(files.map((f) => [f.file, f.x + f.width / 2]));
    const forward = model.edges.filter((e) => !e.cycle && e.from !== e.to);
    expect(forward.length).toBeGreaterThan(3);
    for (const e of forward) expect(centre.get(e.from)!, `${e.from} → ${e.to}`).toBeLessThan(centre.get(e.to)!);
    // The same packing as the view's layout, given the canvas's card sizes.
    const view = layoutGraph(model.nodes.map((n) => ({ id: n.id, width: CANVAS_NODE.width + 120, height: CANVAS_NODE.height + 40 })), model.edges);
    const linked = new Set(model.edges.flatMap((e) => [e.from, e.to]));
    const lone = model.nodes.filter((n) => !linked.has(n.id));
    if (lone.length > 2) expect(new Set(lone.map((n) => Math.round(centre.get(n.id)!))).size).toBeGreaterThan(1);
    expect(columns(files.map((f) => ({ id: f.file, x: f.x + f.width / 2 }))).length).toBe(columns([...view.nodes.values()]).length);
  });

  it('colours each card by its stage and gives every dependency an edge', () => {
    const byFile = new Map(files.map((f) => [f.file, f]));
    for (const node of model.nodes) expect(byFile.get(node.id)!.color).toBe(canvasColor(index.pipeline.stages, node.stage));
    expect(canvas.edges).toHaveLength(model.edges.length);
    const byId = new Map(files.map((f) => [f.id, f.file]));
    expect(canvas.edges.map((e) => `${byId.get(e.fromNode)}→${byId.get(e.toNode)}`).sort()).toEqual(model.edges.map((e) => `${e.from}→${e.to}`).sort());
    const cycle = canvas.edges.find((e) => e.label === 'cycle')!;
    expect(cycle.color).toBe('1');
    expect(canvas.edges.some((e) => e.label === 'stage inversion' && e.color === '2')).toBe(true);
  });

  it('puts a legend of the stages present above the cards', () => {
    const groups = canvas.nodes.filter((n) => n.type === 'group');
    expect(groups.map((g) => g.label)).toEqual(index.pipeline.stages.filter((s) => model.nodes.some((n) => n.stage === s.id)).map((s) => s.name));
    const top = Math.min(...files.map((f) => f.y));
    for (const g of groups) expect(g.y + g.height).toBeLessThan(top);
    expect(canvas.nodes.indexOf(groups[0]!)).toBe(0);
  });
});

describe('canvasColor', () => {
  const stages = [
    { ...DEFAULT_STAGES[0]!, color: '#ABC' },
    { ...DEFAULT_STAGES[1]!, color: 'var(--stage-staging)' },
    { ...DEFAULT_STAGES[2]!, color: '#16a34a80' },
  ];
  it('widens #rgb, drops alpha, and falls back to presets for other colours', () => {
    expect(canvasColor(stages, 'development')).toBe('#aabbcc');
    expect(canvasColor(stages, 'staging')).toBe('5');
    expect(canvasColor(stages, 'production')).toBe('#16a34a');
    expect(canvasColor(stages, null)).toBeUndefined();
  });
});

describe('hostile names and paths', () => {
  const hostile = createIndex({ today: TODAY });
  const paths = ['Team Notes/Payments "Core".md', 'Team Notes/100% ::x::, a:b.md', 'odd\nname.md', 'Ledger.md'];
  hostile.upsert(paths[0]!, note('Payments "Core"', 'Production', ['Ledger', '100% done, a:b']));
  hostile.upsert(paths[1]!, note('100% done, a:b', 'Staging', ['Payments "Core"']));
  hostile.upsert(paths[2]!, note('Odd\nName', 'Development'));
  hostile.upsert(paths[3]!, note('Ledger', 'Development'));
  const model: GraphModel = buildGraphModel(hostile);
  const out = JSON.parse(canvasJSON(toCanvas(model, { stages: hostile.pipeline.stages, filePath: (id) => `Vault Folder/${id}` }))) as JsonCanvas;

  it('keeps every path exactly, as data', () => {
    expect(jsonCanvasProblems(out)).toEqual([]);
    expect(out.nodes.filter((n) => n.type === 'file').map((n) => (n as CanvasFileNode).file).sort()).toEqual(paths.map((p) => `Vault Folder/${p}`).sort());
    expect(out.edges.filter((e) => e.label === 'cycle')).toHaveLength(2);
  });

  it('is empty for an empty vault', () => {
    expect(toCanvas(buildGraphModel(createIndex({ today: TODAY })), { stages: DEFAULT_STAGES })).toEqual({ nodes: [], edges: [] });
  });
});
