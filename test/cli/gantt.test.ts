// `report --format markdown`'s Mermaid gantt: one section per dated component, a bar per stage,
// blocked spans and observation windows; undated components named below it. Names are escaped so
// no name can break the syntax: checked by Mermaid itself, in Chromium, on hostile names.
import { describe, expect, it } from 'vitest';
import { componentTimeline, createIndex } from '../../src/core/index';
import { ganttText, stageGantt } from '../../src/cli/gantt';
import { reportMarkdown } from '../../src/cli/report-markdown';
import { describeWithChromium } from '../browser/chromium';
import { EXAMPLE_VAULT, loadFolder, TODAY } from '../helpers/vault';
import { mermaidInChromium } from './mermaid-browser';

/** The body of the ```mermaid block in a report. */
function ganttOf(report: string): string {
  const m = /```mermaid\n([\s\S]*?)\n```/.exec(report);
  if (!m) throw new Error('no mermaid block');
  return m[1]!;
}

const HOSTILE_NAMES = [
  'Auth: Gateway',
  'click t0 call alert(1)',
  'section Evil',
  'title Owned',
  '%% comment out the rest',
  'dateFormat X',
  'a;b#c',
  '2026-01-01 Start',
  '<img src=x onerror=alert(2)>',
  '```\n# heading',
  'Ünïcödé — 名前 :done, x1, 2020-01-01, 1d',
  'C#35; and &amp;',
  'todayMarker stroke:red',
  'accTitle: stolen',
  '   ',
];

function hostileVault() {
  const index = createIndex({ today: TODAY });
  HOSTILE_NAMES.forEach((name, i) => {
    const title = JSON.stringify(name);
    index.upsert(`C${i}.md`, `---\ntitle: ${title}\ntags: [maturity]\n---\n# x\n\n**Current Stage**: Staging\n**Last Updated**: 2026-11-01\n\n## Promotion History\n\n- **2026-0${1 + (i % 8)}-10**: Component created in Development\n- **2026-10-${10 + i}**: Promoted to Staging\n- **2026-10-${11 + i}**: Blocked by the vendor\n- **2026-10-${12 + i}**: Unblocked\n`);
  });
  return index;
}

describe('gantt text', () => {
  it('keeps letters, digits and plain punctuation; codes everything that means something to Mermaid', () => {
    expect(ganttText('Auth Gateway (v2), 名前')).toBe('Auth Gateway (v2), 名前');
    for (const name of HOSTILE_NAMES) {
      const text = ganttText(name);
      // Outside the #code; entities, none of : ; # % < > ` or a line break is left.
      expect(text.replace(/#\d+;/g, '')).not.toMatch(/[:;#%<>`\n\r]/);
    }
  });

  it('draws the example vault: a section per component, a bar per stage, blocked spans and windows', () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const gantt = ganttOf(reportMarkdown(index, 'examples/vault'));
    const lines = gantt.split('\n');
    expect(lines.slice(0, 5)).toEqual(['gantt', '  title Stage history as of 2026-11-24', '  dateFormat YYYY-MM-DD', '  axisFormat %Y-%m', '  todayMarker off']);
    expect(lines.filter((l) => l.startsWith('  section '))).toHaveLength(index.components().length);
    const auth = lines.slice(lines.indexOf('  section Auth Gateway') + 1, lines.indexOf('  section Billing Engine'));
    expect(auth).toEqual([
      '    #9675; Development :done, t1, 2026-06-15, 2026-08-20',
      '    #9681; Staging :done, t2, 2026-08-20, 2026-09-30',
      '    #9679; Production :active, t3, 2026-09-30, 2026-11-24',
      '    #10711; 7-day observation :done, t4, 2026-08-20, 2026-08-27',
    ]);
    expect(gantt).toContain('    #8856; blocked :crit, ');
    expect(gantt).toContain(':milestone, '); // Ledger's day in staging
  });

  it('keeps to Mermaid’s size limit, most recent first, and says how many it left out', () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const timelines = index.components().map((c) => componentTimeline(c, index.pipeline, TODAY));
    const small = stageGantt(timelines, index.pipeline, TODAY, 1200);
    expect(small.block!.length).toBeLessThan(1400);
    expect(small.omitted).toBeGreaterThan(0);
    expect(small.block).toContain('section Rate Quoter'); // promoted 2026-11-19
    expect(small.block).not.toContain('section Session Store'); // nothing since 2026-08
    const report = reportMarkdown(index, 'examples/vault');
    expect(report).not.toContain('left out to keep');
  });
});

describeWithChromium('the gantt in Mermaid (Chromium)', () => {
  const draw = mermaidInChromium();
  const render = async (text: string) => {
    const { error, drawn, dialogs } = await draw(text, (out) => ({
      sections: [...out.querySelectorAll('.sectionTitle')].map((t) => t.textContent),
      tasks: out.querySelectorAll('rect.task').length,
      injected: out.querySelectorAll('img, script, iframe, foreignObject a').length,
    }));
    return { error, ...(drawn ?? { sections: [], tasks: 0, injected: 0 }), dialogs };
  };

  it('renders the example vault’s gantt with every component as a section', async () => {
    const index = loadFolder(EXAMPLE_VAULT);
    const result = await render(ganttOf(reportMarkdown(index, 'examples/vault')));
    expect(result.error).toBeNull();
    expect(result.sections.sort()).toEqual(index.components().map((c) => c.name).sort());
  });

  it('renders hostile names as the names, each its own section, nothing injected or run', async () => {
    const index = hostileVault();
    const gantt = ganttOf(reportMarkdown(index, 'hostile `root` <b>'));
    const result = await render(gantt);
    expect(result.error).toBeNull();
    const expected = index.components().map((c) => c.name.replace(/\s+/g, ' ').trim() || c.id);
    expect(result.sections.map((s) => s!.replace(/\s+/g, ' ').trim()).sort()).toEqual(expected.sort());
    // Each component: three stage bars (one a milestone), one blocked span.
    expect(result.tasks).toBeGreaterThanOrEqual(index.components().length * 3);
    expect(result.injected).toBe(0);
    expect(result.dialogs).toEqual([]);
  });
});
