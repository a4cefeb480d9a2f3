import { commandKey } from '../bot/commands';

/** The desk's typed commands, after the @mention is taken out (bot/commands.ts userText). */
export type DeskCommand = 'set-desk' | 'my-requests' | 'open-requests';

const COMMANDS: Readonly<Record<string, DeskCommand>> = {
  'set licensing desk': 'set-desk',
  'my requests': 'my-requests',
  'open requests': 'open-requests',
};

/** A desk command in any case, with stray punctuation or a leading slash ("Set licensing desk.", "/my requests"). */
export function deskCommandOf(text: string): DeskCommand | undefined {
  const key = commandKey(text);
  return key !== undefined && Object.hasOwn(COMMANDS, key) ? COMMANDS[key] : undefined;
}
