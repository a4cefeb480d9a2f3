import { decide } from '../core/decide';
import { checkStep, confirmStep } from './confirm-step';
import { nextStep } from './interview-step';
import type { Outcome } from './outcome';
import { InterviewState, withAnswer, withoutFact } from './payloads';
import { en } from '../wording/en';
import { answeredCard, feedbackThanksCard, helpCard, leftCard, welcomeCard, whatIfCard } from './replies';
import type { SubmitData } from './submit-data';

// Where the next step is chosen; exported from here too, where the build's prerender and older callers find it.
export { nextStep };

export interface InterviewOptions {
  baseUrl: string;
  /** The card came from an older guide whose answers still fit. */
  outdated: boolean;
  /** Today (YYYY-MM-DD, UTC) by the bot's clock: the day an answer's record link says it was given. */
  answeredOn?: string;
}

/**
 * The next step for a validated card submit. A pure function of the submit data, so pressing
 * the same button twice (Web Chat and the Emulator cannot retire old cards) gives the same step.
 */
export function handleSubmit(data: SubmitData, options: InterviewOptions): Outcome {
  // An older card with no answers on it has nothing that could have stopped fitting: no note.
  const carriesAnswers =
    data.action === 'answer' || data.action === 'confirm' || (data.action !== 'start' && 'facts' in data && Object.keys(data.facts).length > 0);
  const notice = options.outdated && carriesAnswers ? en.notices.outdatedCard : '';
  const log = { action: data.action, outdated: options.outdated || undefined };
  const { answeredOn } = options;
  // The free question's caveats, where this submit carries them; every step passes them on.
  const caveats = 'caveats' in data ? data.caveats : undefined;
  switch (data.action) {
    case 'help':
      return { reply: helpCard(), log };
    case 'topics':
      return { reply: welcomeCard(), log };
    case 'restart':
      if (!data.topic) return { reply: welcomeCard(), log };
      return {
        ...nextStep({ topic: data.topic, facts: {}, history: [], caveats }, options.baseUrl, '', answeredOn),
        log: { ...log, topic: data.topic },
        // The question the button was on is retired in Teams, so only the new first question is live.
        ...(data.left ? { answered: leftCard(data.topic, data.left, 'restart') } : {}),
      };
    case 'start':
    case 'check': {
      // A start card of an earlier version could carry facts read from a free question: those are
      // confirmed first too. An older card's read facts are shown anyway, so no note is needed.
      const read = data.action === 'check' ? data.read : data.facts;
      const step = checkStep(data.topic, read, options.baseUrl, { caveats, answeredOn });
      return { ...step, log: { ...log, ...step.log } };
    }
    case 'confirm': {
      const step = confirmStep(data.topic, data.read, data.answers ?? {}, options.baseUrl, notice, { caveats, answeredOn });
      return { ...step, log: { ...log, ...step.log } };
    }
    case 'answer': {
      const state: InterviewState = { topic: data.topic, facts: data.facts, history: data.history, caveats };
      if (data.value === undefined) {
        // Nothing chosen: the same question again (the one the core still wants for these answers).
        const step = nextStep(state, options.baseUrl, en.notices.chooseFirst, answeredOn);
        return { ...step, log: { ...log, ...step.log } };
      }
      const step = nextStep(withAnswer(state, data.fact, data.value), options.baseUrl, notice, answeredOn);
      return { ...step, log: { ...log, ...step.log }, answered: answeredCard(data.topic, data.fact, data.value) };
    }
    case 'back': {
      const last = data.history.at(-1);
      const state: InterviewState = { topic: data.topic, facts: data.facts, history: data.history, caveats };
      if (last === undefined) {
        const step = nextStep(state, options.baseUrl, notice, answeredOn);
        return { ...step, log: { ...log, ...step.log } };
      }
      // The question returned to shows the answer taken back, so going back costs nothing to undo.
      const previous = data.facts[last];
      const step = nextStep(withoutFact(state, last), options.baseUrl, notice, answeredOn, previous === undefined ? {} : { [last]: previous });
      // The card pressed asked what the core asks for these answers; in Teams it is retired.
      const left = decide(data.topic, data.facts).next?.fact;
      return { ...step, log: { ...log, ...step.log }, ...(left ? { answered: leftCard(data.topic, left) } : {}) };
    }
    case 'change': {
      const state: InterviewState = { topic: data.topic, facts: data.facts, history: data.history, caveats };
      const previous = data.facts[data.fact];
      // Only an answer given can be changed; a card asking to change another gets the next question.
      if (previous === undefined) {
        const step = nextStep(state, options.baseUrl, '', answeredOn);
        return { ...step, log: { ...log, ...step.log } };
      }
      return { reply: whatIfCard(state, data.fact, previous), log: { ...log, topic: data.topic, asked: data.fact } };
    }
    case 'feedback': {
      const { verdict } = decide(data.topic, data.facts);
      return {
        reply: feedbackThanksCard(data.topic, data.helpful, caveats),
        log: { ...log, topic: data.topic, verdict: verdict ?? 'none', vote: data.helpful ? 'yes' : 'no' },
      };
    }
  }
}
