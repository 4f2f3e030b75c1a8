// Calendar dates the way notes write them (`YYYY-MM-DD`), with date-fns: today's date, whether a
// text is such a date, and the calendar days between two of them.
import { differenceInCalendarDays, format, isValid, parseISO } from 'date-fns';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today as `YYYY-MM-DD` in the local time zone (the user's day, not UTC's). */
export function localToday(now: Date = new Date()): string {
  return format(now, 'yyyy-MM-dd');
}

/** True for a real calendar date written `YYYY-MM-DD` (`2026-02-30` is not one). */
export function isIsoDay(text: string): boolean {
  return ISO_DAY.test(text) && isValid(parseISO(text));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier); null when either is not a date. */
export function daysBetween(from: string, to: string): number | null {
  const a = parseISO(from);
  const b = parseISO(to);
  if (!isValid(a) || !isValid(b)) return null;
  return differenceInCalendarDays(b, a);
}
