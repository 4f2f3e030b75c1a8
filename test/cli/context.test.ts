// The settings file as the CLI reads it: a good file changes what the commands see, a bad one is
// exit 2 naming the file, the key and what was expected — never "unexpected failure".
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { note, run, tempVault } from './run';

function vaultWith(settings: string): string {
  const dir = tempVault({ 'A.md': note('Alpha', 'Staging'), 'B.md': note('Beta', 'Development').replace('tags: [maturity]', 'tags: [maturity, TTA]') });
  writeFileSync(join(dir, '.maturity-map.json'), settings);
  return dir;
}

describe('.maturity-map.json', () => {
  it('a good file is read: its tags narrow the components', () => {
    const dir = vaultWith(JSON.stringify({ components: { tags: ['TTA'] } }));
    const result = run('scan', dir, '--json');
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { components: Array<{ name: string }> }).components.map((c) => c.name)).toEqual(['Beta']);
  });

  it.each([
    ['a tag given as text (the review\'s example)', '{"components":{"tags":"maturity"}}', /components\.tags: expected a list of tags .*got a string \("maturity"\)/],
    ['stale days as text', '{"staleAfterDays":"30"}', /staleAfterDays: expected a number of days: a whole number from 1 to 1000000, got a string/],
    ['a colour carrying CSS', '{"stages":[{"name":"Dev","color":"red;background:url(x)"}]}', /stages\[0\]\.color: expected a CSS colour/],
    ['a misspelt key', '{"stale_after_days":3}', /\(top level\): unknown key "stale_after_days"/],
    ['not JSON', '{components: []}', /is not valid JSON/],
  ])('%s: exit 2 naming the file and the key', (_label, settings, message) => {
    const dir = vaultWith(settings);
    const result = run('scan', dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(join(dir, '.maturity-map.json'));
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/unexpected failure/);
  });

  it('every command that reads the vault checks the file, fix on one note too', () => {
    const dir = vaultWith('{"components":{"tags":"maturity"}}');
    for (const args of [['lint', dir], ['readiness', dir], ['report', dir], ['fix', join(dir, 'A.md')]]) {
      const result = run(...args);
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stderr).toMatch(/components\.tags: expected a list of tags/);
    }
  });

  it('--config names another file, checked the same way', () => {
    const dir = vaultWith('{}');
    const other = join(dir, 'other.json');
    writeFileSync(other, '{"components":{"detect":"yes"}}');
    const result = run('scan', dir, '--config', other);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/settings file .*other\.json is not valid:\n {2}components\.detect: expected true or false/);
    expect(run('scan', dir, '--config', join(dir, 'missing.json')).stderr).toMatch(/no such settings file/);
  });
});
