// Entry of the standalone HTML dashboard (bundled by esbuild as an IIFE and inlined by
// `maturity-map dashboard`). Reads the data from <script type="application/json" id="mm-data">
// (light components to paint; each card's detail unpacked when it opens), mounts the dashboard,
// and keeps the selected component in the URL hash.
import type { EncodedDashboardData } from '../../core/dashboard-data';
import { contextFromSnapshot } from '../context';
import { loadDashboardData } from './data';
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

async function start(): Promise<void> {
  const mount = document.getElementById('mm-app');
  const source = document.getElementById('mm-data');
  if (!mount) return;
  let view: DashboardView | null = null;
  try {
    const loaded = await loadDashboardData(JSON.parse(source?.textContent ?? 'null') as EncodedDashboardData);
    const data = loaded.data;
    const ctx = contextFromSnapshot(data, {
      document,
      href: (id) => `${HASH_PREFIX}${encodeURIComponent(id)}`,
      onOpen: (id) => {
        view?.show(id);
        history.replaceState(null, '', `${HASH_PREFIX}${encodeURIComponent(id)}`);
      },
    }, loaded.detail);
    view = renderDashboard(ctx, { title: document.title || `Maturity Map — ${data.root}`, headerExtras: [themeSwitch(document)] });
    mount.replaceChildren(view.element);
    const initial = idFromHash();
    if (initial) view.show(initial);
    window.addEventListener('hashchange', () => {
      const id = idFromHash();
      if (id) view?.show(id);
    });
    // Once the board is on screen, inflate the details so the first cards are quick.
    requestAnimationFrame(() => setTimeout(() => void loaded.prefetch().catch(() => undefined), 0));
  } catch (err) {
    fail(mount, (err as Error).message);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => void start());
else void start();
