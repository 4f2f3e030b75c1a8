// A value built on first use and kept. Module-level constants that take work to build (zod
// schemas, default settings, compiled vocabularies) are made through this, so loading a bundle
// costs only its compile: in Obsidian the plugin's whole module body runs in the task that loads
// it, before the app can paint.
export function lazy<T>(build: () => T): () => T {
  let built = false;
  let value: T;
  return () => {
    if (!built) {
      value = build();
      built = true;
    }
    return value;
  };
}
