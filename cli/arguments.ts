import type { TopicId } from '../core/types';
import { en } from '../wording/en';
import { parseFacts, topicArgument } from './fact-arguments';

// The command line's grammar, parsed with zod so every mistake gets a message, not a stack trace.
// The topic and its facts are parsed against the knowledge model (fact-arguments.ts): every name
// and value of the decision contract is accepted exactly as written (win10_cu=yes included), and
// anything else is refused with the valid choices of the topic given.

export type Command =
  | { name: 'decide'; topic: TopicId; facts: Record<string, string>; json: boolean }
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

/** A bad topic or fact argument: its message already names the valid choices, so no usage follows. */
export class ArgumentError extends Error {}

export function parseArguments(argv: readonly string[]): Command {
  const json = argv.includes('--json');
  const unknownFlag = argv.find((arg) => arg.startsWith('--') && arg !== '--json' && arg !== '--help');
  if (unknownFlag) throw new UsageError(en.cli.errors.unknownOption(unknownFlag));
  const [name, ...rest] = argv.filter((arg) => !arg.startsWith('--'));
  if (!name || name === 'help' || argv.includes('--help')) return { name: 'help' };

  switch (name) {
    case 'decide': {
      const [topicWord, ...pairs] = rest;
      if (!topicWord) throw new UsageError(en.cli.errors.decideNeedsTopic);
      const topic = topicArgument.safeParse(topicWord);
      if (!topic.success) throw new ArgumentError(topic.error.issues[0].message);
      const parsed = parseFacts(topic.data, pairs);
      if ('problem' in parsed) throw new ArgumentError(parsed.problem);
      return { name, topic: topic.data, facts: parsed.facts, json };
    }
    case 'ask': {
      const text = rest.join(' ').trim();
      if (!text) throw new UsageError(en.cli.errors.askNeedsQuestion);
      return { name, text, json };
    }
    case 'topics':
      if (rest.length) throw new UsageError(en.cli.errors.topicsTakesNoArguments);
      return { name, json };
    default:
      throw new UsageError(en.cli.errors.unknownCommand(name));
  }
}
