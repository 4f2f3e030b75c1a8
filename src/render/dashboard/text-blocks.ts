// The standalone page's text blocks (`<script type="text/plain">`, written by src/cli/dashboard-page.ts:
// the graph script and the layout block), which the browser neither compiles nor runs as the page
// opens. One runs when it is needed as an inline script of its own, allowed by its hash in the
// page's Content-Security-Policy: no URL, no eval.

/**
 * Run the text block `id` (`what` names it in errors) with `given` in globals while it runs, and
 * take what it leaves in the global `exported`.
 */
export function runBlock(doc: Document, id: string, what: string, exported: string, given: Record<string, unknown> = {}): unknown {
  const code = doc.getElementById(id)?.textContent;
  const globals = doc.defaultView as unknown as Record<string, unknown> | null;
  if (!code || !globals) throw new Error(`the page has no ${what}`);
  Object.assign(globals, given);
  const script = doc.createElement('script');
  script.textContent = code;
  try {
    // An inline script runs as it is inserted, or not at all (a policy that does not allow it).
    (doc.head ?? doc.documentElement).appendChild(script);
  } finally {
    script.remove();
    for (const name of Object.keys(given)) delete globals[name];
  }
  return globals[exported];
}
