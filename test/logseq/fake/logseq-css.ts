// The rules of Logseq 0.10.x's stylesheet that reach into what plugins inject, restated for the
// fake host's document (read from logseq/logseq at tag 0.10.15; not copied):
// - `src/main/frontend/common.css`: inside `@layer base` (a Tailwind 3 directive, so the built
//   style.css has it as a plain element rule), every `svg` gets `pointer-events: none`;
// - Tailwind 3.3 preflight (the app's `@tailwind base`): headings and buttons inherit font and
//   size, buttons lose their background, padding and cursor, svg is a block;
// - `src/main/frontend/components/block.css`: headings inside `.ls-block` get their own size and
//   weight;
// - `src/main/frontend/components/table.css`: tables inside `.block-content` fill the width, have
//   margins, padded cells and striped rows.
// Slot markup lands inside `.ls-block .block-content`, so all of these apply to it.
export const LOGSEQ_HOST_CSS = `
svg { pointer-events: none; }
h1, h2, h3, h4, h5, h6 { font-size: inherit; font-weight: inherit; margin: 0; }
button, input, select { font-family: inherit; font-size: 100%; font-weight: inherit; line-height: inherit; color: inherit; margin: 0; padding: 0; }
button { background-color: transparent; background-image: none; cursor: pointer; }
img, svg, video { display: block; vertical-align: middle; }
table { border-collapse: collapse; text-indent: 0; border-color: inherit; }
.ls-block h3 { font-size: 1.2em; min-height: 1.2em; }
.ls-block h4 { font-size: 1em; min-height: 1em; }
.ls-block :is(h1, h2, h3, h4, h5, h6) { font-weight: 600; }
.block-content table { width: 100%; border-collapse: collapse; text-align: left; margin: 1rem 0; }
.block-content th { font-size: 14px; font-weight: 400; border-bottom: 2px solid var(--ls-border-color, #ccc); padding: 10px 8px; }
.block-content td { padding: 6px 8px; text-align: left; }
.block-content tr:nth-child(even) { background: var(--ls-table-tr-even-background-color, #f0f0f0); }
.block-content tr:nth-child(odd) { background: var(--ls-primary-background-color, #fff); }
`;
