// One text matcher for the query's text/owner/group options and the dashboard's filter box: what a
// needle matches, and that both callers answer the same for every needle over the example vault.
import { describe, expect, it } from 'vitest';
import { runQuery } from '../../src/core/query';
import { containsText, matchesText, textNeedle } from '../../src/core/text-match';
import { filterComponents } from '../../src/render/dashboard/filter';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';

const index = loadFolder(EXAMPLE_VAULT, { today: '2026-11-24' });
const billing = index.component(index.lookup('Billing Engine')!)!;

describe('textNeedle', () => {
  it.each([
    ['Billing', 'billing'],
    ['  Engine  ', 'engine'],
    ['', null],
    ['   ', null],
    [undefined, null],
  ])('%j → %j', (text, needle) => {
    expect(textNeedle(text)).toBe(needle);
  });
});

describe('matchesText: name, path, owner, group or a tag, ignoring case', () => {
  it.each([
    ['billing', true, 'the name'],
    ['components/billing', true, 'the path'],
    [billing.note.owner!.value.toLowerCase(), true, 'the owner'],
    [billing.note.group!.value.toLowerCase(), true, 'the functional group'],
    [billing.note.tags[0]!.toLowerCase(), true, 'a tag'],
    ['no such text anywhere', false, 'nothing'],
  ])('%j matches: %s (%s)', (needle, expected) => {
    expect(matchesText(billing, needle)).toBe(expected);
  });

  it('containsText is false for a missing value', () => {
    expect(containsText(null, 'x')).toBe(false);
    expect(containsText(undefined, 'x')).toBe(false);
    expect(containsText('ABC', 'b')).toBe(true);
  });
});

describe('the query and the dashboard filter agree', () => {
  const components = index.components();
  const needles = ['billing', 'ENGINE', ' payments ', 'squad', 'maturity', 'components/', 'e', 'zzz', ''];

  it.each(needles)('text %j', (needle) => {
    const viaQuery = runQuery(index, { text: needle }).map((c) => c.id);
    const viaFilter = filterComponents(components, { text: needle }, index).map((c) => c.id);
    expect(viaFilter).toEqual(viaQuery);
    if (needle.trim() === '') expect(viaQuery).toHaveLength(components.length);
  });

  it('finds something for most needles (the table is not vacuous)', () => {
    const found = needles.filter((n) => runQuery(index, { text: n }).length > 0);
    expect(found.length).toBeGreaterThanOrEqual(needles.length - 1);
  });
});
