// Lint rules for the whole project. Type-aware rules run on TypeScript sources.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import obsidianmd from 'eslint-plugin-obsidianmd';

// The Obsidian plugin's own rules (eslint-plugin-obsidianmd, recommended), scoped to src/obsidian so
// the rest of the project keeps its rules. Its package.json check runs as the plugin ships it.
const OBSIDIAN_FILES = ['src/obsidian/**/*.ts'];
const obsidianConfigs = obsidianmd.configs.recommended
  .filter((config) => !config.files || config.files.some((f) => f.includes('ts') || f === 'package.json'))
  .map((config) => (config.files?.includes('package.json') ? config : { ...config, files: OBSIDIAN_FILES }));

/** A layer that imports no host, no Node built-ins and none of the other layers, and touches no DOM global. */
function platformFree(folder, why, alsoBanned) {
  const layers = ['render', 'obsidian', 'logseq', 'cli', ...alsoBanned];
  return {
    files: [`${folder}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['obsidian', '@logseq/*', 'node:*', 'fs', 'path', 'os', 'child_process'], message: `${folder} ${why}.` },
            { group: layers.flatMap((layer) => [`../${layer}/*`, `**/${layer}/**`]), message: `${folder} imports nothing from the layers above it.` },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'document', 'window', 'process'],
    },
  };
}

const NO_MARKUP = ['innerHTML', 'outerHTML', 'insertAdjacentHTML'].map((property) => ({ property, message: 'Insert note text as text (textContent / DOM nodes).' }));

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'bench/out/**', 'docs/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-properties': ['error', ...NO_MARKUP],
    },
  },
  {
    // Everything the CLI prints goes through src/cli/terminal.ts (writeOut/writeErr), whose guard
    // shows control characters from notes as escapes (docs/security.md).
    files: ['src/cli/**/*.ts'],
    ignores: ['src/cli/terminal.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        ...NO_MARKUP,
        { object: 'process', property: 'stdout', message: 'Print with writeOut (src/cli/terminal.ts): its guard makes control characters visible.' },
        { object: 'process', property: 'stderr', message: 'Print with writeErr (src/cli/terminal.ts): its guard makes control characters visible.' },
        { object: 'console', message: 'Print with writeOut/writeErr (src/cli/terminal.ts): their guard makes control characters visible.' },
      ],
    },
  },
  // The core is pure: no host, no DOM, no Node built-ins (it runs on Obsidian mobile).
  platformFree('src/core', 'stays host- and platform-free', ['plugin-cache']),
  // The shared note cache: the core, idb and browser storage only; neither host's API, no DOM.
  platformFree('src/plugin-cache', 'runs in both plugins (and on phones)', []),
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
  },
  ...obsidianConfigs,
  {
    files: OBSIDIAN_FILES,
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    // The declarative settings API needs Obsidian 1.13; manifest.json supports 1.7.2 and later.
    rules: { 'obsidianmd/settings-tab/prefer-setting-definitions': 'off' },
  },
);
