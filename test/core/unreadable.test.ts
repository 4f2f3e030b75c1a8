// Files a host could not read are file-unreadable diagnostics about the vault: recorded by skip()
// or by an oversized upsert, gone when the file is read or removed, subject to severity settings.
import { describe, expect, it } from 'vitest';
import { createIndex, MAX_NOTE_BYTES } from '../../src/core/index';
import { note } from '../cli/run';

const unreadable = (index: ReturnType<typeof createIndex>) => index.vaultDiagnostics().filter((d) => d.code === 'file-unreadable');

describe('file-unreadable', () => {
  it('names the file and the reason, once per file, in path order', () => {
    const index = createIndex({ today: '2026-11-24' });
    index.skip('b/blob.md', 'binary content, not a text note');
    index.skip('a/huge.md', 'larger than 64 MB (80 MB)');
    index.skip('b/blob.md', 'binary content, not a text note');
    expect(unreadable(index)).toEqual([
      { code: 'file-unreadable', severity: 'warning', message: 'a/huge.md was not read: larger than 64 MB (80 MB).', related: ['a/huge.md'] },
      { code: 'file-unreadable', severity: 'warning', message: 'b/blob.md was not read: binary content, not a text note.', related: ['b/blob.md'] },
    ]);
  });

  it('a component that becomes unreadable leaves the index; reading it again brings it back', () => {
    const index = createIndex({ today: '2026-11-24' });
    index.upsert('Api.md', note('Api', 'Staging'));
    expect(index.ids()).toEqual(['Api.md']);
    const change = index.skip('Api.md', 'unreadable (EACCES)');
    expect(change.removed).toEqual(['Api.md']);
    expect(index.ids()).toEqual([]);
    expect(unreadable(index)).toHaveLength(1);
    index.upsert('Api.md', note('Api', 'Staging'));
    expect(index.ids()).toEqual(['Api.md']);
    expect(unreadable(index)).toEqual([]);
  });

  it('removing the file clears it', () => {
    const index = createIndex();
    index.skip('x.md', 'unreadable (EIO)');
    index.remove('x.md');
    expect(unreadable(index)).toEqual([]);
  });

  it('a note over the size limit is not parsed, whichever host passes it', () => {
    const index = createIndex();
    index.upsert('big.md', `${note('Big', 'Staging')}${'x'.repeat(MAX_NOTE_BYTES)}`);
    expect(index.has('big.md')).toBe(false);
    expect(unreadable(index).map((d) => d.message)).toEqual([expect.stringMatching(/^big\.md was not read: larger than 64 MB/)]);
  });

  it.each([
    ['off', 0],
    ['error', 1],
  ] as const)('severity %s applies', (severity, count) => {
    const index = createIndex({ severity: { 'file-unreadable': severity } });
    index.skip('x.md', 'binary content, not a text note');
    expect(unreadable(index)).toHaveLength(count);
    if (count) expect(unreadable(index)[0]!.severity).toBe(severity);
  });
});
