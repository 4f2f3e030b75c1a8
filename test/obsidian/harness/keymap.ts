// Keymap and Platform as the `obsidian` module exports them. Platform is a harness setting: a test
// can run the app as the phone app (`isMobile`), where touch and memory rules differ.

/** Modifier clicks open a new tab (Ctrl on Windows/Linux, ⌘ on macOS). */
export const Keymap = {
  isModEvent(evt?: UIEvent | null): false | 'tab' | 'split' | 'window' {
    const e = evt as MouseEvent | KeyboardEvent | null | undefined;
    if (!e) return false;
    if ((e.ctrlKey || e.metaKey) && e.altKey && e.shiftKey) return 'window';
    if ((e.ctrlKey || e.metaKey) && e.altKey) return 'split';
    // A middle click opens a new tab, like Ctrl/⌘-click.
    if (e.ctrlKey || e.metaKey || (e instanceof MouseEvent && e.button === 1)) return 'tab';
    return false;
  },
  isModifier(evt: MouseEvent | KeyboardEvent, modifier: string): boolean {
    if (modifier === 'Mod') return evt.ctrlKey || evt.metaKey;
    if (modifier === 'Shift') return evt.shiftKey;
    if (modifier === 'Alt') return evt.altKey;
    if (modifier === 'Ctrl') return evt.ctrlKey;
    return evt.metaKey;
  },
};

export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false, isIosApp: false, isAndroidApp: false, isPhone: false, isTablet: false };

/** Harness: run as the desktop app or as the phone app. */
export function setPlatform(kind: 'desktop' | 'mobile'): void {
  const mobile = kind === 'mobile';
  Object.assign(Platform, { isDesktop: !mobile, isMobile: mobile, isDesktopApp: !mobile, isMobileApp: mobile, isAndroidApp: mobile, isPhone: mobile });
}
