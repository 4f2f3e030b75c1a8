// What keyboard focus looks like in Chromium, for the keyboard suites: which element has focus,
// and whether its focus indicator is visible, i.e. the pixels around it change when it loses
// focus, and the indicator (an outline, or an SVG node's stroke) stands out from the background
// behind it by at least 3:1 (WCAG 1.4.11).
import type { Frame, Page } from 'playwright-core';

export interface FocusLook {
  /** tag.class "name" of the focused element. */
  focused: string;
  /** The screenshot around the element differs focused and unfocused. */
  changes: boolean;
  /** Contrast of the indicator's colour with the background behind the element. */
  contrast: number;
  /** What the indicator is: `outline solid 2px`, `stroke 4px`. */
  style: string;
}

/** A short description of the focused element (tag, classes, accessible-ish name). */
export async function focused(target: Page | Frame): Promise<string> {
  return target.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return 'body';
    const name = el.getAttribute('aria-label') ?? el.getAttribute('data-mm-tab') ?? el.textContent ?? '';
    return `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').split(/\s+/)[0]} "${name.trim().slice(0, 40)}"`;
  });
}

/** The indicator's colour and the background's, as computed in the page (sRGB 0–1). */
async function indicatorColours(page: Page): Promise<{ ring: number[]; background: number[]; style: string }> {
  return page.evaluate(() => {
    const parse = (value: string): number[] | null => {
      const srgb = value.match(/^color\(srgb ([\d.e-]+) ([\d.e-]+) ([\d.e-]+)(?: \/ ([\d.]+))?\)/);
      if (srgb) return [Number(srgb[1]), Number(srgb[2]), Number(srgb[3]), srgb[4] === undefined ? 1 : Number(srgb[4])];
      const rgb = value.match(/^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:[,/] ?([\d.]+))?\)/);
      if (rgb) return [Number(rgb[1]) / 255, Number(rgb[2]) / 255, Number(rgb[3]) / 255, rgb[4] === undefined ? 1 : Number(rgb[4])];
      return null;
    };
    const el = document.activeElement as HTMLElement | SVGElement;
    let background: number[] | null = null;
    for (let at: Element | null = el; at && !background; at = at.parentElement) {
      const colour = parse(getComputedStyle(at).backgroundColor);
      if (colour && colour[3]! > 0.5) background = colour;
    }
    // A graph node shows focus by its box's stroke; everything else by an outline.
    const box = el.matches('.mm-node, .mm-xnode') ? el.querySelector('.mm-node-box') : null;
    const style = box ? getComputedStyle(box) : getComputedStyle(el);
    const ring = box ? parse(style.stroke) : parse(style.outlineStyle === 'none' ? 'none' : style.outlineColor);
    return { ring: ring ?? [0, 0, 0, 0], background: background ?? [1, 1, 1, 1], style: box ? `stroke ${style.strokeWidth}` : `outline ${style.outlineStyle} ${style.outlineWidth}` };
  });
}

function luminance([r, g, b]: number[]): number {
  const lin = (c: number) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
  return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
}

function contrast(a: number[], b: number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/**
 * Look at the focused element's indicator: screenshot around it focused (saved to `shot` when
 * given), blur it, screenshot again, then give it focus back (the key walk goes on from there).
 */
export async function lookAtFocus(page: Page, shot?: string): Promise<FocusLook> {
  const name = await focused(page);
  const box = await page.evaluate(() => {
    const r = document.activeElement!.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
  const pad = 8;
  const clip = { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad };
  const colours = await indicatorColours(page);
  const on = await page.screenshot({ clip, animations: 'disabled' });
  // The saved close-up shows some of what is around the element too.
  if (shot) await page.screenshot({ path: shot, animations: 'disabled', clip: { x: Math.max(0, box.x - 40), y: Math.max(0, box.y - 30), width: box.width + 80, height: box.height + 60 } });
  await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    (window as unknown as { __mmFocused: Element }).__mmFocused = el;
    el.blur();
  });
  const off = await page.screenshot({ clip, animations: 'disabled' });
  await page.evaluate(() => ((window as unknown as { __mmFocused: HTMLElement }).__mmFocused).focus());
  return { focused: name, changes: !on.equals(off), contrast: Math.round(contrast(colours.ring, colours.background) * 100) / 100, style: colours.style };
}
