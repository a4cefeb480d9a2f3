import type { TurnContext } from 'botbuilder';
import type { TurnFields } from '../bot/turn-log';
import { en } from '../wording/en';
import type { Desk } from './desk';
import type { StoredRequest } from './request';
import { speakerOf, teamsChannelOf } from './teams';

const SHOWN = 20;

const lineOf = ({ request }: StoredRequest): string =>
  `- ${en.desk.requestLine(request.id, en.desk.statusWords[request.status], request.createdAt.slice(0, 10))}`;

/** `my requests`: the asker's requests still open or answered, oldest first. */
export async function myRequests(context: TurnContext, desk: Desk): Promise<TurnFields> {
  const mine = await desk.store().list({ askerId: speakerOf(context.activity).id, statuses: ['open', 'taken', 'answered'] });
  await context.sendActivity(mine.length ? [en.desk.myRequestsHeading, ...mine.slice(-SHOWN).map(lineOf)].join('\n\n') : en.desk.noRequests);
  return { action: 'desk-my-requests', desk: 'listed', results: mine.length };
}

/** `open requests`, in the desk channel only: what is waiting or taken, oldest first. */
export async function openRequests(context: TurnContext, desk: Desk): Promise<TurnFields> {
  const channel = teamsChannelOf(context.activity);
  const registration = await desk.store().getDesk();
  if (!channel || registration?.conversation.conversation.id !== channel.channelId) {
    await context.sendActivity(en.desk.openRequestsOnlyDesk);
    return { action: 'desk-open-requests', outcome: 'refused' };
  }
  const waiting = await desk.store().list({ statuses: ['open', 'taken'] });
  await context.sendActivity(waiting.length ? [en.desk.openRequestsHeading, ...waiting.slice(0, SHOWN).map(lineOf)].join('\n\n') : en.desk.noOpenRequests);
  return { action: 'desk-open-requests', desk: 'listed', results: waiting.length };
}
