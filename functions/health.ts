import { app } from '@azure/functions';
import { healthHandler } from '../handlers/health';
import { registration } from './routes';

export { healthHandler };

app.http('health', registration('health', healthHandler));
