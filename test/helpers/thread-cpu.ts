// This thread's CPU time, for the harnesses' task clocks. process.cpuUsage() counts every thread
// of the process: since the plugins lay graphs out (and Obsidian parses) in worker threads, a task
// on the main thread would be charged the workers' time too. Linux gives each thread's own time
// in /proc/thread-self/schedstat (nanoseconds, first field).
import { openSync, readSync } from 'node:fs';

/** Nanoseconds of this thread's CPU time, or null where the kernel does not say. */
export function threadCpuClock(): (() => number) | null {
  try {
    const fd = openSync('/proc/thread-self/schedstat', 'r');
    const buf = Buffer.alloc(128);
    const read = () => {
      const n = readSync(fd, buf, 0, buf.length, 0);
      let value = 0;
      for (let i = 0; i < n; i++) {
        const c = buf[i]!;
        if (c < 48 || c > 57) break;
        value = value * 10 + (c - 48);
      }
      return value;
    };
    return read() > 0 ? read : null;
  } catch {
    return null;
  }
}
