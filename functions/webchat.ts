import { app } from '@azure/functions';
import { homeHandler } from '../handlers/home';
import { webchatAssetHandler } from '../handlers/webchat-assets';
import { webchatTokenHandler } from '../handlers/webchat-token';
import { registration } from './routes';

export { homeHandler, webchatAssetHandler, webchatTokenHandler };

// The partner-portal Web Chat page at the site root, its scripts, and its Direct Line tokens.
app.http('webchat', registration('webchat', homeHandler));
app.http('webchatAssets', registration('webchatAssets', webchatAssetHandler));
app.http('webchatToken', registration('webchatToken', webchatTokenHandler));
