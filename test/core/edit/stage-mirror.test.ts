// The front-matter mirror: with the setting on, promote also writes the new stage to a front-matter
// property (or a Logseq page property), and changes nothing else; off by default.
import { describe, expect, it } from 'vitest';
import { createPipeline, DEFAULT_STAGES, parseMaturitySettings, promote, resolveConfig } from '../../../src/core/index';

const pipeline = createPipeline(DEFAULT_STAGES);
const TODAY = '2026-11-24';
const BODY = `# Api Maturity Status

**Current Stage**: Development
**Owner**: api

## Maturity Criteria

### Development → Staging

- [x] Tests

**Status**: 1/1 criteria met

## Promotion History

### Promotions

- **2026-01-02**: Created
`;

const run = (text: string, mirrorProperty?: string) => promote(text, pipeline, { to: 'staging', today: TODAY, ...(mirrorProperty ? { mirrorProperty } : {}) });

describe('front-matter stage mirror on promote', () => {
  it('is off by default: the settings say so and promote adds no property', () => {
    expect(resolveConfig({}).mirrorStage).toEqual({ enabled: false, property: 'stage' });
    const text = `---\ntags: [maturity]\n---\n${BODY}`;
    expect(run(text).text).not.toMatch(/^stage:/m);
  });

  it('adds the property at the end of the front matter', () => {
    const text = `---\ntags: [maturity]\nowner: api\n---\n${BODY}`;
    const result = run(text, 'stage');
    expect(result.applied).toBe(true);
    expect(result.text.startsWith('---\ntags: [maturity]\nowner: api\nstage: Staging\n---\n# Api Maturity Status')).toBe(true);
    expect(result.changes.find((c) => c.reason.includes('mirrors'))).toMatchObject({ line: 4, before: [], after: ['stage: Staging'] });
  });

  it('rewrites a property that holds another value, keeping its spacing and trailing spaces', () => {
    const text = `---\ntags: [maturity]\nlifecycle:   experimental  \n---\n${BODY}`;
    expect(run(text, 'lifecycle').text).toContain('\nlifecycle:   Staging  \n---\n');
  });

  it('leaves a stage key promote already rewrites to promote', () => {
    const text = `---\nstage: development\n---\n${BODY}`;
    const result = run(text, 'stage');
    expect(result.text.startsWith('---\nstage: staging\n---\n')).toBe(true);
    expect(result.text.match(/^stage:/gm)).toHaveLength(1);
  });

  it('gives a note without front matter one at the top, and keeps CRLF', () => {
    const crlf = BODY.replace(/\n/g, '\r\n');
    const result = run(crlf, 'stage');
    expect(result.text.startsWith('---\r\nstage: Staging\r\n---\r\n# Api Maturity Status\r\n')).toBe(true);
    expect(result.text.includes('\n') && !/[^\r]\n/.test(result.text)).toBe(true);
  });

  it('writes a Logseq page property in a page that uses them', () => {
    const text = `tags:: maturity\nowner:: api\n\n${BODY}`;
    expect(run(text, 'stage').text.startsWith('tags:: maturity\nowner:: api\nstage:: Staging\n\n# Api')).toBe(true);
  });

  it('the settings key is validated', () => {
    const bad = parseMaturitySettings({ mirrorStage: { enabled: true, property: 'my stage' } });
    expect(bad.ok).toBe(false);
    const good = parseMaturitySettings({ mirrorStage: { enabled: true } });
    expect(good.ok && good.settings.mirrorStage).toEqual({ enabled: true, property: 'stage' });
  });
});
