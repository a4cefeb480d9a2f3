import { Activity, ConversationReference, TurnContext } from 'botbuilder';
import { z } from 'zod';
import type { StoredConversationReference } from './request';

// What the desk reads of a Teams activity: who is speaking, in which team and channel. Teams puts
// the team and channel in channelData, which botbuilder leaves untyped: parsed here.

const teamsChannelData = z.looseObject({
  team: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
  channel: z.looseObject({ id: z.string().min(1).max(1024) }).optional(),
});

export interface Speaker {
  /** The Entra object id where Teams gives one (lower case), else the channel account id. */
  id: string;
  name: string;
  /** Only the Entra object id counts for the desk's owner list. */
  objectId?: string;
}

export function speakerOf(activity: Partial<Activity>): Speaker {
  const objectId = typeof activity.from?.aadObjectId === 'string' && activity.from.aadObjectId ? activity.from.aadObjectId.toLowerCase() : undefined;
  return { id: objectId ?? activity.from?.id ?? 'unknown', name: (activity.from?.name ?? '').slice(0, 200), objectId };
}

/** The team and channel of a Teams channel message; undefined anywhere else (personal chat, group chat, other channels). */
export function teamsChannelOf(activity: Partial<Activity>): { teamId?: string; channelId: string } | undefined {
  if (activity.channelId !== 'msteams' || activity.conversation?.conversationType !== 'channel') return undefined;
  const data = teamsChannelData.safeParse(activity.channelData);
  if (!data.success || !data.data.channel) return undefined;
  return { teamId: data.data.team?.id, channelId: data.data.channel.id };
}

/** Where to answer this conversation later: the chat, or the channel thread the message was in. */
export function replyReferenceOf(activity: Partial<Activity>): StoredConversationReference {
  return plainReference(TurnContext.getConversationReference(activity));
}

/** Where to post new cards in a channel: the channel itself, not the thread the command was sent in. */
export function channelReferenceOf(activity: Partial<Activity>, channelId: string): StoredConversationReference {
  const reference = plainReference(TurnContext.getConversationReference(activity));
  return { ...reference, conversation: { ...reference.conversation, id: channelId } };
}

// Only what continueConversation needs and nothing of the user's message; JSON-safe for any store.
function plainReference(reference: Partial<ConversationReference>): StoredConversationReference {
  const { channelId, serviceUrl, conversation, bot, locale } = reference;
  return JSON.parse(
    JSON.stringify({
      channelId,
      serviceUrl,
      conversation: conversation && {
        id: conversation.id,
        conversationType: conversation.conversationType,
        isGroup: conversation.isGroup,
        tenantId: conversation.tenantId,
      },
      bot: bot && { id: bot.id, name: bot.name },
      locale,
    }),
  ) as StoredConversationReference;
}
