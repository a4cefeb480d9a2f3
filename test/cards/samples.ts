import { decide } from '../../core/decide';
import { TOPICS } from '../../core/topics';
import { Decision, TOPIC_IDS, TopicId } from '../../core/types';
import { BASE_URL } from '../support/activities';

export interface InterviewNode {
  topic: TopicId;
  facts: Record<string, string>;
  /** The order the facts were answered in. */
  history: string[];
  decision: Decision;
}

/** Every step of every interview: each question a user can reach and each verdict it ends in. */
export function interviewTree(topic: TopicId): InterviewNode[] {
  const nodes: InterviewNode[] = [];
  const walk = (facts: Record<string, string>, history: string[]) => {
    const decision = decide(topic, facts, { baseUrl: BASE_URL });
    nodes.push({ topic, facts, history, decision });
    if (!decision.next) return;
    const fact = decision.next.fact;
    for (const option of decision.next.options) walk({ ...facts, [fact]: option.value }, [...history, fact]);
  };
  walk({}, []);
  return nodes;
}

export const allInterviewNodes = (): InterviewNode[] => TOPIC_IDS.flatMap(interviewTree);

/**
 * Complete fact sets (every fact answered, including ones the verdict ignores), a fixed stride
 * through the cartesian product so large topics stay quick: answer cards must also read well
 * when a free question filled in facts the interview would not have asked.
 */
export function fullFactSamples(topic: TopicId, max = 60): Record<string, string>[] {
  const facts = TOPICS[topic].facts;
  const total = facts.reduce((product, fact) => product * fact.options.length, 1);
  const stride = Math.max(1, Math.floor(total / max));
  const samples: Record<string, string>[] = [];
  for (let index = 0; index < total; index += stride) {
    let rest = index;
    const combination: Record<string, string> = {};
    for (const fact of facts) {
      combination[fact.id] = fact.options[rest % fact.options.length].value;
      rest = Math.floor(rest / fact.options.length);
    }
    samples.push(combination);
  }
  return samples;
}
