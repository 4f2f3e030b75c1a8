// The `backstage` settings: what a settings file may say about the Backstage export, and the
// problems it is told about by key.
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseMaturitySettings } from '../../../src/core/index';

describe('backstage settings', () => {
  it('default to type service, no lifecycle overrides, owner unknown', () => {
    expect(defaultConfig().backstage).toEqual({ type: 'service', lifecycle: {}, defaultOwner: 'unknown', owners: {} });
  });

  it('take every key, lower-casing stage ids in the lifecycle map', () => {
    const result = parseMaturitySettings({
      backstage: {
        type: ' library ',
        lifecycle: { Staging: 'beta', unknown: 'experimental' },
        defaultOwner: 'group:platform',
        owners: { 'Payments Squad': 'group:payments' },
        namespace: 'maturity',
        viewUrlBase: 'https://git.example/repo/blob/main',
      },
    });
    expect(result.ok && result.settings.backstage).toEqual({
      type: 'library',
      lifecycle: { staging: 'beta', unknown: 'experimental' },
      defaultOwner: 'group:platform',
      owners: { 'Payments Squad': 'group:payments' },
      namespace: 'maturity',
      viewUrlBase: 'https://git.example/repo/blob/main',
    });
  });

  it.each([
    ['a blank type', { type: ' ' }, 'backstage.type', /not blank/],
    ['a lifecycle list', { lifecycle: ['beta'] }, 'backstage.lifecycle', /expected an object of lifecycles/],
    ['an owner that is not text', { owners: { a: 1 } }, 'backstage.owners.a', /owner entity reference as text/],
    ['an invalid namespace', { namespace: 'Team A' }, 'backstage.namespace', /lower-case letters, digits and -/],
    ['a script URL', { viewUrlBase: 'javascript:alert(1)' }, 'backstage.viewUrlBase', /http\(s\) URL/],
    ['a misspelt key', { lifecycles: {} }, 'backstage', /unknown key "lifecycles"/],
  ])('refuse %s, naming the key', (_label, backstage, key, message) => {
    const result = parseMaturitySettings({ backstage });
    expect(result.ok).toBe(false);
    const issue = result.ok ? undefined : result.issues.find((i) => i.key === key);
    expect(issue?.message, JSON.stringify(result)).toMatch(message);
  });

  it('leave a __proto__ key in an owner map inert', () => {
    const result = parseMaturitySettings(JSON.parse('{"backstage": {"owners": {"__proto__": {"polluted": 1}, "a": "b"}, "lifecycle": {"__proto__": "x"}}}'));
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    if (result.ok) {
      expect(Object.getPrototypeOf(result.settings.backstage.owners)).toBe(Object.prototype);
      expect(Object.keys(result.settings.backstage.lifecycle)).not.toContain('polluted');
    }
  });
});
