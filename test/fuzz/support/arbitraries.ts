import fc from 'fast-check';
import {
  answerPayload,
  backPayload,
  changePayload,
  feedbackPayload,
  helpPayload,
  InterviewState,
  restartPayload,
  startPayload,
  checkPayload,
  confirmPayload,
  factInputId,
  topicsPayload,
} from '../../../bot/payloads';
import { decide } from '../../../core/decide';
import { guide } from '../../../core/knowledge';
import { TOPICS } from '../../../core/topics';
import { TOPIC_IDS, TopicId } from '../../../core/types';
import { activity } from '../../support/activities';

// Generators for what a channel, a broken client or an attacker could post to /api/messages.

type Json = unknown;

const ACTIVITY_TYPES = [
  'message',
  'conversationUpdate',
  'invoke',
  'event',
  'installationUpdate',
  'messageReaction',
  'typing',
  'endOfConversation',
  'trace',
  'handoff',
  'delay',
  'command',
  'commandResult',
  'contactRelationUpdate',
  'deleteUserData',
  'messageUpdate',
  'messageDelete',
  'suggestion',
];
const CHANNELS = ['msteams', 'emulator', 'webchat', 'directline', 'test', 'slack'];

/** Strings of every kind: short, unicode (incl. lone surrogates and RTL), control characters, huge. */
export const anyString: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 3, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)), maxLength: 8 }) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', '\u0000', '\u202e\u2066', '<at>Bot</at>', '${value}', '{{x}}', '__proto__', 'constructor', '\r\n\t') },
  // Huge: 10 KB to 120 KB (a 256 KB body still fits one of these, plus the envelope).
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ minLength: 1, maxLength: 8 }), fc.integer({ min: 10_000, max: 120_000 }))
      .map(([s, n]) => s.repeat(Math.ceil(n / s.length)).slice(0, n)),
  },
);

/** JSON values nested up to a few levels, or a single path nested thousands deep. */
export const anyJson: fc.Arbitrary<Json> = fc.oneof(
  { weight: 6, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 2, arbitrary: fc.oneof(anyString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null)) },
  { weight: 1, arbitrary: deeplyNested() },
);

/**
 * A value nested 100 to 20,000 levels deep. Kept as a marker until `toBody` writes it out as text:
 * JSON.stringify (and fast-check's own reporting) would overflow the stack on the real thing,
 * while JSON.parse on the receiving side does not.
 */
export class Deep {
  constructor(
    readonly depth: number,
    readonly inArrays: boolean,
    readonly leaf: Json,
  ) {}
  render(): string {
    const leaf = JSON.stringify(this.leaf) ?? 'null';
    return this.inArrays ? `${'['.repeat(this.depth)}${leaf}${']'.repeat(this.depth)}` : `${'{"a":'.repeat(this.depth)}${leaf}${'}'.repeat(this.depth)}`;
  }
  toString(): string {
    return `Deep(${this.depth}, ${this.inArrays ? 'arrays' : 'objects'}, ${JSON.stringify(this.leaf)})`;
  }
}

function deeplyNested(): fc.Arbitrary<Json> {
  return fc
    .tuple(fc.integer({ min: 100, max: 20_000 }), fc.boolean(), fc.jsonValue({ maxDepth: 1 }))
    .map(([depth, inArrays, leaf]) => new Deep(depth, inArrays, leaf));
}

/** The request body for a generated value, deep markers written out in full. */
export function toBody(value: Json): string {
  const deep: string[] = [];
  const text = JSON.stringify(value, (_key, item: Json) => (item instanceof Deep ? `\u0000deep:7f3a9c:${deep.push(item.render()) - 1}` : item)) ?? '';
  return deep.length ? text.replace(/"\\u0000deep:7f3a9c:(\d+)"/g, (_match, index: string) => deep[Number(index)]) : text;
}

/** A value of the wrong type for a field that should be a string, an object or a list. */
export const wrongType: fc.Arbitrary<Json> = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant([null]),
  fc.constant([1, 'a']),
  fc.constant([{}]),
  anyString,
  fc.jsonValue({ maxDepth: 2 }),
);

/** Where a real interview can stand: a topic and answers the decision core itself asked for. */
export const interviewState: fc.Arbitrary<InterviewState & { verdict: boolean }> = fc
  .tuple(fc.constantFrom(...TOPIC_IDS), fc.array(fc.nat(), { maxLength: 12 }), fc.nat())
  .map(([topic, picks, stop]) => walk(topic, picks, stop));

function walk(topic: TopicId, picks: number[], stop: number): InterviewState & { verdict: boolean } {
  const facts: Record<string, string> = {};
  const history: string[] = [];
  const steps = picks.length ? stop % (picks.length + 1) : 0;
  for (let i = 0; i < steps; i++) {
    const { next } = decide(topic, facts);
    if (!next) break;
    const option = next.options[picks[i] % next.options.length];
    facts[next.fact] = option.value;
    history.push(next.fact);
  }
  return { topic, facts, history, verdict: decide(topic, facts).next === null };
}

/** Every kind of submit a real card can send, from a real interview state. */
export const validSubmit: fc.Arbitrary<Record<string, Json>> = fc
  .tuple(interviewState, fc.nat(), fc.nat(), fc.boolean())
  .map(([state, choice, which, helpful]) => {
    const { next } = decide(state.topic, state.facts);
    const answered = Object.keys(state.facts);
    const options: Record<string, Json>[] = [
      startPayload(state.topic),
      checkPayload(state.topic, state.facts),
      // A start card of an earlier version, with facts read from a free question.
      { action: 'start', v: guide.version, topic: state.topic, facts: { ...state.facts } },
      // The confirm card sent back with every read fact kept as shown.
      { ...confirmPayload(state.topic, state.facts), ...Object.fromEntries(Object.entries(state.facts).map(([fact, value]) => [factInputId(fact), value])) },
      restartPayload(state.topic),
      restartPayload(),
      helpPayload(),
      topicsPayload(),
      backPayload(state),
    ];
    if (next) {
      options.push(answerPayload(state, next.fact, next.options[choice % next.options.length].value));
      // The choice list sent with nothing chosen: Next pressed too early.
      options.push({ ...answerPayload(state, next.fact), value: '' });
    }
    if (answered.length) options.push(changePayload(state, answered[choice % answered.length]));
    if (state.verdict) options.push(feedbackPayload(state, helpful));
    return options[which % options.length];
  });

const unknownId = fc.oneof(fc.constantFrom('no-such-topic', 'Refurbished-PC', 'refurbished_pc', '', 'a'.repeat(65), '__proto__'), anyString);

/** A valid-looking submit with exactly one thing wrong, as a tampering client would send. */
export const brokenSubmit: fc.Arbitrary<Record<string, Json>> = fc
  .tuple(validSubmit, fc.nat(), fc.constantFrom('replace', 'delete', 'add', 'topic', 'fact', 'value', 'history', 'version', 'facts'), anyJson, unknownId)
  .map(([submit, pick, how, junk, id]) => {
    const broken: Record<string, Json> = { ...submit };
    const keys = Object.keys(broken);
    const key = keys[pick % keys.length];
    const topic = (typeof submit.topic === 'string' ? submit.topic : 'refurbished-pc') as TopicId;
    const definition = TOPICS[topic] ?? TOPICS['refurbished-pc'];
    switch (how) {
      case 'replace':
        broken[key] = junk;
        break;
      case 'delete':
        delete broken[key];
        break;
      case 'add':
        broken[typeof id === 'string' && id ? id : 'extra'] = junk;
        break;
      case 'topic':
        broken.topic = id;
        break;
      case 'fact':
        broken.fact = id;
        break;
      case 'value':
        broken.value = id;
        break;
      case 'history':
        broken.history = [...((submit.history as string[]) ?? []), ...((submit.history as string[]) ?? []), id];
        break;
      case 'version':
        broken.v = id;
        break;
      case 'facts': {
        // An unknown fact, or a known fact with an answer it does not have.
        const fact = definition.facts[pick % definition.facts.length];
        broken.facts = pick % 2 ? { ...(submit.facts as object), [String(id) || 'x']: 'yes' } : { ...(submit.facts as object), [fact.id]: String(id) };
        break;
      }
    }
    return broken;
  });

/** Anything in a message's value: real submits, broken ones, junk, or a submit as a JSON string. */
export const anyValue: fc.Arbitrary<Json> = fc.oneof(
  { weight: 5, arbitrary: validSubmit },
  { weight: 5, arbitrary: brokenSubmit },
  { weight: 2, arbitrary: anyJson },
  { weight: 1, arbitrary: fc.oneof(validSubmit, brokenSubmit).map((submit) => JSON.stringify(submit)) },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

/** What a user could type, or a client could put in `text`. */
export const anyText: fc.Arbitrary<Json> = fc.oneof(
  { weight: 3, arbitrary: anyString },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'help',
      'HELP!',
      '/topics',
      'Start  over.',
      'restart',
      '<at>Licensing Assistant</at> help',
      'Can we run Windows VMs on AWS with VDA per user?',
      'refurbished PC with a new motherboard',
    ),
  },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.constantFrom('windows', 'license', 'vm', 'azure', 'refurbished', 'vda', 'per', 'user', 'oem', 'downgrade', 'the', 'a'), { maxLength: 30 })
      .map((words) => words.join(' ')),
  },
  { weight: 1, arbitrary: wrongType },
  { weight: 1, arbitrary: fc.constant(undefined) },
);

const account = fc.oneof(
  {
    weight: 14,
    arbitrary: fc.record(
      {
        id: fc.oneof(fc.constantFrom('user-1', 'bot-1', '29:abc'), anyString),
        name: fc.option(anyString, { nil: undefined }),
        role: fc.option(fc.constantFrom('user', 'bot', 'skill'), { nil: undefined }),
      },
      { requiredKeys: ['id'] },
    ),
  },
  { weight: 1, arbitrary: wrongType },
);

/** Usually a well-formed value, now and then (1 in 15) one of the wrong type. */
const mostly = (valid: fc.Arbitrary<Json>, wrong: fc.Arbitrary<Json> = wrongType) =>
  fc.oneof({ weight: 14, arbitrary: valid }, { weight: 1, arbitrary: wrong });

const serviceUrlOr = (serviceUrl: string) =>
  mostly(fc.constant(serviceUrl), fc.oneof(wrongType, fc.constantFrom('', 'not a url', 'ftp://127.0.0.1/', 'http://')));

/**
 * A whole activity: mostly the shape a channel sends (mostly messages and conversation updates),
 * each field now and then of the wrong type or missing, plus stray fields of any kind.
 */
export const anyActivity = (serviceUrl: string): fc.Arbitrary<Record<string, Json>> =>
  fc
    .record(
      {
        serviceUrl: serviceUrlOr(serviceUrl),
        type: fc.oneof(
          { weight: 10, arbitrary: fc.constant('message') },
          { weight: 4, arbitrary: fc.constantFrom('conversationUpdate', 'installationUpdate') },
          { weight: 3, arbitrary: fc.constantFrom(...ACTIVITY_TYPES) },
          { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 64 }) },
        ),
        channelId: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...CHANNELS) }, { weight: 1, arbitrary: fc.string({ maxLength: 64 }) }),
        id: mostly(fc.string({ maxLength: 20 })),
        text: anyText,
        value: fc.oneof({ weight: 2, arbitrary: anyValue }, { weight: 1, arbitrary: fc.constant(undefined) }),
        from: account,
        recipient: account,
        conversation: mostly(
          fc.record({
            id: fc.string({ maxLength: 20 }),
            conversationType: fc.option(fc.constantFrom('personal', 'groupChat', 'channel'), { nil: undefined }),
            isGroup: fc.option(fc.boolean(), { nil: undefined }),
          }),
        ),
        membersAdded: mostly(fc.array(account, { maxLength: 3 })),
        membersRemoved: mostly(fc.array(account, { maxLength: 2 })),
        entities: mostly(
          fc.array(
            fc.record({
              type: fc.constantFrom('mention', 'clientInfo'),
              mentioned: account,
              text: fc.oneof(fc.constant('<at>Licensing Assistant</at>'), wrongType),
            }),
            { maxLength: 2 },
          ),
        ),
        attachments: mostly(fc.array(fc.record({ contentType: anyString, content: anyJson }), { maxLength: 2 })),
        channelData: anyJson,
        name: fc.oneof(fc.constantFrom('adaptiveCard/action', 'task/fetch', 'composeExtension/query', 'signin/verifyState', 'application/search'), anyString),
        action: mostly(fc.constantFrom('add', 'remove')),
        replyToId: mostly(fc.string({ maxLength: 20 })),
        locale: mostly(fc.constantFrom('en-US', 'de-DE')),
        timestamp: mostly(fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
        extra: fc.dictionary(fc.string({ maxLength: 10 }), anyJson, { maxKeys: 3 }),
      },
      { requiredKeys: ['type', 'channelId', 'serviceUrl', 'from', 'recipient', 'conversation'] },
    )
    .map(({ extra, ...fields }) => ({
      ...extra,
      ...fields,
      // Replies come back in the response: nothing is posted to a channel.
      deliveryMode: 'expectReplies',
    }));

/** A message carrying a card submit, otherwise well formed. */
export const submitActivity = (serviceUrl: string): fc.Arbitrary<Record<string, Json>> =>
  fc
    .tuple(
      fc.oneof(
        validSubmit,
        brokenSubmit,
        validSubmit.map((s) => JSON.stringify(s)),
      ),
      fc.constantFrom(...CHANNELS),
      fc.option(fc.string({ minLength: 1, maxLength: 10 }), { nil: undefined }),
    )
    .map(([value, channelId, replyToId]) =>
      activity({
        channelId,
        serviceUrl,
        value,
        // In Teams, answering a question edits that card through the connector (the local stub).
        ...(replyToId !== undefined ? { replyToId } : {}),
      }),
    );
