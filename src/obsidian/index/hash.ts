// A fast 53-bit string hash (cyrb53), as hex: cache keys for the parser build and the settings,
// and a check that a note's text is the one already indexed. Not for security.
export function hashText(text: string, seed = 0): string {
  const [h1, h2] = cyrb53(text, seed);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(16);
}

function cyrb53(text: string, seed: number): [number, number] {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return [h1 >>> 0, h2 >>> 0];
}
