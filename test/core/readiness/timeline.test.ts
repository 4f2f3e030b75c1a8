// When a note says it entered its stage, and how long it has been there: promotion fields, the
// history, the stage line's "(Promoted …)"; the latest statement wins, nothing is guessed.
import { describe, expect, it } from 'vitest';
import { enteredStage, tenure } from '../../../src/core/readiness/timeline';
import { createPipeline, DEFAULT_STAGES, parseNote } from '../../../src/core/index';
import { TODAY } from '../../helpers/vault';

const pipeline = createPipeline(DEFAULT_STAGES);

function note(stageLine: string, header: string[], history: string[]): string {
  return [
    '# Widget Maturity Status',
    '',
    `**Current Stage**: ${stageLine}`,
    '**Owner**: team',
    ...header,
    '',
    '## Dependencies',
    '',
    'None (foundational component)',
    '',
    '## Promotion History',
    '',
    '### Promotions',
    '',
    ...history,
    '',
  ].join('\n');
}

describe('enteredStage and tenure', () => {
  it.each([
    // stage line, header fields, history, entered Staging on (null: the note does not say), days
    ['Staging', [], [], null, null],
    ['Staging', [], ['- **2026-10-01**: Promoted to Staging'], '2026-10-01', 54],
    ['Staging', ['**Promoted to Staging**: 2026-11-01'], [], '2026-11-01', 23],
    ['Staging', ['**Promotion Date**: 2026-11-10'], [], '2026-11-10', 14],
    ['Staging (Promoted 2026-11-20)', [], [], '2026-11-20', 4],
    ['Staging (Go-live for the 2026-11-15 deadline)', [], [], null, null],
    [
      'Staging',
      [],
      ['- **2026-09-01**: Promoted to Staging', '- **2026-09-15**: Demoted to Development', '- **2026-10-20**: Promoted to Staging'],
      '2026-10-20',
      35,
    ],
    ['Staging', [], ['- **2026-06-01**: Component created in Development', '- **2026-08-01**: Promoted to Staging'], '2026-08-01', 115],
    ['Staging', [], ['- **2026-11-01**: Promoted to Production'], null, null],
    ['Staging', ['**Promoted to Staging**: 2026-11-01'], ['- **2026-10-01**: Promoted to Staging'], '2026-11-01', 23],
    ['Staging', ['**Promoted to Staging**: 2026-12-01'], [], '2026-12-01', 0],
  ])('%s, %j, %j: %s', (stageLine, header, history, since, days) => {
    const text = note(stageLine, header, history);
    const parsed = parseNote(text, pipeline);
    expect(enteredStage(parsed, 'staging')?.date ?? null).toBe(since);
    const t = tenure(parsed, TODAY);
    expect(t?.since ?? null).toBe(since);
    expect(t?.days ?? null).toBe(days);
    if (t) expect(text.split('\n')[t.line - 1]).toContain(since!); // the line that says so
  });

  it('a stage the note is not at counts only explicit statements', () => {
    const parsed = parseNote(note('Production', ['**Promotion Date**: 2026-11-10'], ['- **2026-10-01**: Promoted to Staging']), pipeline);
    expect(enteredStage(parsed, 'staging')).toMatchObject({ date: '2026-10-01' });
    expect(enteredStage(parsed, 'production')).toMatchObject({ date: '2026-11-10' });
    expect(tenure(parseNote('# Widget\n\nNo stage here.\n', pipeline), TODAY)).toBeNull();
  });
});
