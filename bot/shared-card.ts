import type { Activity } from 'botbuilder';
import { MAX_READ_CHARS, withoutTags } from './text-window';

// A card the user inserted from the search extension (or pasted as a link that unfurled) and sent
// in the chat with the bot arrives as a message: the card as an attachment, and as text only
// Teams' placeholder markup for it. It is the user sharing an answer, not asking a question.

const CARD_TYPES = new Set(['application/vnd.microsoft.card.adaptive', 'application/vnd.microsoft.card.hero', 'application/vnd.microsoft.card.thumbnail']);

export function isSharedCardOnly(activity: Partial<Activity>): boolean {
  // Only the shape botbuilder let through: anything may arrive in these fields.
  const attachments: unknown[] = Array.isArray(activity.attachments) ? activity.attachments : [];
  const cards = attachments.filter((attachment) => CARD_TYPES.has((attachment as { contentType?: unknown } | null)?.contentType as string));
  if (!cards.length) return false;
  const text = typeof activity.text === 'string' ? activity.text : '';
  // Teams' placeholder is a few hundred characters: a text longer than the bot reads is words.
  if (text.length > MAX_READ_CHARS) return false;
  return (
    withoutTags(text, ' ')
      .replace(/&nbsp;/g, ' ')
      .trim() === ''
  );
}
