// What a Logseq file graph will do differently with a note, as diagnostics on the note's lines:
// one table row per code with a note that shows it, then the cases where nothing may be said.
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, logseqDiagnostics, parseNote } from '../../src/core/index';

describe('each code, on a note that shows it', () => {
  const pipeline = createPipeline(DEFAULT_STAGES);
  it.each([
    // code, path, text, severity, line (null: about the whole note), message fragment
    ['logseq-frontmatter-dropped', 'x.md', '---\ntitle: Api\n\ntags: maturity\n---\n# Api\n', 'warning', 3, 'Logseq ignores this whole front matter: line 3 is blank'],
    ['logseq-tags-mangled', 'x.md', '---\ntags: [maturity, api]\n---\n', 'warning', 2, 'as the pages "[maturity", "api]"'],
    ['logseq-hash-tags', 'x.md', '---\ntags: #TTA\n---\n', 'info', 2, 'TTA'],
    ['logseq-property-key', 'x.md', '---\nCurrent_Stage: Staging\n---\n', 'info', 2, 'current-stage'],
    ['logseq-page-name', 'pages/Harbor___Ledger.md', '# Ledger\n', 'warning', 1, 'legacy file-name format'],
    ['logseq-checkbox-text', 'x.md', '## Development → Staging\n- [x] Tests\n- [ ] Docs\n', 'info', null, 'the 2 "- [ ]" checklist items as text'],
  ] as const)('%s', (code, path, text, severity, line, fragment) => {
    const format = code === 'logseq-page-name' ? 'legacy' : 'triple-lowbar';
    const found = logseqDiagnostics(path, text, { note: parseNote(text, pipeline), fileNameFormat: format }).filter((d) => d.code === code);
    expect(found).toHaveLength(1);
    expect(found[0]!.severity).toBe(severity);
    expect(found[0]!.line ?? null).toBe(line);
    expect(found[0]!.message).toContain(fragment);
  });
});

describe('diagnostics', () => {
  const pipeline = createPipeline(DEFAULT_STAGES);

  it('says nothing about a note Logseq reads as written', () => {
    const text = 'tags:: maturity\ncurrent-stage:: staging\n\n- **Current Stage**: Staging\n';
    expect(logseqDiagnostics('pages/Harbor___Ledger.md', text, { note: parseNote(text, pipeline) })).toEqual([]);
  });

  it('warns under the legacy file-name format', () => {
    const [d] = logseqDiagnostics('pages/Harbor___Ledger.md', '# Ledger\n', { fileNameFormat: 'legacy' });
    expect(d?.message).toContain('legacy file-name format, so the page is named "Harbor___Ledger", not "Harbor/Ledger"');
  });

  it('counts GFM criteria as text only when the note has criteria', () => {
    const text = '## Development → Staging\n- [x] Tests\n- [ ] Docs\n';
    expect(logseqDiagnostics('x.md', text, { note: parseNote(text, pipeline) }).map((d) => d.code)).toEqual(['logseq-checkbox-text']);
    expect(logseqDiagnostics('x.md', '- [ ] groceries\n', { note: parseNote('- [ ] groceries\n', pipeline) })).toEqual([]);
  });

  it('honours severity overrides', () => {
    const text = '---\ntags: [a, b]\n---\n';
    expect(logseqDiagnostics('x.md', text, { severity: { 'logseq-tags-mangled': 'off' } })).toEqual([]);
    expect(logseqDiagnostics('x.md', text, { severity: { 'logseq-tags-mangled': 'error' } })[0]?.severity).toBe('error');
  });
});
