// A small, stable string hash (FNV-1a, 32 bits) for ids that must stay the same from run to run
// (Backstage name suffixes, canvas node ids). Not for security.
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let hash = seed;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
