// The index is updated incrementally (only what an edit can affect is re-resolved, views are
// cached, the cycle search reruns only when edges change). After any sequence of edits it must
// say exactly what an index built from scratch over the same notes says, views for one use
// (componentOnce) included.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateNotes } from '../../bench/generator/vault';
import { createIndex, type MaturityIndex } from '../../src/core/index';
import type { MaturitySettings } from '../../src/core/settings/index';
import { TODAY } from '../helpers/vault';

const BASE = [...generateNotes({ notes: 40, seed: 3 })].map((n) => ({ path: n.path, text: n.text, name: n.component }));
const NAMES = BASE.map((n) => n.name).filter((n): n is string => n !== null);

type Op =
  | { kind: 'stage'; note: number }
  | { kind: 'depend'; note: number; on: number }
  | { kind: 'undepend'; note: number }
  | { kind: 'tick'; note: number }
  | { kind: 'recase'; note: number }
  | { kind: 'retitle'; note: number; as: number }
  | { kind: 'remove'; note: number }
  | { kind: 'restore'; note: number }
  | { kind: 'rename'; note: number; withText: boolean }
  | { kind: 'today'; days: number };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('stage' as const), note: fc.nat(BASE.length - 1) }),
  fc.record({ kind: fc.constant('depend' as const), note: fc.nat(BASE.length - 1), on: fc.nat(NAMES.length - 1) }),
  fc.record({ kind: fc.constant('undepend' as const), note: fc.nat(BASE.length - 1) }),
  fc.record({ kind: fc.constant('tick' as const), note: fc.nat(BASE.length - 1) }),
  fc.record({ kind: fc.constant('recase' as const), note: fc.nat(BASE.length - 1) }),
  fc.record({ kind: fc.constant('retitle' as const), note: fc.nat(BASE.length - 1), as: fc.nat(NAMES.length - 1) }),
  fc.record({ kind: fc.constant('remove' as const), note: fc.nat(BASE.length - 1) }),
  fc.record({ kind: fc.constant('restore' as const), note: fc.nat(BASE.length - 1) }),
  fc.record({ kind: fc.constant('rename' as const), note: fc.nat(BASE.length - 1), withText: fc.boolean() }),
  fc.record({ kind: fc.constant('today' as const), days: fc.nat(60) }),
);

const NEXT_STAGE: Record<string, string> = { development: 'Staging', staging: 'Production', production: 'Development' };

function apply(vault: Map<string, string>, index: MaturityIndex, o: Op, today: { value: string }): void {
  const base = BASE[o.kind === 'today' ? 0 : o.note]!;
  const path = [...vault.keys()].find((p) => p === base.path || p === `moved/${base.path}`);
  const text = path === undefined ? undefined : vault.get(path)!;
  switch (o.kind) {
    case 'stage': {
      if (path === undefined || text === undefined) return;
      const edited = text.replace(/(current[- ]stage\W{0,6}\s*\**)(development|staging|production)/i, (_m, key: string, stage: string) => key + NEXT_STAGE[stage.toLowerCase()]!);
      vault.set(path, edited);
      index.upsert(path, edited);
      return;
    }
    case 'depend': {
      // A dependency line at the end, as its own section: may close a cycle.
      if (path === undefined || text === undefined) return;
      const edited = `${text}\n## Dependencies\n\n- [[${NAMES[o.on]!}]] (Current Stage: Staging)\n`;
      vault.set(path, edited);
      index.upsert(path, edited);
      return;
    }
    case 'undepend': {
      if (path === undefined || text === undefined) return;
      const edited = text.replace(/\n## Dependencies\n\n- \[\[[^\]]*\]\] \(Current Stage: Staging\)\n$/, '\n');
      vault.set(path, edited);
      index.upsert(path, edited);
      return;
    }
    case 'tick':
    case 'recase': {
      // Stage and name kept (a box checked or unchecked: dependents' views stay), or the name's
      // case changed (its keys stay, its dependents' messages change).
      if (path === undefined || text === undefined) return;
      const edited = o.kind === 'tick'
        ? text.replace(/^(\s*[-*] \[)([ xX])\]/m, (_m, head: string, box: string) => `${head}${box === ' ' ? 'x' : ' '}]`)
        : text.replace(/^(# |title: )(.*)$/gm, (_m, head: string, title: string) => head + (title === title.toUpperCase() ? title.toLowerCase() : title.toUpperCase()));
      vault.set(path, edited);
      index.upsert(path, edited);
      return;
    }
    case 'retitle': {
      // Another note's name: duplicates, and links that now resolve elsewhere.
      if (path === undefined || text === undefined) return;
      const edited = text.replace(/^# .*$/m, `# ${NAMES[o.as]!} Maturity Status`).replace(/^title: .*$/m, `title: ${NAMES[o.as]!} Maturity Status`);
      vault.set(path, edited);
      index.upsert(path, edited);
      return;
    }
    case 'remove':
      if (path === undefined) return;
      vault.delete(path);
      index.remove(path);
      return;
    case 'restore':
      if (path !== undefined) return;
      vault.set(base.path, base.text);
      index.upsert(base.path, base.text);
      return;
    case 'rename': {
      if (path === undefined || text === undefined) return;
      const to = path.startsWith('moved/') ? path.slice('moved/'.length) : `moved/${path}`;
      if (vault.has(to)) return;
      vault.delete(path);
      vault.set(to, text);
      const change = o.withText ? index.rename(path, to, text) : index.rename(path, to);
      if (change.needsText) index.upsert(to, text);
      return;
    }
    case 'today': {
      const d = new Date(`${TODAY}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() + o.days);
      today.value = d.toISOString().slice(0, 10);
      index.setToday(today.value);
      return;
    }
  }
}

function snapshot(index: MaturityIndex): unknown {
  return {
    ids: index.ids(),
    components: index.ids().map((id) => index.component(id)),
    cycles: index.cycles(),
    vault: index.vaultDiagnostics(),
    edges: [...index.edges()].sort(([a], [b]) => (a < b ? -1 : 1)),
    staging: [...index.idsAtStage('staging')].sort(),
  };
}

/** Severity overrides, some turned off: a view rebuilt on a stale one keeps its tail of diagnostics as they were given. */
const SEVERITY: MaturitySettings['severity'] = { stale: 'off', 'sla-breach': 'info', 'criterion-contradicted': 'off', 'dependency-stage-mismatch': 'error', 'stage-inversion': 'off' };

describe('incremental index', () => {
  it('matches an index built from scratch after any sequence of edits', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), fc.boolean(), (ops, overrides) => {
        const vault = new Map(BASE.map((n) => [n.path, n.text]));
        const today = { value: TODAY };
        const severity = overrides ? SEVERITY : {};
        const index = createIndex({ today: TODAY, severity });
        for (const [path, text] of vault) index.upsert(path, text);
        // Views are cached from here on: stale ones must not survive the edits.
        snapshot(index);
        for (const o of ops) {
          apply(vault, index, o, today);
          if (o.kind !== 'today' && o.note % 3 === 0) index.components(); // read views between edits too
          if (o.kind !== 'today' && o.note % 3 === 1) for (const id of index.ids()) index.componentOnce(id); // and views for one use
        }
        const fresh = createIndex({ today: today.value, severity });
        for (const [path, text] of vault) fresh.upsert(path, text);
        const expected = snapshot(fresh) as { components: unknown[] };
        // A view for one use is the kept one when it is still good, else one built as the kept one would be.
        expect(index.ids().map((id) => index.componentOnce(id))).toEqual(expected.components);
        expect(snapshot(index)).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
