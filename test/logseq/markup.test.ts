// Slot markup is our own DOM serialised (src/logseq/markup.ts): every note string went in as
// text. Hostile notes must come out as text in Logseq's document after the host's DOMPurify —
// no element, attribute or script from a note — and in the main UI too.
import { afterEach, describe, expect, it } from 'vitest';
import { Window } from 'happy-dom';
import createDOMPurify from 'dompurify';
import { serializeTrustedTree } from '../../src/logseq/markup';
import { EXAMPLE_VAULT } from '../helpers/vault';
import { HOST_PURIFY_CONFIG } from './fake/host';
import { filesOf, loadPlugin, macro, until, type Loaded } from './harness';

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=2</script>',
  '"><svg onload="window.__pwned=3">',
  '<iframe src="javascript:window.__pwned=4"></iframe>',
  "' onmouseover='window.__pwned=5",
  '&lt;b&gt;entity&lt;/b&gt; & <b>bold</b>',
];

const EVIL_NOTE = `---
title: Evil ${HOSTILE[0]} Widget
tags: maturity
---
# Evil ${HOSTILE[0]} Widget

**Current Stage**: Staging
**Owner**: ${HOSTILE[1]}
**Functional Group**: ${HOSTILE[2]}
**Last Updated**: 2026-11-01

## Dependencies
- [[Ledger]] (Current Stage: Development) ${HOSTILE[3]}

## Blockers
- ${HOSTILE[4]} #99

### Development → Staging
- [x] Tests ${HOSTILE[5]}
- [ ] Docs ${HOSTILE[3]}
**Status**: 2/2 criteria met
`;

let t: Loaded | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

function injectedElements(root: Element): Element[] {
  return [...root.querySelectorAll('img, script, iframe, object, embed, b, foreignObject')];
}

function eventAttributes(root: Element): string[] {
  return [...root.querySelectorAll('*')].flatMap((el) => [...el.attributes].filter((a) => /^on/i.test(a.name)).map((a) => `${el.tagName}.${a.name}`));
}

describe('serialising the views’ DOM for provideUI', () => {
  it('round-trips hostile text through serialisation and the host’s DOMPurify as text', () => {
    const window = new Window();
    const doc = window.document as unknown as Document;
    const purify = createDOMPurify(window as unknown as Window & typeof globalThis);
    for (const text of HOSTILE) {
      const root = doc.createElement('div');
      const span = doc.createElement('span');
      span.textContent = text;
      span.setAttribute('title', text);
      root.appendChild(span);
      const clean = purify.sanitize(serializeTrustedTree(root), HOST_PURIFY_CONFIG) as unknown as string;
      const back = doc.createElement('div');
      // eslint-disable-next-line no-restricted-properties -- parsing the sanitised template as Logseq does.
      back.innerHTML = clean;
      expect(back.querySelector('span')?.textContent).toBe(text);
      expect(back.querySelector('span')?.getAttribute('title')).toBe(text);
      expect(injectedElements(back)).toEqual([]);
      expect(eventAttributes(back)).toEqual([]);
    }
  });
});

describe('hostile notes in the Logseq plugin', () => {
  it('cards, tables and graphs in slots show note markup as text, and so does the main UI', async () => {
    const files = filesOf(EXAMPLE_VAULT);
    files.set('Components/Evil Widget.md', EVIL_NOTE);
    t = await loadPlugin({ files });
    const slots: string[] = [];
    for (const content of ['{{renderer :maturity}}', '{{renderer :maturity-query, view=table}}', '{{renderer :maturity-query, view=graph}}', '{{renderer :maturity-query, view=board}}']) {
      slots.push((await macro(t, 'Components/Evil Widget.md', content)).slot);
    }
    const hostWindow = t.host as unknown as Record<string, unknown>;
    for (const slot of slots) {
      const el = t.host.document.getElementById(slot) as unknown as Element;
      expect(el.querySelector('[data-injected-ui]')).not.toBeNull();
      expect(injectedElements(el)).toEqual([]);
      expect(eventAttributes(el)).toEqual([]);
    }
    const card = t.host.document.getElementById(slots[0]!)!;
    expect(card.querySelector('.mm-card-title')?.textContent).toBe(`Evil ${HOSTILE[0]} Widget`);
    expect(card.textContent).toContain(HOSTILE[1]);
    expect(card.textContent).toContain(HOSTILE[2]);
    expect(t.host.document.getElementById(slots[2]!)!.querySelector('svg')).not.toBeNull();
    expect(hostWindow['__pwned']).toBeUndefined();

    t.fake.clickToolbar();
    const l = t;
    await until(t, () => (l.frame.document.getElementById('app')?.textContent ?? '').includes('Evil'), 'the main UI');
    const app = t.frame.document.getElementById('app') as unknown as Element;
    expect(app.textContent).toContain(`Evil ${HOSTILE[0]} Widget`);
    expect(injectedElements(app)).toEqual([]);
    expect(eventAttributes(app)).toEqual([]);
    expect((t.frame as unknown as Record<string, unknown>)['__pwned']).toBeUndefined();
  });
});
