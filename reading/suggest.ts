import { sectionTopic } from '../core/knowledge';
import type { TopicId } from '../core/types';
import { caveatMatches } from './caveats';
import { governedSpans, statedFacts } from './facts';
import { readable } from './guide-index';
import { boosted, boostExplaining, rank, type Ranked } from './rank';
import { words } from './text';
import {
  CLOSE_DEPTH,
  CLOSE_SHARE,
  CONFUSED_TOPICS,
  DEFINITION_BOOST,
  DEFINITION_WORDS,
  LEAD_DEPTH,
  NEAR_DEPTH,
  NEAR_SHARE,
  OUTSIDE_FACTS,
  RELEVANCE_FLOOR,
  TOPIC_FLOOR,
} from './tuning';

// What a free question asks: the sections that answer it, the guided check (or two) it fits,
// with the facts it states, and what it names that the sources do not cover.

export interface SuggestedCheck {
  topic: TopicId;
  facts: Record<string, string>;
}

export interface Understood {
  ranked: Ranked[];
  suggested: SuggestedCheck | null;
  alternatives: SuggestedCheck[];
  caveats: string[];
}

const GLOSSARY = 'glossary';
const DEFINITION = /^(?:what(?:'s| is| are| does| do)|define|definition of|meaning of|explain the term)(?![a-z])/;

/** A short question asking what a term is or means ("What is a COA?", "what does OEM mean"). */
function asksForDefinition(clean: string): boolean {
  if (!DEFINITION.test(clean) || words(clean).length > DEFINITION_WORDS) return false;
  return /^what (?:does|do)/.test(clean) ? /(?:mean|stand for)\W*$/.test(clean) : true;
}

/** The topic of the best sections found: the first relevant hit that feeds a guided check. */
function leadTopic(ranked: Ranked[]): TopicId | null {
  const best = ranked[0];
  // Below a general section ("Is this guidance binding?"), a topic leads only when close behind.
  const floor = best && sectionTopic(best.id) === 'general' ? Math.max(RELEVANCE_FLOOR, best.score * NEAR_SHARE) : RELEVANCE_FLOOR;
  const lead = ranked.slice(0, LEAD_DEPTH).find((r) => r.score >= floor && sectionTopic(r.id) !== 'general');
  const topic = lead ? sectionTopic(lead.id) : 'general';
  return topic === 'general' ? null : topic;
}

/** Topics of the sections close behind the best one, or null when nothing clears the floor. */
function nearTopics(ranked: Ranked[]): Set<TopicId> | null {
  const best = ranked[0];
  if (!best || best.score < RELEVANCE_FLOOR) return null;
  const topics = ranked
    .slice(0, NEAR_DEPTH)
    .filter((r) => r.score >= best.score * NEAR_SHARE)
    .map((r) => sectionTopic(r.id))
    .filter((t): t is TopicId => t !== 'general');
  return new Set(topics);
}

/**
 * A topic people confuse with the lead one whose best section is among the top three and close
 * behind: the question fits both ("selling the old PC" or "reinstalling it for resale"), so the
 * reply offers both checks rather than guessing.
 */
function closeTopics(ranked: Ranked[], lead: TopicId): TopicId[] {
  const best = ranked[0];
  if (!best) return [];
  const confused = (t: string) => CONFUSED_TOPICS.some(([a, b]) => (a === lead && b === t) || (b === lead && a === t));
  const close = ranked
    .slice(0, CLOSE_DEPTH)
    .filter((r) => r.score >= best.score * CLOSE_SHARE)
    .map((r) => sectionTopic(r.id))
    .filter((t): t is TopicId => t !== 'general' && confused(t));
  return [...new Set(close)].slice(0, 1);
}

/**
 * A check is made only for a topic the best sections belong to, with only that topic's facts; a
 * text whose subject is outside the sources gets one only when it also states two facts of the
 * topic in words of its own, and a definition question gets none: naming a term states no fact.
 */
export function understand(text: string): Understood {
  const clean = readable(text);
  const found = caveatMatches(clean);
  const caveats = found.map((c) => c.caveat.text);
  const outside = found.filter((c) => c.caveat.outside);
  const allStated = statedFacts(
    clean,
    governedSpans(
      clean,
      outside.flatMap((c) => c.spans),
    ),
  );
  const definition = asksForDefinition(clean);
  let ranked = rank(clean);
  if (definition) ranked = boosted(ranked, (id) => id === GLOSSARY, DEFINITION_BOOST);
  // Each topic's facts lift only that topic's sections, and only for a topic the words alone
  // already put near the top; a text the words alone do not carry over the floor ("our COA
  // sticker is gone") lets every topic's facts lift its own.
  const near = nearTopics(ranked);
  for (const s of allStated) if (!near || near.has(s.topic)) ranked = boostExplaining(ranked, s);
  const topic = leadTopic(ranked);
  if (!topic) return { ranked, suggested: null, alternatives: [], caveats };
  const checkFor = (t: TopicId): SuggestedCheck | null => {
    const facts = allStated.find((s) => s.topic === t)?.facts ?? {};
    const named = Object.keys(facts).length;
    const lead = ranked.find((r) => sectionTopic(r.id) === t)!;
    const clearly = named > 0 || lead.score >= TOPIC_FLOOR;
    return definition || !clearly || (outside.length && named < OUTSIDE_FACTS) ? null : { topic: t, facts };
  };
  const suggested = checkFor(topic);
  const alternatives = suggested ? closeTopics(ranked, topic).flatMap((t) => checkFor(t) ?? []) : [];
  return { ranked, suggested, alternatives, caveats };
}
