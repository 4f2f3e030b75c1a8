// A whole generated vault: unique component names, a layered dependency graph with depth and a
// few cycles, stages that mostly respect the layers, 5–10% non-component notes, and three page
// flavours (Obsidian notes with front matter, MATURITY.md files in a source tree, Logseq pages).
import { childSeed, createRandom, type Random } from './random';
import { componentNote, STAGES, TODAY, type ComponentSpec, type DependencySpec, type Stage } from './component';
import { otherNote, type OtherKind } from './others';
import { GROUPS, NAME_FIRST, NAME_SECOND, OWNERS, isoDate, slug } from './words';

export interface VaultOptions {
  notes: number;
  seed?: number;
  /** Share of notes that are not components (default 0.07). */
  otherShare?: number;
  /** Range of component note sizes in bytes (default 4–12 KB, as in the TTA corpus). */
  bytes?: [number, number];
}

export interface GeneratedNote {
  path: string;
  text: string;
  /** The component name the note was written for, or null for a non-component note. */
  component: string | null;
  stage: Stage | null;
}

export interface VaultPlan {
  components: ComponentSpec[];
  others: Array<{ kind: OtherKind; index: number }>;
  /** Dependency cycles planted on purpose (component names). */
  cycles: string[][];
}

const LAYERS = 7;
const OTHER_KINDS: ReadonlyArray<readonly [OtherKind, number]> = [['daily', 4], ['meeting', 2], ['plan', 1], ['guide', 1], ['inventory', 1], ['prompt', 1], ['template', 1]];

export function planVault(options: VaultOptions): VaultPlan {
  const seed = options.seed ?? 1;
  const random = createRandom(seed);
  const otherCount = Math.round(options.notes * (options.otherShare ?? 0.07));
  const count = options.notes - otherCount;
  const names = componentNames(count, random);
  // In this order: each step draws from the one random sequence (the vault must stay the same).
  const { layer, byLayer, deps } = planLayers(names, random);
  const stage = planStages(byLayer, deps, count, random);
  const cycles = plantCycles(names, deps, random);
  const components = names.map((name, i) => componentSpec(options, { seed, names, i, layer: layer[i]!, deps: deps[i]!, stage }));
  const others = Array.from({ length: otherCount }, (_, index) => ({ kind: random.weighted(OTHER_KINDS), index }));
  return { components, others, cycles };
}

/** Layers: 0 is foundational; dependencies point to lower layers, mostly the one just below. */
function planLayers(names: string[], random: Random): { layer: number[]; byLayer: number[][]; deps: number[][] } {
  const layer = names.map(() => Math.min(LAYERS - 1, Math.floor(-Math.log(1 - random.next() * 0.999) * 1.6)));
  const byLayer: number[][] = Array.from({ length: LAYERS }, () => []);
  layer.forEach((l, i) => byLayer[l]!.push(i));
  const deps: number[][] = names.map((_, i) => {
    const l = layer[i]!;
    if (l === 0) return [];
    const out = new Set<number>();
    const wanted = random.int(1, 5);
    for (let k = 0; k < wanted * 2 && out.size < wanted; k++) {
      const target = random.chance(0.6) || l === 1 ? l - 1 : random.int(0, l - 1);
      const pool = byLayer[target]!;
      if (pool.length > 0) out.add(random.pick(pool));
    }
    return [...out];
  });
  return { layer, byLayer, deps };
}

/**
 * Stages mostly respect the graph (no more mature than the least mature dependency); some notes
 * are ahead of their dependencies, as in real vaults (stage inversions).
 */
function planStages(byLayer: number[][], deps: number[][], count: number, random: Random): Stage[] {
  const stage: Stage[] = new Array<Stage>(count);
  for (let l = 0; l < LAYERS; l++) {
    for (const i of byLayer[l]!) {
      const cap = Math.min(2, ...deps[i]!.map((d) => STAGES.indexOf(stage[d]!)));
      const own = random.weighted([['production', 5], ['staging', 4], ['development', 3]] as const);
      stage[i] = random.chance(0.9) && STAGES.indexOf(own) > cap ? STAGES[cap]! : own;
    }
  }
  return stage;
}

/** A few cycles: an edge back up from a dependency (2-cycles) or from two levels down (3-cycles). */
function plantCycles(names: string[], deps: number[][], random: Random): string[][] {
  const count = names.length;
  const cycles: string[][] = [];
  const cycleCount = Math.max(1, Math.round(count * 0.004));
  for (let k = 0; k < cycleCount * 4 && cycles.length < cycleCount; k++) {
    const a = random.int(0, count - 1);
    const b = deps[a]?.[0];
    if (b === undefined) continue;
    const c = deps[b]?.[0];
    if (c !== undefined && random.chance(0.5)) {
      if (!deps[c]!.includes(a)) deps[c]!.push(a);
      cycles.push([names[a]!, names[b]!, names[c]!]);
    } else if (!deps[b]!.includes(a)) {
      deps[b]!.push(a);
      cycles.push([names[a]!, names[b]!]);
    }
  }
  return cycles;
}

/** Component `i`'s note, from a random sequence of its own (so one note's draws never shift another's). */
function componentSpec(options: VaultOptions, c: { seed: number; names: string[]; i: number; layer: number; deps: number[]; stage: Stage[] }): ComponentSpec {
  const { names, i, stage } = c;
  const r = createRandom(childSeed(c.seed, i));
  const flavour = r.weighted([['obsidian', 60], ['repo', 25], ['logseq', 15]] as const);
  const style = flavour === 'logseq' && r.chance(0.8) ? 'outliner' : 'markdown';
  const group = GROUPS[(i * 7 + c.layer) % GROUPS.length]!;
  const dependencies: DependencySpec[] = c.deps.map((d) => ({
    name: names[d]!,
    declared: r.weighted([[stage[d]!, 75], [r.pick(STAGES), 10], [null, 15]] as const),
    optional: r.chance(0.08),
  }));
  const neighbours = [...dependencies.map((d) => d.name), names[r.int(0, names.length - 1)]!];
  return {
    name: names[i]!,
    path: componentPath(flavour, names[i]!, group),
    style,
    flavour,
    stage: stage[i]!,
    blocked: stage[i] !== 'production' && r.chance(0.08),
    group,
    owner: r.pick(OWNERS),
    updated: isoDate(TODAY, r.chance(0.85) ? r.int(0, 30) : r.int(31, 200)),
    dependencies,
    neighbours,
    targetBytes: r.int(...(options.bytes ?? [4096, 12288])),
    placeholders: r.chance(0.08),
  };
}

function componentNames(count: number, random: Random): string[] {
  const pairs: string[] = [];
  for (const a of NAME_FIRST) for (const b of NAME_SECOND) if (a !== b) pairs.push(`${a} ${b}`);
  const shuffled = random.sample(pairs, pairs.length);
  return Array.from({ length: count }, (_, i) => {
    const base = shuffled[i % shuffled.length]!;
    const round = Math.floor(i / shuffled.length);
    return round === 0 ? base : `${base} ${round + 1}`;
  });
}

function componentPath(flavour: ComponentSpec['flavour'], name: string, group: string): string {
  if (flavour === 'repo') return `services/${slug(group)}/${slug(name)}/MATURITY.md`;
  if (flavour === 'logseq') return `pages/Org___Components___${name} Maturity Document.md`;
  return `Components/${group}/${name}.md`;
}

/** The notes of a vault, one at a time (a 50k vault is ~400 MB of text). */
export function* generateNotes(options: VaultOptions, plan: VaultPlan = planVault(options)): Generator<GeneratedNote> {
  const seed = options.seed ?? 1;
  const names = plan.components.map((c) => c.name);
  for (let i = 0; i < plan.components.length; i++) {
    const spec = plan.components[i]!;
    const random = createRandom(childSeed(seed ^ 0x5bd1e995, i));
    yield { path: spec.path, text: componentNote(spec, random), component: spec.name, stage: spec.stage };
  }
  for (const other of plan.others) {
    const random = createRandom(childSeed(seed ^ 0x27d4eb2f, other.index));
    const note = otherNote(other.kind, other.index, names, random);
    yield { ...note, component: null, stage: null };
  }
}
