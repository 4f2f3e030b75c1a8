// `export --format backstage`: every entity passes Backstage's own validators (the catalog's
// entity policies and the Component kind validator), names are unique, dependencies point at
// entities in the same file, and hostile names and paths come out valid and unambiguous.
import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  parseEntityRef,
  SchemaValidEntityPolicy,
  type Entity,
} from '@backstage/catalog-model';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { ensureBuilt, runCli } from '../helpers/cli';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import { note } from './run';

ensureBuilt();

const policy = EntityPolicies.allOf([new DefaultNamespaceEntityPolicy(), new NoForeignRootFieldsEntityPolicy(), new FieldFormatEntityPolicy(), new SchemaValidEntityPolicy()]);

function entities(yaml: string): Entity[] {
  const docs = parseAllDocuments(yaml);
  if (!Array.isArray(docs)) throw new Error('not a YAML stream');
  for (const doc of docs) expect(doc.errors).toEqual([]);
  return docs.map((doc) => doc.toJS() as Entity);
}

/** Backstage's catalog checks, as it runs them on ingestion. */
async function expectValid(list: Entity[]): Promise<void> {
  for (const entity of list) {
    await expect(policy.enforce(entity), entity.metadata.name).resolves.toBeDefined();
    await expect(componentEntityV1alpha1Validator.check(entity), entity.metadata.name).resolves.toBe(true);
  }
  const names = list.map((e) => e.metadata.name.toLowerCase());
  expect(new Set(names).size).toBe(names.length);
  for (const e of list) {
    for (const ref of (e.spec?.['dependsOn'] as string[] | undefined) ?? []) {
      const parsed = parseEntityRef(ref);
      expect(parsed.kind).toBe('component');
      expect(names).toContain(parsed.name);
    }
  }
}

function exportOf(dir: string, ...args: string[]) {
  const out = runCli(['export', dir, '--format', 'backstage', '--today', TODAY, ...args]);
  return { ...out, entities: out.code === 0 ? entities(out.stdout) : [] };
}

describe('export --format backstage on the example vault', () => {
  const out = exportOf(EXAMPLE_VAULT);
  const index = loadFolder(EXAMPLE_VAULT);
  const byTitle = (title: string) => out.entities.find((e) => e.metadata.title === title)!;

  it('is one Component entity per component, each valid for Backstage', async () => {
    expect(out.code).toBe(0);
    expect(out.entities).toHaveLength(index.ids().length);
    expect(out.entities.every((e) => e.apiVersion === 'backstage.io/v1alpha1' && e.kind === 'Component')).toBe(true);
    await expectValid(out.entities);
  });

  it('carries the stage as lifecycle, the owner, resolved dependencies, progress and the note’s path', () => {
    const billing = byTitle('Billing Engine');
    expect(billing.metadata.name).toBe('billing-engine');
    expect(billing.spec).toMatchObject({ type: 'service', lifecycle: 'experimental' });
    expect(byTitle('Auth Gateway').spec!['lifecycle']).toBe('production');
    const component = index.component(index.lookup('Billing Engine')!)!;
    const resolved = component.dependencies.filter((d) => d.id !== null).map((d) => `component:${out.entities.find((e) => e.metadata.title === index.component(d.id!)!.name)!.metadata.name}`);
    expect(billing.spec!['dependsOn']).toEqual([...new Set(resolved)].sort());
    expect(billing.metadata.annotations).toMatchObject({
      'maturity-map/stage': 'Staging',
      'maturity-map/next-stage': 'Production',
      'maturity-map/criteria': `${component.readiness!.criteria.met}/${component.readiness!.criteria.total}`,
      'maturity-map/note-path': 'examples/vault/Components/Billing Engine.md',
    });
    expect(billing.metadata.description).toBe(component.readiness!.summary);
  });

  it('keeps markup in a title as text, and unresolved dependencies out of dependsOn', () => {
    const widget = out.entities.find((e) => e.metadata.title?.includes('<img'))!;
    expect(widget.metadata.name).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    expect(JSON.stringify(widget.spec)).not.toContain('svg');
  });
});

describe('hostile names, duplicates and paths', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mm-backstage-'));
  mkdirSync(join(dir, '.git'));
  const vault = join(dir, 'team notes');
  const notes: Record<string, string> = {
    'a/Ledger.md': note('Ledger', 'Production'),
    'b/Ledger.md': note('Ledger', 'Staging'),
    'c/ledger copy.md': note('LEDGER', 'Development'),
    'quotes.md': note('Payments "Core" \'v2\'', 'Staging', ['Ledger', 'Nowhere']),
    'percent 100%.md': note('100% ::error file=x::forged, a:b', 'Development', ['Payments "Core" \'v2\'']),
    'cjk.md': note('日本語サービス', 'Development'),
    'long.md': note(`${'Very Long Component Name '.repeat(6)}End`, 'Development'),
    'yes.md': note('Yes', 'Production', [], 'On'),
    // Escape sequences (clear screen, OSC 52 clipboard) and a bidi override in the name and the owner.
    'escape.md': note('Esc \u001b[2J\u001b]52;c;aGk=\u0007 \u202eName', 'Staging', [], 'team \u001b[31mred'),
  };
  for (const [path, text] of Object.entries(notes)) {
    mkdirSync(join(vault, path, '..'), { recursive: true });
    writeFileSync(join(vault, path), text);
  }
  // A name with a line break and a tab, written as YAML escapes in front matter.
  writeFileSync(join(vault, 'newline.md'), note('X', 'Development').replace('component: "X"', 'component: "Two\\nLines\\tTab"'));
  const out = exportOf(vault);

  it('comes out valid for Backstage with every name unique', async () => {
    expect(out.code).toBe(0);
    expect(out.entities).toHaveLength(10);
    await expectValid(out.entities);
    expect(out.stderr).toMatch(/\d+ of 10 names are shared or unusable/);
  });

  it('keeps the real names and paths exactly, as text', () => {
    const titles = out.entities.map((e) => e.metadata.title);
    expect(titles).toContain('Payments "Core" \'v2\'');
    expect(titles).toContain('100% ::error file=x::forged, a:b');
    expect(titles).toContain('Yes');
    const yes = out.entities.find((e) => e.metadata.title === 'Yes')!;
    expect(yes.spec!['owner']).toBe('On');
    expect(out.stdout).toMatch(/^ {2}owner: "On"$/m);
    const paths = out.entities.map((e) => e.metadata.annotations!['maturity-map/note-path']);
    expect(paths).toContain('team notes/percent 100%.md');
    expect(paths).toContain('team notes/c/ledger copy.md');
    expect(out.stdout).toMatch(/^ {2}title: "Yes"$/m);
  });

  it('gives each of the three Ledgers its own name and points dependsOn at the one the note resolves', () => {
    const ledgers = out.entities.filter((e) => e.metadata.title!.toLowerCase() === 'ledger');
    expect(ledgers).toHaveLength(3);
    for (const l of ledgers) expect(l.metadata.name).toMatch(/^ledger-[0-9a-z]{6}$/);
    const index = loadFolder(vault);
    const target = index.component(index.lookup('Payments "Core" \'v2\'')!)!.dependencies.find((d) => d.name === 'Ledger')!.id!;
    const targetName = out.entities.find((e) => e.metadata.annotations!['maturity-map/note-path'] === `team notes/${target}`)!.metadata.name;
    const payments = out.entities.find((e) => e.metadata.title === 'Payments "Core" \'v2\'')!;
    expect(payments.spec!['dependsOn']).toEqual([`component:${targetName}`]);
  });

  it('keeps escape sequences as data: the title exact after parsing, nothing raw in the file, a valid name and owner', () => {
    const escape = out.entities.find((e) => e.metadata.annotations!['maturity-map/note-path'] === 'team notes/escape.md')!;
    expect(escape.metadata.title).toBe('Esc \u001b[2J\u001b]52;c;aGk=\u0007 \u202eName');
    expect(escape.metadata.name).toMatch(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/);
    expect(escape.spec!['owner']).toMatch(/^[a-z0-9]+(?:[-_.][a-z0-9]+)*$/);
    // eslint-disable-next-line no-control-regex
    expect(out.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
  });

  it('names unusable and over-long names validly', () => {
    const cjk = out.entities.find((e) => e.metadata.title === '日本語サービス')!;
    expect(cjk.metadata.name).toMatch(/^component-[0-9a-z]{6}$/);
    const long = out.entities.find((e) => e.metadata.title!.startsWith('Very Long'))!;
    expect(long.metadata.name.length).toBeLessThanOrEqual(63);
  });
});

describe('options', () => {
  const vault = mkdtempSync(join(tmpdir(), 'mm-backstage-opts-'));
  writeFileSync(join(vault, 'a.md'), note('Alpha', 'Staging', ['Beta']));
  writeFileSync(join(vault, 'b.md'), note('Beta', 'Production', [], ''));

  it('sets type, lifecycle per stage, default owner, namespace and view URL', async () => {
    const out = exportOf(vault, '--type', 'library', '--lifecycle', 'staging=beta', '--owner', 'group:platform', '--namespace', 'maturity', '--view-url-base', 'https://git.example/repo/blob/main/');
    await expectValid(out.entities);
    const [alpha, beta] = out.entities;
    expect(alpha!.spec).toEqual({ type: 'library', lifecycle: 'beta', owner: 'team', dependsOn: ['component:maturity/beta'] });
    expect(alpha!.metadata.namespace).toBe('maturity');
    expect(beta!.spec!['owner']).toBe('group:platform');
    expect(alpha!.metadata.annotations!['backstage.io/view-url']).toMatch(/^https:\/\/git\.example\/repo\/blob\/main\/.*mm-backstage-opts-[^/]+\/a\.md$/);
  });

  it('reads the backstage settings, and flags override them', async () => {
    const settings = join(vault, 'backstage.json');
    writeFileSync(settings, JSON.stringify({ backstage: { type: 'website', lifecycle: { production: 'ga' }, owners: { team: 'group:core' }, defaultOwner: 'group:nobody' } }));
    const fromSettings = exportOf(vault, '--config', settings);
    await expectValid(fromSettings.entities);
    expect(fromSettings.entities.map((e) => e.spec)).toEqual([
      { type: 'website', lifecycle: 'experimental', owner: 'group:core', dependsOn: ['component:beta'] },
      { type: 'website', lifecycle: 'ga', owner: 'group:nobody' },
    ]);
    expect(exportOf(vault, '--config', settings, '--type', 'library').entities[0]!.spec!['type']).toBe('library');
    writeFileSync(settings, JSON.stringify({ backstage: { namespace: 'Not Valid' } }));
    const bad = runCli(['export', vault, '--format', 'backstage', '--config', settings]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('backstage.namespace');
  });

  it('refuses a missing or unknown format and malformed options with exit 2', () => {
    expect(runCli(['export', vault]).code).toBe(2);
    expect(runCli(['export', vault, '--format', 'csv']).code).toBe(2);
    expect(runCli(['export', vault, '--format', 'backstage', '--lifecycle', 'staging']).code).toBe(2);
    expect(runCli(['export', vault, '--format', 'backstage', '--namespace', 'Not Valid']).code).toBe(2);
    expect(runCli(['export', vault, '--format', 'backstage', '--view-url-base', 'javascript:alert(1)']).code).toBe(2);
  });
});
