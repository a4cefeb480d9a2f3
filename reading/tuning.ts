// Every number that shapes how free questions are ranked and turned into checks, in one place,
// each with what it was chosen on. reading/README.md says how to re-measure them
// (`npm run eval:questions` and the search tests) before changing one.

/** Beyond this, a text is a paste rather than a question; reading more only costs time. */
export const MAX_QUERY_CHARS = 1000;
/**
 * Longer "words" are pastes or noise (the guide's longest word has 15 letters): they are not
 * spell-corrected, unswapped or fuzzy-matched, each of which costs time quadratic in a word's length.
 */
export const LONGEST_WORD = 30;
/** Distinct terms of a text that are searched: a long paste costs no more than a long question. */
export const MAX_TERMS = 60;
/**
 * A hit must score at least this to be shown. Calibrated on this guide: everyday sentences
 * that share a word or two with it ("the coffee machine on the third floor is broken") stay
 * below 5.5; the best hit of the real questions in the tests scores 7 to 85, most above 20.
 */
export const RELEVANCE_FLOOR = 6;
/**
 * A question that names no fact of a topic is offered its check only when a section of that
 * topic is clearly what was asked (the best hits of real questions that did want a check
 * scored above 12; those that wanted only a definition, below).
 */
export const TOPIC_FLOOR = 12;
/** Field boosts: a section's title and the questions it answers say what it is about. */
export const FIELD_BOOSTS = { title: 3, asks: 2, answer: 1 } as const;
/**
 * A synonym's guide words weigh half a typed word unless the vocabulary says otherwise, and
 * that weight is shared among its words, so long expansions never outweigh what was typed.
 */
export const EXPANSION_WEIGHT = 0.5;
/** Filler-like words ("access", "run", "Windows", "10") count a third of a meaningful word. */
export const WEAK_WEIGHT = 1 / 3;
/** A section that explains a fact value the text states moves up by half ("the board was upgraded"). */
export const FACT_SECTION_BOOST = 1.5;
/** How deep in the ranking the topic of the best sections is looked for (below a general section). */
export const LEAD_DEPTH = 2;
/**
 * A topic whose sections are this close behind the best one may let its facts reorder them; a
 * generic word such as "Pro" in a question about imaging then lifts no VM section far below.
 */
export const NEAR_DEPTH = 5;
export const NEAR_SHARE = 0.7;
/**
 * Topics people confuse, because the same words serve both: a PC that changes hands (used) or
 * is reinstalled for resale (refurbished); media for a refurbished PC or for an older VL
 * version; imaging with a VL upgrade or installing an older VL version; a VM question or a
 * choice of VDI license. When the second of a pair is close behind the first, both checks are
 * offered rather than a guess.
 */
export const CONFUSED_TOPICS: readonly (readonly [string, string])[] = [
  ['used-pc', 'refurbished-pc'],
  ['refurbished-pc', 'prior-versions'],
  ['upgrade-imaging', 'prior-versions'],
  ['virtual-machines', 'vdi-license-choice'],
];
/**
 * Close means: the other topic's best section is in the top three and scores at least this
 * share of the best. On the development sets (December 2026), the confused pairs stood at 0.66
 * to 0.76 where the second topic was the one asked about or equally fair, and unrelated second
 * topics reached 0.98, which is why only the pairs above are offered.
 */
export const CLOSE_DEPTH = 3;
export const CLOSE_SHARE = 0.65;
/** Facts a question about something outside the sources must state to be offered a check too. */
export const OUTSIDE_FACTS = 2;
/** A definition question ("What is a COA?") puts the glossary ahead of sections that use the term. */
export const DEFINITION_BOOST = 2;
/** Longer than this, a "what is ..." question asks about a case, not a term. */
export const DEFINITION_WORDS = 8;
