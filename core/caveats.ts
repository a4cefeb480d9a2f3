import { model } from './knowledge';

// The knowledge's caveats by id. Cards and links carry ids, never the sentences: an id is short,
// checkable against this list, and always shows today's wording of the caveat.

/** Far above the knowledge's caveat count; keeps a tampered payload or link small. */
export const MAX_CAVEATS = 10;

const byId = new Map(model.vocabulary.caveats.map((caveat) => [caveat.id, caveat]));
const idByText = new Map(model.vocabulary.caveats.map((caveat) => [caveat.text, caveat.id]));

export const CAVEAT_IDS: readonly string[] = [...byId.keys()];

export const isCaveatId = (id: string): boolean => byId.has(id);

/** The ids in the knowledge's order, each once: one set of caveats has one spelling in a link. */
export const orderedCaveatIds = (ids: readonly string[]): string[] => CAVEAT_IDS.filter((id) => ids.includes(id));

/** The sentences of known ids, in the knowledge's order; unknown ids are the reader's business to refuse. */
export const caveatSentences = (ids: readonly string[]): string[] => orderedCaveatIds(ids).map((id) => byId.get(id)!.text);

/** The ids of caveat sentences as the reading returns them; a sentence the knowledge does not have is dropped. */
export const caveatIdsOf = (sentences: readonly string[]): string[] => orderedCaveatIds(sentences.flatMap((sentence) => idByText.get(sentence) ?? []));
