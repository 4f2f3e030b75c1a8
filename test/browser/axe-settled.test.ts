// What an axe check sees depends on when it runs: a view drawn a part a frame (a dashboard panel,
// a page of rows, a graph laid out in a worker) is `aria-busy` meanwhile. A check a fixed two
// frames after the action read whichever part was there; `whenSettled` waits for the view to say
// it is done, so the check reads the finished view whatever the machine's load.
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { axeFindings, busyElements, injectAxe, whenSettled } from './axe';
import { CHROMIUM, CHROMIUM_ARGS, describeWithChromium } from './chromium';

// A view that shows a placeholder until its layout comes back (the test answers for the worker,
// so nothing here depends on timing), then its content (text of 2.8:1 on white, which axe must
// report) and drops `aria-busy`, as the views' pagers and graph do.
const PAGE = `<!doctype html><html lang="en"><head><title>Settled</title></head><body><main>
<div class="view" aria-busy="true"><p>Drawing…</p></div>
<div class="hidden-view" aria-busy="true" hidden><p>Never drawn: hidden</p></div>
<script>
  window.layoutAnswered = () => {
    const view = document.querySelector('.view');
    const p = document.createElement('p');
    p.style.color = '#999999';
    p.textContent = 'The rows';
    view.replaceChildren(p);
    view.removeAttribute('aria-busy');
  };
</script></main></body></html>`;

type LayoutPage = { layoutAnswered(): void };

describeWithChromium('axe checks wait for the view to be drawn (Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(): Promise<Page> {
    const page = await browser.newPage();
    await page.setContent(PAGE);
    await injectAxe(page);
    return page;
  }

  it('a check two frames after the action reads the placeholder: the failure drawn later is missed', async () => {
    const page = await open();
    expect(await busyElements(page)).toEqual(['div.view']);
    expect((await axeFindings(page)).serious.filter((v) => v.startsWith('color-contrast'))).toEqual([]);
    await page.close();
  });

  it('whenSettled waits for the drawn view (a hidden busy element does not hold it); the check then reports the failure with its colours', async () => {
    const page = await open();
    let settled = false;
    const waiting = whenSettled(page).then(() => {
      settled = true;
    });
    // Frames go by and the view is still drawing: the wait goes on.
    for (let frame = 0; frame < 5; frame++) await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect(settled).toBe(false);
    await page.evaluate(() => (window as unknown as LayoutPage).layoutAnswered());
    await waiting;
    expect(await busyElements(page)).toEqual([]);
    const contrast = (await axeFindings(page)).serious.filter((v) => v.startsWith('color-contrast'));
    expect(contrast).toHaveLength(1);
    expect(contrast[0]).toContain('The rows');
    expect(contrast[0]).toContain('foreground color: #999999');
    expect(contrast[0]).toContain('background color: #ffffff');
    await page.close();
  });
});
