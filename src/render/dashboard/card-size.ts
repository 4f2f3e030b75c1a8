// How tall a card of the Cards tab will be, before it is laid out. Cards off screen are not laid
// out (`content-visibility: auto`); until a card has been, it takes the height its
// `contain-intrinsic-size` gives. A fixed 26em was a fifth of a generated vault's cards (~2,200 px
// with their readiness table): jumping to "Show more" brought ten never-drawn cards into view at
// once, and one frame styled and laid out ~2,150 elements (70–110 ms; benchmarks.md, session 25).
import { setVar } from '../dom';

/**
 * Em per block row (list item, paragraph, heading), per table row, per character of text, and the
 * card's own frame: fitted to 96 cards of a generated vault, evidence tables shown, laid out at 900 and 1,360 px (within
 * 7% of each; 20% low at 1,900 px, where text wraps less).
 */
const EM_PER_ROW = 0.75;
const EM_PER_TABLE_ROW = 2.3;
const EM_PER_CHARACTER = 0.03;
const EM_FRAME = 3;

interface Held {
  rows: number;
  tableRows: number;
  characters: number;
}

/** Block rows, table rows and characters under `root`. */
function held(root: Element): Held {
  const count = (tag: string) => root.getElementsByTagName(tag).length;
  return {
    rows: count('li') + count('p') + count('h2') + count('h3') + count('h4') + count('h5') + count('summary'),
    tableRows: count('tr'),
    characters: root.textContent?.length ?? 0,
  };
}

/** The card's estimated height, em: counted from what it shows, no layout read (a closed `<details>` shows its summary). */
export function estimatedCardHeightEm(card: HTMLElement): number {
  const shown = held(card);
  for (const folded of card.querySelectorAll('details:not([open])')) {
    for (const child of folded.children) {
      if (child.tagName === 'SUMMARY') continue;
      const hidden = held(child);
      shown.rows -= hidden.rows + (child.matches('li, p, h2, h3, h4, h5') ? 1 : 0);
      shown.tableRows -= hidden.tableRows + (child.tagName === 'TR' ? 1 : 0);
      shown.characters -= hidden.characters;
    }
  }
  return Math.round(EM_FRAME + EM_PER_ROW * shown.rows + EM_PER_TABLE_ROW * shown.tableRows + EM_PER_CHARACTER * shown.characters);
}

/** Give a card of the grid its estimated height until it is first laid out (styles.css reads the variable). */
export function sizeGridCard(card: HTMLElement): HTMLElement {
  setVar(card, '--mm-card-height', `${estimatedCardHeightEm(card)}em`);
  return card;
}
