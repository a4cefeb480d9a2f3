import { ActivityTypes, Attachment, TurnContext } from 'botbuilder';
import { renderDeskAsk } from '../cards/desk';
import { decide } from '../core/decide';
import { TOPICS } from '../core/topics';
import type { TurnFields } from '../bot/turn-log';
import { answerLabel, orderedFacts } from '../bot/topic-text';
import { en } from '../wording/en';
import { caveatSentences, orderedCaveatIds } from '../core/caveats';
import { withRecordContext } from '../core/urls';
import type { Desk } from './desk';
import { attachedLines, deskRequestCard } from './desk-card';
import { AttachedContext, askPayload, DESK_TEXT_INPUT, DeskSubmit, readDeskSubmit, sendPayload } from './payloads';
import type { AttachedDecision } from './request';
import { replyReferenceOf, speakerOf } from './teams';

/** Where a person is needed, and what to hand the desk with the question. */
export type DeskOffer = AttachedContext;

/**
 * Adds "Ask the licensing desk" to a reply card. Teams only: the answer comes back by a proactive
 * message, which Web Chat and the Emulator cannot receive. A card is shared and frozen once
 * rendered (cards/render.ts), so the button goes on a copy.
 */
export function withAskButton(context: TurnContext, card: Attachment, offer: DeskOffer): Attachment {
  if (context.activity.channelId !== 'msteams') return card;
  const content = card.content as { actions?: unknown[] } | undefined;
  if (!content || typeof content !== 'object') return card;
  // Built outside cards/render.ts, so the user's own "${" is kept literal here as render does it
  // there: a card must never carry what looks like a template expression.
  const question = offer.question?.replace(/\$\{/g, '$\u200b{');
  const button = { type: 'Action.Submit', title: en.desk.askButton, data: askPayload({ ...offer, ...(question ? { question } : {}) }) };
  return { ...card, content: { ...content, actions: [...(content.actions ?? []), button] } };
}

/**
 * The reply as shown: with "Ask the licensing desk" when it offers the desk, in Teams, and only
 * once a desk is registered (a button that can only say "not set up" helps nobody; the operator
 * log says how to set one up instead, see Desk.isRegistered).
 */
export async function withDeskOffer(context: TurnContext, desk: Desk, card: Attachment, offer: DeskOffer | undefined): Promise<Attachment> {
  if (!offer || context.activity.channelId !== 'msteams') return card;
  return (await desk.isRegistered()) ? withAskButton(context, card, offer) : card;
}

/** The decision in words for the desk: topic, verdict, the facts as "question: answer", the record link. */
export function attachedDecision(offer: AttachedContext, baseUrl: string): AttachedDecision {
  const sentences = caveatSentences(offer.caveats ?? []);
  const caveats = sentences.length ? { caveats: sentences } : {};
  if (!offer.topic) return { facts: [], question: offer.question, ...caveats };
  const facts = offer.facts ?? {};
  const decision = decide(offer.topic, facts, { baseUrl });
  return {
    ...caveats,
    topic: TOPICS[offer.topic].title,
    verdict: decision.verdict ? en.verdicts[decision.verdict] : en.notDecidedYet,
    facts: orderedFacts(offer.topic, facts).map((fact) => `${fact.prompt}: ${answerLabel(offer.topic!, fact.id, facts[fact.id])}`.slice(0, 400)),
    recordUrl: withRecordContext(decision.permalink, { caveats: orderedCaveatIds(offer.caveats ?? []) }),
    question: offer.question,
  };
}

const contextOf = (data: AttachedContext): AttachedContext => ({
  ...(data.topic ? { topic: data.topic } : {}),
  ...(data.facts ? { facts: data.facts } : {}),
  ...(data.question ? { question: data.question } : {}),
  ...(data.caveats?.length ? { caveats: data.caveats } : {}),
});

/** "Ask the licensing desk" pressed: the short form, with what will be attached. */
export async function showAskForm(context: TurnContext, desk: Desk, data: Extract<DeskSubmit, { action: 'desk-ask' }>, baseUrl: string): Promise<TurnFields> {
  if (context.activity.channelId !== 'msteams') {
    await context.sendActivity(en.desk.askOnlyTeams);
    return { action: 'desk-ask', outcome: 'refused' };
  }
  if (!(await desk.store().getDesk())) return notSetUp(context, desk, 'desk-ask');
  const attached = contextOf(data);
  const card = renderDeskAsk({ attached: attachedLines(attachedDecision(attached, baseUrl)), send: sendPayload(attached) });
  await context.sendActivity({ type: ActivityTypes.Message, attachments: [card] });
  return { action: 'desk-ask', topic: data.topic };
}

/** The form sent: the request is stored, posted to the desk channel, and the asker gets its number. */
export async function sendRequest(context: TurnContext, desk: Desk, data: Extract<DeskSubmit, { action: 'desk-send' }>, baseUrl: string): Promise<TurnFields> {
  if (context.activity.channelId !== 'msteams') {
    await context.sendActivity(en.desk.askOnlyTeams);
    return { action: 'desk-send', outcome: 'refused' };
  }
  const question = data[DESK_TEXT_INPUT].slice(0, 4000);
  if (!question) {
    await context.sendActivity(en.desk.askQuestionMissing);
    return { action: 'desk-send', outcome: 'invalid' };
  }
  const store = desk.store();
  const registration = await store.getDesk();
  if (!registration) return notSetUp(context, desk, 'desk-send');

  const speaker = speakerOf(context.activity);
  const created = await store.create({
    asker: { id: speaker.id, name: speaker.name, conversation: replyReferenceOf(context.activity) },
    question,
    decision: attachedDecision(contextOf(data), baseUrl),
    deskChannelId: registration.conversation.conversation.id,
    createdAt: desk.now().toISOString(),
  });
  const log: TurnFields = { action: 'desk-send', topic: data.topic, desk: 'asked' };
  let postedId: string | undefined;
  try {
    await desk.post(context, registration.conversation, async (deskChannel) => {
      postedId = (await deskChannel.sendActivity({ type: ActivityTypes.Message, attachments: [deskRequestCard(created.request)] }))?.id;
    });
  } catch (error) {
    // The request is kept and listed by "open requests"; the asker still gets the number.
    log.deskDeliveryError = error instanceof Error ? error.name : 'unknown';
  }
  if (postedId) {
    // Remembered so the card can be updated in place from any later turn; a lost race only costs the id.
    await store.update({ ...created.request, deskActivityId: postedId }, created.etag).catch(() => undefined);
  }
  await context.sendActivity(en.desk.asked(created.request.id));
  return log;
}

/** A desk button pressed while no desk is registered (a card from before the store was reset or replaced). */
async function notSetUp(context: TurnContext, desk: Desk, action: string): Promise<TurnFields> {
  desk.reportNotSetUp();
  await context.sendActivity(en.desk.notSetUp);
  return { action, outcome: 'refused', desk: 'not-set-up' };
}

/** What a reply offers the desk, if anything: where the issue says a person is needed. */
export function deskOfferFor(card: Attachment, log: TurnFields, asked: { text?: string; caveats?: number; submit?: AttachedContext }): DeskOffer | undefined {
  const question = asked.text ? asked.text.slice(0, 1000) : undefined;
  switch (card.name) {
    case 'answer': {
      // The facts (and caveats) are the ones the card's own feedback buttons carry: the answer as shown.
      // The sources leave it open (refer), or the question named what they do not cover (a caveat).
      const shown = feedbackContext(card.content);
      return log.verdict === 'refer' || shown?.caveats?.length ? shown : undefined;
    }
    case 'feedback-thanks':
      return log.vote === 'no' && asked.submit ? contextOf(asked.submit) : undefined;
    case 'no-match':
      return question ? { question } : undefined;
    case 'search-results':
      return question && asked.caveats ? { question } : undefined;
    default:
      return undefined;
  }
}

function feedbackContext(content: unknown): DeskOffer | undefined {
  const data = findFeedback(content);
  return data ? contextOf(data) : undefined;
}

/** The card's "Was this helpful?" payload, wherever the template put it. */
function findFeedback(value: unknown, depth = 0): AttachedContext | undefined {
  if (!value || typeof value !== 'object' || depth > 12) return undefined;
  const candidate = value as { action?: unknown; topic?: unknown; facts?: unknown; caveats?: unknown };
  if (candidate.action === 'feedback' && typeof candidate.topic === 'string' && candidate.facts && typeof candidate.facts === 'object') {
    return readDeskSubmit({ action: 'desk-ask', topic: candidate.topic, facts: candidate.facts, caveats: candidate.caveats }) as AttachedContext | undefined;
  }
  for (const inner of Object.values(value)) {
    const found = findFeedback(inner, depth + 1);
    if (found) return found;
  }
  return undefined;
}
