import { z } from 'zod';
import { CAVEAT_PARAM, DATE_PARAM, VERSION_PARAM } from './urls';

// Reads a decision record link (/decision/<topic>?<fact>=<value>&...&v=<version>, optionally
// &caveat=<id>...&on=<YYYY-MM-DD>) into what decide() takes, plus the bot's context. Only the shape
// is checked here; decide() knows the topics, facts and values, core/caveats.ts the caveat ids.
// Shared by the record page and link unfurling, so a link reads the same in both.

export { VERSION_PARAM, CAVEAT_PARAM, DATE_PARAM };
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
  /** Caveat ids as the link gives them, each once; not yet checked against the knowledge. */
  caveats: string[];
  /** The day the answer was given (YYYY-MM-DD), a real calendar date; absent from links made before it was added. */
  on?: string;
}

export type LinkProblem = 'malformed' | 'repeated' | 'bad-date';
export type DecisionLinkReading = { ok: true; link: DecisionLink } | { ok: false; problem: LinkProblem };

export function readDecisionLink(topic: unknown, params: Iterable<[string, string]>): DecisionLinkReading {
  const parsedTopic = topicSchema.safeParse(topic);
  const parsedParams = paramsSchema.safeParse([...take(params, MAX_PARAMS + 1)]);
  if (!parsedTopic.success || !parsedParams.success) return { ok: false, problem: 'malformed' };
  const facts: Record<string, string> = {};
  const caveats: string[] = [];
  let version: string | undefined;
  let on: string | undefined;
  for (const [name, value] of parsedParams.data) {
    if (name === VERSION_PARAM) {
      if (version !== undefined) return { ok: false, problem: 'repeated' };
      version = value;
    } else if (name === CAVEAT_PARAM) {
      if (caveats.includes(value)) return { ok: false, problem: 'repeated' };
      caveats.push(value);
    } else if (name === DATE_PARAM) {
      if (on !== undefined) return { ok: false, problem: 'repeated' };
      if (!isCalendarDate(value)) return { ok: false, problem: 'bad-date' };
      on = value;
    } else {
      // One fact with two answers cannot be one decision: say so rather than pick one.
      if (Object.hasOwn(facts, name)) return { ok: false, problem: 'repeated' };
      facts[name] = value;
    }
  }
  return { ok: true, link: { topic: parsedTopic.data, facts, version, caveats, ...(on !== undefined ? { on } : {}) } };
}

/** YYYY-MM-DD naming a day that exists (no 2026-02-30), from the year 2000 on. */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The first `limit` entries, so a pasted monster never becomes one big array. */
function* take<T>(items: Iterable<T>, limit: number): Generator<T> {
  let count = 0;
  for (const item of items) {
    if (count++ >= limit) return;
    yield item;
  }
}
