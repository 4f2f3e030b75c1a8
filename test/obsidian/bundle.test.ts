// The deliverable itself: dist/obsidian/{main.js,manifest.json,styles.css}. main.js must load on
// Obsidian mobile (no Node built-ins, only what the app provides), never write HTML strings, and
// the manifest must satisfy the community directory's rules.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { createContext, runInContext, runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/vault';
import { mainJs } from './helpers';

const code = mainJs();
const PROVIDED = new Set(['obsidian', 'electron', '@codemirror/autocomplete', '@codemirror/collab', '@codemirror/commands', '@codemirror/language', '@codemirror/lint', '@codemirror/search', '@codemirror/state', '@codemirror/view', '@lezer/common', '@lezer/highlight', '@lezer/lr']);
const json = (path: string) => JSON.parse(readFileSync(join(ROOT, path), 'utf8')) as Record<string, unknown>;

describe('main.js', () => {
  it('requires only modules Obsidian provides, and no Node built-in', () => {
    const required = [...code.matchAll(/\brequire\(\s*(["'`])([^"'`]+)\1\s*\)/g)].map((m) => m[2]!);
    expect(required.length).toBeGreaterThan(0);
    for (const name of required) expect(PROVIDED.has(name), `require("${name}")`).toBe(true);
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(required.filter((name) => builtins.has(name))).toEqual([]);
    expect(code).not.toMatch(/\bfrom\s*["'](node:)?(fs|path|os|child_process|crypto|url|util)["']/);
    expect(required).not.toContain('electron');
  });

  it('never writes markup as a string (innerHTML, outerHTML, insertAdjacentHTML, document.write)', () => {
    for (const sink of ['innerHTML', 'outerHTML', 'insertAdjacentHTML', 'document.write(', 'document.writeln(']) expect(code, sink).not.toContain(sink);
  });

  it('evaluates in a bare browser-like context: no process, Buffer, global or __dirname', () => {
    const provided: Record<string, unknown> = { obsidian: { Plugin: class {}, Component: class {}, MarkdownRenderChild: class {}, ItemView: class {}, PluginSettingTab: class {}, Modal: class {}, Notice: class {}, Setting: class {}, TFile: class {}, Events: class {}, Keymap: {} }, '@codemirror/state': { StateField: { define: () => ({}) } }, '@codemirror/view': { Decoration: { none: null }, EditorView: { decorations: { from: () => null } }, WidgetType: class {} } };
    const module = { exports: {} as Record<string, unknown> };
    const sandbox = { module, exports: module.exports, require: (name: string) => provided[name] ?? (() => { throw new Error(`not provided: ${name}`); })() };
    runInNewContext(code, sandbox, { filename: 'main.js' });
    expect(typeof module.exports['default']).toBe('function');
  });

  it('builds no name collator as it evaluates (the app evaluates main.js in the task that loads the plugin)', () => {
    const module = { exports: {} as Record<string, unknown> };
    const context = createContext({ module, exports: module.exports, require: () => new Proxy({}, { get: () => class {} }) });
    runInContext('globalThis.collators = 0; Intl.Collator = class extends Intl.Collator { constructor(...args) { super(...args); collators++; } };', context);
    runInContext(code, context, { filename: 'main.js' });
    expect(typeof module.exports['default']).toBe('function');
    expect(runInContext('collators', context)).toBe(0);
    expect(runInContext(`new Intl.Collator('en').compare('a', 'b'); collators`, context)).toBe(1);
  });
});

describe('plugin folder', () => {
  const manifest = json('manifest.json');

  it('manifest.json follows the directory rules and is copied into dist/obsidian', () => {
    expect(manifest['id']).toBe('maturity-map');
    expect(String(manifest['id'])).not.toMatch(/obsidian|plugin$/);
    expect(String(manifest['name'])).not.toMatch(/obsidian|plugin/i);
    expect(manifest['isDesktopOnly']).toBe(false);
    expect(manifest['version']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(manifest['version']).toBe(json('package.json')['version']);
    const description = String(manifest['description']);
    expect(description.length).toBeLessThanOrEqual(250);
    expect(description.endsWith('.')).toBe(true);
    for (const key of ['id', 'name', 'version', 'minAppVersion', 'description', 'author', 'isDesktopOnly']) expect(manifest, key).toHaveProperty(key);
    expect(json('dist/obsidian/manifest.json')).toEqual(manifest);
  });

  it('versions.json maps this version to its minAppVersion', () => {
    expect(json('versions.json')[String(manifest['version'])]).toBe(manifest['minAppVersion']);
  });

  it('styles.css carries the shared views\' styles and the plugin\'s, using theme variables only', () => {
    const css = readFileSync(join(ROOT, 'dist/obsidian/styles.css'), 'utf8');
    expect(css).toContain('.mm-board');
    expect(css).toContain('.maturity-map-header');
    expect(css).toContain('var(--background-primary');
  });
});
