import { decrossDfs, graph, sugiyama, twolayerAgg, aggMean, type Decross, type SugiNode } from 'd3-dag';
import { buildGraphModel, createIndex, withoutExternals } from '../src/core/index';
import { layoutInputs } from '../src/render/graph/draw';
import { coordStraightened } from '../src/render/graph/coord';
import { layeringPromoted } from '../src/render/graph/layering';
import { barycentreSweeps } from '../src/render/graph/decross';
import { TODAY } from './core-bench';
import { loadVault } from './corpus';

type N = { id: string; width: number; height: number };
function old(sweeps: number): Decross<N, unknown> {
  const initial = decrossDfs();
  const order = twolayerAgg().aggregator(aggMean);
  return (layers: SugiNode<N, unknown>[][]) => {
    initial(layers);
    for (let sweep = 0; sweep < sweeps; sweep++) {
      if (sweep % 2 === 0) for (let i = 0; i + 1 < layers.length; i++) order(layers[i]!, layers[i + 1]!, true);
      else for (let i = layers.length - 1; i > 0; i--) order(layers[i - 1]!, layers[i]!, false);
    }
  };
}
function crossings(layers: SugiNode<N, unknown>[][]): number {
  let total = 0;
  for (let i = 0; i + 1 < layers.length; i++) {
    const pos = new Map(layers[i + 1]!.map((n, k) => [n, k]));
    const segs: Array<[number, number]> = [];
    layers[i]!.forEach((n, k) => { for (const c of n.children()) segs.push([k, pos.get(c)!]); });
    segs.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    // count inversions in second coordinate (O(n^2) fine here)
    const ys = segs.map((s) => s[1]);
    for (let a = 0; a < ys.length; a++) for (let b = a + 1; b < ys.length; b++) if (ys[b]! < ys[a]! && segs[b]![0] !== segs[a]![0]) total++;
  }
  return total;
}
const components = Number(process.argv[2] ?? 2000);
const vault = loadVault(Math.round(components * 1.08), 1);
const index = createIndex({ today: TODAY });
vault.paths.forEach((p, i) => index.upsert(p, vault.texts[i]!));
const ids = index.ids().slice(0, components);
const model = withoutExternals(buildGraphModel(index, ids));
const inputs = layoutInputs(model);
function run(decross: Decross<N, unknown>, count: boolean): { ms: number; cross: number } {
  const dag = graph<N, unknown>();
  const byId = new Map(inputs.map((n) => [n.id, dag.node(n)]));
  const seen = new Set<string>();
  for (const e of model.edges) { const k = e.from + '\0' + e.to; if (e.from === e.to || seen.has(k)) continue; seen.add(k); dag.link(byId.get(e.from)!, byId.get(e.to)!); }
  let cross = -1;
  const wrapped: Decross<N, unknown> = (layers) => { decross(layers); if (count) cross = crossings(layers); };
  const t = performance.now();
  sugiyama().nodeSize((n: { data: N }) => [n.data.height, n.data.width] as [number, number]).gap([14, 60]).layering(layeringPromoted()).decross(wrapped).coord(coordStraightened())(dag as never);
  return { ms: performance.now() - t, cross };
}
for (const sweeps of [4, 8]) {
  console.log(`sweeps ${sweeps}: old crossings ${run(old(sweeps), true).cross}, new ${run(barycentreSweeps(decrossDfs(), sweeps), true).cross}`);
}
const times: Record<string, number[]> = { old: [], new: [] };
for (let r = 0; r < 9; r++) { times.old!.push(run(old(4), false).ms); times.new!.push(run(barycentreSweeps(decrossDfs(), 4), false).ms); }
for (const [k, v] of Object.entries(times)) console.log(k, v.map(Math.round).join(' '));
