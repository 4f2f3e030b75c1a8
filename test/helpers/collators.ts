// Counting the name collators a piece of code makes (src/core/text.ts builds its one lazily):
// Intl.Collator replaced by a subclass that records each construction's arguments.
export const RealCollator = Intl.Collator;

/** Replace Intl.Collator by one that records the arguments of each collator made; restore with restoreCollator(). */
export function countCollators(): unknown[][] {
  const made: unknown[][] = [];
  class CountingCollator extends RealCollator {
    constructor(...args: ConstructorParameters<typeof Intl.Collator>) {
      super(...args);
      made.push(args);
    }
  }
  Intl.Collator = CountingCollator as typeof Intl.Collator;
  return made;
}

export function restoreCollator(): void {
  Intl.Collator = RealCollator;
}
