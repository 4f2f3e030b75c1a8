// The XSS corpus: payloads that, if any view or page ever treated note text as markup, would call
// `__mmXssHit(n)` (or open a dialog), and a vault that puts each payload in every field a view
// shows: titles, component names, file names, owners, groups, stage qualifiers, criteria, status
// lines, coverage, blockers, dependency names, tags, aliases, history, security and performance
// text, plus hostile stage names and colours in the settings.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { createIndex, type MaturityIndex, type MaturitySettings } from '../../src/core/index';

const H = '__mmXssHit';

/** Each payload executes `__mmXssHit(<its number>)` (or `alert(<n>)`) when parsed as HTML, SVG, CSS or a URL. */
export const XSS_PAYLOADS: string[] = [
  `<script>${H}(1)</script>`,
  `<img src=x onerror=${H}(2)>`,
  `<img src="x" onerror="${H}(3)">`,
  `<svg onload=${H}(4)>`,
  `<svg><script>${H}(5)</script></svg>`,
  `<iframe src="javascript:top.${H}(6)"></iframe>`,
  `<iframe srcdoc="<script>top.${H}(7)</script>"></iframe>`,
  `<a href="javascript:${H}(8)">click me</a>`,
  `javascript:${H}(9)`,
  `[link](javascript:${H}(10))`,
  `[[javascript:${H}(11)]]`,
  `![img](javascript:${H}(12))`,
  `<body onload=${H}(13)>`,
  `<details open ontoggle=${H}(14)>`,
  `<input autofocus onfocus=${H}(15)>`,
  `<video><source onerror=${H}(16)></video>`,
  `<audio src=x onerror=${H}(17)>`,
  `<marquee onstart=${H}(18)>x</marquee>`,
  `<object data="javascript:top.${H}(19)"></object>`,
  `<embed src="javascript:top.${H}(20)">`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${H}(21)>`,
  `"><script>${H}(22)</script>`,
  `'><img src=x onerror=${H}(23)>`,
  `</script><script>${H}(24)</script>`,
  `<!--<img src=x onerror=${H}(25)>-->`,
  `--><img src=x onerror=${H}(26)>`,
  `<style>@import 'javascript:${H}(27)';</style>`,
  `<style>*{display:none !important}</style>`,
  `<div style="background:url('javascript:${H}(29)')">x</div>`,
  `red;}</style><img src=x onerror=${H}(30)>`,
  `<link rel=stylesheet href="javascript:${H}(31)">`,
  `<meta http-equiv="refresh" content="0;url=javascript:${H}(32)">`,
  `<base href="javascript:${H}(33)//">`,
  `<form action="javascript:${H}(34)"><button>go</button></form>`,
  `<button formaction="javascript:${H}(35)">go</button>`,
  `<template><img src=x onerror=${H}(36)></template>`,
  `<noscript><p title="</noscript><img src=x onerror=${H}(37)>">`,
  `<scr<script>ipt>${H}(38)</scr</script>ipt>`,
  `<SCRIPT SRC=data:text/javascript,${H}(39)></SCRIPT>`,
  `<img src="data:image/svg+xml,<svg onload=${H}(40)>">`,
  `<svg><animate onbegin=${H}(41) attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:${H}(42)"><text x=20 y=20>x</text></a></svg>`,
  `<svg><set attributeName=onmouseover to=${H}(43)>`,
  `<xss id=x tabindex=1 onfocusin=${H}(44)></xss>`,
  `<a href=# onclick=${H}(45)>x</a>`,
  `<img src=x onerror=alert(46)>`,
  `<svg/onload=alert(47)>`,
  `{{constructor.constructor('${H}(48)')()}}`,
  `\${${H}(49)}`,
  `&lt;script&gt;${H}(50)&lt;/script&gt;`,
  `%3Cscript%3E${H}(51)%3C/script%3E`,
  `\\u003cimg src=x onerror=${H}(52)\\u003e`,
  `<img src=x onerror=${H}(53)//`,
  `<iframe src=javascript&colon;${H}(54)>`,
  `<a href="jav&#x09;ascript:${H}(55)">x</a>`,
  `<object data="data:text/html,<script>top.${H}(56)</script>">`,
  `<div onpointerover=${H}(57) onmouseover=${H}(57)>hover</div>`,
  `\u202e<img src=x onerror=${H}(58)>\u202d`,
  `<select autofocus onfocus=${H}(59)>`,
  `<textarea autofocus onfocus=${H}(60)>`,
  `<keygen autofocus onfocus=${H}(61)>`,
  `<isindex type=image src=1 onerror=${H}(62)>`,
];

/** Settings with hostile stage names, aliases and colours (a shared vault's .maturity-map.json). */
export const HOSTILE_SETTINGS: MaturitySettings = {
  stages: [
    { id: 'development', name: 'Development', aliases: ['dev'], color: `red;background:url("javascript:${H}(90)")` },
    { id: 'staging', name: `Staging<img src=x onerror=${H}(91)>`, aliases: ['staging'], color: '#2563eb"><script>__mmXssHit(92)</script>' },
    { id: 'production', name: 'Production', aliases: ['prod'], color: 'expression(alert(93))' },
  ],
};

/**
 * The hostile settings a settings file can carry: the CLI refuses a file whose colours could carry
 * CSS (exit 2, test/core/settings), so the file keeps the hostile names and aliases only.
 */
export const HOSTILE_FILE_SETTINGS: MaturitySettings = {
  stages: (HOSTILE_SETTINGS.stages ?? []).map((stage) => ({ id: stage.id, name: stage.name, aliases: stage.aliases })),
};

const safeFile = (s: string) => s.replace(/[/\\\0]/g, '_').replace(/\s+/g, ' ').slice(0, 60);

/** One component note carrying `p` in every field a view shows. */
export function hostileNote(i: number, p: string, count: number): string {
  const next = `Comp ${(i + 1) % count}`;
  const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar
  return [
    '---',
    `title: ${q(`${p} Comp ${i} Maturity Status`)}`,
    `component: ${q(`${p} Comp ${i}`)}`,
    `owner: ${q(p)}`,
    `tags: [maturity, ${q(p)}]`,
    `aliases: [${q(`Comp ${i}`)}, ${q(p)}]`,
    'updated: 2026-11-20',
    '---',
    `# ${p} Comp ${i} Maturity Status`,
    '',
    `**Current Stage**: ${i % 3 === 0 ? 'Staging' : i % 3 === 1 ? 'Development' : 'Production'} (${p})`,
    '**Last Updated**: 2026-11-20',
    `**Owner**: ${p}`,
    `**Functional Group**: ${p}`,
    `**Priority**: ${p}`,
    '',
    '## Component Overview',
    '',
    `**Purpose**: ${p}`,
    '',
    '**Dependencies**:',
    `- [[${next}]] (Current Stage: Development)`,
    `- ${p} (Current Stage: Development)`,
    `- Optional: [${p}](javascript:__mmXssHit(80)) (for ${p})`,
    '',
    '## Maturity Criteria',
    '',
    '### Development → Staging',
    '',
    `- [x] ${p} criterion one ✅`,
    `- [ ] Unit tests passing (≥70% coverage) - **Currently 41% ${p}** ❌`,
    `- [x] ${p}`,
    '',
    `**Status**: 1/3 criteria met ${p}`,
    '',
    `**Current Coverage**: 41% ${p}`,
    '',
    '**Blockers**:',
    `- Issue #${i + 1}: ${p}`,
    '',
    '### Staging → Production',
    '',
    `- [x] Performance validated ${p}`,
    `- [ ] 7-day uptime in staging ≥99.5% ${p}`,
    '',
    '**Status**: 2/2 criteria met',
    '',
    '## Performance Metrics',
    '',
    '### Current Performance (Staging)',
    '',
    `- p95: 120ms ${p}`,
    `**Uptime**: 99.1% (over 3 days) ${p}`,
    '',
    '### SLA Targets (Production)',
    '',
    `- p95: <100ms ${p}`,
    '**Uptime**: ≥99.9%',
    '',
    '## Security Status',
    '',
    `**Last Security Scan**: 2026-11-01`,
    '**Security Scan Results**:',
    `- Critical: 1 ${p}`,
    `**Security Review Status**: ${p}`,
    '',
    '## Promotion History',
    '',
    '### Promotions',
    '',
    `- **2026-10-01**: Promoted to Development (${p})`,
    '',
    '## Current Blockers',
    '',
    '### Active Blockers',
    '',
    `1. **Issue #${i + 100}**: ${p}`,
    '   - **Type**: Security',
    '   - **Severity**: Critical',
    '   - **Target Stage**: Staging',
    '   - **Status**: Open',
    '',
  ].join('\n');
}

/** Write the hostile vault to `dir`: one note per payload, file names holding the payload too. */
export function writeHostileVault(dir: string, settings = false): string[] {
  mkdirSync(dir, { recursive: true });
  const files: string[] = [];
  XSS_PAYLOADS.forEach((p, i) => {
    const file = i % 4 === 0 ? `${safeFile(p)} Comp ${i}.md` : `Comp ${i}.md`;
    writeFileSync(join(dir, file), hostileNote(i, p, XSS_PAYLOADS.length));
    files.push(file);
  });
  if (settings) writeFileSync(join(dir, '.maturity-map.json'), JSON.stringify(HOSTILE_FILE_SETTINGS));
  return files;
}

/** The hostile vault as an index, without touching the disk. */
export function hostileIndex(settings: MaturitySettings = {}): MaturityIndex {
  const index = createIndex({ today: '2026-11-24', ...settings });
  XSS_PAYLOADS.forEach((p, i) => {
    const file = i % 4 === 0 ? `${safeFile(p)} Comp ${i}.md` : `Comp ${i}.md`;
    index.upsert(file, hostileNote(i, p, XSS_PAYLOADS.length));
  });
  return index;
}

/**
 * Elements no view ever creates, but a payload parsed as markup would. (The views do create
 * `input`, `select` and `option` for filters; an injected one would carry `on…`/`autofocus`.)
 */
export const INJECTED_TAGS = [
  'script', 'img', 'iframe', 'object', 'embed', 'style', 'link', 'meta', 'base', 'form', 'video', 'audio', 'source',
  'marquee', 'math', 'mtext', 'mglyph', 'template', 'noscript', 'frame', 'frameset', 'applet', 'textarea', 'keygen',
  'isindex', 'xss', 'details', 'animate', 'set', 'foreignobject', 'body',
];

/** The one `details` the views make: a grid card's folded evidence table, its class its only attribute (readiness.ts). */
function isViewsDetails(el: Element): boolean {
  return el.localName === 'details' && el.getAttribute('class') === 'mm-evidence-details' && [...el.attributes].every((a) => a.name === 'class' || a.name === 'open');
}

/** INJECTED_TAGS as a selector for a page, the views' own `details` left out (an injected one carries no such class, or an `on…` the handler check reports). */
export const INJECTED_SELECTOR = INJECTED_TAGS.map((tag) => (tag === 'details' ? 'details:not(.mm-evidence-details)' : tag)).join(',');

/**
 * Check a rendered tree: no injected element, no event-handler attribute, no script URL in any
 * attribute, and no style beyond the two custom properties the views set.
 */
export function assertInert(root: Element): void {
  const all = [root, ...root.querySelectorAll('*')];
  for (const el of all) {
    const tag = el.localName.toLowerCase();
    if (!isViewsDetails(el)) expect(INJECTED_TAGS, `<${tag}> in the output`).not.toContain(tag);
    for (const attr of [...el.attributes]) {
      const name = attr.name.toLowerCase();
      expect(name.startsWith('on'), `${name} on <${tag}>`).toBe(false);
      expect(name, `<${tag}>`).not.toBe('autofocus');
      const value = [...attr.value].filter((ch) => ch.charCodeAt(0) > 32).join('').toLowerCase(); // browsers skip controls and spaces in URLs
      if (['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'srcdoc', 'poster', 'background'].includes(name)) {
        expect(value.startsWith('javascript:') || value.startsWith('data:') || value.startsWith('vbscript:'), `${name}="${attr.value}"`).toBe(false);
      }
      if (name === 'style') {
        for (const decl of attr.value.split(';').map((d) => d.trim()).filter(Boolean)) expect(decl, 'inline style').toMatch(/^--mm-[a-z-]+\s*:/);
      }
    }
  }
}
