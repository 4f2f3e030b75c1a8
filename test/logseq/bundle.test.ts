// The deliverable itself: dist/logseq/index.js, which the plugin's frame compiles as it loads (and
// every function again, lazily, on its first call). One character above U+007F anywhere in it makes
// V8 hold and scan all of it as two-byte text; esbuild leaves such characters in regular expression
// literals, and the build escapes them (scripts/ascii.mjs; docs/benchmarks.md, session 25).
import { describe, expect, it } from 'vitest';
import { ensureBuilt } from './harness';

describe('index.js', () => {
  it('is ASCII: one character above U+007F makes V8 hold and scan all of it as two-byte text', () => {
    const code = ensureBuilt();
    expect(code.match(/[\u0080-\uffff]/g) ?? []).toEqual([]);
    // The parser's arrows and dashes are there, escaped (the history arrow, the criterion dash).
    expect(code).toContain('\\u2192|->|\\u27f6|\\u2794');
    expect(code).toContain('\\s[-\\u2013\\u2014]\\s+');
  });
});
