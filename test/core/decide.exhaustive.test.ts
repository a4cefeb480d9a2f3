import { decide } from '../../core/decide';
import { contradicted, evaluate, outcomeOf, satisfies, type Evaluation } from '../../core/engine';
import { guide } from '../../core/knowledge';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS } from '../../core/types';
import type { Facts, TopicDefinition } from '../../core/types';

// Walks every partial combination of every topic's facts (each fact unknown or one of its
// values: 629,856 states for virtual-machines) and checks the contract's promises on each one.
// States are numbered in a mixed radix (digit 0 = unknown), so what every completion of a state
// can end in is computed once per state into a typed array, not re-derived per check.

class FactSpace {
  readonly radix: number[];
  readonly size: number;
  private readonly weights: number[];
  readonly outcomes = new Map<string, number>();

  constructor(readonly topic: TopicDefinition) {
    this.radix = topic.facts.map((fact) => fact.options.length + 1);
    this.weights = this.radix.map((_, i) => this.radix.slice(i + 1).reduce((a, b) => a * b, 1));
    this.size = this.radix.reduce((a, b) => a * b, 1);
  }

  facts(state: number): Record<string, string> {
    const facts: Record<string, string> = {};
    this.topic.facts.forEach((fact, i) => {
      const digit = Math.floor(state / this.weights[i]) % this.radix[i];
      if (digit) facts[fact.id] = fact.options[digit - 1].value;
    });
    return facts;
  }

  state(facts: Facts): number {
    return this.topic.facts.reduce((sum, fact, i) => {
      const digit = facts[fact.id] === undefined ? 0 : fact.options.findIndex((o) => o.value === facts[fact.id]) + 1;
      return sum + digit * this.weights[i];
    }, 0);
  }

  outcomeBit(key: string): number {
    if (!this.outcomes.has(key)) this.outcomes.set(key, this.outcomes.size);
    const bit = this.outcomes.get(key)!;
    if (bit > 30) throw new Error('more than 31 outcomes: widen the mask');
    return 1 << bit;
  }

  private reachableMasks: Int32Array | undefined;

  /** A bit per outcome that some completion of the state ends in. */
  reachable(state: number): number {
    if (!this.reachableMasks) {
      this.reachableMasks = new Int32Array(this.size);
      const memo = this.reachableMasks;
      const compute = (s: number): number => {
        if (memo[s]) return memo[s];
        const { facts, evaluation } = this.at(s);
        const open = this.topic.facts.findIndex((fact) => facts[fact.id] === undefined);
        let mask = 0;
        if (open < 0) {
          const { winners } = evaluation;
          if (!winners.length) throw new Error(`no verdict for ${JSON.stringify(facts)}`);
          mask = this.outcomeBit(outcomeOf(winners[0]));
        } else {
          for (let digit = 1; digit < this.radix[open]; digit++) mask |= compute(s + digit * this.weights[open]);
        }
        memo[s] = mask;
        return mask;
      };
      for (let s = 0; s < this.size; s++) compute(s);
    }
    return this.reachableMasks[state];
  }

  private readonly evaluations: (Evaluation | undefined)[] = [];
  private readonly factsOf: (Record<string, string> | undefined)[] = [];

  /** The facts and the engine's evaluation of a state, computed once and shared by the checks. */
  at(state: number): { facts: Record<string, string>; evaluation: Evaluation } {
    const facts = (this.factsOf[state] ??= this.facts(state));
    return { facts, evaluation: (this.evaluations[state] ??= evaluate(this.topic, facts)) };
  }

  withFact(state: number, factIndex: number, digit: number): number {
    const current = Math.floor(state / this.weights[factIndex]) % this.radix[factIndex];
    return state + (digit - current) * this.weights[factIndex];
  }
}

const bits = (mask: number): number => mask.toString(2).replace(/0/g, '').length;
// A remedy must lead to a yes: a refusal, or "the sources do not decide", is no way out.
const refusal = (key: string) => key.startsWith('not-permitted|') || key.startsWith('refer|');

describe.each(TOPIC_IDS.map((id) => [id, TOPICS[id]] as const))('decide(%s, every combination of facts)', (_id, topic) => {
  const space = new FactSpace(topic);
  const refusals = () => [...space.outcomes].filter(([key]) => refusal(key)).reduce((mask, [, bit]) => mask | (1 << bit), 0);

  it('gives exactly one verdict or one next question, never changes a verdict once reached, and asks only what can change it', () => {
    for (let state = 0; state < space.size; state++) {
      const { facts, evaluation } = space.at(state);
      const reachable = space.reachable(state);
      if (evaluation.winners.length) {
        if (evaluation.missing.length) throw new Error(`${topic.id}: a verdict with facts still missing for ${JSON.stringify(facts)}`);
        if (bits(reachable) !== 1 || reachable !== space.outcomeBit(outcomeOf(evaluation.winners[0]))) {
          throw new Error(`${topic.id}: the verdict for ${JSON.stringify(facts)} can still change`);
        }
        // Rules that decide together agree on what the user sees: the model, not array order, decides.
        for (const rule of evaluation.winners) {
          if (outcomeOf(rule) !== outcomeOf(evaluation.winners[0]) || rule.summary !== evaluation.winners[0].summary) {
            throw new Error(`${topic.id}: ${rule.id} and ${evaluation.winners[0].id} decide ${JSON.stringify(facts)} together but disagree`);
          }
        }
        continue;
      }
      if (!evaluation.missing.length) throw new Error(`${topic.id}: neither a verdict nor a question for ${JSON.stringify(facts)}`);
      const factIndex = topic.facts.findIndex((fact) => fact.id === evaluation.missing[0]);
      if (facts[evaluation.missing[0]] !== undefined) throw new Error(`${topic.id}: asks ${evaluation.missing[0]}, which is known`);
      const perAnswer = topic.facts[factIndex].options.map((_, i) => space.reachable(space.withFact(state, factIndex, i + 1)));
      if (bits(reachable) < 2 || perAnswer.every((mask) => mask === perAnswer[0])) {
        throw new Error(`${topic.id}: asks ${evaluation.missing[0]} after ${JSON.stringify(facts)} although its answer cannot change the verdict`);
      }
      if (Object.keys(facts).length === topic.facts.length) throw new Error(`${topic.id}: no verdict for ${JSON.stringify(facts)}`);
    }
  });

  it('never answers yes with a requirement that the given facts already break', () => {
    for (let state = 0; state < space.size; state++) {
      const { facts, evaluation } = space.at(state);
      for (const rule of evaluation.winners) {
        if (rule.verdict === 'not-permitted' || rule.verdict === 'refer') continue;
        for (const requirement of rule.requirements) {
          if (requirement.needs && contradicted(requirement.needs, facts)) {
            throw new Error(`${rule.id} (${rule.verdict}) lists "${requirement.text}" although ${JSON.stringify(facts)} breaks it`);
          }
        }
      }
    }
  });

  // A remedy answers its own refusal: where one refusal is the only one that applies, each
  // alternative it proposes must leave some way to a yes (not "use Azure" to a device license,
  // nor a license whose answer there is only "the sources do not decide").
  it('never proposes a remedy or an alternative that the other facts rule out', () => {
    space.reachable(0); // fills the outcome table, so the refusal mask below knows every outcome
    const refused = refusals();
    const refusalRules = topic.rules.filter((rule) => rule.kind === 'verdict' && rule.verdict === 'not-permitted');
    let checked = 0;
    const failures = new Map<string, string>();
    for (let state = 0; state < space.size && failures.size < 40; state++) {
      const { facts, evaluation } = space.at(state);
      const { winners, notes } = evaluation;
      if (winners[0]?.verdict === 'not-permitted' && refusalRules.filter((rule) => satisfies(rule, facts)).length > 1) continue;
      for (const rule of [...winners, ...notes]) {
        for (const requirement of rule.requirements) {
          if (!requirement.suggests || (requirement.needs && contradicted(requirement.needs, facts))) continue;
          const entries = Object.entries(requirement.suggests);
          const combinations = entries.reduce<Record<string, string>[]>(
            (all, [fact, values]) => all.flatMap((c) => values.map((v) => ({ ...c, [fact]: v }))),
            [{}],
          );
          for (const change of combinations) {
            const target = space.state({ ...facts, ...change });
            if ((space.reachable(target) & ~refused) === 0) {
              const key = `${rule.id} suggests ${JSON.stringify(change)}`;
              if (!failures.has(key)) failures.set(key, `${key} for ${JSON.stringify(facts)} (and maybe more), but that can only be refused too`);
            }
            checked++;
          }
        }
      }
    }
    expect([...failures.values()]).toEqual([]);
    if (topic.rules.some((rule) => rule.requirements.some((r) => r.suggests))) expect(checked).toBeGreaterThan(0);
  });

  it('cites, for every verdict, sections that exist in the guide, with their URL and source', () => {
    const checked = new Set<string>();
    for (let state = 0; state < space.size; state++) {
      const { facts, evaluation } = space.at(state);
      const { winners, notes } = evaluation;
      if (!winners.length) continue;
      const key = [...winners, ...notes].map((rule) => rule.id).join(' ');
      if (checked.has(key)) continue;
      checked.add(key);
      const decision = decide(topic.id, facts);
      expect(decision.verdict).toBe(winners[0].verdict);
      expect(decision.next).toBeNull();
      expect(decision.summary.length).toBeGreaterThan(20);
      expect(decision.reasons.length).toBeGreaterThan(0);
      expect(decision.citations.length).toBeGreaterThan(0);
      for (const citation of decision.citations) {
        const section = guide.sections.get(citation.section);
        expect(section).toBeDefined();
        expect(citation.title).toBe(section!.title);
        expect(citation.url).toBe(`http://localhost:3978/guide/${section!.document}#${section!.id}`);
        expect(citation.source).toMatch(/^\[\d{3}\] /);
      }
      for (const reason of decision.reasons) {
        const refs = [...reason.matchAll(/\[(\d+)\]$/g)].map((m) => Number(m[1]));
        expect(refs.length).toBe(1);
        expect(refs[0]).toBeGreaterThanOrEqual(1);
        expect(refs[0]).toBeLessThanOrEqual(decision.citations.length);
      }
      if (decision.verdict === 'recommendation') expect(decision.recommended!.length).toBeGreaterThan(0);
      else expect(decision.recommended).toBeUndefined();
    }
    expect(checked.size).toBeGreaterThan(0);
  });

  it('gives the same decision whatever order the facts arrive in (every 37th state)', () => {
    for (let state = 0; state < space.size; state += 37) {
      const entries = Object.entries(space.facts(state));
      if (entries.length < 2) continue;
      const reference = JSON.stringify(decide(topic.id, Object.fromEntries(entries)));
      expect(JSON.stringify(decide(topic.id, Object.fromEntries([...entries].reverse())))).toBe(reference);
      expect(JSON.stringify(decide(topic.id, Object.fromEntries([...entries.slice(1), entries[0]])))).toBe(reference);
    }
  });

  it('reaches a verdict from an empty start by answering what it asks, within the number of facts', () => {
    const walk = (facts: Record<string, string>, depth: number): void => {
      const decision = decide(topic.id, facts);
      expect(decision.knowledge.version).toBe(guide.version);
      if (decision.verdict !== null) return;
      expect(decision.missing[0]).toBe(decision.next!.fact);
      expect(decision.citations).toEqual([]);
      expect(depth).toBeLessThan(topic.facts.length);
      for (const option of decision.next!.options) walk({ ...facts, [decision.next!.fact]: option.value }, depth + 1);
    };
    walk({}, 0);
  });
});
