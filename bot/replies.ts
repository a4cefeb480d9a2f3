import type { Attachment } from 'botbuilder';
import { renderAnswer, renderAnswered, renderFeedbackThanks, renderHelp, renderNoMatch, renderQuestion, renderRestart, renderWelcome } from '../cards';
import { decide } from '../core/decide';
import { TOPICS } from '../core/topics';
import { Decision, TOPIC_IDS, TopicId } from '../core/types';
import { guide } from '../core/knowledge';
import {
  answerPayload,
  backPayload,
  changePayload,
  feedbackPayload,
  InterviewState,
  restartPayload,
  startPayload,
  topicsPayload,
  withoutFact,
} from './payloads';
import { answerLabel, factDefinition, licenseName, orderedFacts } from './topic-text';

// Card data from the conversation's state: the bot decides what to say, cards/ how it looks.

export const OUTDATED_NOTICE = 'The guide was updated after this card was sent. Your answers still fit, so this uses the current guide.';
export const CHOOSE_FIRST_NOTICE = 'Choose one of the answers first, then press Next.';

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

export const feedbackThanksCard = (topic: TopicId, helpful: boolean): Attachment =>
  renderFeedbackThanks({ helpful, startOver: restartPayload(topic), topics: topicsPayload() });

export const answeredCard = (topic: TopicId, fact: string, value: string): Attachment =>
  renderAnswered({ prompt: factDefinition(topic, fact)?.prompt ?? fact, answer: answerLabel(topic, fact, value) });

export interface QuestionOptions {
  notice?: string;
  /** A what-if: the answer card asked to change this fact, the other answers stay. */
  whatIf?: { previous: string };
}

/** Asks `fact` (normally the decision's next question) with the state so far. */
export function questionCard(state: InterviewState, fact: string, options: QuestionOptions = {}): Attachment {
  const definition = factDefinition(state.topic, fact);
  if (!definition) throw new Error(`no fact ${fact} in topic ${state.topic}`);
  const answered = Object.keys(state.facts).length;
  const missing = decide(state.topic, state.facts).missing.length;
  const { whatIf } = options;
  return renderQuestion({
    topicTitle: TOPICS[state.topic].title,
    step: whatIf ? null : { current: answered + 1, atMost: answered + Math.max(1, missing) },
    notice: options.notice ?? '',
    prompt: definition.prompt,
    help: definition.help,
    current: whatIf ? answerLabel(state.topic, fact, whatIf.previous) : '',
    options: definition.options.map((option) => ({ ...option, submit: answerPayload(state, fact, option.value) })),
    choiceSubmit: answerPayload(state, fact),
    // Back from a what-if keeps the earlier answer, which leads back to the same verdict.
    back: whatIf ? answerPayload(state, fact, whatIf.previous) : state.history.length ? backPayload(state) : undefined,
    startOver: restartPayload(state.topic),
  });
}

export function answerCard(state: InterviewState, decision: Decision, notice = ''): Attachment {
  if (!decision.verdict) throw new Error('answerCard needs a verdict');
  return renderAnswer({
    question: TOPICS[state.topic].question,
    verdict: decision.verdict,
    notice,
    summary: decision.summary,
    requirements: decision.requirements,
    reasons: decision.reasons,
    citations: decision.citations.map(({ title, source, url }) => ({ title, source, url })),
    recommended: (decision.recommended ?? []).map(licenseName),
    facts: orderedFacts(state.topic, state.facts).map((fact) => ({
      prompt: fact.prompt,
      answer: answerLabel(state.topic, fact.id, state.facts[fact.id]),
      change: changePayload(state, fact.id),
    })),
    startOver: restartPayload(state.topic),
    topics: topicsPayload(),
    helpfulYes: feedbackPayload(state, true),
    helpfulNo: feedbackPayload(state, false),
    version: decision.knowledge.version,
    permalink: decision.permalink,
  });
}

/** The what-if question: `fact` asked again with the other answers kept. */
export function whatIfCard(state: InterviewState, fact: string): Attachment {
  const previous = state.facts[fact];
  const rest = withoutFact(state, fact);
  return questionCard(rest, fact, previous === undefined ? {} : { whatIf: { previous } });
}
