// The settings tab: which notes are components, the stage pipeline, staleness, the header, the
// stage mirror, the vocabulary and new-note options. Every change is saved at once; a change that alters the index re-indexes the
// vault when the field loses focus or after a pause in typing, never per keystroke.
import { PluginSettingTab, Setting, type App, type Plugin } from 'obsidian';
import type { StageDefinition } from '../core/index';
import { defaultSettings, splitList, type PluginSettings } from './settings';
import { mirrorStageSection, vocabularySection, type VocabularyEditor } from './settings-tab-sections';

export interface SettingsOwner {
  settings: PluginSettings;
  /** Save, and re-index when `reindex` (after a pause, so typing does not re-index per key). */
  updateSettings(patch: Partial<PluginSettings>, reindex: boolean): Promise<void>;
  /** Apply a pending re-index now (a text field lost focus, or the tab closed). */
  applyPendingSettings(): void;
}

export class MaturitySettingTab extends PluginSettingTab {
  private vocabulary: VocabularyEditor | null = null;

  constructor(
    app: App,
    plugin: Plugin,
    private readonly owner: SettingsOwner,
  ) {
    super(app, plugin);
  }

  override hide(): void {
    this.vocabulary?.flush();
    this.owner.applyPendingSettings();
    super.hide();
  }

  /** Leaving a text field applies what was typed in it. */
  private applyOnBlur(input: HTMLInputElement): void {
    input.addEventListener('blur', () => this.owner.applyPendingSettings());
  }

  display(): void {
    const { containerEl } = this;
    // Redrawn (a stage added or moved): what was typed in the vocabulary is applied first.
    this.vocabulary?.flush();
    containerEl.empty();
    this.componentsSection(containerEl);
    this.stagesSection(containerEl);
    this.displaySection(containerEl);
  }

  private save(patch: Partial<PluginSettings>, reindex = true): void {
    void this.owner.updateSettings(patch, reindex);
  }

  /** Which notes are components, and when they go stale. */
  private componentsSection(containerEl: HTMLElement): void {
    const s = this.owner.settings;
    const save = (patch: Partial<PluginSettings>) => this.save(patch);
    new Setting(containerEl).setName('Components').setHeading();
    new Setting(containerEl)
      .setName('Tags')
      .setDesc('Only notes with one of these tags are components (comma-separated; empty: any note).')
      .addText((t) => {
        this.applyOnBlur(t.inputEl);
        t.setPlaceholder('Maturity, payments').setValue(s.componentTags.join(', ')).onChange((v) => save({ componentTags: splitList(v).map((x) => x.replace(/^#/, '')) }));
      });
    new Setting(containerEl)
      .setName('Folders')
      .setDesc('Only notes under these folders are components (comma-separated; empty: anywhere).')
      .addText((t) => {
        this.applyOnBlur(t.inputEl);
        t.setPlaceholder('Components').setValue(s.componentFolders.join(', ')).onChange((v) => save({ componentFolders: splitList(v) }));
      });
    new Setting(containerEl)
      .setName('Excluded folders')
      .setDesc('Notes under these folders are never components.')
      .addText((t) => {
        this.applyOnBlur(t.inputEl);
        t.setPlaceholder('Archive').setValue(s.excludeFolders.join(', ')).onChange((v) => save({ excludeFolders: splitList(v) }));
      });
    new Setting(containerEl)
      .setName('Stale after (days)')
      .setDesc('A component whose last update is older than this is flagged as stale.')
      .addText((t) => {
        t.inputEl.type = 'number';
        this.applyOnBlur(t.inputEl);
        t.setValue(String(s.staleAfterDays)).onChange((v) => {
          const days = Number(v);
          if (Number.isInteger(days) && days >= 1) save({ staleAfterDays: days });
        });
      });
  }

  private stagesSection(containerEl: HTMLElement): void {
    const s = this.owner.settings;
    new Setting(containerEl).setName('Stages').setHeading();
    containerEl.createEl('p', { cls: 'setting-item-description', text: 'Least mature first. Aliases are other words notes use for the stage.' });
    s.stages.forEach((stage, i) => this.stageRow(containerEl, stage, i));
    new Setting(containerEl)
      .addButton((b) => b.setButtonText('Add stage').onClick(() => this.setStages([...s.stages, { id: `stage-${s.stages.length + 1}`, name: `Stage ${s.stages.length + 1}`, aliases: [], color: '#6b7280' }])))
      .addButton((b) => b.setButtonText('Restore default stages').onClick(() => this.setStages(structuredClone(defaultSettings().stages))));
  }

  /** The header, the stage mirror, the vocabulary and new notes. */
  private displaySection(containerEl: HTMLElement): void {
    const s = this.owner.settings;
    const save = (patch: Partial<PluginSettings>, reindex = true) => this.save(patch, reindex);
    new Setting(containerEl).setName('Display').setHeading();
    new Setting(containerEl)
      .setName('Header in component notes')
      .setDesc('Show the stage, criteria progress and dependencies at the top of every component note, in reading view and live preview.')
      .addToggle((t) => t.setValue(s.autoHeader).onChange((v) => save({ autoHeader: v }, false)));

    mirrorStageSection(containerEl, this.owner);
    this.vocabulary = vocabularySection(containerEl, this.owner);

    new Setting(containerEl).setName('New notes').setHeading();
    new Setting(containerEl)
      .setName('Folder')
      .setDesc('Where "new maturity note" creates notes.')
      .addText((t) => t.setPlaceholder('Components').setValue(s.newNoteFolder).onChange((v) => save({ newNoteFolder: v.trim() }, false)));
    new Setting(containerEl)
      .setName('Template')
      .setDesc('A note to copy for new maturity notes; empty uses the built-in template.')
      .addText((t) => t.setPlaceholder('Templates/Component maturity template.md').setValue(s.templatePath).onChange((v) => save({ templatePath: v.trim() }, false)));
  }

  private stageRow(containerEl: HTMLElement, stage: StageDefinition, i: number): void {
    const stages = this.owner.settings.stages;
    // Each edit starts from the stages as they are now: another row may have changed them since this one was drawn.
    const edit = (patch: Partial<StageDefinition>) => {
      const next = this.owner.settings.stages.map((s, n) => (n === i ? { ...s, ...patch } : s));
      void this.owner.updateSettings({ stages: next }, true);
    };
    new Setting(containerEl)
      .setName(`${i + 1}.`)
      .addText((t) => {
        this.applyOnBlur(t.inputEl);
        t.setPlaceholder('Name').setValue(stage.name).onChange((v) => v.trim() && edit({ name: v.trim() }));
      })
      .addText((t) => {
        this.applyOnBlur(t.inputEl);
        t.setPlaceholder('Aliases').setValue(stage.aliases.join(', ')).onChange((v) => edit({ aliases: splitList(v).map((a) => a.toLowerCase()) }));
      })
      .addColorPicker((c) => c.setValue(stage.color).onChange((v) => edit({ color: v })))
      .addExtraButton((b) => b.setIcon('arrow-up').setTooltip('Move up').setDisabled(i === 0).onClick(() => this.move(i, -1)))
      .addExtraButton((b) => b.setIcon('arrow-down').setTooltip('Move down').setDisabled(i === stages.length - 1).onClick(() => this.move(i, 1)))
      .addExtraButton((b) => b.setIcon('trash').setTooltip('Remove').setDisabled(stages.length <= 1).onClick(() => this.setStages(this.owner.settings.stages.filter((_, n) => n !== i))));
  }

  private move(i: number, by: number): void {
    const next = [...this.owner.settings.stages];
    const [stage] = next.splice(i, 1);
    if (!stage) return;
    next.splice(i + by, 0, stage);
    this.setStages(next);
  }

  private setStages(stages: StageDefinition[]): void {
    void this.owner.updateSettings({ stages }, true).then(() => this.display());
  }
}
