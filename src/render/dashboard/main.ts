// Entry of the standalone HTML dashboard (bundled by esbuild as an IIFE and inlined by
// `maturity-map dashboard`). Reads the snapshot from <script type="application/json" id="mm-data">,
// mounts the dashboard, and keeps the selected component in the URL hash.
import { checkSnapshot } from '../../core/snapshot';
import { contextFromSnapshot } from '../context';
import { h } from '../dom';
import { renderDashboard, type DashboardView } from './dashboard';
import { themeSwitch } from './theme';

const HASH_PREFIX = '#component=';

function idFromHash(): string | null {
  if (!location.hash.startsWith(HASH_PREFIX)) return null;
  try {
    return decodeURIComponent(location.hash.slice(HASH_PREFIX.length));
  } catch {
    return null;
  }
}

function fail(mount: HTMLElement, message: string): void {
  mount.replaceChildren(h(document, 'p', { cls: 'mm mm-fatal', text: `This dashboard cannot be shown: ${message}.` }));
}

function start(): void {
  const mount = document.getElementById('mm-app');
  const source = document.getElementById('mm-data');
  if (!mount) return;
  let view: DashboardView | null = null;
  try {
    const snapshot = checkSnapshot(JSON.parse(source?.textContent ?? 'null'));
    const ctx = contextFromSnapshot(snapshot, {
      document,
      href: (id) => `${HASH_PREFIX}${encodeURIComponent(id)}`,
      onOpen: (id) => {
        view?.show(id);
        history.replaceState(null, '', `${HASH_PREFIX}${encodeURIComponent(id)}`);
      },
    });
    view = renderDashboard(ctx, { title: document.title || `Maturity Map — ${snapshot.root}`, headerExtras: [themeSwitch(document)] });
    mount.replaceChildren(view.element);
    const initial = idFromHash();
    if (initial) view.show(initial);
    window.addEventListener('hashchange', () => {
      const id = idFromHash();
      if (id) view?.show(id);
    });
  } catch (err) {
    fail(mount, (err as Error).message);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
else start();
