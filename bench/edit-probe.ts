// The "edit + dependents" row alone, several rounds in one process, with the views built an edit
// (work-count.ts). Not part of `npm run bench`: for profiling the edit (docs/benchmarks.md,
// session 23). Bundle it with esbuild (--bundle --platform=node --format=esm, a require banner), then:
//   node --expose-gc edit-probe.mjs [notes=10000] [rounds=3]
import { loadVault } from './corpus';
import { editBench, indexAll } from './core-bench';
import { resetWorkCount } from '../src/core/work-count';

const notes = Number(process.argv[2] ?? 10000);
const rounds = Number(process.argv[3] ?? 3);
const vault = loadVault(notes, 1);
const index = indexAll(vault);
// Every view built first, as the bench's query and its choice of components leave them.
for (const id of index.ids()) index.component(id);
for (let r = 0; r < rounds; r++) {
  const count = resetWorkCount();
  const start = process.cpuUsage();
  const e = editBench(index, vault, 200);
  const used = process.cpuUsage(start);
  const perEdit = (n: number) => Number((n / e.edits).toFixed(3));
  console.log(JSON.stringify({
    medianMs: Number(e.medianMs.toFixed(3)),
    p95Ms: Number(e.p95Ms.toFixed(3)),
    cpuMsPerEdit: perEdit((used.user + used.system) / 1000),
    changedPerEdit: perEdit(e.changedPerEdit * e.edits),
    viewsBuiltPerEdit: perEdit(count.viewsBuilt),
    fromStalePerEdit: perEdit(count.viewsFromStale),
  }));
}
