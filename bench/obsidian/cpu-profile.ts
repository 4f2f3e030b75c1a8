// MM_BENCH_CPU_PROF=<dir>: a CPU profile of the bench's main thread, taken from inside the run
// (node:inspector). `--cpu-prof` writes its profile as the process exits, and vitest's fork pool
// ends the worker before it does: only the parse workers' profiles were written. Samples carry
// process.hrtime's clock, so a long task's span (main-thread.ts) finds its samples.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const DIR = process.env['MM_BENCH_CPU_PROF'] ?? '';

/** Start profiling when asked to; the returned function writes the profile and its path. */
export async function startCpuProfile(): Promise<() => Promise<string | null>> {
  if (DIR === '') return () => Promise.resolve(null);
  const session = new Session();
  session.connect();
  const post = <T>(method: string, params?: object) =>
    new Promise<T>((resolve, reject) => session.post(method, params, (err, result) => (err ? reject(err) : resolve(result as T))));
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 200 });
  await post('Profiler.start');
  return async () => {
    const { profile } = await post<{ profile: unknown }>('Profiler.stop');
    session.disconnect();
    const path = join(DIR, `bench-main-${process.pid}.cpuprofile`);
    writeFileSync(path, JSON.stringify(profile));
    return path;
  };
}
