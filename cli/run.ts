import { config, ConfigError } from '../config/config';
import { decide } from '../core/decide';
import { DecisionInputError } from '../core/errors';
import { search } from '../reading/search';
import { TOPICS } from '../core/topics';
import { ArgumentError, parseArguments, USAGE, UsageError } from './arguments';
import { formatAsk, formatDecision, formatTopics } from './format';
import { en } from '../wording/en';

export interface CliResult {
  code: 0 | 1 | 2;
  stdout: string;
  stderr: string;
}

/** Runs one command line and says what to print; main.ts does the printing and exiting. */
export function runCli(argv: readonly string[]): CliResult {
  try {
    const settings = config();
    const command = parseArguments(argv);
    switch (command.name) {
      case 'help':
        return ok(USAGE);
      case 'topics': {
        const topics = Object.values(TOPICS);
        if (!command.json) return ok(formatTopics(topics));
        return ok(
          JSON.stringify(
            topics.map((topic) => ({
              id: topic.id,
              title: topic.title,
              question: topic.question,
              facts: topic.facts.map((fact) => ({ id: fact.id, prompt: fact.prompt, help: fact.help, options: fact.options })),
            })),
            null,
            2,
          ),
        );
      }
      case 'decide': {
        const decision = decide(command.topic, command.facts, { baseUrl: settings.publicBaseUrl });
        return ok(command.json ? JSON.stringify(decision, null, 2) : formatDecision(decision, TOPICS[decision.topic], command.facts));
      }
      case 'ask': {
        const result = search(command.text, { baseUrl: settings.publicBaseUrl });
        return ok(command.json ? JSON.stringify(result, null, 2) : formatAsk(result));
      }
    }
  } catch (error) {
    if (error instanceof UsageError) return { code: 2, stdout: '', stderr: `${error.message}\n\n${USAGE}` };
    if (error instanceof ArgumentError || error instanceof DecisionInputError || error instanceof ConfigError)
      return { code: 2, stdout: '', stderr: error.message };
    return { code: 1, stdout: '', stderr: en.cli.errors.internal((error as Error).message) };
  }
}

const ok = (stdout: string): CliResult => ({ code: 0, stdout, stderr: '' });
