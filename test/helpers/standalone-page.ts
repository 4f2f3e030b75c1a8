// The standalone dashboard page's body as `maturity-map dashboard` writes it, in the test's DOM: the
// mount point and the data blocks of a generated vault's index, for tests that then load the
// page's own script (src/render/dashboard/main.ts). The unit tests share one document between
// files (vitest.config.ts, `isolate: false`): a page left by an earlier test would hold the first
// `#mm-app`, and the script would draw there, so the body is emptied first.
import { encodeDashboardData, pageDataBlocks } from '../../src/cli/dashboard-page';
import { dashboardData } from '../../src/core/dashboard-data';
import { createIndex, type MaturityIndex } from '../../src/core/index';
import { generateNotes } from '../../bench/generator/vault';

/** The page's mount point, and the index its data came from. */
export function mountPageData(notes: number, seed: number): { mount: HTMLElement; index: MaturityIndex } {
  document.body.replaceChildren();
  const index = createIndex({});
  for (const note of generateNotes({ notes, seed })) index.upsert(note.path, note.text);
  const mount = document.createElement('main');
  mount.id = 'mm-app';
  const blocks = pageDataBlocks(encodeDashboardData(dashboardData(index, 'vault'))).map((block) => {
    const element = document.createElement('script');
    element.setAttribute('type', block.type);
    element.id = block.id;
    element.textContent = block.text;
    return element;
  });
  document.body.append(mount, ...blocks);
  return { mount, index };
}
