import { Activity, TurnContext } from 'botbuilder';
import { readableText, withoutAtTags } from './text-window';

export type Command = 'help' | 'topics' | 'restart';

const COMMANDS: Readonly<Record<string, Command>> = {
  help: 'help',
  topics: 'topics',
  'start over': 'restart',
  restart: 'restart',
};

/** The words the user wrote to the bot, with @mentions of it taken out. Never mutates the activity. */
export function userText(activity: Partial<Activity>): string {
  // Cut first: nothing below should ever see more than the bot reads.
  let text = readableText(activity.text);
  if (activity.recipient?.id && Array.isArray(activity.entities) && activity.entities.length) {
    // botbuilder calls string methods on each mention's text: one that is not a string threw.
    const entities = activity.entities.filter((entity) => typeof (entity as { text?: unknown }).text === 'string' || entity.type?.toLowerCase() !== 'mention');
    text = TurnContext.removeRecipientMention({ ...activity, entities, text }) ?? text;
  }
  // Teams writes mentions as <at>Name</at>; a client that sent no mention entity still must not
  // make "@bot help" a search for the bot's name.
  return withoutAtTags(text, ' ')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/**
 * What a short text says as a command: lower case, a leading slash and trailing punctuation gone,
 * single spaces ("Help!", "/topics", "Start  over."); undefined for a text too long to be one.
 */
export function commandKey(text: string): string | undefined {
  if (text.length > 40) return undefined;
  return text
    .toLowerCase()
    .replace(/^[\s/]+|[\s.!?]+$/g, '')
    .replace(/\s+/g, ' ');
}

/** A command, in any case and with stray punctuation ("Help!", "/topics", "Start  over."). */
export function commandOf(text: string): Command | undefined {
  const key = commandKey(text);
  return key !== undefined && Object.hasOwn(COMMANDS, key) ? COMMANDS[key] : undefined;
}
