// shareValues (src/core/parse/share.ts): equal criteria, measures and counts of different notes
// are one frozen object; anything that differs (the line, the tick, the value) is not shared.
// shortcuts.property.test.ts pins the notes to the plain parse with it off.
import { describe, expect, it } from 'vitest';
import { createPipeline, parseNote, resolveConfig } from '../../../src/core/index';
import { withShortcuts } from '../../../src/core/parse/shortcuts';

const pipeline = createPipeline(resolveConfig({}).stages);

const note = (tick: string, p95: string, high: string) => `# Billing Component Maturity Status

**Current Stage:** Development

## Development → Staging

- [${tick}] Unit tests passing (≥70% coverage)
- [ ] API documented

## Performance Metrics

### SLA Targets (Production)

**Response Time**:
- p95: ${p95}

## Security Status

**Security Scan Results**:
- High: ${high}
`;

describe('shareValues: equal values of different notes are kept once', () => {
  it('shares what is equal, frozen, and nothing else', () => {
    const a = parseNote(note('x', '<150ms', '0'), pipeline);
    const b = parseNote(note('x', '<150ms', '0'), pipeline);
    const c = parseNote(note(' ', '<200ms', '1'), pipeline);
    const [a0, a1] = a.transitions[0]!.items;
    const [b0, b1] = b.transitions[0]!.items;
    const [c0, c1] = c.transitions[0]!.items;
    expect(b0).toBe(a0);
    expect(b1).toBe(a1);
    expect(c1).toBe(a1); // the same unticked criterion on the same line
    expect(c0).not.toBe(a0); // ticked in one note, not in the other
    expect(c0!.checked).toBe(false);
    expect(b.performance.targets.p95).toBe(a.performance.targets.p95);
    expect(c.performance.targets.p95).not.toBe(a.performance.targets.p95);
    expect(b.security.high).toBe(a.security.high);
    expect(c.security.high!.value).toBe(1);
    for (const shared of [a0, a.performance.targets.p95, a.security.high]) expect(Object.isFrozen(shared)).toBe(true);
  });

  it('moves a criterion to another line: not the same value', () => {
    const a = parseNote(note('x', '<150ms', '0'), pipeline);
    const moved = parseNote(note('x', '<150ms', '0').replace('## Development', '\n## Development'), pipeline);
    expect(moved.transitions[0]!.items[0]!.line).toBe(a.transitions[0]!.items[0]!.line + 1);
    expect(moved.transitions[0]!.items[0]).not.toBe(a.transitions[0]!.items[0]);
  });

  it('with the shortcut off, every note has values of its own', () => {
    const [a, b] = withShortcuts({ shareValues: false }, () => [parseNote(note('x', '<150ms', '0'), pipeline), parseNote(note('x', '<150ms', '0'), pipeline)]);
    expect(b!.transitions[0]!.items[0]).not.toBe(a!.transitions[0]!.items[0]);
    expect(b!.transitions[0]!.items[0]).toEqual(a!.transitions[0]!.items[0]);
    expect(Object.isFrozen(a!.transitions[0]!.items[0])).toBe(false);
  });
});
