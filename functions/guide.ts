import { app } from '@azure/functions';
import { guideHandler } from '../handlers/guide';
import { registration } from './routes';

export { guideHandler };

app.http('guide', registration('guide', guideHandler));
