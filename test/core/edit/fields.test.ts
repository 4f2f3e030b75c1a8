// Where a field's value sits on a raw line, so an edit rewrites the value and keeps everything
// around it as written: indentation, quotes, list markers, heading marks, bold, trailing spaces.
import { describe, expect, it } from 'vitest';
import { blockPrefixLength, locateField } from '../../../src/core/edit/fields';

describe('blockPrefixLength', () => {
  it.each([
    ['**Status**: 1/2', 0],
    ['  **Status**: 1/2', 2],
    ['- **Status**: 1/2', 2],
    ['  * **Status**: 1/2', 4],
    ['+\t**Status**: 1/2', 2],
    ['12. **Status**: 1/2', 4],
    ['3) **Status**: 1/2', 3],
    ['> **Status**: 1/2', 2],
    ['> > - **Status**: 1/2', 6],
    ['## **Status**: 1/2', 3],
    ['####### not a heading', 0],
    ['1234567890. ten digits are not a list marker', 0],
    ['-not a marker', 0],
    ['#hashtag', 0],
  ])('%j → %i', (line, length) => {
    expect(blockPrefixLength(line)).toBe(length);
  });
});

describe('locateField', () => {
  it.each([
    // line, the value as located
    ['**Current Stage**: Staging', 'Staging'],
    ['**Current Stage:** Staging', 'Staging'],
    ['- **Status**: 7/9 criteria met   ', '7/9 criteria met'],
    ['> **Status**: 3/4 criteria met', '3/4 criteria met'],
    ['  1. **Owner**: platform team', 'platform team'],
    ['**Current Stage**: Development (BLOCKED - waiting)', 'Development (BLOCKED - waiting)'],
    ['__Current Stage__: Production', 'Production'],
    ['**Status**: Staging: 1/2 criteria met', 'Staging: 1/2 criteria met'],
  ])('%j: the value is %j', (line, value) => {
    const span = locateField(line);
    expect(span).not.toBeNull();
    expect(line.slice(span!.start, span!.end)).toBe(value);
    expect(span!.field.value).toBe(value);
    // Rewriting the span changes the value and keeps the rest of the line byte for byte.
    const edited = `${line.slice(0, span!.start)}NEW${line.slice(span!.end)}`;
    expect(edited.replace('NEW', value)).toBe(line);
  });

  it.each([
    ['plain prose, no field'],
    ['**Status**:'],
    ['**Status**:    '],
    [''],
    ['- [ ] a criterion'],
  ])('%j holds no value to edit', (line) => {
    expect(locateField(line)).toBeNull();
  });
});
