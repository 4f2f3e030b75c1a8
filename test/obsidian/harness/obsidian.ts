// The `obsidian` module as the harness provides it to the built main.js (require('obsidian')).
export { Component, Events } from './events';
export { TAbstractFile, TFile, TFolder, Vault, MetadataCache, FileManager } from './vault';
export { View, ItemView, MarkdownView, WorkspaceLeaf, Workspace, editorInfoField, editorLivePreviewField } from './workspace';
export { Modal, Notice, Setting, PluginSettingTab, setIcon } from './ui';
export { App, Plugin, MarkdownRenderChild, normalizePath, debounce } from './plugin';

/** Modifier clicks open a new tab (Ctrl on Windows/Linux, ⌘ on macOS). */
export const Keymap = {
  isModEvent(evt?: UIEvent | null): false | 'tab' {
    const e = evt as MouseEvent | KeyboardEvent | null | undefined;
    return e && (e.ctrlKey || e.metaKey) ? 'tab' : false;
  },
};

export const Platform = { isDesktop: true, isMobile: false, isDesktopApp: true, isMobileApp: false, isIosApp: false, isAndroidApp: false };
export const apiVersion = '1.12.3';
