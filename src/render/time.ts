// Relative dates ("3 months ago") measured from the context's today, so they are reproducible and
// roll over when the host changes its date.
import { differenceInCalendarDays, formatDistanceStrict, isValid, parseISO } from 'date-fns';

/** "today", "yesterday", "7 days ago", "3 months ago", "in 2 days"; null for an unreadable date. */
export function relativeDate(date: string, today: string): string | null {
  const then = parseISO(date);
  const now = parseISO(today);
  if (!isValid(then) || !isValid(now)) return null;
  const days = differenceInCalendarDays(now, then);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  return formatDistanceStrict(then, now, { addSuffix: true, roundingMethod: 'round' });
}
