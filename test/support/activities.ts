// The one way tests make an activity, and the identities and addresses every test shares.

/** PUBLIC_BASE_URL of every test bot: where citations, guide pages and decision links point. */
export const BASE_URL = 'https://licensing.example.com';
/** A loopback service URL nothing listens on: local mode may post there, and nothing arrives. */
export const SERVICE_URL = 'http://127.0.0.1:9/';
/** The person in every test conversation: a name and an id that must never reach a log. */
export const USER = { id: 'user-29:secret-aad-id', name: 'Ada Lovelace', role: 'user' };
export const BOT = { id: 'bot-1', name: 'Licensing Assistant', role: 'bot' };

let sequence = 0;

/**
 * A message activity as Emulator, Web Chat or Teams posts it, asking for the replies in the
 * response body (expectReplies); `fields` override or add anything, `deliveryMode: undefined`
 * included (the bot tests' harness, and replies posted to the service URL).
 */
export function activity(fields: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    type: 'message',
    id: `activity-${sequence}`,
    channelId: 'emulator',
    serviceUrl: SERVICE_URL,
    from: USER,
    recipient: BOT,
    conversation: { id: 'conversation-1', conversationType: 'personal' },
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

/** An @mention of the bot, as Teams puts it in the entities of a channel message. */
export const MENTION = { type: 'mention', mentioned: { id: BOT.id, name: BOT.name }, text: `<at>${BOT.name}</at>` };
