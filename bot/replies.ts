import type { Attachment } from 'botbuilder';
import {
  renderAnswer,
  renderAnswered,
  renderConfirm,
  renderConfirmed,
  renderFeedbackThanks,
  renderHelp,
  renderNoMatch,
  renderQuestion,
  renderRestart,
  renderWelcome,
} from '../cards';
import { TOPICS } from '../core/topics';
import { Decision, TOPIC_IDS, TopicId } from '../core/types';
import { guide } from '../core/knowledge';
import {
  answerPayload,
  backPayload,
  changePayload,
  confirmPayload,
  factInputId,
  feedbackPayload,
  InterviewState,
  restartPayload,
  startPayload,
  topicsPayload,
  withoutFact,
} from './payloads';
import { answerLabel, factDefinition, licenseName, orderedFacts } from './topic-text';
import { ASK_ME } from './submit-data';
import { en } from '../wording/en';
import { caveatSentences, orderedCaveatIds } from '../core/caveats';
import { withRecordContext } from '../core/urls';

// Card data from the conversation's state: the bot decides what to say, cards/ how it looks.

const topicButtons = () => TOPIC_IDS.map((topic) => ({ title: TOPICS[topic].title, submit: startPayload(topic) }));

export const welcomeCard = (): Attachment =>
  renderWelcome({ topics: TOPIC_IDS.map((topic) => ({ title: TOPICS[topic].title, question: TOPICS[topic].question, submit: startPayload(topic) })) });

export const helpCard = (): Attachment => renderHelp({ version: guide.version, topics: topicsPayload() });

export const noMatchCard = (notice = '', caveats: readonly string[] = []): Attachment =>
  renderNoMatch({ notice, caveats: [...caveats], topics: topicButtons() });

export const restartCard = (reason: 'invalid' | 'guide-changed', topic?: TopicId): Attachment =>
  renderRestart({
    reason,
    topic: topic ? { title: TOPICS[topic].title, submit: restartPayload(topic) } : undefined,
    topics: topicsPayload(),
  });

export const feedbackThanksCard = (topic: TopicId, helpful: boolean, caveats?: readonly string[]): Attachment =>
  renderFeedbackThanks({ helpful, startOver: restartPayload(topic, caveats), topics: topicsPayload() });

export const answeredCard = (topic: TopicId, fact: string, value: string): Attachment =>
  renderAnswered({ prompt: factDefinition(topic, fact)?.prompt ?? fact, answer: answerLabel(topic, fact, value) });

/** Replaces, in Teams, the question the user left with Back, so that only the question returned to is live. */
export const leftCard = (topic: TopicId, fact: string, how: 'back' | 'restart' = 'back'): Attachment =>
  renderAnswered({ prompt: factDefinition(topic, fact)?.prompt ?? fact, left: how });

/**
 * The facts read from a free question, each as its question with a list preset to the answer read,
 * plus "Not sure: ask me"; nothing of it is used until the user confirms.
 */
export function confirmCard(topic: TopicId, read: Readonly<Record<string, string>>, notice = '', caveats?: readonly string[]): Attachment {
  return renderConfirm({
    topicTitle: TOPICS[topic].title,
    notice,
    facts: orderedFacts(topic, read).map((fact) => ({
      inputId: factInputId(fact.id),
      prompt: fact.prompt,
      value: read[fact.id],
      choices: [...fact.options.map(({ value, label }) => ({ value, label })), { value: ASK_ME, label: en.confirm.askMe }],
    })),
    confirm: confirmPayload(topic, read, caveats),
    startOver: restartPayload(topic, caveats),
  });
}

/** Replaces a confirmed card in Teams: what the user confirmed for each fact, "ask me" included. */
export const confirmedCard = (topic: TopicId, chosen: Readonly<Record<string, string>>): Attachment =>
  renderConfirmed({
    facts: orderedFacts(topic, chosen).map((fact) => ({
      prompt: fact.prompt,
      answer: chosen[fact.id] === ASK_ME ? en.confirm.askMe : answerLabel(topic, fact.id, chosen[fact.id]),
    })),
  });

/**
 * Asks the decision's next question; the step count comes from what the decision still needs.
 * `earlier`: answers given before to questions now asked again (after Back), shown on the card.
 */
export function questionCard(state: InterviewState, decision: Decision, notice = '', earlier: Readonly<Record<string, string>> = {}): Attachment {
  if (!decision.next) throw new Error('questionCard needs a decision with a next question');
  const { fact } = decision.next;
  const answered = Object.keys(state.facts).length;
  return askCard(state, fact, {
    notice,
    step: { current: answered + 1, atMost: answered + Math.max(1, decision.missing.length) },
    earlier: Object.hasOwn(earlier, fact) ? earlier[fact] : undefined,
  });
}

/**
 * `earlier`: the answer this question had before, shown and preselected. `whatIf`: the question
 * changes one answer of a finished interview, and its Back keeps that answer.
 */
function askCard(
  state: InterviewState,
  fact: string,
  options: { notice: string; step: { current: number; atMost: number } | null; earlier?: string; whatIf?: boolean },
): Attachment {
  const definition = factDefinition(state.topic, fact);
  if (!definition) throw new Error(`no fact ${fact} in topic ${state.topic}`);
  const { earlier } = options;
  return renderQuestion({
    topicTitle: TOPICS[state.topic].title,
    step: options.step,
    notice: options.notice,
    prompt: definition.prompt,
    help: definition.help,
    current: earlier === undefined ? '' : answerLabel(state.topic, fact, earlier),
    selected: earlier ?? '',
    options: definition.options.map((option) => ({ ...option, submit: answerPayload(state, fact, option.value) })),
    choiceSubmit: answerPayload(state, fact),
    // Back from a what-if keeps the earlier answer, which leads back to the same verdict.
    back: options.whatIf && earlier !== undefined ? answerPayload(state, fact, earlier) : state.history.length ? backPayload(state) : undefined,
    startOver: restartPayload(state.topic, state.caveats, fact),
  });
}

export function answerCard(state: InterviewState, decision: Decision, notice = '', answeredOn?: string): Attachment {
  if (!decision.verdict) throw new Error('answerCard needs a verdict');
  const caveats = orderedCaveatIds(state.caveats ?? []);
  return renderAnswer({
    question: TOPICS[state.topic].question,
    verdict: decision.verdict,
    notice,
    summary: decision.summary,
    requirements: decision.requirements,
    reasons: decision.reasons,
    caveats: caveatSentences(caveats),
    citations: decision.citations.map(({ title, source, url }) => ({ title, source, url })),
    recommended: (decision.recommended ?? []).map(licenseName),
    facts: orderedFacts(state.topic, state.facts).map((fact) => ({
      prompt: fact.prompt,
      answer: answerLabel(state.topic, fact.id, state.facts[fact.id]),
      change: changePayload(state, fact.id),
    })),
    startOver: restartPayload(state.topic, state.caveats),
    topics: topicsPayload(),
    helpfulYes: feedbackPayload(state, true),
    helpfulNo: feedbackPayload(state, false),
    version: decision.knowledge.version,
    // The record carries what the card shows beyond the facts: the caveats and the day.
    permalink: withRecordContext(decision.permalink, { caveats, on: answeredOn }),
  });
}

/**
 * The what-if question: `fact`, answered `previous` before, asked again with the other answers
 * kept. No step count: the user is changing one answer, not walking the interview.
 */
export function whatIfCard(state: InterviewState, fact: string, previous: string): Attachment {
  return askCard(withoutFact(state, fact), fact, { notice: '', step: null, earlier: previous, whatIf: true });
}
