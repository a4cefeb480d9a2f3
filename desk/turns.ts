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
  if (command === 'set-desk') return registerDesk(context, desk);
  if (command === 'my-requests') return myRequests(context, desk);
  if (command === 'open-requests') return openRequests(context, desk);
  return undefined;
}

/** A desk button pressed, handled; undefined when the submit is not the desk's. */
export async function deskSubmit(context: TurnContext, desk: Desk, value: unknown, baseUrl: string): Promise<TurnFields | undefined> {
  if (!isDeskSubmit(value)) return undefined;
  const data = readDeskSubmit(value);
  if (!data) {
    await context.sendActivity(en.restart.invalid.message);
    return { action: 'desk', outcome: 'invalid' };
  }
  switch (data.action) {
    case 'desk-ask':
      return showAskForm(context, desk, data, baseUrl);
    case 'desk-send':
      return sendRequest(context, desk, data, baseUrl);
    default:
      return handleDeskAction(context, desk, data);
  }
}
