// Timing helpers: medians of repetitions, forced GC, heap in use.

export function now(): number {
  return performance.now();
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = values.slice().sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Run `fn` `reps` times and return each duration in ms. */
export function repeat(reps: number, fn: () => void, between?: () => void): number[] {
  const out: number[] = [];
  for (let i = 0; i < reps; i++) {
    between?.();
    const t = now();
    fn();
    out.push(now() - t);
  }
  return out;
}

/** CPU time (user + system) this process spends in `fn`, in ms, after a forced GC. */
export function cpuMs(fn: () => void): number {
  forceGc();
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

type GlobalWithGc = typeof globalThis & { gc?: () => void };

export function hasGc(): boolean {
  return typeof (globalThis as GlobalWithGc).gc === 'function';
}

/** Full GC, several times so weak and finalised objects go too. Needs `node --expose-gc`. */
export function forceGc(): void {
  const gc = (globalThis as GlobalWithGc).gc;
  if (!gc) return;
  for (let i = 0; i < 3; i++) gc();
}

export function heapUsed(): number {
  forceGc();
  return process.memoryUsage().heapUsed;
}
