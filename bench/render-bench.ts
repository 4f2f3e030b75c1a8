// Graph layout of 2k components and dashboard first paint of 1k components. Both need src/render
// (built on another branch); until it lands here they are reported as pending, never estimated.
import type { RenderFigures } from './report';

export interface RenderBenchOptions {
  quick: boolean;
  seed: number;
  log: (line: string) => void;
}

export async function renderBench(options: RenderBenchOptions): Promise<RenderFigures> {
  options.log('render benchmarks: src/render is not on this branch yet');
  return { layout: null, paint: null, pendingReason: 'src/render not merged yet' };
}
