// The `backstage` part of the settings schema: how `export --format backstage` maps components to
// catalog entities (type, lifecycle per stage, owners, namespace, a view URL for notes).
import * as z from 'zod/mini';
import { lazy } from '../lazy';
import { text } from './fields';

const DNS_LABEL = /^[a-z0-9]+(?:-+[a-z0-9]+)*$/;

function nonBlank(what: string) {
  return text(what).check(z.minLength(1, `expected ${what} that is not blank`));
}

/** A map of words to words, e.g. stage id → lifecycle; `__proto__` and other keys stay plain data. */
function wordMap(what: string) {
  return z.record(nonBlank('a key'), nonBlank(what), `expected an object of ${what}s: { "…": "…" }`);
}

export const backstageSchema = lazy(() =>
  z.strictObject(
    {
      /** `spec.type` of every entity. */
      type: z._default(nonBlank('a component type (service, website, library)'), 'service'),
      /** Stage id (or `unknown`) → `spec.lifecycle`; stages not listed: the last stage production, others experimental. */
      lifecycle: z._default(
        z.pipe(wordMap('lifecycle'), z.transform((map: Record<string, string>) => Object.fromEntries(Object.entries(map).map(([k, v]) => [k.toLowerCase(), v])))),
        () => ({}),
      ),
      /** `spec.owner` for notes without an Owner. */
      defaultOwner: z._default(nonBlank('an owner entity reference'), 'unknown'),
      /** Owner as written in notes → entity reference (`group:platform`). */
      owners: z._default(wordMap('owner entity reference'), () => ({})),
      /** `metadata.namespace` of every entity. */
      namespace: z.optional(
        text('a Backstage namespace').check(z.regex(DNS_LABEL, 'expected a Backstage namespace: lower-case letters, digits and -'), z.maxLength(63, 'expected a namespace of at most 63 characters')),
      ),
      /** Base URL for `backstage.io/view-url` (joined with the note's path). */
      viewUrlBase: z.optional(text('a URL').check(z.regex(/^https?:\/\/\S+$/, 'expected an http(s) URL'))),
    },
    'expected an object of Backstage export settings: { "type": "service", "lifecycle": { "staging": "experimental" }, … }',
  ),
);

export type BackstageSettings = z.output<ReturnType<typeof backstageSchema>>;
