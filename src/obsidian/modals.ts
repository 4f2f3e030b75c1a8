// Small dialogs: a yes/no confirmation listing what is wrong, and a one-line text prompt.
import { Modal, Setting, type App } from 'obsidian';

/** Resolves true when the user confirms, false on cancel or close. */
export function confirm(app: App, title: string, lines: string[], confirmText: string): Promise<boolean> {
  return new Promise((resolve) => {
    let answered = false;
    const modal = new Modal(app);
    modal.setTitle(title);
    const list = modal.contentEl.createEl('ul', { cls: 'maturity-map-confirm-list' });
    for (const line of lines) list.createEl('li', { text: line });
    new Setting(modal.contentEl)
      .addButton((b) =>
        b.setButtonText('Cancel').onClick(() => {
          modal.close();
        }),
      )
      .addButton((b) =>
        b
          .setButtonText(confirmText)
          .setWarning()
          .onClick(() => {
            answered = true;
            modal.close();
          }),
      );
    modal.onClose = () => resolve(answered);
    modal.open();
  });
}

/** Resolves to the trimmed text, or null when cancelled or left empty. */
export function prompt(app: App, title: string, placeholder: string): Promise<string | null> {
  return new Promise((resolve) => {
    let value = '';
    let submitted = false;
    const modal = new Modal(app);
    modal.setTitle(title);
    const submit = () => {
      submitted = true;
      modal.close();
    };
    new Setting(modal.contentEl).setName('Name').addText((t) => {
      t.setPlaceholder(placeholder).onChange((v) => (value = v));
      t.inputEl.addEventListener('keydown', (evt) => {
        if (evt.key === 'Enter') {
          evt.preventDefault();
          submit();
        }
      });
      window.setTimeout(() => t.inputEl.focus(), 0);
    });
    new Setting(modal.contentEl).addButton((b) => b.setButtonText('Create').setCta().onClick(submit));
    modal.onClose = () => resolve(submitted && value.trim() !== '' ? value.trim() : null);
    modal.open();
  });
}
