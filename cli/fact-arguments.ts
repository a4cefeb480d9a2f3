import { z } from 'zod';
import { excerpt } from '../core/excerpt';
import { TOPICS } from '../core/topics';
import { TOPIC_IDS, type TopicDefinition, type TopicId } from '../core/types';
import { en } from '../wording/en';

// The topic and fact=value arguments of `decide`, parsed with zod against the topic's own facts,
// so that every malformed argument (an empty side, a bare word, spaces, another case, a fact
// given twice) is answered with the valid choices of that topic, and never echoed at length.

const messages = en.cli.errors;
const valuesOf = (topic: TopicDefinition, factId: string) => topic.facts.find((fact) => fact.id === factId)?.options.map((o) => o.value);
const factIds = (topic: TopicDefinition) => topic.facts.map((fact) => fact.id);

/** The fact a bare value belongs to, when exactly one fact of the topic has it. */
function factOfValue(topic: TopicDefinition, value: string): string | undefined {
  const owners = topic.facts.filter((fact) => fact.options.some((o) => o.value === value));
  return owners.length === 1 ? owners[0].id : undefined;
}

/** How a user might have meant a word: lower case, spaces and underscores read as the contract's hyphens. */
const normalized = (word: string) => word.trim().toLowerCase().replace(/\s+/g, '-');

export const topicArgument = z.string().transform((raw, ctx): TopicId => {
  if ((TOPIC_IDS as readonly string[]).includes(raw)) return raw as TopicId;
  const meant = TOPIC_IDS.find((id) => id === normalized(raw));
  ctx.addIssue({ code: 'custom', message: messages.badTopic(excerpt(raw), TOPIC_IDS, meant) });
  return z.NEVER;
});

function pairSchema(topic: TopicDefinition) {
  return z.string().transform((raw, ctx): [string, string] => {
    const fail = (message: string) => {
      ctx.addIssue({ code: 'custom', message });
      return z.NEVER;
    };
    const shown = excerpt(raw);
    const equals = raw.indexOf('=');
    if (equals < 0) {
      const word = normalized(raw);
      if (factIds(topic).includes(word)) return fail(messages.factWithoutValue(word, valuesOf(topic, word)!));
      const owner = factOfValue(topic, word);
      return fail(messages.bareWord(shown, topic.id, owner ? `${owner}=${word}` : undefined, factIds(topic)));
    }
    const name = raw.slice(0, equals);
    const value = raw.slice(equals + 1);
    if (!name.trim()) {
      const owner = factOfValue(topic, normalized(value));
      return fail(messages.emptyName(shown, topic.id, owner ? `${owner}=${normalized(value)}` : undefined, factIds(topic)));
    }
    const fact = normalized(name);
    const values = valuesOf(topic, fact);
    if (!values) return fail(messages.unknownFact(excerpt(name), topic.id, factIds(topic)));
    if (name !== fact) return fail(messages.factSpelling(excerpt(name), fact, values));
    if (!value.trim()) return fail(messages.emptyValue(fact, values));
    if (value !== value.trim() || /\s/.test(value) || value.includes('=') || value !== value.toLowerCase()) {
      const meant = values.find((v) => v === normalized(value));
      return fail(messages.valueSpelling(shown, fact, values, meant ? `${fact}=${meant}` : undefined));
    }
    if (!values.includes(value)) return fail(messages.badValue(excerpt(value), fact, values));
    return [fact, value];
  });
}

/** The facts of `decide <topic> fact=value ...`, or a message naming the valid choices. */
export function parseFacts(topic: TopicId, pairs: readonly string[]): { facts: Record<string, string> } | { problem: string } {
  const definition = TOPICS[topic];
  const schema = pairSchema(definition);
  const facts: Record<string, string> = {};
  for (const pair of pairs) {
    const parsed = schema.safeParse(pair);
    if (!parsed.success) return { problem: parsed.error.issues[0].message };
    const [fact, value] = parsed.data;
    if (facts[fact] !== undefined && facts[fact] !== value) return { problem: messages.factTwice(fact, facts[fact], value, valuesOf(definition, fact)!) };
    facts[fact] = value;
  }
  return { facts };
}
