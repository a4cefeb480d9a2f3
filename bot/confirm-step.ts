import type { TopicId } from '../core/types';
import { nextStep } from './interview-step';
import type { Outcome } from './outcome';
import type { InterviewState } from './payloads';
import { confirmCard, confirmedCard } from './replies';
import { ASK_ME } from './submit-data';
import { orderedFacts } from './topic-text';

// Facts read from a free question are a reading, not answers: a misread one ("the recovery discs
// are gone" read as recovery media) would otherwise skip its question and decide unseen. So a
// check started from a free question first shows what was read, and only what the user then
// confirms (or changes) enters the interview; "ask me" leaves the question to be asked.

/** "Check my case" (or a start card of an earlier version with facts): confirm the read facts, or with none read, the first question. */
export function checkStep(
  topic: TopicId,
  read: Readonly<Record<string, string>>,
  baseUrl: string,
  carried: { caveats?: readonly string[]; answeredOn?: string } = {},
): Omit<Outcome, 'answered'> {
  const shown = orderedFacts(topic, read).length;
  if (!shown) return nextStep({ topic, facts: {}, history: [], caveats: carried.caveats }, baseUrl, '', carried.answeredOn);
  return { reply: confirmCard(topic, read, '', carried.caveats), log: { topic, read: shown } };
}

/**
 * "Confirm and continue": the interview goes on from the confirmed facts alone. A pure function of
 * the submit, so pressing the same card twice gives the same step; in Teams the card is retired.
 */
export function confirmStep(
  topic: TopicId,
  read: Readonly<Record<string, string>>,
  answers: Readonly<Record<string, string>>,
  baseUrl: string,
  notice = '',
  carried: { caveats?: readonly string[]; answeredOn?: string } = {},
): Outcome {
  const chosen = choices(topic, read, answers);
  const state = { ...confirmedState(topic, chosen), caveats: carried.caveats };
  const step = nextStep(state, baseUrl, notice, carried.answeredOn);
  const values = Object.entries(chosen);
  return {
    ...step,
    log: {
      ...step.log,
      read: values.length,
      kept: values.filter(([fact, value]) => value === read[fact]).length,
      changed: values.filter(([fact, value]) => value !== ASK_ME && value !== read[fact]).length,
      dropped: values.filter(([, value]) => value === ASK_ME).length,
    },
    ...(values.length ? { answered: confirmedCard(topic, chosen) } : {}),
  };
}

/** What the user chose for each read fact; a fact whose input did not come back is asked, not assumed. */
function choices(topic: TopicId, read: Readonly<Record<string, string>>, answers: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(orderedFacts(topic, read).map((fact) => [fact.id, Object.hasOwn(answers, fact.id) ? answers[fact.id] : ASK_ME]));
}

/** The interview after confirming: confirmed facts count as answered, in the topic's order, so Back undoes them one by one. */
function confirmedState(topic: TopicId, chosen: Readonly<Record<string, string>>): InterviewState {
  const confirmed = Object.entries(chosen).filter(([, value]) => value !== ASK_ME);
  return { topic, facts: Object.fromEntries(confirmed), history: confirmed.map(([fact]) => fact) };
}
