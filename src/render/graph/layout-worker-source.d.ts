// The graph layout worker's bundled source, embedded by the build (scripts/targets.mjs). Only the
// plugins import it; src/render itself never does (the standalone dashboard and the CLI have no worker).
declare module 'maturity-map:layout-worker' {
  const source: string;
  export default source;
}
