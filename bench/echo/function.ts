import { app } from '@azure/functions';
import { createEchoMessagesHandler } from './handler';

// The echo bot's "messages" function, registered the way functions/messages.ts registers ours.
export const echoMessagesHandler = createEchoMessagesHandler();

app.http('messages', { methods: ['POST'], authLevel: 'anonymous', route: 'api/messages', handler: echoMessagesHandler });
