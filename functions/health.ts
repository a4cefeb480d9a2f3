import { app } from '@azure/functions';
import { healthHandler } from '../handlers/health';

export { healthHandler };

app.http('health', { methods: ['GET'], authLevel: 'anonymous', route: 'api/health', handler: healthHandler });
