// An edit rebuilds only the views it changes, counted (work-count.ts), never timed: the edited
// component's view is assessed from its new note; its dependents', which read its stage and name,
// are rebuilt on their stale views (what their own notes decide taken from them); its
// dependencies' views, which list it by id only, are kept. Each edit is still reported the same
// way (a card shows the live stages of both), and every view equals a fresh index's.
import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { editedText } from '../../bench/core-bench';
import { createIndex, type MaturityIndex } from '../../src/core/index';
import { resetWorkCount } from '../../src/core/work-count';
import { TODAY } from '../helpers/vault';

const note = (name: string, stage: string, deps: string[], box = ' ') => `---
title: ${name} Component Maturity Status
tags: [maturity]
---
# ${name} Component Maturity Status

**Current Stage**: ${stage}
**Last Updated**: 2026-11-20

**Dependencies**:
${deps.length ? deps.map((d) => `- [[${d}]]`).join('\n') : '- None (foundational component)'}

## Promotion Criteria

### Staging → Production
- [${box}] Load tested
- [ ] Runbook written
`;

function chain(): MaturityIndex {
  const index = createIndex({ today: TODAY });
  index.upsert('Store.md', note('Store', 'Production', []));
  index.upsert('Api.md', note('Api', 'Staging', ['Store']));
  index.upsert('Web.md', note('Web', 'Staging', ['Api']));
  index.components();
  return index;
}

function fresh(vault: Map<string, string>): MaturityIndex {
  const index = createIndex({ today: TODAY });
  for (const [path, text] of vault) index.upsert(path, text);
  return index;
}

describe('an edit rebuilds the views it changes', () => {
  it('moving a stage: the edited view assessed anew, its dependent rebuilt on its stale view, its dependency kept', () => {
    const index = chain();
    const store = index.component('Store.md');
    const web = index.component('Web.md');
    const count = resetWorkCount();
    const change = index.upsert('Api.md', note('Api', 'Development', ['Store']));
    expect(change.changed).toEqual(['Api.md', 'Store.md', 'Web.md']);
    for (const id of change.changed) index.component(id);
    expect(count.viewsBuilt).toBe(2); // Api and Web (main: all three)
    expect(count.viewsFromStale).toBe(1); // Web
    expect(index.component('Store.md')).toBe(store);
    expect(index.component('Web.md')).not.toBe(web);
    expect(index.component('Web.md')!.diagnostics.map((d) => d.code)).toContain('stage-inversion');
    const vault = new Map([['Store.md', note('Store', 'Production', [])], ['Api.md', note('Api', 'Development', ['Store'])], ['Web.md', note('Web', 'Staging', ['Api'])]]);
    expect(index.components()).toEqual(fresh(vault).components());
  });

  it('checking a box (stage and name unchanged): only the edited view is built', () => {
    const index = chain();
    const [store, web] = [index.component('Store.md'), index.component('Web.md')];
    const count = resetWorkCount();
    const change = index.upsert('Api.md', note('Api', 'Staging', ['Store'], 'x'));
    expect(change.changed).toEqual(['Api.md', 'Store.md', 'Web.md']);
    for (const id of change.changed) index.component(id);
    expect(count.viewsBuilt).toBe(1); // main: 3
    expect(index.component('Store.md')).toBe(store);
    expect(index.component('Web.md')).toBe(web);
    expect(index.component('Api.md')!.note.transitions[0]!.met).toBe(1);
  });

  it('the bench\'s edits on a generated vault: one view assessed a edit, dependents and cycle members rebuilt on their stale views', () => {
    const notes = [...generateNotes({ notes: 150, seed: 5 })];
    const vault = new Map(notes.map((n) => [n.path, n.text]));
    const index = fresh(vault);
    index.components();
    const chosen = index.ids().filter((id) => index.component(id)!.dependents.length > 0).slice(0, 30);
    let edits = 0;
    let reported = 0;
    let expected = 0;
    const count = resetWorkCount();
    for (const id of chosen) {
      const original = vault.get(id)!;
      for (const text of [editedText(original), original]) {
        const stageBefore = index.entry(id)!.note.stage?.id;
        const change = index.upsert(id, text);
        const view = index.component(id)!;
        // The edited component, its dependents when its stage moved (some generated notes take their
        // stage from a line the edit does not touch), the members of a cycle through it (their messages name it).
        const dependents = view.note.stage?.id === stageBefore ? [] : view.dependents;
        expected += new Set([id, ...dependents, ...(index.cycleOf(id) ?? [])]).size;
        for (const other of change.changed) index.component(other);
        reported += change.changed.length;
        edits++;
        vault.set(id, text);
      }
    }
    expect(count.viewsBuilt - count.viewsFromStale).toBe(edits);
    expect(count.viewsBuilt).toBe(expected);
    expect(count.viewsBuilt).toBeLessThan(0.8 * reported); // main builds every view reported
    expect(index.components()).toEqual(fresh(vault).components());
  });
});
