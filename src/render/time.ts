// Relative dates ("3 months ago") measured from the context's today, so they are reproducible and
// roll over when the host changes its date.
import { formatDistanceStrict, parseISO } from 'date-fns';
import { daysBetween } from '../core/dates';

/** "today", "yesterday", "7 days ago", "3 months ago", "in 2 days"; null for an unreadable date. */
export function relativeDate(date: string, today: string): string | null {
  const days = daysBetween(date, today);
  if (days === null) return null;
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  return formatDistanceStrict(parseISO(date), parseISO(today), { addSuffix: true, roundingMethod: 'round' });
}
