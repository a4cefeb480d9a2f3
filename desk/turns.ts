import type { TurnContext } from 'botbuilder';
import type { TurnFields } from '../bot/turn-log';
import { en } from '../wording/en';
import { sendRequest, showAskForm } from './asking';
import { deskCommandOf } from './commands';
import type { Desk } from './desk';
import { handleDeskAction } from './handling';
import { myRequests, openRequests } from './listing';
import { isDeskSubmit, readDeskSubmit } from './payloads';
import { registerDesk } from './registration';

/** A desk command typed to the bot, handled; undefined when the text is no desk command. */
export async function deskTurn(context: TurnContext, desk: Desk, text: string): Promise<TurnFields | undefined> {
  const command = deskCommandOf(text);
  if (!command) return undefined;
  const log =
    command === 'set-desk'
      ? await registerDesk(context, desk)
      : command === 'my-requests'
        ? await myRequests(context, desk)
        : await openRequests(context, desk);
  await desk.purgeWhenDue();
  return log;
}

/** A desk button pressed, handled; undefined when the submit is not the desk's. */
export async function deskSubmit(context: TurnContext, desk: Desk, value: unknown, baseUrl: string): Promise<TurnFields | undefined> {
  if (!isDeskSubmit(value)) return undefined;
  const data = readDeskSubmit(value);
  if (!data) {
    await context.sendActivity(en.restart.invalid.message);
    return { action: 'desk', outcome: 'invalid' };
  }
  const log =
    data.action === 'desk-ask'
      ? await showAskForm(context, desk, data, baseUrl)
      : data.action === 'desk-send'
        ? await sendRequest(context, desk, data, baseUrl)
        : await handleDeskAction(context, desk, data);
  // Retention rides on desk traffic (after the reply is sent): see Desk.purgeWhenDue.
  await desk.purgeWhenDue();
  return log;
}
