// The `obsidian` module as the harness provides it to the built main.js (require('obsidian')).
export { Component, Events } from './events';
export { TAbstractFile, TFile, TFolder, Vault, MetadataCache, FileManager } from './vault';
export { View, ItemView, MarkdownView, WorkspaceLeaf, Workspace, editorInfoField, editorLivePreviewField } from './workspace';
export { Modal, Notice, Setting, PluginSettingTab, setIcon, Menu, MenuItem } from './ui';
export { App, Plugin, MarkdownRenderChild, normalizePath, debounce } from './plugin';
export { HoverPopover } from './hover';
export { Keymap, Platform } from './keymap';
export { getAllTags } from './metadata';

export const apiVersion = '1.12.3';
