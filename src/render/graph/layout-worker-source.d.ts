// The graph layout worker's bundled source, embedded by the build (scripts/targets.mjs). Only the
// plugins import it; src/render itself never does (the standalone dashboard has the same source in
// a text block of its page, src/cli/dashboard-page.ts; the CLI lays out in its own thread).
declare module 'maturity-map:layout-worker' {
  const source: string;
  export default source;
}
