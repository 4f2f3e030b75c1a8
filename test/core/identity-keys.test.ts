// identify()'s key list and lastSegment() without splitting: pinned to the plain ways they replaced.
import { describe, expect, it } from 'vitest';
import { createPipeline, defaultConfig, DEFAULT_STAGES, identify, parseNote } from '../../src/core/index';
import { lastSegment } from '../../src/core/identity';
import { nameKey } from '../../src/core/text';

function lastSegmentSplit(name: string): string {
  const parts = name.split('/').map((p) => p.trim()).filter(Boolean);
  return parts[parts.length - 1] ?? name;
}

describe('lastSegment', () => {
  it.each(['', ' ', '/', '//', 'a', ' a ', 'a/b', 'a/b/', 'a/ /', '/a', ' / x / ', 'A/B/C', 'x// ', '  /  '])('%j as split would give it', (name) => {
    expect(lastSegment(name)).toBe(lastSegmentSplit(name));
  });
});

describe('identify keys', () => {
  const pipeline = createPipeline(DEFAULT_STAGES);
  const rules = defaultConfig().components;

  it('are the distinct name keys in the order first given, however many aliases', () => {
    const aliases = Array.from({ length: 40 }, (_, i) => `Alias ${i % 25}`);
    const text = `---\ntitle: Ledger Component Maturity Status\naliases: [${aliases.join(', ')}]\n---\n# Harbor/Ledger Maturity\n`;
    const note = parseNote(text, pipeline);
    const raw = [note.title, ...note.aliases];
    const keys = identify(note, 'src/ledger/MATURITY.md', rules).keys;
    expect(keys[0]).toBe('ledger');
    expect(new Set(keys).size).toBe(keys.length);
    for (const value of raw) expect(keys).toContain(nameKey(value!));
    expect(keys).toContain('src/ledger');
  });
});
