// The settings' building blocks: what each accepts, how it cleans what it accepts, and the words
// a user reads when a value is wrong. Colours matter most: they reach style attributes in both
// plugins, so nothing that can carry more CSS or markup may pass.
import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { colour, diagnosticCode, flag, isColour, text, wholeNumber, wordList } from '../../../src/core/settings/fields';

const error = (schema: z.ZodMiniType, value: unknown) => {
  const result = z.safeParse(schema, value);
  return result.success ? null : result.error.issues[0]!.message;
};

describe('colour', () => {
  it.each([
    ['#2563eb', true],
    ['#abc', true],
    ['#2563ebcc', true],
    [' #2563eb ', true],
    ['rebeccapurple', true],
    ['rgb(37, 99, 235)', true],
    ['rgba(37 99 235 / 50%)', true],
    ['hsl(220 83% 53%)', true],
    ['oklch(0.7 0.1 200)', true],
    ['var(--stage-dev)', true],
    ['#12', false],
    ['#gggggg', false],
    ['red;background:url(x)', false],
    ['#2563eb"><script>', false],
    ['url(javascript:alert(1))', false],
    ['expression(alert(1))', false],
    ['rgb(1,2,3);x:y', false],
    ['var(--a);color:red', false],
    ['', false],
    ['a'.repeat(31), false],
  ])('%j: %s', (value, ok) => {
    expect(isColour(value)).toBe(ok);
    expect(error(colour(), value)).toBe(ok ? null : 'expected a CSS colour: #rrggbb, a colour name, rgb(…)/hsl(…)/oklch(…) or var(--…)');
  });

  it('is trimmed when accepted', () => {
    expect(z.parse(colour(), '  #2563eb ')).toBe('#2563eb');
  });
});

describe('the other blocks', () => {
  it.each([
    [text('the stage name'), '  Staging ', 'Staging', null],
    [text('the stage name'), 7, undefined, 'expected the stage name as text'],
    [wordList('tags'), [' maturity ', '', '  ', 'TTA'], ['maturity', 'TTA'], null],
    [wordList('tags'), 'maturity', undefined, 'expected a list of tags (["…", "…"])'],
    [wordList('tags'), ['ok', 3], undefined, 'expected tags as text'],
    [flag('show the header'), true, true, null],
    [flag('show the header'), 'yes', undefined, 'expected true or false (show the header)'],
    [wholeNumber('a number of days', 1, 365), 30, 30, null],
    [wholeNumber('a number of days', 1, 365), 0, undefined, 'expected a number of days: a whole number from 1 to 365'],
    [wholeNumber('a number of days', 1, 365), 2.5, undefined, 'expected a number of days: a whole number from 1 to 365'],
    [wholeNumber('a number of days', 1, 365), '30', undefined, 'expected a number of days: a whole number from 1 to 365'],
    [diagnosticCode(), 'stale', 'stale', null],
    [diagnosticCode(), 'not-a-code', undefined, 'expected a diagnostic code (see docs/cli.md, "Diagnostics")'],
  ] as const)('%#: %j', (schema, value, parsed, message) => {
    expect(error(schema, value)).toBe(message);
    if (message === null) expect(z.parse(schema, value)).toEqual(parsed);
  });
});
