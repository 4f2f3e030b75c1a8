// fflate's raw inflate: the page's inflater in script, where the browser has none or a card needs a
// chunk at once. Only data.ts loads it, by a dynamic import, so the bundle evaluates fflate when the
// data first loads and not with the page's script: fflate builds its Huffman tables at its top level
// (a 32,768-entry loop among them), 6-8 ms of that evaluation in Chromium (benchmarks.md, session 22).
export { inflateSync } from 'fflate';
