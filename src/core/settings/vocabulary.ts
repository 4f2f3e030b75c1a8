// The `vocabulary` part of the settings schema: more words for any key of the parser's vocabulary
// (src/core/parse/vocabulary.ts). Each key takes a list of words added to the built-in ones.
import * as z from 'zod/mini';
import { VOCABULARY_KEYS, type VocabularyKey } from '../parse/vocabulary';
import { lazy } from '../lazy';
import { wordList } from './fields';

function words() {
  return z.optional(wordList('words'));
}

export const vocabularySchema = lazy(() =>
  z.strictObject(
    Object.fromEntries(VOCABULARY_KEYS.map((key) => [key, words()])) as Record<VocabularyKey, ReturnType<typeof words>>,
    'expected an object of vocabulary keys and the words they add: { "currentStage": ["Lifecycle"], "owner": ["Maintainer"] } (see docs/vocabulary.md)',
  ),
);

export type VocabularyConfig = z.output<ReturnType<typeof vocabularySchema>>;
