import type { HttpResponseInit } from '@azure/functions';
import { escapeHtml, PAGE_SECURITY_HEADERS, PAGE_STYLE } from '../web/html';

/** GET /: what this service is and how to talk to it locally. */
export async function homeHandler(): Promise<HttpResponseInit> {
  const endpoint = '/api/messages';
  return {
    status: 200,
    headers: PAGE_SECURITY_HEADERS,
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Windows Licensing Assistant</title><style>${PAGE_STYLE}</style></head><body>
<header class="site"><a href="/">Windows Licensing Assistant</a></header><main>
<h1>Windows Licensing Assistant</h1>
<p>The bot's endpoint is <code>${escapeHtml(endpoint)}</code>. Point Bot Framework Emulator or the Microsoft 365 Agents Playground at it (see the README), or read the <a href="/guide">licensing guide</a> the answers cite.</p>
</main></body></html>`,
  };
}
