import type { TurnContext } from 'botbuilder';
import type { TurnFields } from '../bot/turn-log';
import { en } from '../wording/en';
import type { Desk } from './desk';
import { channelReferenceOf, speakerOf, teamsChannelOf } from './teams';

/**
 * `set licensing desk`: makes this Teams channel the desk, or moves the desk here. Only the people
 * or the team the settings name may do it, so nobody can pull other people's questions into a
 * channel of their own; everyone else is told plainly, and the refusal is logged (without who).
 */
export async function registerDesk(context: TurnContext, desk: Desk): Promise<TurnFields> {
  const { activity } = context;
  const channel = teamsChannelOf(activity);
  if (!channel) {
    await context.sendActivity(en.desk.onlyChannel);
    return { action: 'desk-register', outcome: 'refused', desk: 'not-a-channel' };
  }
  const speaker = speakerOf(activity);
  const { ownerIds, teamId } = desk.settings;
  const isOwner = speaker.objectId !== undefined && ownerIds.includes(speaker.objectId);
  const isDeskTeam = teamId !== undefined && channel.teamId === teamId;
  if (!isOwner && !isDeskTeam) {
    await context.sendActivity(en.desk.notAllowed);
    return { action: 'desk-register', outcome: 'refused', desk: 'not-allowed' };
  }

  const conversation = channelReferenceOf(activity, channel.channelId);
  const previous = await desk.store().setDesk({
    conversation,
    teamId: channel.teamId,
    registeredBy: speaker.id,
    registeredAt: desk.now().toISOString(),
  });
  // This instance offers the desk from its next reply on; others within their cache time.
  desk.rememberRegistration(true);
  if (previous && previous.conversation.conversation.id === conversation.conversation.id) {
    await context.sendActivity(en.desk.alreadyHere);
    return { action: 'desk-register', desk: 'unchanged' };
  }
  if (!previous) {
    await context.sendActivity(en.desk.registered);
    return { action: 'desk-register', desk: 'registered' };
  }
  const log: TurnFields = { action: 'desk-register', desk: 'moved' };
  try {
    await desk.post(context, previous.conversation, async (old) => {
      await old.sendActivity(en.desk.movedAway);
    });
  } catch (error) {
    // The old channel may be gone (team deleted, bot removed): the move stands regardless.
    log.deskDeliveryError = error instanceof Error ? error.name : 'unknown';
  }
  await context.sendActivity(en.desk.movedHere);
  return log;
}
