// @vitest-environment happy-dom
// The settings tab's vocabulary editor and stage-mirror control, on the built plugin: a vault
// written to another template (examples/service-cards) gets its components from words typed into
// the tab; a value the settings schema rejects is named in the tab and never saved, in part or whole.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import { dispose, startHarness } from './helpers';
import { listMarkdown, ROOT } from '../helpers/vault';

interface Api {
  ready(): Promise<void>;
  components(query?: string): Array<{ id: string; name: string; stage: string | null }>;
}

const CARDS = join(ROOT, 'examples/service-cards');
const cardSettings = JSON.parse(readFileSync(join(CARDS, '.maturity-map.json'), 'utf8')) as { stages: unknown[]; vocabulary: Record<string, string[]> };

let h: Harness | null = null;
afterEach(() => {
  dispose(h);
  h = null;
});
const api = () => (h!.app.plugins.plugins['maturity-map'] as unknown as { api: Api }).api;
const plugin = () => h!.plugin as unknown as { settings: { vocabulary: unknown; mirrorStage: unknown } };
const stored = () => h!.app.pluginData['maturity-map'] as Record<string, unknown> | undefined;

function cardFiles(): Record<string, string> {
  return Object.fromEntries(listMarkdown(CARDS).map((path) => [path, readFileSync(join(CARDS, path), 'utf8')]));
}

function openTab(): HTMLElement {
  const tab = h!.app.setting.tabs[0]!;
  tab.display();
  return tab.containerEl;
}

function settingNamed(tab: HTMLElement, name: string): HTMLElement {
  return [...tab.querySelectorAll<HTMLElement>('.setting-item')].find((s) => s.querySelector('.setting-item-name')?.textContent === name)!;
}

function type(field: HTMLInputElement | HTMLTextAreaElement, value: string, leave = true): void {
  field.value = value;
  field.dispatchEvent(new Event('input'));
  if (leave) field.dispatchEvent(new Event('blur'));
}

async function settled(): Promise<void> {
  await new Promise((r) => setTimeout(r, 0));
  await api().ready();
  await h!.settle();
}

const shown = (setting: HTMLElement) => {
  const error = setting.querySelector<HTMLElement>('.maturity-map-setting-error')!;
  return error.style.display === 'none' ? '' : (error.textContent ?? '');
};

describe('vocabulary in the settings tab', () => {
  it('service cards become components once their words are typed in, and the index is rebuilt once they are valid', async () => {
    h = await startHarness({ files: cardFiles(), data: { stages: cardSettings.stages } });
    expect(api().components()).toEqual([]);
    const tab = openTab();
    const setting = settingNamed(tab, 'Words your notes use');
    const area = setting.querySelector('textarea')!;
    expect(area.value).toBe('');

    type(area, JSON.stringify(cardSettings.vocabulary, null, 2));
    await settled();
    expect(shown(setting)).toBe('');
    expect(api().components().map((c) => [c.name, c.stage])).toEqual([
      ['Billing API', 'beta'],
      ['Event Bus', 'alpha'],
      ['Identity Service', 'ga'],
    ]);
    expect(stored()?.['vocabulary']).toEqual(cardSettings.vocabulary);
    // The tab drawn again shows what is saved.
    expect(JSON.parse(openTab().querySelector('textarea')!.value)).toEqual(cardSettings.vocabulary);
  });

  it('a pause in typing applies it too', async () => {
    h = await startHarness({ files: cardFiles(), data: { stages: cardSettings.stages } });
    const area = settingNamed(openTab(), 'Words your notes use').querySelector('textarea')!;
    type(area, JSON.stringify(cardSettings.vocabulary), false);
    await settled();
    expect(api().components()).toEqual([]); // not per keystroke
    await new Promise((r) => setTimeout(r, 1700));
    await settled();
    expect(api().components().length).toBe(3);
  });

  it('names the bad key and saves nothing: unknown key, wrong type, broken JSON', async () => {
    h = await startHarness({ files: cardFiles(), data: { stages: cardSettings.stages, vocabulary: { currentStage: ['Lifecycle'] } } });
    const setting = settingNamed(openTab(), 'Words your notes use');
    const area = setting.querySelector('textarea')!;
    const before = structuredClone(plugin().settings.vocabulary);
    const savedBefore = structuredClone(stored());
    const cases: Array<[string, RegExp]> = [
      ['{ "currentStage": ["Lifecycle"], "ownr": ["Maintainer"] }', /vocabulary: unknown key "ownr"/],
      ['{ "currentStage": ["Lifecycle"], "owner": "Maintainer" }', /vocabulary\.owner: expected a list of words/],
      ['{ "currentStage": ["Lifecycle"], "owner": ["Maintainer"', /vocabulary: not valid JSON/],
      ['["Lifecycle"]', /vocabulary: expected an object of vocabulary keys/],
      ['{ "__proto__": { "owner": ["x"] } }', /vocabulary: unknown key "__proto__"/],
    ];
    for (const [text, message] of cases) {
      type(area, text);
      await settled();
      expect(shown(setting)).toMatch(message);
      expect(shown(setting)).toMatch(/^Not saved: /);
      // Never a partial state: the valid keys of a rejected value are not applied either.
      expect(plugin().settings.vocabulary).toEqual(before);
      expect(stored()).toEqual(savedBefore);
    }
    // Corrected: the message goes, the whole value is saved.
    type(area, '{ "currentStage": ["Lifecycle"], "owner": ["Maintainer"] }');
    await settled();
    expect(shown(setting)).toBe('');
    expect(stored()?.['vocabulary']).toEqual({ currentStage: ['Lifecycle'], owner: ['Maintainer'] });
  });

  it('a hand-edited data.json with one bad vocabulary key keeps the others', async () => {
    h = await startHarness({ files: cardFiles(), data: { stages: cardSettings.stages, vocabulary: { ...cardSettings.vocabulary, owner: 'Maintainer' } } });
    expect(plugin().settings.vocabulary).toEqual({ ...cardSettings.vocabulary, owner: undefined });
    expect(api().components().length).toBe(3);
  });
});

describe('stage mirror in the settings tab', () => {
  async function promoteFeatureFlags(): Promise<string> {
    const path = 'Components/Feature Flags.md';
    await h!.open(path);
    await h!.command('promote-component');
    const modal = h!.modals()[0];
    if (modal) [...modal.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Promote'))!.click();
    await h!.settle();
    return h!.app.vault.read(h!.file(path));
  }

  it('is off by default; switched on with a property name, promote writes that property', async () => {
    h = await startHarness();
    const setting = settingNamed(openTab(), 'Write the stage to a property');
    const toggle = setting.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    const property = setting.querySelector<HTMLInputElement>('input[type="text"]')!;
    expect([toggle.checked, property.value]).toEqual([false, 'stage']);

    toggle.checked = true;
    toggle.dispatchEvent(new Event('change'));
    type(property, 'lifecycle');
    await h.settle();
    expect(plugin().settings.mirrorStage).toEqual({ enabled: true, property: 'lifecycle' });
    expect(stored()?.['mirrorStage']).toEqual({ enabled: true, property: 'lifecycle' });

    const text = await promoteFeatureFlags();
    expect(text).toMatch(/^---\n[\s\S]*?\nlifecycle: Production\n---\n/);
  });

  it('a property name the schema rejects is named and not saved', async () => {
    h = await startHarness();
    const setting = settingNamed(openTab(), 'Write the stage to a property');
    const property = setting.querySelector<HTMLInputElement>('input[type="text"]')!;
    for (const bad of ['my stage', '', '1st']) {
      type(property, bad);
      await h.settle();
      expect(shown(setting)).toMatch(/^Not saved: mirrorStage\.property: expected a front-matter property name/);
      expect(plugin().settings.mirrorStage).toEqual({ enabled: false, property: 'stage' });
    }
    type(property, 'maturity-stage');
    await h.settle();
    expect(shown(setting)).toBe('');
    expect(plugin().settings.mirrorStage).toEqual({ enabled: false, property: 'maturity-stage' });
  });
});
