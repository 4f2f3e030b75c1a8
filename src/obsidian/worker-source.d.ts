// The workers' code, which the build keeps in comments in main.js (scripts/targets.mjs,
// obsidianMainJs): each import is a function returning the text of the function that holds one,
// and a hash of the code the build made.
declare module 'maturity-map:code/*' {
  const container: () => string;
  export default container;
  export const digest: string;
}
