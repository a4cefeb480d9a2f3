import { app } from '@azure/functions';
import { messagesHandler } from '../handlers/messages';

export { messagesHandler };

app.http('messages', { methods: ['POST'], authLevel: 'anonymous', route: 'api/messages', handler: messagesHandler });
