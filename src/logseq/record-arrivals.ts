// The paths whose records the cache has read so far, as they come (graph-cache.ts `load`): a warm
// start takes those pages while IndexedDB reads the rest, instead of waiting for every record
// first (at 10k pages the read was ~1.4 s of wall, the taking ~0.3 s of CPU after it).

export interface RecordArrivals {
  /** Paths whose records were just read. */
  push(paths: readonly string[]): void;
  /** The read is over (or failed): `next` answers what is left, then nothing. */
  end(): void;
  /** The paths read since the last call, once there are any; empty once the read is over and all were taken. */
  next(): Promise<string[]>;
}

export function recordArrivals(): RecordArrivals {
  let waiting: string[] = [];
  let over = false;
  let wake: (() => void) | null = null;
  const poke = () => {
    wake?.();
    wake = null;
  };
  return {
    push(paths) {
      waiting.push(...paths);
      poke();
    },
    end() {
      over = true;
      poke();
    },
    async next() {
      while (waiting.length === 0 && !over) await new Promise<void>((resolve) => (wake = resolve));
      const arrived = waiting;
      waiting = [];
      return arrived;
    },
  };
}
