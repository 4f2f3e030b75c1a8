// Records keyed by text from a note (front matter, page properties). They have no prototype, so
// a `__proto__` or `constructor` key is a key like any other. V8 keeps an object made with
// Object.create(null) in dictionary mode (~320 bytes for a handful of keys); an empty literal
// whose prototype is then set to null stays in fast mode, and records with the same keys in the
// same order share one hidden class.

/** An empty record with no prototype, in V8's fast mode. */
export function nullRecord<T>(): Record<string, T> {
  const record: Record<string, T> = {};
  Object.setPrototypeOf(record, null);
  return record;
}
