import { app } from '@azure/functions';
import { decisionHandler } from '../handlers/decision';

export { decisionHandler };

app.http('decision', { methods: ['GET', 'HEAD'], authLevel: 'anonymous', route: 'decision/{topic}', handler: decisionHandler });
