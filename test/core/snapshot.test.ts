// A snapshot is the index frozen as JSON-safe data (what the standalone dashboard embeds): it
// survives JSON.stringify/parse unchanged, and data that is not a snapshot is refused with a
// reason a person can act on instead of a blank page.
import { describe, expect, it } from 'vitest';
import { checkSnapshot, snapshotIndex } from '../../src/core/snapshot';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';

describe('snapshotIndex', () => {
  it('holds every component, the stages, the cycles and the vault diagnostics, and survives JSON', () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const snapshot = snapshotIndex(index, 'examples/vault');
    expect(snapshot).toMatchObject({ version: 1, root: 'examples/vault', today: TODAY });
    expect(snapshot.components.map((c) => c.id)).toEqual(index.ids());
    expect(snapshot.stages.map((s) => s.id)).toEqual(['development', 'staging', 'production']);
    expect(snapshot.cycles).toEqual(index.cycles());
    expect(snapshot.diagnostics).toEqual(index.vaultDiagnostics());
    const revived = checkSnapshot(JSON.parse(JSON.stringify(snapshot)));
    expect(revived).toEqual(snapshot);
  });
});

describe('checkSnapshot', () => {
  const good = { version: 1, root: 'vault', today: TODAY, stages: [], components: [], cycles: [], diagnostics: [] };

  it.each([
    [null, 'the embedded data is not an object'],
    ['a string', 'the embedded data is not an object'],
    [{ ...good, version: 2 }, 'unsupported snapshot version 2'],
    [{ ...good, version: undefined }, 'unsupported snapshot version undefined'],
    [{ ...good, components: {} }, 'the embedded data lacks stages, components or cycles'],
    [{ ...good, stages: undefined }, 'the embedded data lacks stages, components or cycles'],
    [{ ...good, today: 20261124 }, 'the embedded data lacks today or root'],
    [{ ...good, root: undefined }, 'the embedded data lacks today or root'],
  ])('%j: %s', (data, reason) => {
    expect(() => checkSnapshot(data)).toThrow(reason);
  });

  it('takes a snapshot without vault diagnostics as one with none', () => {
    expect(checkSnapshot({ ...good, diagnostics: undefined }).diagnostics).toEqual([]);
    expect(checkSnapshot({ ...good, diagnostics: 'x' }).diagnostics).toEqual([]);
  });
});
