// A host that keeps a prepared note's keys (the Obsidian plugin's cache, its parse worker) hands
// them back to `upsertNote`: the index must come out the same as when it works them out itself,
// for components, notes that are no component and notes the first look turned away.
import { describe, expect, it } from 'vitest';
import { createIndex, createPipeline, noteKeys, prepareNote, resolveConfig } from '../../src/core/index';
import { EXAMPLE_VAULT, listMarkdown } from '../helpers/vault';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const settings = { components: { excludeFolders: ['Templates'] } };

function exampleNotes(): Array<[string, string]> {
  return listMarkdown(EXAMPLE_VAULT).map((path) => [path, readFileSync(join(EXAMPLE_VAULT, path), 'utf8')]);
}

describe('noteKeys', () => {
  it('upsertNote with kept keys builds the index upsert builds', () => {
    const config = resolveConfig(settings);
    const pipeline = createPipeline(config.stages, config.vocabulary);
    const notes = exampleNotes();
    expect(notes.length).toBeGreaterThan(20);
    const fromText = createIndex(settings);
    const fromKeys = createIndex(settings);
    fromText.batch(() => notes.forEach(([path, text]) => fromText.upsert(path, text)));
    fromKeys.batch(() =>
      notes.forEach(([path, text]) => {
        // With the detail the index's own upsert keeps (no checklists outside transitions).
        const note = prepareNote(text, path, config, pipeline, undefined, 'index');
        // Through JSON, as a cache keeps them: the index must not rely on object identity.
        const keys = JSON.parse(JSON.stringify(noteKeys(note, path, config, pipeline))) as ReturnType<typeof noteKeys>;
        fromKeys.upsertNote(path, note, keys);
      }),
    );
    expect(fromKeys.ids()).toEqual(fromText.ids());
    expect(fromKeys.ids().length).toBeGreaterThan(10);
    for (const id of fromText.ids()) expect(fromKeys.component(id), id).toEqual(fromText.component(id));
    for (const [path] of notes) expect(fromKeys.entry(path)?.reason ?? null, path).toBe(fromText.entry(path)?.reason ?? null);
    expect(fromKeys.edges()).toEqual(fromText.edges());
  });

  it('say why a note is a component, and give a turned-away note no keys', () => {
    const config = resolveConfig({});
    const pipeline = createPipeline(config.stages, config.vocabulary);
    const [path, text] = exampleNotes().find(([p]) => p === 'Components/Ledger.md')!;
    const keys = noteKeys(prepareNote(text, path, config, pipeline), path, config, pipeline);
    expect(keys.reason).not.toBeNull();
    expect(keys.identity.keys).toContain('ledger');
    // Each dependency's match keys, in order, so a warm start does not work them out again.
    expect(keys.dependencyKeys?.length).toBeGreaterThan(0);
    expect(keys.dependencyKeys![0]![0]).toMatch(/^[a-z0-9 /-]+$/);
    const away = noteKeys(prepareNote('Groceries: milk, bread.\n', 'Daily/list.md', config, pipeline), 'Daily/list.md', config, pipeline);
    expect(away).toEqual({ reason: null, identity: expect.objectContaining({ keys: [] }) });
  });
});
