import { z } from 'zod';
import { checkFacts } from '../core/decide';
import { isTopicId, TOPICS } from '../core/topics';
import { TOPIC_IDS, TopicId } from '../core/types';
import { guide } from '../core/knowledge';
import { isCaveatId, MAX_CAVEATS } from '../core/caveats';

// Everything a card button sends back. The conversation's whole state travels in these
// payloads (the service stores nothing), so each one is checked here before anything uses it.

/** A genuine payload is a few hundred bytes; anything far larger is not from our cards. */
export const MAX_SUBMIT_BYTES = 8 * 1024;
const MAX_FACTS = 16;

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9][a-z0-9_-]*$/);
const topic = z.enum(TOPIC_IDS);
const facts = z.record(id, id).refine((value) => Object.keys(value).length <= MAX_FACTS, 'too many facts');
/** The facts in the order they were answered, so that Back can undo the last one. */
const history = z.array(id).max(MAX_FACTS);
/** Knowledge version of the guide the card was made from. */
const v = z.string().min(1).max(64);
// The choice list's input is named `value`; some clients send it empty when nothing was
// chosen, and some ignore associatedInputs "none", so every action tolerates it.
const value = z.preprocess((input) => (input === '' ? undefined : input), id.optional());

/**
 * The confirm card's "Not sure: ask me" choice. Not a valid id, so it can never be mistaken for
 * an answer, whatever values the knowledge gives a fact's options.
 */
export const ASK_ME = '?';
/** The confirm card names each fact's input `fact.<id>`; no payload field starts so. */
export const FACT_INPUT_PREFIX = 'fact.';
/**
 * What the user chose on the confirm card, by fact. An input a client left empty is not an
 * answer, so it counts as "ask me": only a value the user saw selected can enter the interview.
 */
const confirmedAnswers = z.record(
  id,
  z.preprocess((input) => (input === '' ? ASK_ME : input), z.union([id, z.literal(ASK_ME)])),
);

/**
 * Caveat ids of the free question a check started from. Only ids the knowledge has, each once:
 * a card never carries anything else, so anything else is tampering and gets the restart card.
 */
const caveats = z
  .array(id)
  .min(1)
  .max(MAX_CAVEATS)
  .refine((ids) => new Set(ids).size === ids.length && ids.every(isCaveatId), 'unknown or repeated caveat')
  .optional();

const actions = z.discriminatedUnion('action', [
  /** From the welcome card with no facts; from cards of earlier versions also with facts, which are then only read facts. */
  z.strictObject({ action: z.literal('start'), v, topic, facts, value }),
  /** "Check my case" on a free question's results: the facts read from the message, none of them answers yet. */
  z.strictObject({ action: z.literal('check'), v, topic, read: facts, caveats, value }),
  /** "Confirm and continue": the read facts as shown, and (gathered from the card's inputs) what the user chose for each. */
  z.strictObject({ action: z.literal('confirm'), v, topic, read: facts, answers: confirmedAnswers.optional(), caveats, value }),
  z.strictObject({ action: z.literal('answer'), v, topic, facts, history, fact: id, caveats, value }),
  z.strictObject({ action: z.literal('back'), v, topic, facts, history, caveats, value }),
  z.strictObject({ action: z.literal('change'), v, topic, facts, history, fact: id, caveats, value }),
  /** `left`: the question the button was on, which Teams then retires. */
  z.strictObject({ action: z.literal('restart'), v, topic: topic.optional(), caveats, left: id.optional(), value }),
  z.strictObject({ action: z.literal('feedback'), v, topic, facts, helpful: z.boolean(), caveats, value }),
  z.strictObject({ action: z.literal('help'), v, value }),
  z.strictObject({ action: z.literal('topics'), v, value }),
]);

export const submitDataSchema = z.preprocess(gatherFactInputs, actions);
export type SubmitData = z.output<typeof actions>;
export type SubmitAction = SubmitData['action'];

export type SubmitReading =
  | { ok: true; data: SubmitData; /** made from an older guide, but its answers still fit */ outdated: boolean }
  | { ok: false; reason: 'invalid' | 'guide-changed'; /** offered for a restart when it is a real topic */ topic?: TopicId };

/** Checks a card submit against the schema and the current guide; never throws. */
export function readSubmit(raw: unknown, version: string = guide.version): SubmitReading {
  const sentVersion = isRecord(raw) && typeof raw.v === 'string' ? raw.v : undefined;
  const rawTopic = isRecord(raw) && typeof raw.topic === 'string' && isTopicId(raw.topic) ? raw.topic : undefined;
  // An older card whose data no longer fits means the guide moved on, not that someone tampered.
  const failure = (): SubmitReading => ({
    ok: false,
    reason: sentVersion !== undefined && sentVersion !== version ? 'guide-changed' : 'invalid',
    topic: rawTopic,
  });

  if (!isRecord(raw) || byteSize(raw) > MAX_SUBMIT_BYTES) return failure();
  const parsed = submitDataSchema.safeParse(raw);
  if (!parsed.success || !fitsGuide(parsed.data)) return failure();
  return { ok: true, data: parsed.data, outdated: parsed.data.v !== version };
}

function fitsGuide(data: SubmitData): boolean {
  // Caveats belong to a topic's check: "all topics" starts afresh, so no card sends them there.
  if (data.action === 'restart' && data.topic === undefined && (data.caveats || data.left)) return false;
  if (!('topic' in data) || data.topic === undefined) return true;
  const definition = TOPICS[data.topic];
  if ('facts' in data && checkFacts(data.topic, data.facts)) return false;
  if ('read' in data && checkFacts(data.topic, data.read)) return false;
  // A confirm card is only ever sent for at least one read fact.
  if (data.action === 'confirm' && !Object.keys(data.read).length) return false;
  if (data.action === 'confirm' && data.answers) {
    // An answer for a fact the card did not show, or a value the fact does not have, is not from our card.
    for (const [fact, answer] of Object.entries(data.answers)) {
      if (!Object.hasOwn(data.read, fact)) return false;
      if (answer !== ASK_ME && checkFacts(data.topic, { [fact]: answer })) return false;
    }
  }
  if ('history' in data) {
    if (new Set(data.history).size !== data.history.length) return false;
    if (!data.history.every((fact) => Object.hasOwn(data.facts, fact))) return false;
  }
  if (data.action === 'restart' && data.left !== undefined && !definition.facts.some((candidate) => candidate.id === data.left)) return false;
  if (data.action === 'answer' || data.action === 'change') {
    const fact = definition.facts.find((candidate) => candidate.id === data.fact);
    if (!fact) return false;
    if (data.action === 'answer' && data.value !== undefined && !fact.options.some((option) => option.value === data.value)) return false;
  }
  return true;
}

/**
 * Adaptive Cards put a card's inputs beside the button's data, at the top level of the submit:
 * the confirm card's `fact.<id>` inputs are gathered into `answers` so the schema can check them
 * as one record. Any `answers` field sent directly is replaced, never merged.
 */
function gatherFactInputs(raw: unknown): unknown {
  if (!isRecord(raw) || raw.action !== 'confirm') return raw;
  const rest: [string, unknown][] = [];
  const answers: [string, unknown][] = [];
  for (const [key, inner] of Object.entries(raw)) {
    if (key.startsWith(FACT_INPUT_PREFIX)) answers.push([key.slice(FACT_INPUT_PREFIX.length), inner]);
    else if (key !== 'answers') rest.push([key, inner]);
  }
  // fromEntries defines own properties, so a key such as "__proto__" cannot reach a prototype.
  return Object.fromEntries([...rest, ['answers', Object.fromEntries(answers)]]);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function byteSize(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value) ?? '', 'utf8');
  } catch {
    return Number.POSITIVE_INFINITY; // cyclic or otherwise unserialisable: not from a card
  }
}
