import { app } from '@azure/functions';
import { homeHandler } from '../handlers/home';
import { webchatAssetHandler } from '../handlers/webchat-assets';
import { webchatTokenHandler } from '../handlers/webchat-token';

export { homeHandler, webchatAssetHandler, webchatTokenHandler };

// The partner-portal Web Chat page at the site root. With host.json's empty routePrefix an empty
// route is not matched by the host (it shows its own home page instead), so the route is an
// optional parameter that may only be empty: it matches "/" and nothing else.
app.http('webchat', { methods: ['GET', 'HEAD'], authLevel: 'anonymous', route: '{root:maxlength(0)?}', handler: homeHandler });
app.http('webchatAssets', { methods: ['GET', 'HEAD'], authLevel: 'anonymous', route: 'webchat/{file}', handler: webchatAssetHandler });
app.http('webchatToken', { methods: ['POST', 'OPTIONS'], authLevel: 'anonymous', route: 'api/webchat/token', handler: webchatTokenHandler });
