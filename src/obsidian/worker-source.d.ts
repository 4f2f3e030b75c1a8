// The parse worker's bundled source, embedded by the build (scripts/targets.mjs).
declare module 'maturity-map:parse-worker' {
  const source: string;
  export default source;
}
