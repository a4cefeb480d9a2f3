import { ActivityTypes, TurnContext } from 'botbuilder';
import type { TurnFields } from '../bot/turn-log';
import { en } from '../wording/en';
import type { Desk } from './desk';
import { deskReplyCard, deskRequestCard } from './desk-card';
import { DESK_ANSWER_INPUT, DESK_REASON_INPUT, DeskSubmit } from './payloads';
import type { DeskRequest, StoredRequest } from './request';
import { speakerOf, teamsChannelOf } from './teams';

type DeskAction = Extract<DeskSubmit, { action: 'desk-take' | 'desk-answer' | 'desk-close' }>;

// A conditional update lost to another desk member's change is tried again on what they made of
// it, once: enough for "answer" after someone else's "take", and never a loop.
const ATTEMPTS = 2;

/**
 * "Take it", "Answer" and "Close without answer" on a desk card. Each is a conditional update of
 * the stored request, so two people pressing at once cannot both win; the card is then redrawn
 * in place from what was stored, and pressing an old button again only says where things stand.
 */
export async function handleDeskAction(context: TurnContext, desk: Desk, data: DeskAction): Promise<TurnFields> {
  const log: TurnFields = { action: data.action };
  const channel = teamsChannelOf(context.activity);
  if (!channel) {
    await context.sendActivity(en.desk.onlyDesk);
    return { ...log, outcome: 'refused' };
  }
  const text = (data.action === 'desk-answer' ? data[DESK_ANSWER_INPUT] : data.action === 'desk-close' ? data[DESK_REASON_INPUT] : '').slice(0, 4000);
  if (data.action !== 'desk-take' && !text) {
    await context.sendActivity(data.action === 'desk-answer' ? en.desk.answerMissing : en.desk.reasonMissing);
    return { ...log, outcome: 'invalid' };
  }
  const store = desk.store();
  let current = await store.get(data.id);
  // Only the channel the request was posted to may act on it: a button's data names a request
  // number, and a number seen elsewhere must not let anyone answer in the desk's name.
  if (current?.request.deskChannelId && current.request.deskChannelId !== channel.channelId) {
    await context.sendActivity(en.desk.onlyDesk);
    return { ...log, outcome: 'refused' };
  }
  const speaker = speakerOf(context.activity);
  const now = desk.now().toISOString();

  for (let attempt = 0; attempt < ATTEMPTS && current; attempt += 1) {
    const refusal = stillPossible(current.request, data.action);
    if (refusal) {
      await context.sendActivity(refusal);
      await redraw(context, current.request, log);
      return { ...log, desk: current.request.status === 'taken' ? 'already-taken' : 'stale' };
    }
    const next: DeskRequest =
      data.action === 'desk-take'
        ? { ...current.request, status: 'taken', assignee: { id: speaker.id, name: speaker.name }, updatedAt: now }
        : {
            ...current.request,
            status: data.action === 'desk-answer' ? 'answered' : 'closed',
            ...(data.action === 'desk-answer' ? { answer: text } : { closeReason: text }),
            assignee: { id: speaker.id, name: speaker.name },
            updatedAt: now,
            finishedAt: now,
          };
    const result = await store.update(next, current.etag);
    if (result.ok) return finish(context, desk, result.stored, log);
    current = result.reason === 'conflict' ? result.current : undefined;
  }
  if (!current) {
    await context.sendActivity(en.desk.unknownRequest);
    return { ...log, desk: 'stale' };
  }
  // Changed under us twice: say where it stands now.
  await context.sendActivity(stillPossible(current.request, data.action) ?? en.desk.alreadyFinished(current.request.id));
  await redraw(context, current.request, log);
  return { ...log, desk: 'stale' };
}

/** Why this button no longer applies to the request as stored, or undefined when it does. */
function stillPossible(request: DeskRequest, action: DeskAction['action']): string | undefined {
  if (request.status === 'answered' || request.status === 'closed') return en.desk.alreadyFinished(request.id);
  if (action === 'desk-take' && request.status === 'taken') return en.desk.alreadyTaken(request.id, request.assignee?.name ?? '');
  return undefined;
}

async function finish(context: TurnContext, desk: Desk, stored: StoredRequest, log: TurnFields): Promise<TurnFields> {
  let { request } = stored;
  if (request.status === 'taken') {
    await redraw(context, request, log);
    return { ...log, desk: 'taken' };
  }
  const outcome: TurnFields = { ...log, desk: request.status === 'answered' ? 'answered' : 'closed' };
  try {
    await desk.post(context, request.asker.conversation, async (asker) => {
      await asker.sendActivity({ type: ActivityTypes.Message, attachments: [deskReplyCard(request)] });
    });
  } catch (error) {
    // The request stays answered; the desk card says the asker could not be reached.
    outcome.desk = 'delivery-failed';
    outcome.deskDeliveryError = error instanceof Error ? error.name : 'unknown';
    const marked = await desk.store().update({ ...request, deliveryFailed: true }, stored.etag);
    request = marked.ok ? marked.stored.request : { ...request, deliveryFailed: true };
  }
  await redraw(context, request, outcome);
  return outcome;
}

/** The desk card, redrawn in place from the stored request. */
async function redraw(context: TurnContext, request: DeskRequest, log: TurnFields): Promise<void> {
  const id = context.activity.replyToId ?? request.deskActivityId;
  if (!id) return;
  try {
    await context.updateActivity({ id, type: ActivityTypes.Message, attachments: [deskRequestCard(request)] });
    log.replaced = true;
  } catch (error) {
    log.replaced = false;
    log.replaceError = error instanceof Error ? error.name : 'unknown';
  }
}
