import { en } from '../wording/en';
import { escapeHtml } from './html';

// The partner-portal page: Bot Framework Web Chat, served by this app (no CDN), started with a
// Direct Line token from POST /api/webchat/token. The secret never reaches the browser. The page's
// own script is web/webchat-app.js; it reads what it needs from the page (data- attributes of #app).

export const TOKEN_PATH = '/api/webchat/token';
export const WEBCHAT_BUNDLE_PATH = '/webchat/webchat.js';
export const WEBCHAT_APP_PATH = '/webchat/app.js';

export interface WebchatPageOptions {
  /** DIRECT_LINE_ENDPOINT, e.g. https://directline.botframework.com. */
  directLineEndpoint: string;
  /** Origins allowed to frame the page (WEBCHAT_ALLOWED_ORIGINS). */
  frameAncestors: string[];
  /** Fresh for every response: lets Web Chat's own <style> elements in, and nothing else inline. */
  nonce: string;
  /** Cache-busting versions of the two scripts (content hashes): Web Chat's bundle and the page's own (web/webchat-app.js). */
  bundleVersion: string;
  appVersion: string;
  /** DESK_CONTACT: whom to ask what the guide leaves open (the licensing desk's button is Teams only). */
  deskContact?: string;
}

/**
 * The hash of an empty <style> element. Web Chat 4.18 hands its nonce to every emotion instance
 * but one: react-scroll-to-bottom's, which styles the transcript's scrolling. That instance adds an
 * empty <style> and then fills it through the CSSOM (insertRule), which CSP does not govern; allowing
 * exactly the empty element lets the transcript scroll without allowing any inline style text.
 */
export const EMPTY_STYLE_HASH = 'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=';

/** Only the page's own scripts; network only to itself and to Direct Line (https and its websocket). */
export function webchatPageHeaders(options: WebchatPageOptions): Record<string, string> {
  const directLine = new URL(options.directLineEndpoint);
  const stream = `${directLine.protocol === 'https:' ? 'wss:' : 'ws:'}//${directLine.host}`;
  const ancestors = ["'self'", ...options.frameAncestors.flatMap((origin) => originOf(origin) ?? [])];
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self' 'nonce-${options.nonce}' '${EMPTY_STYLE_HASH}'`,
    "img-src 'self' data: blob:",
    `connect-src 'self' ${directLine.origin} ${stream}`,
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.join(' ')}`,
  ].join('; ');
  return {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    // Same-origin requests keep their Origin header (the token endpoint checks it); nothing leaks elsewhere.
    'Referrer-Policy': 'same-origin',
    'Cache-Control': 'no-store',
  };
}

function originOf(text: string): string | undefined {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.origin : undefined;
  } catch {
    return undefined;
  }
}

const STYLE = `
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1b1b; background: #f3f4f6; }
  /* Header and chat fill the screen exactly, so the send box sits at its bottom on any phone; the
     privacy and terms notes come below the fold. */
  .shell { display: flex; flex-direction: column; height: 100vh; height: 100svh; min-height: 26rem; }
  header.site { display: flex; align-items: center; justify-content: space-between; gap: 1rem; background: #24364f; color: #fff; padding: .6rem 1rem; }
  header.site h1 { margin: 0; font-size: 1.1rem; font-weight: 600; }
  header.site a { color: #fff; font-size: .95rem; white-space: nowrap; }
  main { flex: 1; min-height: 0; display: flex; flex-direction: column; width: 100%; max-width: 52rem; margin: 0 auto; padding: .75rem; }
  p.intro { margin: 0 0 .6rem; font-size: .95rem; color: #333; }
  #status { background: #fff; border: 1px solid #c8c8c8; border-radius: 8px; padding: .9rem 1rem; overflow-y: auto; }
  #status[data-kind="problem"] { border-color: #b3261e; }
  #status h2 { font-size: 1.1rem; margin: 0 0 .4rem; }
  #status p { margin: .4rem 0; }
  #status button { font: inherit; margin-top: .5rem; padding: .35rem .9rem; border-radius: 6px; border: 1px solid #24364f; background: #24364f; color: #fff; }
  #status code { background: #eef0f3; padding: 0 .25rem; border-radius: 3px; overflow-wrap: anywhere; }
  #webchat { flex: 1; min-height: 16rem; background: #fff; border: 1px solid #c8c8c8; border-radius: 8px; overflow: hidden; }
  #webchat[hidden], #status[hidden] { display: none; }
  footer { max-width: 52rem; margin: 0 auto; padding: .5rem 1rem 1.5rem; font-size: .85rem; color: #444; }
  footer h2 { font-size: .95rem; margin: .9rem 0 .2rem; }
  footer p { margin: 0; }
  a { color: #0b5cad; }
  @media (max-width: 600px) {
    header.site { padding: .5rem .75rem; }
    header.site h1 { font-size: 1rem; }
    main { padding: .4rem; }
    p.intro { font-size: .85rem; line-height: 1.4; margin-bottom: .4rem; }
    #webchat { border-radius: 6px; }
  }
`;

export function webchatPage(options: WebchatPageOptions): string {
  const directLineDomain = `${options.directLineEndpoint.replace(/\/+$/, '')}/v3/directline`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Windows Licensing Assistant: chat</title>
<meta name="description" content="Ask Windows licensing questions and get cited answers.">
<style nonce="${escapeHtml(options.nonce)}">${STYLE}</style>
<script src="${WEBCHAT_BUNDLE_PATH}?v=${escapeHtml(options.bundleVersion)}" defer></script>
<script src="${WEBCHAT_APP_PATH}?v=${escapeHtml(options.appVersion)}" defer></script>
</head><body>
<div class="shell">
<header class="site"><h1>Windows Licensing Assistant</h1><a href="/guide">Licensing guide</a></header>
<main id="app" data-state="loading" data-token-url="${TOKEN_PATH}" data-direct-line="${escapeHtml(directLineDomain)}">
<p class="intro">Ask whether a Windows licensing case is allowed and what it needs. Pick a topic and answer a few questions, or ask in your own words; every answer links to the guide section it rests on.</p>
<div id="status" role="status" aria-live="polite"><p>Loading the chat&hellip;</p></div>
<div id="webchat" role="region" aria-label="Chat with the Windows Licensing Assistant" hidden></div>
<noscript><p>The chat needs JavaScript. The <a href="/guide">licensing guide</a> works without it.</p></noscript>
</main>
</div>
<footer>
<section id="privacy"><h2>Privacy</h2><p>The assistant keeps no conversation history and stores nothing you type: each card carries the answers given so far. For each message it records only technical facts (such as the topic, the outcome and the response time) to run the service. Messages travel through Microsoft's Bot Framework service, under Microsoft's terms.</p></section>
${options.deskContact ? `<section id="desk-contact"><h2>${escapeHtml(en.desk.contactHeading)}</h2><p>${escapeHtml(en.desk.contact(options.deskContact))}</p></section>\n` : ''}<section id="terms"><h2>Terms of use</h2><p>${escapeHtml(en.disclaimer)}</p></section>
</footer>
</body></html>`;
}
