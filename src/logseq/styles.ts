// Styles of the Logseq adapter itself (the views bring src/render/styles.css): the slot wrapper,
// notices, and the main UI filling the plugin's frame. Scoped to .mm classes: Logseq injects
// them into its own document.
export const LOGSEQ_CSS = `
.mm.mm-logseq-slot { margin: 4px 0; max-width: 100%; overflow-x: auto; }
.mm.mm-logseq-slot button[disabled] { cursor: default; }
.mm.mm-logseq-notice { padding: 6px 10px; border-left: 3px solid var(--mm-accent); background: var(--mm-bg-alt); border-radius: var(--mm-radius); }
.mm.mm-logseq-notice.mm-notice-warning { border-left-color: var(--mm-warning); }
.mm.mm-logseq-notice.mm-notice-error { border-left-color: var(--mm-error); }
.mm.mm-logseq-notice div { margin-top: 2px; color: var(--mm-muted); }
.mm-logseq-close { margin-left: auto; }
/* A query's graph drawing and its toolbar come as pieces of their own, in the host's wrappers. */
.mm-graph-canvas > [data-injected-ui], .mm-graph-drawing { height: 100%; }
.mm-graph-toolbar > [data-injected-ui], .mm-graph-controls { display: contents; }
/* A large graph's Find field (graph-focus-menu.ts): its own line above the toolbar. */
.mm-graph-finder { margin-bottom: 0.4em; font-size: 0.9em; }
.mm-graph-find { max-width: 16em; padding: 0.15em 0.4em; border: 1px solid var(--mm-border); border-radius: var(--mm-radius); background: var(--mm-bg); color: var(--mm-text); font: inherit; }
/* Logseq's base stylesheet sets svg { pointer-events: none }: the graph's nodes are SVG groups. */
.mm.mm-logseq-slot svg { pointer-events: auto; }
/* A drawing's later layers (graph-layers.ts), injected into a holder inside the first, lie over it: the canvas's box and the same viewBox; only their nodes take the pointer. */
.mm.mm-logseq-slot .mm-graph-layers { display: contents; }
.mm.mm-logseq-slot .mm-graph-layers > [data-injected-ui] { position: absolute; inset: 0; pointer-events: none; }
.mm.mm-logseq-slot .mm-graph-layer svg { pointer-events: none; }
.mm.mm-logseq-slot .mm-graph-layer .mm-node, .mm.mm-logseq-slot .mm-graph-layer .mm-xnode { pointer-events: auto; }
.mm.mm-logseq-slot.mm-logseq-inline { display: inline-flex; align-items: center; gap: 4px; margin: 0; vertical-align: middle; overflow: visible; }
.mm-logseq-inline .mm-inline { display: inline-flex; align-items: center; gap: 4px; }
.mm-logseq-inline svg { display: inline; }
.mm .mm-show-more { margin-top: 6px; }
.mm .mm-sidebar { margin-left: 4px; padding: 0 6px; line-height: 1.4; }
/* Logseq styles tables and headings inside blocks; ours keep their own look. */
.mm.mm-logseq-slot table { margin: 0; width: auto; }
.mm.mm-logseq-slot tr:nth-child(n) { background: transparent; }
.mm.mm-logseq-slot h2, .mm.mm-logseq-slot h3, .mm.mm-logseq-slot h4 { min-height: 0; }
/* A query table's later rows come as pieces injected into the table (table-pieces.ts): rows of its own. */
.mm.mm-logseq-slot .mm-table > [data-injected-ui] { display: table-row-group; }
.mm-logseq-rows { display: contents; }
.mm-logseq-row { display: table-row; }
.mm-logseq-cell { display: table-cell; text-align: left; padding: 0.4em 0.6em; border-bottom: 1px solid var(--mm-border); vertical-align: middle; }
.mm-logseq-cell.mm-numeric { text-align: right; }
.mm .mm-query-count { display: inline-block; margin-top: 6px; font-size: 0.85em; }
/* Long unbroken note text (an owner like "<script>…</script>") must not widen a board column. */
.mm .mm-board-column, .mm .mm-board-item { min-width: 0; }
.mm .mm-board-item { overflow-wrap: anywhere; }
`;

/** Styles of the plugin's own frame (the main UI). */
export const FRAME_CSS = `
html, body { margin: 0; padding: 0; height: 100%; }
body { background: var(--ls-primary-background-color, #ffffff); }
#app { box-sizing: border-box; height: 100%; overflow: auto; padding: 16px 24px; }
`;
