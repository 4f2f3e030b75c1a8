// Local calendar dates, the way the notes write them, and when the next day starts.
import { addDays, addSeconds, differenceInMilliseconds, format, startOfDay } from 'date-fns';

/** Today as `YYYY-MM-DD` in the user's time zone. */
export function localDay(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** Milliseconds until one second past the coming midnight (the second keeps a timer that fires early from landing on the old day). */
export function msUntilNextDay(now: Date = new Date()): number {
  const next = addSeconds(startOfDay(addDays(now, 1)), 1);
  return Math.max(1000, differenceInMilliseconds(next, now));
}
