// Two settings-tab sections checked by the core's settings schema before anything is saved: the
// stage mirror (on/off and the property name) and the vocabulary (JSON, docs/vocabulary.md). A
// value that fails is shown with the key it fails on and not saved; the last good one stays.
import { debounce, Setting } from 'obsidian';
import { settingsSchema, validateSettings, type MaturityConfig, type SettingsIssue } from '../core/index';
import type { SettingsOwner } from './settings-tab';

/** How long typing in the vocabulary may pause before it is checked and applied. */
export const VOCABULARY_PAUSE_MS = 1500;

const VOCABULARY_EXAMPLE = '{\n  "currentStage": ["Lifecycle"],\n  "owner": ["Maintainer"],\n  "dependencies": ["Requires"]\n}';

type Checked<K extends keyof MaturityConfig> = { ok: true; value: MaturityConfig[K] } | { ok: false; problems: string[] };

/** One key of the settings, read by the whole schema (so its issues name the key as users write it). */
function checkKey<K extends 'vocabulary' | 'mirrorStage'>(key: K, value: unknown): Checked<K> {
  const result = validateSettings(settingsSchema(), { [key]: value });
  if (result.ok) return { ok: true, value: result.settings[key] };
  return { ok: false, problems: result.issues.map((issue: SettingsIssue) => `${issue.key || key}: ${issue.message}`) };
}

/** The line under a control that says why a value was not saved (text only, never markup). */
function errorLine(setting: Setting): (problems: string[]) => void {
  const el = setting.descEl.createDiv({ cls: 'mod-warning maturity-map-setting-error' });
  el.setAttribute('role', 'alert');
  el.hide();
  return (problems) => {
    el.setText(problems.length === 0 ? '' : `Not saved: ${problems.join('; ')}`);
    el.toggle(problems.length > 0);
  };
}

/** On promote, also write the stage to a front-matter property. Changes nothing the index reads. */
export function mirrorStageSection(containerEl: HTMLElement, owner: SettingsOwner): void {
  new Setting(containerEl).setName('Promote').setHeading();
  const setting = new Setting(containerEl)
    .setName('Write the stage to a property')
    .setDesc('On promote, also write the new stage to this front-matter property, so queries of other plugins and bases can filter by stage without this one. Off by default.');
  const showProblems = errorLine(setting);
  const save = (patch: Partial<MaturityConfig['mirrorStage']>) => {
    const checked = checkKey('mirrorStage', { ...owner.settings.mirrorStage, ...patch });
    if (!checked.ok) return showProblems(checked.problems);
    showProblems([]);
    void owner.updateSettings({ mirrorStage: checked.value }, false);
  };
  setting
    .addToggle((t) => t.setValue(owner.settings.mirrorStage.enabled).onChange((enabled) => save({ enabled })))
    .addText((t) => t.setPlaceholder('Property name').setValue(owner.settings.mirrorStage.property).onChange((property) => save({ property })));
}

export interface VocabularyEditor {
  /** Check and apply what was typed now (the field lost focus, the tab closes or is redrawn). */
  flush(): void;
}

/** The vocabulary as JSON: applied whole when it is valid, after a pause or on leaving the field. */
export function vocabularySection(containerEl: HTMLElement, owner: SettingsOwner): VocabularyEditor {
  new Setting(containerEl).setName('Vocabulary').setHeading();
  const setting = new Setting(containerEl)
    .setName('Words your notes use')
    .setDesc('Labels, headings and status lines of your own template, added to the built-in ones, as a JSON object: each key of the vocabulary takes a list of words (the example shows three keys; the guide to the vocabulary lists them all). Applied when the field loses focus or after a pause in typing.');
  setting.settingEl.addClass('maturity-map-vocabulary');
  const showProblems = errorLine(setting);

  const apply = async (text: string) => {
    let parsed: unknown = {};
    try {
      if (text.trim() !== '') parsed = JSON.parse(text);
    } catch (err) {
      return showProblems([`vocabulary: not valid JSON (${err instanceof Error ? err.message : String(err)})`]);
    }
    const checked = checkKey('vocabulary', parsed);
    if (!checked.ok) return showProblems(checked.problems);
    showProblems([]);
    if (JSON.stringify(checked.value) === JSON.stringify(owner.settings.vocabulary)) return;
    await owner.updateSettings({ vocabulary: checked.value }, true);
    owner.applyPendingSettings();
  };
  const applySoon = debounce((text: string) => void apply(text), VOCABULARY_PAUSE_MS, true);
  setting.addTextArea((area) => {
    area.inputEl.rows = 8;
    area.inputEl.spellcheck = false;
    const current = owner.settings.vocabulary;
    area.setPlaceholder(VOCABULARY_EXAMPLE).setValue(Object.keys(current).length === 0 ? '' : JSON.stringify(current, null, 2));
    area.onChange((text) => applySoon(text));
    area.inputEl.addEventListener('blur', () => applySoon.run());
  });
  return { flush: () => applySoon.run() };
}
