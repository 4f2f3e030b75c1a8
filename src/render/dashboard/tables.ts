// Reading the dashboard's data back from its tables (written by src/cli/dashboard-tables.ts): what
// JSON.parse of the plain JSON would have given, value for value.
//   string → its number in the strings table      number → its digits as a string
//   array  → [0, ...values]                         object → [shape + 1, ...values in the shape's key order]

/** The strings met so far (the detail strings join the light ones when a card needs them) and the shapes. */
export interface Tables {
  shapes: readonly (readonly string[])[];
  strings: readonly string[];
}

function malformed(): Error {
  return new Error('the embedded data\u2019s tables do not match');
}

function untabledObject(tabled: readonly unknown[], keys: readonly string[], tables: Tables): Record<string, unknown> {
  if (keys.length !== tabled.length - 1) throw malformed();
  const record: Record<string, unknown> = {};
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = untabled(tabled[i + 1], tables);
    // An own property, as JSON.parse makes it, even for a key named __proto__.
    if (key === '__proto__') Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
    else record[key] = value;
  }
  return record;
}

export function untabled(tabled: unknown, tables: Tables): unknown {
  if (typeof tabled === 'number') {
    const text = tables.strings[tabled];
    if (text === undefined) throw malformed();
    return text;
  }
  if (typeof tabled === 'string') return Number(tabled);
  if (typeof tabled === 'boolean' || tabled === null) return tabled;
  if (!Array.isArray(tabled) || typeof tabled[0] !== 'number') throw malformed();
  const tag = tabled[0];
  if (tag === 0) {
    const list: unknown[] = new Array(tabled.length - 1);
    for (let i = 1; i < tabled.length; i++) list[i - 1] = untabled(tabled[i], tables);
    return list;
  }
  const keys = tables.shapes[tag - 1];
  if (!keys) throw malformed();
  return untabledObject(tabled, keys, tables);
}
