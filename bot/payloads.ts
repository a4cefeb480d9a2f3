import type { TopicId } from '../core/types';
import { guide } from '../core/knowledge';
import { FACT_INPUT_PREFIX, type SubmitData } from './submit-data';

/** Where an interview stands: everything the next step needs, carried in the card. */
export interface InterviewState {
  topic: TopicId;
  facts: Readonly<Record<string, string>>;
  history: readonly string[];
  /** Caveat ids of the free question the check started from: they travel to its answer (decision record 0020). */
  caveats?: readonly string[];
}

// The one place that builds button payloads, typed against the submit schema so that a
// card can only carry data the bot will accept back.
const v = (): string => guide.version;
// Absent rather than empty, so a check without caveats sends exactly what it sent before.
const carried = (caveats: readonly string[] | undefined) => (caveats?.length ? { caveats: [...caveats] } : {});

/** A topic's interview from its first question. Facts are never pre-filled here: read facts go through `checkPayload`. */
export const startPayload = (topic: TopicId): SubmitData => ({ action: 'start', v: v(), topic, facts: {} });

/** "Check my case": the facts read from a free question, which the user confirms before any is used. */
export const checkPayload = (topic: TopicId, read: Readonly<Record<string, string>>, caveats?: readonly string[]): SubmitData => ({
  action: 'check',
  v: v(),
  topic,
  read: { ...read },
  ...carried(caveats),
});

/** "Confirm and continue": the read facts as shown; the card's `fact.<id>` inputs carry what the user chose. */
export const confirmPayload = (topic: TopicId, read: Readonly<Record<string, string>>, caveats?: readonly string[]): SubmitData => ({
  action: 'confirm',
  v: v(),
  topic,
  read: { ...read },
  ...carried(caveats),
});

/** The confirm card's input for one read fact. */
export const factInputId = (fact: string): string => `${FACT_INPUT_PREFIX}${fact}`;

export const answerPayload = (state: InterviewState, fact: string, value?: string): SubmitData => ({
  action: 'answer',
  v: v(),
  topic: state.topic,
  facts: { ...state.facts },
  history: [...state.history],
  fact,
  ...(value === undefined ? {} : { value }),
  ...carried(state.caveats),
});

export const backPayload = (state: InterviewState): SubmitData => ({
  action: 'back',
  v: v(),
  topic: state.topic,
  facts: { ...state.facts },
  history: [...state.history],
  ...carried(state.caveats),
});

export const changePayload = (state: InterviewState, fact: string): SubmitData => ({
  action: 'change',
  v: v(),
  topic: state.topic,
  facts: { ...state.facts },
  history: [...state.history],
  fact,
  ...carried(state.caveats),
});

/** Start over: with a topic, its caveats stay, since they are about the question, not the answers. */
/** `left`: the question the button is on, so that Teams can retire that card when the check starts again. */
export const restartPayload = (topic?: TopicId, caveats?: readonly string[], left?: string): SubmitData => ({
  action: 'restart',
  v: v(),
  ...(topic ? { topic, ...carried(caveats), ...(left ? { left } : {}) } : {}),
});

export const feedbackPayload = (state: InterviewState, helpful: boolean): SubmitData => ({
  action: 'feedback',
  v: v(),
  topic: state.topic,
  facts: { ...state.facts },
  helpful,
  ...carried(state.caveats),
});

export const topicsPayload = (): SubmitData => ({ action: 'topics', v: v() });
export const helpPayload = (): SubmitData => ({ action: 'help', v: v() });

/** The state with one fact taken out (Back, or a what-if on that fact). */
export function withoutFact(state: InterviewState, fact: string): InterviewState {
  const facts = { ...state.facts };
  delete facts[fact];
  return { ...state, facts, history: state.history.filter((id) => id !== fact) };
}

/** The state after an answer: answering a fact again replaces the earlier answer. */
export function withAnswer(state: InterviewState, fact: string, value: string): InterviewState {
  const rest = withoutFact(state, fact);
  return { ...rest, facts: { ...rest.facts, [fact]: value }, history: [...rest.history, fact] };
}
