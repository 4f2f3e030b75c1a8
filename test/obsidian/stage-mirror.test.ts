// @vitest-environment happy-dom
// The mirrorStage setting in the plugin's data.json: promote then also writes `stage: <Stage>` to
// the note's front matter; without the setting it does not.
import { describe, expect, it } from 'vitest';
import type { Harness } from './harness/app';
import { startHarness, useHarnessSession } from './helpers';

let h: Harness | null = null;
useHarnessSession({ fixedDate: false });

async function promoteFeatureFlags(data?: unknown): Promise<string> {
  h = await startHarness(data === undefined ? {} : { data });
  const path = 'Components/Feature Flags.md';
  await h.open(path);
  await h.command('promote-component');
  const modal = h.modals()[0];
  if (modal) [...modal.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Promote'))!.click();
  await h.settle();
  return h.app.vault.read(h.file(path));
}

describe('front-matter stage mirror in Obsidian', () => {
  it('writes the stage property on promote when the setting is on', async () => {
    const text = await promoteFeatureFlags({ mirrorStage: { enabled: true, property: 'stage' } });
    expect(text).toMatch(/\*\*Current Stage\*\*: Production/);
    expect(text).toMatch(/^---\n[\s\S]*?\nstage: Production\n---\n/);
  });

  it('writes nothing more when it is off (the default)', async () => {
    const text = await promoteFeatureFlags();
    expect(text).toMatch(/\*\*Current Stage\*\*: Production/);
    expect(text).not.toMatch(/^stage: /m);
  });
});
