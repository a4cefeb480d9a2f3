import { z } from 'zod';
import { en } from '../wording/en';

// The command line's grammar, parsed with zod so every mistake gets a message, not a stack trace.
// Which topics, facts and values exist is the knowledge model's business: decide() checks them
// and names the valid choices, so every name and value of the decision contract is accepted
// exactly as written (win10_cu=yes included), and nothing else is.

const factPair = z
  .string()
  .regex(/^[^=\s]+=[^=\s]+$/, en.cli.errors.factFormat)
  .transform((pair) => pair.split('=') as [string, string]);

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

export function parseArguments(argv: readonly string[]): Command {
  const json = argv.includes('--json');
  const unknownFlag = argv.find((arg) => arg.startsWith('--') && arg !== '--json' && arg !== '--help');
  if (unknownFlag) throw new UsageError(en.cli.errors.unknownOption(unknownFlag));
  const [name, ...rest] = argv.filter((arg) => !arg.startsWith('--'));
  if (!name || name === 'help' || argv.includes('--help')) return { name: 'help' };

  switch (name) {
    case 'decide': {
      const [topic, ...pairs] = rest;
      if (!topic) throw new UsageError(en.cli.errors.decideNeedsTopic);
      const facts: Record<string, string> = {};
      for (const pair of pairs) {
        const parsed = factPair.safeParse(pair);
        if (!parsed.success) throw new UsageError(en.cli.errors.badFact(pair, parsed.error.issues[0].message));
        const [fact, value] = parsed.data;
        if (facts[fact] !== undefined && facts[fact] !== value) {
          throw new UsageError(en.cli.errors.factTwice(fact, facts[fact], value));
        }
        facts[fact] = value;
      }
      return { name, topic, facts, json };
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
