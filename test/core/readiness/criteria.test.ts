// Reading what a criterion asks for and what it says about itself, on criteria as people write them.
import { describe, expect, it } from 'vitest';
import { readCriterionText } from '../../../src/core/index';

const read = (text: string, note = '') => readCriterionText({ text, note });

describe('readCriterionText', () => {
  it('reads the template coverage thresholds and their kind', () => {
    expect(read('Unit tests passing (≥70% coverage)')).toMatchObject({ kind: 'coverage', integration: false, threshold: { comparator: '>=', value: 70, unit: '%' }, stated: null });
    expect(read('Integration tests passing (≥80% coverage)')).toMatchObject({ kind: 'coverage', integration: true, threshold: { comparator: '>=', value: 80 } });
    expect(read('Integration test coverage >= 80%').threshold).toMatchObject({ comparator: '>=', value: 80 });
    expect(read('Test coverage at least 75%').threshold).toMatchObject({ comparator: '>=', value: 75 });
  });

  it('separates the threshold from the figure the criterion states', () => {
    expect(read('Unit tests passing (≥70% coverage)', 'Currently 41%')).toMatchObject({ threshold: { value: 70 }, stated: { value: 41 } });
    expect(read('Test Coverage ≥ 70% (actual: 83.7%)')).toMatchObject({ threshold: { value: 70 }, stated: { value: 83.7 } });
    expect(read('Unit tests passing (86.64% coverage - exceeds 70% threshold )')).toMatchObject({ threshold: { value: 70 }, stated: { value: 86.64 } });
    // A criteria-table row: target, achieved, and a signed difference that is not a figure.
    expect(read('Test Coverage', '≥70% · 84.65% · +14.65%')).toMatchObject({ threshold: { value: 70 }, stated: { value: 84.65 } });
    expect(read('Unit tests passing (≥70% coverage)', 'SEVERELY BLOCKED: 11.31% coverage (gap: -58.69%)').stated).toMatchObject({ value: 11.31 });
  });

  it('reads the observation window and the stated day', () => {
    expect(read('7-day uptime in staging ≥99.5%', 'In Progress (Day 3/7)')).toMatchObject({ kind: 'uptime', windowDays: 7, threshold: { value: 99.5 }, statedDay: { day: 3, of: 7 } });
    expect(read('7-Day Uptime', 'READY · System ready for 7-day staging validation')).toMatchObject({ kind: 'uptime', windowDays: 7, statedDay: null });
    expect(read('Complete 14 days at ≥99.9% uptime')).toMatchObject({ kind: 'uptime', windowDays: 14 });
  });

  it('classifies security, performance and tool-gate criteria', () => {
    expect(read('Security review completed, no critical vulnerabilities').kind).toBe('security-review');
    expect(read('Passes linting (ruff), type checking (pyright), security scan (bandit)').kind).toBe('security-scan');
    expect(read('Performance validated (meets defined SLAs)').kind).toBe('performance');
    expect(read('Passes linting (ruff)', '1 violation')).toMatchObject({ kind: 'findings', findings: { count: 1 } });
    expect(read('Passes linting (ruff)', '3 optional PERF401 warnings (list comprehension suggestions)').findings).toBeNull();
    expect(read('Passes type checking (pyright)', '0 errors').findings).toMatchObject({ count: 0 });
    expect(read('Core features complete (80%+ of planned functionality)')).toMatchObject({ kind: 'other', threshold: null });
  });
});

describe('readings shared by the same criterion', () => {
  it('reads a text and note once: the same frozen reading, and another for another note', () => {
    const first = readCriterionText({ text: 'Unit tests passing (≥70% coverage)', note: 'Currently 41%' });
    const again = readCriterionText({ text: 'Unit tests passing (≥70% coverage)', note: 'Currently 41%' });
    const other = readCriterionText({ text: 'Unit tests passing (≥70% coverage)', note: 'Currently 83%' });
    const bare = readCriterionText({ text: 'Unit tests passing (≥70% coverage)', note: '' });
    expect(again).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.threshold) && Object.isFrozen(first.stated)).toBe(true);
    expect(first.stated?.value).toBe(41);
    expect(other.stated?.value).toBe(83);
    expect(bare.stated).toBeNull();
    // A text that spells another pair's key is read as itself.
    expect(readCriterionText({ text: '34:Unit tests passing (≥70% coverage)Currently 41%', note: '' })).not.toBe(first);
  });
});
