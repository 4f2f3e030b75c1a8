// The one place dates are judged and counted: today in the local zone, real YYYY-MM-DD dates, and
// calendar days between two of them (across month ends, leap days and time-zone changes).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { differenceInCalendarDays, isValid, parseISO } from 'date-fns';
import { clockToday, daysBetween, isIsoDay, localToday } from '../../src/core/dates';

describe('localToday', () => {
  it.each([
    [new Date(2026, 0, 5, 0, 0, 1), '2026-01-05'],
    [new Date(2026, 11, 31, 23, 59, 59), '2026-12-31'],
    [new Date(2024, 1, 29, 12), '2024-02-29'],
    [new Date(987, 6, 4, 12), '0987-07-04'],
  ])('%s → %s (the local calendar day, zero-padded)', (now, day) => {
    expect(localToday(now)).toBe(day);
  });

  it('defaults to now', () => {
    expect(localToday()).toBe(localToday(new Date()));
    expect(isIsoDay(localToday())).toBe(true);
  });
});

describe('clockToday', () => {
  it('is localToday of the clock at every moment: across local midnights, forwards and back', () => {
    const moments = [
      new Date(2026, 11, 31, 23, 59, 59, 999), new Date(2027, 0, 1, 0, 0, 0, 0), new Date(2027, 0, 1, 12),
      new Date(2026, 11, 31, 23, 59, 59, 999), new Date(2026, 2, 29, 1, 30), new Date(2026, 9, 25, 2, 30), new Date(2024, 1, 29),
    ];
    for (const moment of moments) expect(clockToday(moment.getTime())).toBe(localToday(moment));
    fc.assert(
      fc.property(fc.array(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) }), { maxLength: 20 }), (times) => {
        for (const t of times) expect(clockToday(t)).toBe(localToday(new Date(t)));
        // The same moments again in reverse, and their neighbours a millisecond away.
        for (const t of times.reverse()) for (const at of [t - 1, t, t + 1]) expect(clockToday(at)).toBe(localToday(new Date(at)));
      }),
    );
  });

  it('defaults to now', () => {
    expect(clockToday()).toBe(localToday());
  });
});

describe('isIsoDay', () => {
  it.each([
    ['2026-11-24', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['2026-11-24T10:00', false],
    [' 2026-11-24', false],
    ['YYYY-MM-DD', false],
    ['', false],
  ])('%j → %s', (text, ok) => {
    expect(isIsoDay(text)).toBe(ok);
  });
});

describe('daysBetween', () => {
  it.each([
    ['2026-11-20', '2026-11-24', 4],
    ['2026-11-24', '2026-11-20', -4],
    ['2026-11-24', '2026-11-24', 0],
    ['2026-02-28', '2026-03-01', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2025-12-31', '2026-01-01', 1],
    ['2026-03-28', '2026-03-30', 2],
    ['2026-10-24', '2026-10-26', 2],
    ['2020-01-01', '2026-01-01', 2192],
    ['2026-02-30', '2026-03-01', null],
    ['soon', '2026-03-01', null],
    ['2026-03-01', 'XX', null],
  ])('%s → %s: %s', (from, to, days) => {
    expect(daysBetween(from, to)).toBe(days);
  });

  it('counts the days date-fns counts, for any two days written YYYY-MM-DD, real or not', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const day = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(
      fc.property(day, day, (from, to) => {
        const a = parseISO(from);
        const b = parseISO(to);
        expect(daysBetween(from, to)).toBe(isValid(a) && isValid(b) ? differenceInCalendarDays(b, a) : null);
      }),
      { numRuns: 2000 },
    );
  });
});
