// The parser's speed shortcuts, each one switchable: `npm run bench` measures what each is worth
// against the plain version in the same run (docs/benchmarks.md, "Shortcut ledger"), and
// test/core/parse/shortcuts.test.ts pins every one to the plain version's result. Products never
// switch them off.

export interface ParserShortcuts {
  /** Flat `key: value` front matter read without the `yaml` package (simple-yaml.ts). */
  yamlFastPath: boolean;
  /** Headings classified once per distinct text and pipeline (sections.ts). */
  sectionCache: boolean;
  /** Field labels looked up by their characters, not by their normal form in a map (label-trie.ts). */
  labelTrie: boolean;
}

export const SHORTCUTS: ParserShortcuts = { yamlFastPath: true, sectionCache: true, labelTrie: true };

/** Run `fn` with some shortcuts switched off (benchmarks and tests), then switch them back. */
export function withShortcuts<T>(off: Partial<ParserShortcuts>, fn: () => T): T {
  const saved = { ...SHORTCUTS };
  Object.assign(SHORTCUTS, off);
  try {
    return fn();
  } finally {
    Object.assign(SHORTCUTS, saved);
  }
}
