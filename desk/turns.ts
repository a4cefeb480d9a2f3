import type { TurnContext } from 'botbuilder';
import type { TurnFields } from '../bot/turn-log';
import { deskCommandOf } from './commands';
import type { Desk } from './desk';
import { registerDesk } from './registration';

/** A desk command typed to the bot, handled; undefined when the text is no desk command. */
export async function deskTurn(context: TurnContext, desk: Desk, text: string): Promise<TurnFields | undefined> {
  const command = deskCommandOf(text);
  if (!command) return undefined;
  if (command === 'set-desk') return registerDesk(context, desk);
  return undefined;
}
