// When the next day starts, so views roll over at midnight (today's date itself: core/dates.ts).
import { addDays, addSeconds, differenceInMilliseconds, startOfDay } from 'date-fns';

/** Milliseconds until one second past the coming midnight (the second keeps a timer that fires early from landing on the old day). */
export function msUntilNextDay(now: Date = new Date()): number {
  const next = addSeconds(startOfDay(addDays(now, 1)), 1);
  return Math.max(1000, differenceInMilliseconds(next, now));
}
