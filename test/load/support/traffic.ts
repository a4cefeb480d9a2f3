import { answerPayload, backPayload, changePayload, feedbackPayload, helpPayload, InterviewState, restartPayload, startPayload } from '../../../bot/payloads';
import { decide } from '../../../core/decide';
import { TOPIC_IDS } from '../../../core/types';
import { activity } from '../../support/activities';

export interface LoadRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** Every step a user can take: the welcome, every interview step of every topic, free text. */
export function traffic(): LoadRequest[] {
  const bodies: Record<string, unknown>[] = [
    activity({ type: 'conversationUpdate', membersAdded: [{ id: 'user-1' }] }),
    activity({ text: 'help' }),
    activity({ text: 'Can we run Windows VMs on AWS with VDA per user?' }),
    activity({ text: 'Is it legal to reimage a refurbished PC with our volume license media?' }),
    activity({ text: 'what does the guide say about something it does not cover at all' }),
    activity({ value: helpPayload() }),
    activity({ value: restartPayload() }),
  ];
  for (const topic of TOPIC_IDS) {
    let state: InterviewState = { topic, facts: {}, history: [] };
    bodies.push(activity({ value: startPayload(topic) }));
    for (let step = 0; ; step++) {
      const { next } = decide(topic, state.facts);
      if (!next) break;
      const option = next.options[step % next.options.length].value;
      bodies.push(activity({ value: answerPayload(state, next.fact, option) }));
      state = { topic, facts: { ...state.facts, [next.fact]: option }, history: [...state.history, next.fact] };
    }
    bodies.push(
      activity({ value: backPayload(state) }),
      activity({ value: changePayload(state, state.history[0]) }),
      activity({ value: feedbackPayload(state, true) }),
      activity({ value: restartPayload(topic) }),
    );
  }
  return bodies.map((body) => ({ method: 'POST', path: '/api/messages', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }));
}
