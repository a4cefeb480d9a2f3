import { app } from '@azure/functions';
import { guideHandler } from '../handlers/guide';

export { guideHandler };

app.http('guide', { methods: ['GET', 'HEAD'], authLevel: 'anonymous', route: 'guide/{document?}', handler: guideHandler });
