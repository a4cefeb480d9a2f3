import { decide } from '../../core/decide';
import { guide } from '../../knowledge/guide-data';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS } from '../../core/types';
import type { Facts, TopicDefinition } from '../../core/types';

// Walks every partial combination of every topic's facts (each fact unknown or one of its
// values) and checks the contract's promises on each one.

type Partial = Record<string, string>;

function allPartials(topic: TopicDefinition): Partial[] {
  let states: Partial[] = [{}];
  for (const fact of topic.facts) {
    const next: Partial[] = [];
    for (const state of states) {
      next.push(state);
      for (const option of fact.options) next.push({ ...state, [fact.id]: option.value });
    }
    states = next;
  }
  return states;
}

/** An answer's outcome: its verdict, and for recommendations which licenses it recommends. */
const outcome = (facts: Partial, topic: TopicDefinition): string => {
  const decision = decide(topic.id, facts);
  return decision.recommended ? `${decision.verdict}:${decision.recommended.join(',')}` : `${decision.verdict}`;
};

/** Every outcome any completion of `facts` can end in. */
function reachableVerdicts(topic: TopicDefinition, facts: Partial, memo: Map<string, Set<string>>): Set<string> {
  const key = topic.facts.map((fact) => facts[fact.id] ?? '?').join('|');
  const known = memo.get(key);
  if (known) return known;
  const open = topic.facts.find((fact) => facts[fact.id] === undefined);
  let result: Set<string>;
  if (!open) {
    result = new Set([outcome(facts, topic)]);
  } else {
    result = new Set();
    for (const option of open.options) {
      for (const verdict of reachableVerdicts(topic, { ...facts, [open.id]: option.value }, memo)) result.add(verdict);
    }
  }
  memo.set(key, result);
  return result;
}

const sameSet = (a: Set<string>, b: Set<string>) => a.size === b.size && [...a].every((v) => b.has(v));

describe.each(TOPIC_IDS.map((id) => [id, TOPICS[id]] as const))('decide(%s, every combination of facts)', (_id, topic) => {
  const partials = allPartials(topic);
  const memo = new Map<string, Set<string>>();

  it('gives exactly one verdict or one next question, and every full set of facts gets a verdict', () => {
    for (const facts of partials) {
      const decision = decide(topic.id, facts);
      expect(decision.topic).toBe(topic.id);
      expect(decision.knowledge.version).toBe(guide.version);
      if (decision.verdict === null) {
        expect(decision.next).not.toBeNull();
        expect(facts[decision.next!.fact]).toBeUndefined();
        expect(decision.missing[0]).toBe(decision.next!.fact);
        expect(decision.citations).toEqual([]);
      } else {
        expect(decision.next).toBeNull();
        expect(decision.missing).toEqual([]);
        expect(decision.summary.length).toBeGreaterThan(20);
        expect(decision.reasons.length).toBeGreaterThan(0);
      }
      if (Object.keys(facts).length === topic.facts.length) expect(decision.verdict).not.toBeNull();
    }
  });

  it('cites, for every verdict, sections that exist in the guide, with their URL and source', () => {
    for (const facts of partials) {
      const decision = decide(topic.id, facts);
      if (decision.verdict === null) continue;
      expect(decision.citations.length).toBeGreaterThan(0);
      for (const citation of decision.citations) {
        const section = guide.sections.get(citation.section);
        expect(section).toBeDefined();
        expect(citation.title).toBe(section!.title);
        expect(citation.url).toBe(`http://localhost:3978/guide/${section!.document}#${section!.id}`);
        expect(citation.source).toMatch(/^\[\d{3}\] /);
      }
      // Every reason points at one of the citations by number.
      for (const reason of decision.reasons) {
        const refs = [...reason.matchAll(/\[(\d+)\]$/g)].map((m) => Number(m[1]));
        expect(refs.length).toBe(1);
        expect(refs[0]).toBeGreaterThanOrEqual(1);
        expect(refs[0]).toBeLessThanOrEqual(decision.citations.length);
      }
    }
  });

  it('never changes a verdict once reached, and asks only questions whose answer can change it', () => {
    for (const facts of partials) {
      const decision = decide(topic.id, facts);
      const reachable = reachableVerdicts(topic, facts, memo);
      if (decision.verdict !== null) {
        expect([...reachable]).toEqual([outcome(facts, topic)]);
        continue;
      }
      const fact = topic.facts.find((f) => f.id === decision.next!.fact)!;
      const perAnswer = fact.options.map((option) => reachableVerdicts(topic, { ...facts, [fact.id]: option.value }, memo));
      if (reachable.size < 2 || perAnswer.every((set) => sameSet(set, perAnswer[0]))) {
        throw new Error(`asks ${fact.id} after ${JSON.stringify(facts)} although only ${[...reachable].join('/')} can follow`);
      }
    }
  });

  it('gives the same decision whatever order the facts arrive in', () => {
    for (const facts of partials) {
      const entries = Object.entries(facts);
      if (entries.length < 2) continue;
      const reference = JSON.stringify(decide(topic.id, facts));
      const reversed: Facts = Object.fromEntries([...entries].reverse());
      const rotated: Facts = Object.fromEntries([...entries.slice(1), entries[0]]);
      expect(JSON.stringify(decide(topic.id, reversed))).toBe(reference);
      expect(JSON.stringify(decide(topic.id, rotated))).toBe(reference);
    }
  });

  it('reaches a verdict from an empty start by answering what it asks, within the number of facts', () => {
    const walk = (facts: Partial, depth: number): void => {
      const decision = decide(topic.id, facts);
      if (decision.verdict !== null) return;
      expect(depth).toBeLessThan(topic.facts.length);
      for (const option of decision.next!.options) walk({ ...facts, [decision.next!.fact]: option.value }, depth + 1);
    };
    walk({}, 0);
  });

  it('gives recommendations, and only recommendations, a list of licenses', () => {
    for (const facts of partials) {
      const decision = decide(topic.id, facts);
      if (decision.verdict === 'recommendation') expect(decision.recommended!.length).toBeGreaterThan(0);
      else expect(decision.recommended).toBeUndefined();
    }
  });
});
