// The `vocabulary` setting in the Logseq plugin (docs/vocabulary.md): a graph of service cards,
// written to another template than TTA's, shows its components once the plugin's settings give
// the template's words, and a vocabulary that is not valid is named to the user (Logseq's message
// and the slot's notice) instead of silently matching nothing. Built bundle, real SDK, fake host.
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { ROOT } from '../helpers/vault';
import { filesOf, loadPlugin, macro, until, slotElement, type Loaded, ROW_SELECTOR } from './harness';

const files = filesOf(join(ROOT, 'examples/service-cards'), 'pages/');
const STAGES = 'Alpha | #d97706 |\nBeta | #2563eb |\nGA | #16a34a | General Availability';
const VOCABULARY = {
  currentStage: ['Lifecycle'],
  lastUpdated: ['Last reviewed'],
  owner: ['Maintainer'],
  dependencies: ['Requires'],
  statusLine: ['Progress'],
  transitionHeading: ['Exit criteria'],
};
const BILLING = 'pages/Billing API.md';

let t: Loaded | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const stageIn = (el: HTMLElement) => el.querySelector('.mm-card .mm-badge [data-mm-stage]')?.getAttribute('data-mm-stage') ?? null;

describe('vocabulary in the Logseq plugin settings', () => {
  it('a graph of service cards shows its components, stages and dependencies with the vocabulary set (JSON text, as the settings page stores it)', async () => {
    t = await loadPlugin({ files, settings: { stages: STAGES, vocabulary: JSON.stringify(VOCABULARY, null, 2) } });
    const { el } = await macro(t, BILLING, '{{renderer :maturity}}');
    expect(stageIn(el)).toBe('beta');
    expect(el.querySelector('.mm-card-title')?.textContent).toBe('Billing API');
    expect(el.textContent).toContain('payments-team');
    expect(el.textContent).toContain('Identity Service');
    const query = await macro(t, 'pages/Onboarding guide.md', '{{renderer :maturity-query, view=table}}');
    const rows = [...query.el.querySelectorAll(ROW_SELECTOR)].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(3);
    expect(rows.join('\n')).toMatch(/Event Bus[\s\S]*Alpha|Alpha[\s\S]*Event Bus/);
    expect(t.fake.messages.filter((m) => m.includes('Maturity Map settings'))).toEqual([]);
  });

  it('without the vocabulary the cards are not components; setting it in the plugin settings shows them, re-reading the graph', async () => {
    t = await loadPlugin({ files, settings: { stages: STAGES } });
    const { el, slot } = await macro(t, BILLING, '{{renderer :maturity}}');
    expect(el.textContent).toContain('not a component maturity note');
    t.fake.updateSettings({ vocabulary: JSON.stringify(VOCABULARY) });
    await until(t, () => stageIn(slotElement(t!, slot)) === 'beta', 'the card after the vocabulary was set', 20_000);
  });

  it('a vocabulary key that does not exist is named in a Logseq message and in the slot; the valid keys still apply', async () => {
    const wrong = { ...VOCABULARY, lifecycle: ['Lifecycle'] };
    t = await loadPlugin({ files, settings: { stages: STAGES, vocabulary: JSON.stringify(wrong) } });
    const { el } = await macro(t, 'pages/Onboarding guide.md', '{{renderer :maturity}}');
    const message = t.fake.messages.find((m) => m.startsWith('Maturity Map settings'));
    expect(message).toMatch(/vocabulary: unknown key "lifecycle"/);
    expect(el.textContent).toMatch(/Settings: vocabulary: unknown key "lifecycle"/);
    // Salvaged, not dropped whole: the other keys still read the cards.
    const card = await macro(t, BILLING, '{{renderer :maturity}}');
    expect(stageIn(card.el)).toBe('beta');
  });

  it('a vocabulary that is not JSON, or gives words as a string, is a clear error and adds no words', async () => {
    t = await loadPlugin({ files, settings: { stages: STAGES, vocabulary: '{ currentStage: Lifecycle }' } });
    const { el, slot } = await macro(t, BILLING, '{{renderer :maturity}}');
    expect(t.fake.messages.find((m) => m.startsWith('Maturity Map settings'))).toMatch(/vocabulary: not valid JSON \(.+\); expected an object such as \{ "currentStage": \["Lifecycle"\] \}/);
    expect(el.textContent).toContain('not a component maturity note');
    expect(el.textContent).toContain('Settings: vocabulary: not valid JSON');
    t.fake.updateSettings({ vocabulary: JSON.stringify({ currentStage: 'Lifecycle' }) });
    await until(t, () => t!.fake.messages.some((m) => /vocabulary\.currentStage: expected a list of words .*got a string \("Lifecycle"\)/.test(m)), 'the message for a string of words', 10_000);
    await until(t, () => (slotElement(t!, slot).textContent ?? '').includes('Settings: vocabulary.currentStage'), 'the notice for a string of words', 10_000);
  });
});
