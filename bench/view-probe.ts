// A component view built whole against one built on its previous view (the same note and day:
// what a dependent's view costs after an edit), CPU time over every component of a generated
// vault, interleaved. Not part of `npm run bench` (docs/benchmarks.md, session 23):
//   node --expose-gc view-probe.mjs [notes=10000] [rounds=5]
import { loadVault } from './corpus';
import { indexAll } from './core-bench';
import { buildComponent, type ViewInput } from '../src/core/component-view';
import { cpuMs } from './measure';

const vault = loadVault(Number(process.argv[2] ?? 10000), 1);
const index = indexAll(vault);
const whole: ViewInput[] = index.ids().map((id) => {
  const view = index.component(id)!;
  return {
    entry: index.entry(id)!,
    pipeline: index.pipeline,
    config: index.config,
    today: index.today(),
    dependencies: view.dependencies,
    dependents: view.dependents,
    stageOf: (other) => index.entry(other)?.note.stage?.id ?? null,
    nameOf: (other) => index.entry(other)?.identity.name ?? other,
    duplicates: { sample: [], count: 0 },
    cycle: index.cycleOf(id),
    keepStrings: true,
  };
});
const onPrevious = whole.map((input) => ({ ...input, previous: buildComponent(input) }));
for (let round = 0; round < Number(process.argv[3] ?? 5); round++) {
  const a = cpuMs(() => whole.forEach(buildComponent));
  const b = cpuMs(() => onPrevious.forEach(buildComponent));
  const us = (ms: number) => ((ms / whole.length) * 1000).toFixed(1);
  console.log(`whole ${us(a)} µs, on its previous view ${us(b)} µs: ratio ${(b / a).toFixed(2)}`);
}
