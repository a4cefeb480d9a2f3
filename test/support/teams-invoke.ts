import { parseConfig } from '../../config/config';
import { createMessagesHandler, HttpHandler } from '../../handlers/messages';
import { activity, SERVICE_URL } from './activities';
import { httpRequest, jsonOf, quietContext } from './http';

// Message extension invokes as Teams posts them (shaped on the examples in Microsoft's "Respond
// to search command" and "Link unfurling" pages), through the real messages handler. The answer
// comes back in the HTTP body; nothing is posted to the service URL, which is loopback anyway.

function teamsInvoke(name: string, value: unknown, source: 'compose' | 'commandBox' = 'compose'): Record<string, unknown> {
  return activity({
    type: 'invoke',
    name,
    value,
    timestamp: '2026-12-01T10:00:00.000Z',
    localTimestamp: '2026-12-01T11:00:00.000+01:00',
    channelId: 'msteams',
    serviceUrl: SERVICE_URL,
    from: { id: '29:1user-id', name: 'Megan Bowen', aadObjectId: '00000000-0000-0000-0000-0000000000a1' },
    conversation: { id: 'a:1conversation-id', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-0000000000f1' },
    recipient: { id: '28:00000000-0000-0000-0000-000000000000', name: 'Licensing Assistant' },
    entities: [{ type: 'clientInfo', locale: 'en-US', country: 'US', platform: 'Web', timezone: 'Europe/Berlin' }],
    channelData: { tenant: { id: '00000000-0000-0000-0000-0000000000f1' }, source: { name: source } },
    locale: 'en-US',
    // The answer to an invoke is the HTTP response itself.
    deliveryMode: undefined,
  });
}

export interface QueryOptions {
  commandId?: string;
  parameter?: string;
  skip?: number;
  count?: number;
  source?: 'compose' | 'commandBox';
}

/** A search as the user types it: one parameter, Teams' default page of 25. */
export const searchQuery = (text: string, options: QueryOptions = {}) =>
  teamsInvoke(
    'composeExtension/query',
    {
      commandId: options.commandId ?? 'searchGuide',
      parameters: [{ name: options.parameter ?? 'query', value: text }],
      queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 },
    },
    options.source,
  );

/** The default query Teams sends when the extension opens, with initialRun in the manifest. */
export const initialRunQuery = (options: QueryOptions = {}) =>
  teamsInvoke(
    'composeExtension/query',
    { commandId: 'searchGuide', parameters: [{ name: 'initialRun', value: 'true' }], queryOptions: { skip: options.skip ?? 0, count: options.count ?? 25 } },
    options.source,
  );

/** A link pasted into the compose box, in a domain the manifest's message handlers claim. */
export const queryLink = (url: string) => teamsInvoke('composeExtension/queryLink', { url });

export const rawInvoke = teamsInvoke;

export interface ExtensionAttachment {
  contentType: string;
  content: Record<string, unknown>;
  preview?: { contentType: string; content: { title?: string; subtitle?: string; text?: string } };
}

export interface ExtensionBody {
  composeExtension: { type: string; attachmentLayout?: string; attachments?: ExtensionAttachment[]; text?: string };
}

export function extensionClient(baseUrl: string, handler: HttpHandler = createMessagesHandler({ config: parseConfig({ PUBLIC_BASE_URL: baseUrl }) })) {
  return async (activity: Record<string, unknown>): Promise<{ status: number; body: ExtensionBody }> => {
    const response = await handler(httpRequest({ body: JSON.stringify(activity) }), quietContext('messages'));
    return { status: response.status ?? 200, body: jsonOf(response) as ExtensionBody };
  };
}
