// Lists the index keeps for as long as a note is in it. An array grown by push() keeps room to
// grow (17 slots for one element); over 10k notes that room was megabytes, so what is kept is
// copied to its exact length, and every empty list is the same frozen one.

/** The one empty list: frozen, so nothing can add to a list other notes share. */
export const NONE: never[] = Object.freeze([]) as unknown as never[];

export function shrinkToFit<T>(items: T[]): T[] {
  return items.length === 0 ? NONE : items.slice();
}
