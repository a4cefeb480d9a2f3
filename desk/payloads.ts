import { z } from 'zod';
import { checkFacts } from '../core/decide';
import { TOPIC_IDS, TopicId } from '../core/types';
import { isCaveatId, MAX_CAVEATS } from '../core/caveats';

// The desk's card buttons. Their action names start with "desk-", which bot/submit-data.ts never
// uses, so the bot routes them here before the interview's own schema sees them.

export const DESK_ACTION_PREFIX = 'desk-';
/** The asker's form's text input. */
export const DESK_TEXT_INPUT = 'deskText';
/** The desk card's inputs: two on one card, so two ids (an id is unique in a card). */
export const DESK_ANSWER_INPUT = 'deskAnswer';
export const DESK_REASON_INPUT = 'deskReason';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/);
const facts = z.record(id, id).refine((value) => Object.keys(value).length <= 16, 'too many facts');
const requestNumber = z.string().regex(/^LD-[0-9A-Z]{6}$/);
const typed = z.preprocess((input) => (typeof input === 'string' ? input.trim() : input), z.string().max(4000).default(''));

/** What is attached to a request: the decision the asker saw (topic and facts), or the free question. */
const context = {
  topic: z.enum(TOPIC_IDS).optional(),
  facts: facts.optional(),
  question: z.string().trim().min(1).max(1000).optional(),
  /** Caveat ids the answer carried: only ones the knowledge has. */
  caveats: z
    .array(id)
    .max(MAX_CAVEATS)
    .refine((ids) => ids.every(isCaveatId), 'unknown caveat')
    .optional(),
};

const actions = z.discriminatedUnion('action', [
  z.object({ action: z.literal('desk-ask'), ...context }),
  z.object({ action: z.literal('desk-send'), ...context, [DESK_TEXT_INPUT]: typed }),
  z.object({ action: z.literal('desk-take'), id: requestNumber }),
  z.object({ action: z.literal('desk-answer'), id: requestNumber, [DESK_ANSWER_INPUT]: typed }),
  z.object({ action: z.literal('desk-close'), id: requestNumber, [DESK_REASON_INPUT]: typed }),
]);
export type DeskSubmit = z.output<typeof actions>;
export type AttachedContext = { topic?: TopicId; facts?: Record<string, string>; question?: string; caveats?: string[] };

export const isDeskSubmit = (value: unknown): boolean =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as { action?: unknown }).action === 'string' &&
  (value as { action: string }).action.startsWith(DESK_ACTION_PREFIX);

/** A desk button's data, checked; undefined for anything our cards would not send. */
export function readDeskSubmit(value: unknown): DeskSubmit | undefined {
  const parsed = actions.safeParse(value);
  if (!parsed.success) return undefined;
  const data = parsed.data;
  if ('facts' in data && data.facts && (!data.topic || checkFacts(data.topic, data.facts))) return undefined;
  return data;
}

export const askPayload = (attached: AttachedContext) => ({ action: 'desk-ask' as const, ...attached });
export const sendPayload = (attached: AttachedContext) => ({ action: 'desk-send' as const, ...attached });
export const takePayload = (requestId: string) => ({ action: 'desk-take' as const, id: requestId });
export const answerPayload = (requestId: string) => ({ action: 'desk-answer' as const, id: requestId });
export const closePayload = (requestId: string) => ({ action: 'desk-close' as const, id: requestId });
