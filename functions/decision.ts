import { app } from '@azure/functions';
import { decisionHandler } from '../handlers/decision';
import { registration } from './routes';

export { decisionHandler };

app.http('decision', registration('decision', decisionHandler));
