// Timers the indexer owns (cache writes, the day check), all cleared on unload, and the day they
// keep: on a new day relative dates and staleness change for every component.
import { localToday } from '../../core/index';
import { msUntilNextDay } from '../dates';

export interface IndexTimers {
  /** setTimeout that unload cancels. */
  later(fn: () => void, delay: number): number;
  /** The local day as last checked. */
  today(): string;
  /** Compare the clock with the kept day; calls `onNewDay` once when it moved. */
  checkDay(): void;
  /** Check just after every midnight from now on. */
  watchDays(): void;
  clearAll(): void;
}

export function createIndexTimers(onNewDay: () => void): IndexTimers {
  const pending = new Set<number>();
  let day = localToday();
  const later = (fn: () => void, delay: number): number => {
    const id = window.setTimeout(() => {
      pending.delete(id);
      fn();
    }, delay);
    pending.add(id);
    return id;
  };
  const checkDay = () => {
    const today = localToday();
    if (today === day) return;
    day = today;
    onNewDay();
  };
  const watchDays = (): void => {
    later(() => {
      checkDay();
      watchDays();
    }, msUntilNextDay());
  };
  return {
    later,
    today: () => day,
    checkDay,
    watchDays,
    clearAll: () => {
      for (const id of pending) window.clearTimeout(id);
      pending.clear();
    },
  };
}

/** Workers to parse with: one per spare core, at most two (Dataview's count); none where workers are missing. */
export function workerCount(): number {
  const cores = typeof navigator !== 'undefined' && navigator.hardwareConcurrency ? navigator.hardwareConcurrency : 2;
  return Math.max(1, Math.min(2, cores - 1));
}
