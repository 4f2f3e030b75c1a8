// The standalone page's theme switch: follow the system, or force light or dark. The choice is
// kept in localStorage when the browser allows it (file:// pages may not).
import { h } from '../dom';

export type ThemeChoice = 'auto' | 'light' | 'dark';
const KEY = 'maturity-map-theme';
const ORDER: ThemeChoice[] = ['auto', 'light', 'dark'];
const LABEL: Record<ThemeChoice, string> = { auto: 'Theme: system', light: 'Theme: light', dark: 'Theme: dark' };

function stored(): ThemeChoice {
  try {
    const value = localStorage.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

export function applyTheme(doc: Document, choice: ThemeChoice): void {
  doc.documentElement.setAttribute('data-mm-theme', choice);
}

export function themeSwitch(doc: Document): HTMLElement {
  let choice = stored();
  applyTheme(doc, choice);
  const button = h(doc, 'button', { cls: 'mm-button mm-theme-switch', text: LABEL[choice], attrs: { type: 'button', title: 'Switch between the system theme, light and dark' } });
  button.addEventListener('click', () => {
    choice = ORDER[(ORDER.indexOf(choice) + 1) % ORDER.length]!;
    applyTheme(doc, choice);
    button.textContent = LABEL[choice];
    try {
      localStorage.setItem(KEY, choice);
    } catch {
      // Storage is unavailable on some file:// pages; the choice lasts for this visit.
    }
  });
  return button;
}
