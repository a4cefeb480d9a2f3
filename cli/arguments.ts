import { z } from 'zod';
import { TOPICS } from '../core/topics';
import { TOPIC_IDS, type TopicDefinition } from '../core/types';

// The command line's grammar, parsed with zod so every mistake gets a message, not a stack trace.
// The fact names and values come from the knowledge model, so every name and value of the
// decision contract is accepted exactly as written, and nothing else is.

const factPair = z
  .string()
  .regex(/^[^=\s]+=[^=\s]+$/, 'facts are written fact=value, for example motherboard=original')
  .transform((pair) => pair.split('=') as [string, string]);

const topicName = z.enum(TOPIC_IDS, { error: () => `Unknown topic. Valid topics: ${TOPIC_IDS.join(', ')}` });

/** The grammar of one topic's fact=value pairs. */
function pairGrammar(topic: TopicDefinition): (fact: string, value: string) => string | undefined {
  const facts = new Map(topic.facts.map((fact) => [fact.id, z.enum(fact.options.map((o) => o.value) as [string, ...string[]])]));
  return (fact, value) => {
    const values = facts.get(fact);
    if (!values) return `Unknown fact "${fact}" for topic ${topic.id}. Valid facts: ${[...facts.keys()].join(', ')}`;
    if (!values.safeParse(value).success) return `"${value}" is not a valid value for ${fact}. Valid values: ${values.options.join(', ')}`;
    return undefined;
  };
}

export type Command =
  | { name: 'decide'; topic: string; facts: Record<string, string>; json: boolean }
  | { name: 'ask'; text: string; json: boolean }
  | { name: 'topics'; json: boolean }
  | { name: 'help' };

export const USAGE = [
  'usage:',
  '  licensing-bot decide <topic> [fact=value ...] [--json]',
  '  licensing-bot ask "<free text>" [--json]',
  '  licensing-bot topics [--json]',
].join('\n');

export class UsageError extends Error {}

/** A fact, value or topic the model does not have: the message names the valid choices. */
export class InputError extends Error {}

export function parseArguments(argv: readonly string[]): Command {
  const json = argv.includes('--json');
  const unknownFlag = argv.find((arg) => arg.startsWith('--') && arg !== '--json' && arg !== '--help');
  if (unknownFlag) throw new UsageError(`Unknown option ${unknownFlag}. The only option is --json.`);
  const [name, ...rest] = argv.filter((arg) => !arg.startsWith('--'));
  if (!name || name === 'help' || argv.includes('--help')) return { name: 'help' };

  switch (name) {
    case 'decide': {
      const [topic, ...pairs] = rest;
      if (!topic) throw new UsageError('decide needs a topic. Run "licensing-bot topics" to list them.');
      const known = topicName.safeParse(topic);
      if (!known.success) throw new InputError(`Unknown topic "${topic}". Valid topics: ${TOPIC_IDS.join(', ')}.`);
      const check = pairGrammar(TOPICS[known.data]);
      const facts: Record<string, string> = {};
      for (const pair of pairs) {
        const parsed = factPair.safeParse(pair);
        if (!parsed.success) throw new UsageError(`"${pair}": ${parsed.error.issues[0].message}.`);
        const [fact, value] = parsed.data;
        const problem = check(fact, value);
        if (problem) throw new InputError(`${problem}.`);
        if (facts[fact] !== undefined && facts[fact] !== value) {
          throw new UsageError(`${fact} is given twice (${facts[fact]} and ${value}); give it once.`);
        }
        facts[fact] = value;
      }
      return { name, topic, facts, json };
    }
    case 'ask': {
      const text = rest.join(' ').trim();
      if (!text) throw new UsageError('ask needs a question, for example: licensing-bot ask "can we run Windows VMs on AWS?"');
      return { name, text, json };
    }
    case 'topics':
      if (rest.length) throw new UsageError('topics takes no arguments.');
      return { name, json };
    default:
      throw new UsageError(`Unknown command "${name}". Commands: decide, ask, topics.`);
  }
}
