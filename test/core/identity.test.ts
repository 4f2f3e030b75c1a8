// Names, link keys, and which notes count as components.
import { describe, expect, it } from 'vitest';
import { classify, cleanComponentName, createPipeline, defaultConfig, DEFAULT_STAGES, identify, pageNameFromPath, parseNote } from '../../src/core/index';

const pipeline = createPipeline(DEFAULT_STAGES);
const rules = defaultConfig().components;
const who = (text: string, path: string) => identify(parseNote(text, pipeline), path, rules);

describe('component names', () => {
  it.each([
    ['Neo4j Component Maturity Status', 'Neo4j'],
    ['Gameplay Loop Maturity Status', 'Gameplay Loop'],
    ['Components Neo4J Maturity Document', 'Components Neo4J'],
    ['Docker Component - Staging Promotion', 'Docker'],
    ['OpenHands Integration - Component Maturity Assessment', 'OpenHands Integration'],
    ['TTA/Components/LLM Component Maturity Status', 'LLM'],
    ['[[TTA/Components/Carbon Component Maturity Status]]', 'Carbon'],
    ['Maturity Status', 'Maturity Status'],
  ])('%s → %s', (title, name) => {
    expect(cleanComponentName(title)).toBe(name);
  });

  it('prefers front matter component, then title, then the first heading, then the file', () => {
    expect(who('---\ncomponent: Ledger\ntitle: Something Else\n---\n# Heading\n', 'a.md').name).toBe('Ledger');
    expect(who('---\ntitle: Ledger Component Maturity Status\n---\n# Heading\n', 'a.md')).toMatchObject({ name: 'Ledger', nameSource: 'title' });
    expect(who('# [[Harbor/Components/Ledger Maturity Status]]\n', 'a.md')).toMatchObject({ name: 'Ledger', nameSource: 'heading' });
    expect(who('no heading\n', 'Harbor___Components___Ledger.md')).toMatchObject({ name: 'Ledger', nameSource: 'filename' });
    expect(who('no heading\n', 'src/components/ledger/MATURITY.md')).toMatchObject({ name: 'ledger', nameSource: 'filename' });
  });

  it('decodes Logseq namespaces in file names', () => {
    expect(pageNameFromPath('pages/TTA___Components___Components Neo4J Maturity Document.md')).toBe('TTA/Components/Components Neo4J Maturity Document');
    expect(pageNameFromPath('pages/Harbor%2FLedger.md')).toBe('Harbor/Ledger');
    expect(pageNameFromPath('pages/100%.md')).toBe('100%');
  });

  it('gives links several keys: name, aliases, title, path', () => {
    const keys = who('---\ntitle: Session Store Component Maturity Status\naliases: [Sessions, session-store]\n---\n', 'Components/Session Store.md').keys;
    expect(keys).toEqual(expect.arrayContaining(['session store', 'sessions', 'session-store', 'session store component maturity status', 'components/session store']));
  });
});

describe('which notes are components', () => {
  const header = '**Current Stage**: Staging\n**Owner**: team\n**Last Updated**: 2026-11-01\n';
  const is = (text: string, path = 'n.md', r = rules) => classify(parseNote(text, pipeline), path, r);

  it('takes a note with the template header', () => {
    expect(is(`# Ledger Maturity Status\n\n${header}\n## Overview\n`)).toBe('structure');
  });

  it('takes MATURITY.md files and notes that mirror one', () => {
    expect(is('# Anything\n', 'src/components/x/MATURITY.md')).toBe('file-name');
    expect(is('---\npath: src/components/docker/MATURITY.md\n---\n# Docker\n')).toBe('file-name');
  });

  it('takes a tagged note with a stage, but not a tagged guide or template', () => {
    expect(is('---\ntags: [maturity]\n---\n# Edge Cache\nWe promoted to **Staging** last week.\n')).toBe('tag');
    expect(is('---\ntags: [maturity, guide]\n---\n# How to promote\nUpdate the stage field.\n')).toBeNull();
    expect(is('---\ntags: [maturity]\n---\n# <Name>\n**Current Stage**: <Development|Staging|Production>\n')).toBeNull();
  });

  it('does not take a plan, an inventory or a report that mentions a stage', () => {
    expect(is('# Billing Promotion Plan\n\n**Date**: 2026-10-20\n**Component**: Billing\n**Current Stage**: Development\n**Target Stage**: Staging\n')).toBeNull();
    expect(is('# Inventory\n\n## Components\n\n### 1. Neo4j\n**Current Stage**: Development\n**Owner**: x\n')).toBeNull();
    expect(is('# Report\n\nIntro.\n\n## Findings\n\n### Wrap-up\n\n**Current Stage**: **PRODUCTION** ✅\n')).toBeNull();
  });

  it('applies tag and folder filters and exclusions', () => {
    const text = `# Ledger Maturity Status\n\n${header}`;
    expect(is(text, 'Archive/ledger.md', { ...rules, excludeFolders: ['Archive'] })).toBeNull();
    expect(is(text, 'Other/ledger.md', { ...rules, folders: ['Components'] })).toBeNull();
    expect(is(text, 'Components/ledger.md', { ...rules, folders: ['Components'] })).toBe('structure');
    expect(is(text, 'ledger.md', { ...rules, tags: ['team-a'] })).toBeNull();
  });
});

describe('notes the first look turned away', () => {
  it('are named on demand, as identify names them with their keys', () => {
    const empty = parseNote('', pipeline);
    for (const path of ['pages/Harbor___Components___Ledger Maturity Status.md', 'src/billing/MATURITY.md', 'Notes/100%.md', 'Daily/2026-11-24.md', 'a.md']) {
      const lazy = identify(empty, path, rules, false);
      const keyed = identify(empty, path, rules);
      expect(lazy.keys).toEqual([]);
      expect({ ...lazy, keys: keyed.keys }).toEqual(keyed);
      expect(JSON.parse(JSON.stringify(lazy))).toEqual({ id: path, name: keyed.name, nameSource: keyed.nameSource, keys: [] });
    }
  });
});
