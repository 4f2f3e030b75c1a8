// planPromotion / promote: the checks, the problems a caller shows, and the edit itself.
import { describe, expect, it } from 'vitest';
import { createIndex, createPipeline, DEFAULT_STAGES, dependencyContext, parseNote, planPromotion, promote, type PromotionOptions } from '../../../src/core/index';

const pipeline = createPipeline(DEFAULT_STAGES);
const TODAY = '2026-11-24';

const READY = `---
title: Api Maturity Status
current_stage: Development
tags: [maturity]
---
# Api Maturity Status

**Current Stage**: **Development** 🔨
**Last Updated**: 2026-11-20
**Owner**: api-team

---

## Component Overview

**Dependencies**:
- Store (Current Stage: Staging)

---

## Maturity Criteria

### Development → Staging

- [x] Core features complete
- [x] Unit tests passing
- [x] API documented

**Status**: X/3 criteria met

---

### Staging → Production

- [ ] Integration tests passing
- [x] Health checks configured

**Status**: 1/2 criteria met

---

## Promotion History

### Promotions

- **2026-08-01**: Component created in Development

### Demotions

None

---

## Notes

Nothing yet.
`;

const plan = (text: string, options: Partial<PromotionOptions> = {}) => planPromotion(text, pipeline, { to: 'staging', today: TODAY, ...options });
const diffLines = (a: string, b: string) => {
  const x = a.split('\n');
  const y = b.split('\n');
  return y.filter((l, i) => l !== x[i]);
};

describe('promote: the edit', () => {
  it('rewrites the stage line, front matter, status line and history of a ready note', () => {
    const result = promote(READY, pipeline, { to: 'Staging', today: TODAY });
    expect(result.problems).toEqual([]);
    expect(result.applied).toBe(true);
    expect(result.from).toBe('development');
    expect(result.to).toBe('staging');
    expect(result.changes.map((c) => [c.line, c.before, c.after])).toEqual([
      [3, ['current_stage: Development'], ['current_stage: Staging']],
      [8, ['**Current Stage**: **Development** 🔨'], ['**Current Stage**: **Staging** (Promoted 2026-11-24)']],
      [29, ['**Status**: X/3 criteria met'], ['**Status**: 3/3 criteria met']],
      [47, [], ['- **2026-11-24**: Promoted to Staging']],
    ]);
    const after = parseNote(result.text, pipeline);
    expect(after.stage).toMatchObject({ id: 'staging', qualifier: 'Promoted 2026-11-24' });
    expect(after.history.at(-1)).toMatchObject({ date: TODAY, kind: 'promoted', to: 'staging' });
    expect(after.frontmatter['current_stage']).toBe('Staging');
    expect(after.diagnostics.map((d) => d.code)).not.toContain('stage-conflict');
    // Only the intended lines differ; the history entry is one inserted line.
    const before = READY.split('\n');
    const lines = result.text.split('\n');
    expect(lines.length).toBe(before.length + 1);
    expect([...lines.slice(0, 46), ...lines.slice(47)].filter((l, i) => l !== before[i])).toEqual([
      'current_stage: Staging',
      '**Current Stage**: **Staging** (Promoted 2026-11-24)',
      '**Status**: 3/3 criteria met',
    ]);
  });

  it('keeps the case style and the bold form of the stage line', () => {
    const cases: Array<[string, string]> = [
      ['**Current Stage:** DEVELOPMENT (Ready for Staging)', '**Current Stage:** STAGING (Promoted 2026-11-24)'],
      ['**Current Stage**: Development → Staging (Promotion in Progress)', '**Current Stage**: Staging (Promoted 2026-11-24)'],
      ['**Current Stage**: [[Development]]', '**Current Stage**: [[Staging]] (Promoted 2026-11-24)'],
      ['- **Current Stage**: development  ', '- **Current Stage**: staging (Promoted 2026-11-24)  '],
      ['Current Stage: Dev', 'Current Stage: Staging (Promoted 2026-11-24)'],
    ];
    for (const [line, expected] of cases) {
      const text = READY.replace('**Current Stage**: **Development** 🔨', line);
      const result = promote(text, pipeline, { to: 'staging', today: TODAY });
      expect(result.applied).toBe(true);
      expect(result.text.split('\n')[7]).toBe(expected);
    }
  });

  it('also moves a footer that repeats the stage, and Logseq page properties', () => {
    const footer = `${READY}\n---\n**Current Stage**: Development\n`;
    expect(diffLines(footer, promote(footer, pipeline, { to: 'staging', today: TODAY }).text)).toContain('**Current Stage**: Staging (Promoted 2026-11-24)');
    const logseq = 'current-stage:: development\nowner:: me\n\n- # Api Maturity Status\n- ## Maturity Criteria\n\t- ### Development → Staging\n\t\t- [x] a\n\t\t- **Status**: 1/1 criteria met\n- ## Promotion History\n\t- **2026-01-01**: Component created in Development\n- ## Notes\n';
    const result = promote(logseq, pipeline, { to: 'staging', today: TODAY });
    expect(result.applied).toBe(true);
    expect(result.text).toBe(logseq.replace('current-stage:: development', 'current-stage:: staging').replace('in Development\n', 'in Development\n\t- **2026-11-24**: Promoted to Staging\n'));
  });

  it('formats the date with date-fns from the injected day and refuses a bad one', () => {
    expect(plan(READY, { today: '2026-02-30' }).problems).toEqual([expect.objectContaining({ code: 'invalid-date', level: 'refuse' })]);
    expect(plan(READY, { today: 'yesterday' }).allowed).toBe(false);
  });

  it('keeps CRLF, BOM and no final newline', () => {
    const text = `\ufeff${READY.trimEnd().split('\n').join('\r\n')}`;
    const result = promote(text, pipeline, { to: 'staging', today: TODAY });
    expect(result.applied).toBe(true);
    expect(result.text.startsWith('\ufeff---\r\n')).toBe(true);
    expect(result.text.endsWith('Nothing yet.')).toBe(true);
    expect(result.text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(result.text).toContain('- **2026-11-24**: Promoted to Staging\r\n');
  });

  it('creates the Promotions section in the template style when the note has none', () => {
    const text = READY.replace(/## Promotion History[\s\S]*?---\n\n/, '');
    const result = promote(text, pipeline, { to: 'staging', today: TODAY, reference: 'Issue #12' });
    expect(result.applied).toBe(true);
    expect(result.text).toContain('---\n\n## Promotion History\n\n### Promotions\n\n- **2026-11-24**: Promoted to Staging (Issue #12)\n\n---\n\n## Notes\n');
    expect(parseNote(result.text, pipeline).history).toEqual([expect.objectContaining({ date: TODAY, kind: 'promoted', to: 'staging' })]);
  });

  it('appends at the end of a note with no later section, keeping the missing final newline', () => {
    const text = '# Api Maturity Status\n\n**Current Stage**: Development\n\n### Development → Staging\n\n- [x] a\n\n**Status**: 1/1 criteria met';
    const result = promote(text, pipeline, { to: 'staging', today: TODAY });
    expect(result.text).toBe(`${text.replace('Development\n', 'Staging (Promoted 2026-11-24)\n')}\n\n## Promotion History\n\n### Promotions\n\n- **2026-11-24**: Promoted to Staging`);
  });

  it('adds a row to a history table', () => {
    const text = READY.replace('### Promotions\n\n- **2026-08-01**: Component created in Development\n', '| Date | Stage | Notes |\n|------|-------|-------|\n| 2026-08-01 | Development | created |\n');
    const result = promote(text, pipeline, { to: 'staging', today: TODAY });
    expect(result.text).toContain('| 2026-08-01 | Development | created |\n| 2026-11-24 | Development → Staging | Promoted to Staging |\n');
  });

  it('starts a list under an empty Promotions heading and copies an existing entry style', () => {
    const empty = READY.replace('- **2026-08-01**: Component created in Development\n', 'None yet.\n');
    expect(promote(empty, pipeline, { to: 'staging', today: TODAY }).text).toContain('### Promotions\n\nNone yet.\n\n- **2026-11-24**: Promoted to Staging\n\n### Demotions');
    const plain = READY.replace('- **2026-08-01**: Component', '1. 2026-08-01 - Component');
    expect(promote(plain, pipeline, { to: 'staging', today: TODAY }).text).toContain('1. 2026-08-01 - Component created in Development\n2. 2026-11-24 - Promoted to Staging\n');
  });
});

describe('promote: history that cannot hide or break out', () => {
  const SHORT = '# Api\n\n**Current Stage**: Development\n\n### Development → Staging\n\n- [x] a\n\n**Status**: 1/1 criteria met\n';
  const historyOf = (text: string) => parseNote(text, pipeline).history.filter((h) => h.date === TODAY);

  for (const [what, tail, hidden] of [
    ['a code fence that never closes', '\nSome text.\n\n```bash\nmake deploy\n', '```bash\nmake deploy\n'],
    ['a tilde fence that never closes', '\n~~~\nold notes\n', '~~~\nold notes\n'],
    ['a closed fence, then one that never closes', '\n```\nclosed\n```\n\n```\nopen\n', '```\nopen\n'],
    ['an HTML comment that never closes', '\n<!-- draft\nhidden\n', '<!-- draft\nhidden\n'],
  ] as const) {
    it(`puts a new history section before ${what} at the end of the note, and says so`, () => {
      const text = `${SHORT}${tail}`;
      const result = promote(text, pipeline, { to: 'staging', today: TODAY });
      expect(result.applied).toBe(true);
      expect(historyOf(result.text)).toEqual([expect.objectContaining({ kind: 'promoted', to: 'staging' })]);
      expect(result.text.endsWith(`- **2026-11-24**: Promoted to Staging\n\n${hidden}`)).toBe(true); // the unclosed block stays last, untouched
      expect(result.problems).toEqual([expect.objectContaining({ code: 'history-before-hidden', level: 'warn' })]);
    });
  }

  it('adds the entry above an unclosed fence inside the history section', () => {
    const text = `${SHORT}\n## Promotion History\n\n\`\`\`\nold stuff\n`;
    const result = promote(text, pipeline, { to: 'staging', today: TODAY });
    expect(result.text).toContain('## Promotion History\n\n- **2026-11-24**: Promoted to Staging\n\n```\nold stuff\n');
    expect(historyOf(result.text)).toHaveLength(1);
    expect(result.problems.map((p) => p.code)).toEqual(['history-before-hidden']);
  });

  it('a closed fence at the end changes nothing: the section is appended after it, no warning', () => {
    const text = `${SHORT}\n\`\`\`\ncode\n\`\`\`\n`;
    const result = promote(text, pipeline, { to: 'staging', today: TODAY });
    expect(result.text.endsWith('```\ncode\n```\n\n## Promotion History\n\n### Promotions\n\n- **2026-11-24**: Promoted to Staging\n')).toBe(true);
    expect(result.problems).toEqual([]);
  });

  it('a reference with line breaks, control characters or `|` stays one line and one cell', () => {
    const reference = 'Issue #9 | merged\nFORGED: line\r\n\u001b[2J end';
    const list = promote(READY, pipeline, { to: 'staging', today: TODAY, reference });
    expect(list.text).toContain('- **2026-11-24**: Promoted to Staging (Issue #9 | merged FORGED: line [2J end)\n');
    expect(list.text.split('\n')).toHaveLength(READY.split('\n').length + 1);
    const table = READY.replace('### Promotions\n\n- **2026-08-01**: Component created in Development\n', '| Date | Stage | Notes |\n|------|-------|-------|\n| 2026-08-01 | Development | created |\n');
    const row = promote(table, pipeline, { to: 'staging', today: TODAY, reference }).text.split('\n').find((l) => l.startsWith('| 2026-11-24'))!;
    expect(row).toBe('| 2026-11-24 | Development → Staging | Promoted to Staging (Issue #9 \\| merged FORGED: line [2J end) |');
  });

  it('keeps the reference when the history table has no Notes column', () => {
    const table = READY.replace('### Promotions\n\n- **2026-08-01**: Component created in Development\n', '| Date | Stage |\n|---|---|\n| 2026-08-01 | Development |\n');
    const result = promote(table, pipeline, { to: 'staging', today: TODAY, reference: 'Issue #300' });
    expect(result.text).toContain('| 2026-08-01 | Development |\n| 2026-11-24 | Development → Staging (Issue #300) |\n');
  });
});

describe('promote: the checks', () => {
  it('blocks on unmet criteria and lists them; force goes ahead', () => {
    const text = READY.replace('- [x] API documented', '- [ ] API documented');
    const result = promote(text, pipeline, { to: 'staging', today: TODAY });
    expect(result.applied).toBe(false);
    expect(result.text).toBe(text);
    expect(result.changes).toEqual([]);
    expect(result.problems).toEqual([expect.objectContaining({ code: 'criteria-unmet', level: 'block', line: 27 })]);
    expect(result.problems[0]!.message).toContain('API documented');
    const forced = promote(text, pipeline, { to: 'staging', today: TODAY, force: true });
    expect(forced.applied).toBe(true);
    expect(parseNote(forced.text, pipeline).stage?.id).toBe('staging');
  });

  it('refuses what force cannot fix', () => {
    expect(plan(READY, { to: 'development' }).problems[0]).toMatchObject({ code: 'not-a-promotion', level: 'refuse' });
    expect(plan(READY, { to: 'qa' }).problems[0]).toMatchObject({ code: 'unknown-stage', level: 'refuse' });
    expect(plan('# Notes\n\nNo stage here.\n').problems[0]).toMatchObject({ code: 'no-stage', level: 'refuse' });
    const prose = '# Docker Maturity\n\nThe component was promoted to Development last month.\n';
    expect(plan(prose, { force: true })).toMatchObject({ allowed: false, problems: [expect.objectContaining({ code: 'no-stage-line' })] });
  });

  it('blocks a skipped stage, a blocked stage and open blockers for the target', () => {
    expect(plan(READY, { to: 'production' }).problems.map((p) => p.code)).toEqual(['skips-stage', 'criteria-unmet', 'dependency-behind']);
    const blocked = READY.replace('**Development** 🔨', 'Development (BLOCKED - needs refactoring)');
    expect(plan(blocked).problems.map((p) => p.code)).toEqual(['stage-blocked']);
    const blocker = READY.replace('**Status**: X/3 criteria met', '**Status**: X/3 criteria met\n\n**Blockers**:\n- Issue #7: flaky suite');
    expect(plan(blocker).problems).toEqual([expect.objectContaining({ code: 'open-blocker', level: 'block' })]);
  });

  it('blocks a dependency below the target stage: declared, or actual from the index', () => {
    const behind = READY.replace('Store (Current Stage: Staging)', 'Store (Current Stage: Development)');
    expect(plan(behind).problems).toEqual([expect.objectContaining({ code: 'dependency-behind', level: 'block' })]);
    const optional = READY.replace('- Store (Current Stage: Staging)', '- Optional: Store (Current Stage: Development)');
    expect(plan(optional).problems).toEqual([expect.objectContaining({ code: 'dependency-behind', level: 'warn' })]);
    expect(plan(optional).allowed).toBe(true);

    // The index knows better than the note: Store is really still in Development.
    const index = createIndex({ today: TODAY });
    index.upsert('Api.md', READY);
    index.upsert('Store.md', '# Store Maturity Status\n\n**Current Stage**: Development\n**Owner**: x\n\n### Development → Staging\n\n- [ ] a\n');
    const withIndex = plan(READY, { context: dependencyContext(index, 'Api.md') });
    expect(withIndex.problems).toEqual([expect.objectContaining({ code: 'dependency-behind', level: 'block', message: expect.stringContaining('Store is at Development') })]);
    index.upsert('Store.md', '# Store Maturity Status\n\n**Current Stage**: Production\n**Owner**: x\n\n### Development → Staging\n\n- [x] a\n');
    expect(plan(READY, { context: dependencyContext(index, 'Api.md') }).problems).toEqual([]);
  });

  it('warns about a dependency the index does not know', () => {
    const index = createIndex({ today: TODAY });
    index.upsert('Api.md', READY);
    expect(plan(READY, { context: dependencyContext(index, 'Api.md') }).problems).toEqual([expect.objectContaining({ code: 'dependency-unresolved', level: 'warn' })]);
  });

  it('still computes the preview edit when blocked', () => {
    const text = READY.replace('- [x] API documented', '- [ ] API documented');
    const preview = plan(text);
    expect(preview.allowed).toBe(false);
    expect(preview.changes.length).toBe(4);
  });
});
