// @vitest-environment happy-dom
// The component card and the dependency strip on the example vault.
import { describe, expect, it } from 'vitest';
import { renderComponentCard, renderDependencyStrip, renderNoteHeader, type CardSection, type ViewContext } from '../../src/render/index';
import { contextFromSnapshot } from '../../src/render/context';
import { loadDashboardData } from '../../src/render/dashboard/data';
import { dashboardData } from '../../src/core/dashboard-data';
import { encodeDashboardData } from '../../src/cli/dashboard-page';
import { EXAMPLE_VAULT, loadFolder } from '../helpers/vault';
import { click, exampleFixture, textOf } from './helpers';

describe('component card', () => {
  const { ctx, opened, byName } = exampleFixture();
  const billing = byName('Billing Engine');
  const card = renderComponentCard(billing, ctx);
  const section = (kind: string) => card.querySelector<HTMLElement>(`.mm-${kind}`)!;

  it('has a title link, the badge, owner, group and a relative date', () => {
    expect(card.tagName).toBe('ARTICLE');
    expect(card.getAttribute('data-mm-id')).toBe('Components/Billing Engine.md');
    const title = card.querySelector('h3.mm-card-title a.mm-link')!;
    expect(textOf(title)).toBe('Billing Engine');
    expect(textOf(card.querySelector('.mm-badge .mm-stage')!)).toBe('◑ Staging');
    const meta = [...card.querySelectorAll('.mm-meta-item')].map(textOf);
    expect(meta).toEqual(['Owner payments-squad', 'Group Payments', 'Updated 22 days ago', 'Stage note Promoted']);
    const time = card.querySelector('time.mm-updated')!;
    expect(time.getAttribute('datetime')).toBe('2026-11-02');
    expect(time.getAttribute('title')).toBe('Last updated 2026-11-02');
  });

  it('shows criteria progress with the status-line warning', () => {
    expect(card.querySelectorAll('.mm-progress [role="progressbar"]')).toHaveLength(2);
    expect(textOf(card.querySelector('.mm-claim-warning')!)).toBe('⚠ Status line says 7/7');
  });

  it('lists dependencies with their live stages and what is wrong with them', () => {
    const deps = [...section('dependencies').querySelectorAll('li')];
    expect(textOf(section('dependencies').querySelector('.mm-section-title')!)).toBe('Depends on (3)');
    expect(deps.map(textOf)).toEqual([
      'Ledger ○ Development ▼ less mature than this component',
      'Auth Gateway ● Production',
      'Search Indexer ○ Development ▼ less mature than this component (optional)',
    ]);
    expect(deps[0]!.querySelector('.mm-stage')!.getAttribute('title')).toBe('Live stage of Ledger: Development');
  });

  it('says when a note declares another stage than the dependency has', () => {
    const media = renderComponentCard(byName('Media Pipeline'), ctx);
    const mismatch = media.querySelector('.mm-dep-mismatch')!;
    expect(textOf(mismatch)).toContain('Object Storage ◑ Staging ⚠ note says Production');
  });

  it('lists dependents, open blockers and problems', () => {
    const config = renderComponentCard(byName('Config Service'), ctx);
    const usedBy = [...config.querySelectorAll('.mm-dependents li')].map(textOf);
    expect(usedBy).toEqual(['Auth Gateway ● Production', 'Feature Flags ◑ Staging', 'Search Indexer ○ Development']);
    expect(textOf(section('dependents'))).toBe('Used by (0) No component depends on this one.');
    expect(textOf(section('blockers').querySelector('.mm-section-title')!)).toBe('Open blockers (6)');
    const problems = [...section('diagnostics').querySelectorAll('.mm-diagnostic')];
    expect(problems.map((p) => p.getAttribute('data-mm-code'))).toEqual(['stage-inversion', 'stage-criteria-unmet', 'status-count-mismatch', 'stage-inversion']);
    expect(problems.map((p) => p.classList.contains('mm-error'))).toEqual([true, true, true, false]);
    expect(textOf(problems[0]!)).toBe('✖ error Staging component depends on Ledger, which is only at Development. line 48');
  });

  it('opens the note from links and line buttons', () => {
    opened.length = 0;
    click(card.querySelector('.mm-card-title a')!);
    click(section('dependencies').querySelector('a.mm-link')!);
    click(section('diagnostics').querySelector('button.mm-line')!);
    expect(opened.map((o) => [o.id, o.line])).toEqual([
      ['Components/Billing Engine.md', undefined],
      ['Components/Ledger.md', undefined],
      ['Components/Billing Engine.md', 48],
    ]);
  });

  it('appends the host sections', () => {
    const readiness: CardSection = (component, context) => {
      const el = context.document.createElement('section');
      el.className = 'mm-card-section mm-readiness';
      el.textContent = `ready? ${component.name}`;
      return el;
    };
    const skip: CardSection = () => null;
    const withSections = exampleFixture({ cardSections: [readiness, skip] });
    const extended = renderComponentCard(withSections.byName('Ledger'), withSections.ctx, { headingLevel: 2 });
    expect(textOf(extended.lastElementChild!)).toBe('ready? Ledger');
    expect(extended.querySelector('h2.mm-card-title')).not.toBeNull();
    expect(extended.querySelector('h3.mm-section-title')).not.toBeNull();
  });

  it('names the components it lists from their stage and name alone, never building their views', () => {
    // The standalone page's component(id) joins that component's detail and computes its
    // readiness: a card of 12 dependencies and dependents did that 12 times (benchmarks.md, session 25).
    const views: string[] = [];
    const counting: ViewContext = { ...ctx, component: (id) => (views.push(id), ctx.component(id)) };
    const config = byName('Config Service');
    const counted = renderComponentCard(config, counting);
    const strip = renderDependencyStrip(config, counting);
    expect(views).toEqual([]);
    expect(counted.querySelectorAll('.mm-dependents li .mm-stage')).toHaveLength(3);
    expect(textOf(counted)).toBe(textOf(renderComponentCard(config, ctx)));
    expect(textOf(strip)).toBe(textOf(renderDependencyStrip(config, ctx)));
  });

  it('folds the readiness evidence under its summary when asked (a grid of cards), the same table inside', () => {
    const component = exampleFixture().index.components().find((c) => c.readiness && renderComponentCard(c, ctx).querySelector('table.mm-evidence'))!;
    const shown = renderComponentCard(component, ctx);
    const folded = renderComponentCard(component, ctx, { evidence: 'folded' });
    const details = folded.querySelector('.mm-readiness details.mm-evidence-details')!;
    expect(details.hasAttribute('open')).toBe(false);
    const rows = shown.querySelectorAll('table.mm-evidence tbody tr').length;
    expect(rows).toBeGreaterThan(1);
    expect(textOf(details.querySelector('summary')!)).toBe(`Evidence against each of ${rows} thresholds`);
    expect(details.querySelector('table.mm-evidence')!.outerHTML).toBe(shown.querySelector('table.mm-evidence')!.outerHTML); // eslint-disable-line no-restricted-properties -- comparing, not writing
    expect(shown.querySelector('details')).toBeNull();
  });

  it('says "none" for a foundational component', () => {
    expect(textOf(renderComponentCard(byName('Session Store'), ctx).querySelector('.mm-dependencies')!)).toBe('Depends on (0) None (foundational component).');
  });
});

describe('a card on the standalone page', () => {
  it('joins only its own component\u2019s detail: the components it lists are read from the light data', async () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const page = await loadDashboardData(encodeDashboardData(dashboardData(index, 'vault'), 7));
    const joined: string[] = [];
    const ctx = contextFromSnapshot(page.data, { document, onOpen: () => undefined }, (id) => (joined.push(id), page.detail(id)));
    const ids = page.data.components.map((c) => c.id);
    const cards = ids.map((id) => renderComponentCard(ctx.component(id)!, ctx));
    expect(joined).toEqual(ids);
    // What the index's own views show, stage tags of dependencies and dependents included.
    const fromIndex = exampleFixture(undefined, index).ctx;
    expect(cards.map(textOf)).toEqual(ids.map((id) => textOf(renderComponentCard(index.component(id)!, fromIndex))));
  });
});

describe('dependency strip', () => {
  it('shows both directions on one line with live stages', () => {
    const { ctx, byName } = exampleFixture();
    expect(textOf(renderDependencyStrip(byName('Auth Gateway'), ctx))).toBe(
      'Depends on: Session Store ● Production, Config Service ◑ Staging Used by: Billing Engine ◑ Staging, Carrier Directory ◑ Staging, Customs Filing ● Production, Media Pipeline ● Production, Rate Quoter ◑ Staging',
    );
    expect(textOf(renderDependencyStrip(byName('Session Store'), ctx))).toMatch(/^Depends on: none \(foundational\) Used by: /);
  });
});

describe('note header', () => {
  it('puts the badge, the progress and the strip together', () => {
    const { ctx, byName } = exampleFixture();
    const header = renderNoteHeader(byName('Search Indexer'), ctx);
    expect(header.getAttribute('aria-label')).toBe('Maturity of Search Indexer');
    expect([...header.children].map((c) => c.className)).toEqual(['mm mm-badge', 'mm mm-progress', 'mm mm-dep-strip']);
    expect(textOf(header.querySelector('.mm-flag-promoting')!)).toBe('↗ → Staging');
    expect(header.querySelector('.mm-next [role="progressbar"]')!.getAttribute('aria-valuetext')).toBe('7 of 7 criteria met');
  });
});
