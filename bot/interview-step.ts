import { decideTraced } from '../core/decide';
import type { Outcome } from './outcome';
import type { InterviewState } from './payloads';
import { answerCard, questionCard } from './replies';

/**
 * Asks the next question the core wants, or answers once it has a verdict: one decision either way.
 * `earlier`: answers taken back (Back), shown on their question if the core asks it again.
 */
export function nextStep(state: InterviewState, baseUrl: string, notice = '', earlier: Readonly<Record<string, string>> = {}): Omit<Outcome, 'answered'> {
  const { decision, rules } = decideTraced(state.topic, state.facts, { baseUrl });
  if (decision.next) {
    return { reply: questionCard(state, decision, notice, earlier), log: { topic: state.topic, asked: decision.next.fact } };
  }
  return {
    reply: answerCard(state, decision, notice),
    log: { topic: state.topic, verdict: decision.verdict ?? 'none', rules },
  };
}
