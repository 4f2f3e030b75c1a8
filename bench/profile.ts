// `node scripts/bench.mjs --profile`-style entry: index one generated vault a few times, for
// `node --cpu-prof`. Usage: node scripts/profile.mjs [notes] [reps]
import { loadVault } from './corpus';
import { indexAll } from './core-bench';

const notes = Number(process.argv[2] ?? 1000);
const reps = Number(process.argv[3] ?? 5);
const vault = loadVault(notes, 1);
for (let i = 0; i < reps; i++) {
  const t = performance.now();
  indexAll(vault);
  process.stderr.write(`index ${notes}: ${(performance.now() - t).toFixed(0)} ms\n`);
}
