import { decideTraced } from '../core/decide';
import type { Outcome } from './outcome';
import type { InterviewState } from './payloads';
import { answerCard, questionCard } from './replies';

/**
 * Asks the next question the core wants, or answers once it has a verdict: one decision either way.
 * `answeredOn` (YYYY-MM-DD, the bot's clock) dates the answer's record link; without it the link has no date.
 * `earlier`: answers taken back (Back), shown on their question if the core asks it again.
 */
export function nextStep(
  state: InterviewState,
  baseUrl: string,
  notice = '',
  answeredOn?: string,
  earlier: Readonly<Record<string, string>> = {},
): Omit<Outcome, 'answered'> {
  const { decision, rules } = decideTraced(state.topic, state.facts, { baseUrl });
  if (decision.next) {
    return { reply: questionCard(state, decision, notice, earlier), log: { topic: state.topic, asked: decision.next.fact } };
  }
  return {
    reply: answerCard(state, decision, notice, answeredOn),
    log: { topic: state.topic, verdict: decision.verdict ?? 'none', rules },
  };
}
