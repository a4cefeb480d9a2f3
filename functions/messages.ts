import { app } from '@azure/functions';
import { messagesHandler } from '../handlers/messages';
import { registration } from './routes';

export { messagesHandler };

app.http('messages', registration('messages', messagesHandler));
