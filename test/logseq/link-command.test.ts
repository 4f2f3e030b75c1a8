// "Link dependencies" in the BUILT Logseq plugin against the fake 0.10.x host (real SDK): from the
// command palette and as a slash command, on the current page, the core link edit reaches Logseq
// as `Editor.updateBlock` of exactly the blocks whose text changes; every other block stays as it
// was; names left as text are reported with `UI.showMsg`; mldoc (Logseq's parser) then finds a
// page reference to each linked dependency's page, in the blocks and in the file Logseq writes.
import { afterEach, describe, expect, it } from 'vitest';
import { EXAMPLE_VAULT } from '../helpers/vault';
import type { Entity } from './fake/graph';
import { filesOf, loadPlugin, macro, mldocBlocks, until, type Loaded } from './harness';
import { pageRefs } from './mldoc';

const BILLING = 'Components/Billing Engine.md';
const LEDGER_LINE = '- Ledger (Current Stage: Development - BLOCKED)\n';
const files = filesOf(EXAMPLE_VAULT);
// One more plain-text dependency that names no component: reported, left as text.
const billing = files.get(BILLING)!.replace(LEDGER_LINE, `${LEDGER_LINE}- Ghost Service (Current Stage: Staging)\n`);
files.set(BILLING, billing);

// A page written in Logseq's own outline form: the dependencies are blocks nested under a heading block.
const CHECKOUT = 'pages/Checkout.md';
files.set(
  CHECKOUT,
  [
    'title:: Checkout',
    'tags:: maturity',
    '',
    '- **Current Stage**: Staging',
    '- **Last Updated**: 2026-11-20',
    '- ## Dependencies',
    '\t- Ledger (Current Stage: Development)',
    '\t- Auth Gateway (Current Stage: Production)',
    '\t  needed for session tokens',
    '- ## Development → Staging',
    '\t- [x] Unit tests pass',
    '\t- **Status**: 1/1 criteria met',
    '',
  ].join('\n'),
);

let t: Loaded | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

async function start(): Promise<Loaded> {
  // The real cut into blocks (mldoc) for the page under test; the others are never edited here.
  t = await loadPlugin({ files, blocksOf: (text) => (text === billing || text === files.get(CHECKOUT) ? mldocBlocks(text) : []), writeIntervalMs: 100 });
  await macro(t, 'Components/Ledger.md', '{{renderer :maturity}}'); // the graph is read
  return t;
}

const blocksOf = (l: Loaded, path = BILLING): Entity[] => l.graph.pageBlocks(l.graph.pageOfFile(path)![':db/id'] as number);
const contents = (l: Loaded, path = BILLING) => new Map(blocksOf(l, path).map((b) => [String(b['block/uuid']), String(b['block/content'])]));
const pageName = (l: Loaded, path: string) => String(l.graph.pageOfFile(path)!['block/original-name']);
const updates = (l: Loaded) => l.fake.calls.filter((c) => c.method === 'update_block').map((c) => ({ uuid: c.args[0] as string, content: c.args[1] as string }));

async function runFromPalette(l: Loaded): Promise<string> {
  const before = l.fake.messages.length;
  await l.fake.runPaletteCommand('Maturity Map: link dependencies');
  await until(l, () => l.fake.messages.length > before, 'the command to report', 20000);
  return l.fake.messages[l.fake.messages.length - 1]!;
}

describe('Link dependencies in Logseq', () => {
  it('updates only the block whose text changes, reports what it left, and mldoc then finds the page reference', async () => {
    const l = await start();
    expect(l.fake.slashCommands()).toContain('Link dependencies');
    const ledgerPage = pageName(l, 'Components/Ledger.md');
    expect(ledgerPage).toBe('Ledger Maturity Status'); // its title: a labelled page reference is needed
    const before = contents(l);
    const pageText = () => [...contents(l).values()].join('\n');
    expect(pageRefs(pageText())).not.toContain(ledgerPage.toLowerCase());

    l.fake.navigate(pageName(l, BILLING));
    const message = await runFromPalette(l);
    expect(message).toMatch(/^Linked 1 dependency in 1 block\./);
    expect(message).toContain('"Ghost Service" is not a known component; left as text');

    const [update, ...more] = updates(l);
    expect(more).toEqual([]);
    const old = before.get(update!.uuid)!;
    expect(old).toContain('Ledger (Current Stage: Development - BLOCKED)');
    expect(update!.content).toBe(old.replace('Ledger (Current Stage', `[Ledger]([[${ledgerPage}]]) (Current Stage`));
    // Saved in the database; every other block as it was.
    const after = contents(l);
    for (const [uuid, content] of before) expect(after.get(uuid)).toBe(uuid === update!.uuid ? update!.content : content);

    // Logseq's parser: the page now references the Ledger page, and every reference it had stays.
    const refs = pageRefs(pageText());
    expect(refs).toContain(ledgerPage.toLowerCase());
    for (const ref of pageRefs([...before.values()].join('\n'))) expect(refs).toContain(ref);
    // The file Logseq writes from the blocks says the same.
    await until(l, () => l.graph.fileContent(BILLING) !== billing, 'the write queue', 20000);
    expect(pageRefs(l.graph.fileContent(BILLING)!)).toContain(ledgerPage.toLowerCase());

    // Twice changes nothing.
    const again = await runFromPalette(l);
    expect(again).not.toMatch(/^Linked/);
    expect(updates(l).length).toBe(1);
  });

  it('on a page in Logseq’s outline form: the nested blocks that hold the names, and nothing else', async () => {
    const l = await start();
    l.fake.navigate('Checkout');
    const before = contents(l, CHECKOUT);
    const message = await runFromPalette(l);
    expect(message).toMatch(/^Linked 2 dependencies in 2 blocks\.$/);
    const ledger = pageName(l, 'Components/Ledger.md');
    const auth = pageName(l, 'Components/Auth Gateway.md');
    const changed = new Map(updates(l).map((u) => [before.get(u.uuid), u.content]));
    expect(changed).toEqual(
      new Map([
        ['Ledger (Current Stage: Development)', `[Ledger]([[${ledger}]]) (Current Stage: Development)`],
        ['Auth Gateway (Current Stage: Production)\nneeded for session tokens', `[Auth Gateway]([[${auth}]]) (Current Stage: Production)\nneeded for session tokens`],
      ]),
    );
    const after = contents(l, CHECKOUT);
    for (const [uuid, content] of before) if (!updates(l).some((u) => u.uuid === uuid)) expect(after.get(uuid)).toBe(content);
    // Logseq writes the file from its blocks, nesting kept; mldoc finds both page references there.
    // Two updates may reach the file in two writes: wait for the one that holds both.
    const linkedBoth = (text: string | null) => text !== null && text.includes(`[[${ledger}]]`) && text.includes(`[[${auth}]]`);
    await until(l, () => linkedBoth(l.graph.fileContent(CHECKOUT) ?? null), 'the write queue to write both blocks', 20000);
    const written = l.graph.fileContent(CHECKOUT)!;
    expect(written).toContain(`\t- [Ledger]([[${ledger}]]) (Current Stage: Development)\n\t- [Auth Gateway]([[${auth}]]) (Current Stage: Production)\n\t  needed for session tokens`);
    expect(pageRefs(written)).toEqual(expect.arrayContaining([ledger.toLowerCase(), auth.toLowerCase()]));
  });

  it('as a slash command in the block being edited: the editor gets the link and keeps the unsaved typing', async () => {
    const l = await start();
    l.fake.navigate(pageName(l, BILLING));
    const ledgerBlock = blocksOf(l).find((b) => String(b['block/content']).startsWith('Ledger (Current Stage'))!;
    const saved = String(ledgerBlock['block/content']);
    const typed = `${saved}\nsee the runbook/`; // a second line typed into the block, not saved yet
    l.fake.setEditing(ledgerBlock, typed.length, typed);
    const before = l.fake.messages.length;
    await l.fake.runSlashCommand('Link dependencies');
    await until(l, () => l.fake.messages.length > before, 'the command to report', 20000);
    expect(l.fake.messages[l.fake.messages.length - 1]).toMatch(/^Linked 1 dependency in 1 block\./);
    expect(l.fake.editor()!.content).toBe(`${saved.replace('Ledger (Current Stage', `[Ledger]([[Ledger Maturity Status]]) (Current Stage`)}\nsee the runbook`);
    // Not saved behind the user's back: the database keeps the block until the editor saves it.
    expect(contents(l).get(String(ledgerBlock['block/uuid']))).toBe(saved);
  });

  it('leaves a block alone when its line is no longer as the file has it, and says so', async () => {
    const l = await start();
    l.fake.navigate(pageName(l, BILLING));
    const ledgerBlock = blocksOf(l).find((b) => String(b['block/content']).startsWith('Ledger (Current Stage'))!;
    const typed = String(ledgerBlock['block/content']).replace('Ledger (', 'Ledger Core (');
    l.fake.setEditing(ledgerBlock, typed.length, typed);
    const message = await runFromPalette(l);
    expect(message).toMatch(/^No dependency to link on this page\..* changed since the file was saved/);
    expect(l.fake.editor()!.content).toBe(typed);
    expect(updates(l)).toEqual([]);
  });

  it('says so on a page that is not a component, and changes nothing', async () => {
    const l = await start();
    l.fake.navigate('Guides/Promotion Guide');
    expect(await runFromPalette(l)).toMatch(/open a component page first/);
    expect(updates(l)).toEqual([]);
  });
});
