import { z } from 'zod';

// Reads a decision record link (/decision/<topic>?<fact>=<value>&...&v=<version>) into what
// decide() takes. Only the shape is checked here; decide() knows the topics, facts and values.
// Shared by the record page and link unfurling, so a link reads the same in both.

export const VERSION_PARAM = 'v';
// Far above any real link (the largest topic has ten facts), far below anything costly.
const MAX_PARAMS = 24;
const MAX_NAME = 64;

const topicSchema = z.string().min(1).max(MAX_NAME);
const paramsSchema = z.array(z.tuple([z.string().max(MAX_NAME), z.string().max(MAX_NAME)])).max(MAX_PARAMS);

export interface DecisionLink {
  topic: string;
  facts: Record<string, string>;
  /** The guide version the link was made with; absent from a link written by hand. */
  version?: string;
}

export type LinkProblem = 'malformed' | 'repeated';
export type DecisionLinkReading = { ok: true; link: DecisionLink } | { ok: false; problem: LinkProblem };

export function readDecisionLink(topic: unknown, params: Iterable<[string, string]>): DecisionLinkReading {
  const parsedTopic = topicSchema.safeParse(topic);
  const parsedParams = paramsSchema.safeParse([...take(params, MAX_PARAMS + 1)]);
  if (!parsedTopic.success || !parsedParams.success) return { ok: false, problem: 'malformed' };
  const facts: Record<string, string> = {};
  let version: string | undefined;
  for (const [name, value] of parsedParams.data) {
    if (name === VERSION_PARAM) {
      if (version !== undefined) return { ok: false, problem: 'repeated' };
      version = value;
    } else {
      // One fact with two answers cannot be one decision: say so rather than pick one.
      if (Object.hasOwn(facts, name)) return { ok: false, problem: 'repeated' };
      facts[name] = value;
    }
  }
  return { ok: true, link: { topic: parsedTopic.data, facts, version } };
}

/** The first `limit` entries, so a pasted monster never becomes one big array. */
function* take<T>(items: Iterable<T>, limit: number): Generator<T> {
  let count = 0;
  for (const item of items) {
    if (count++ >= limit) return;
    yield item;
  }
}
