import { createHash } from 'node:crypto';
import { escapeHtml } from './html';

// The partner-portal page: Bot Framework Web Chat, served by this app (no CDN), started with a
// Direct Line token from POST /api/webchat/token. The secret never reaches the browser.

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
  /** Cache-busting versions of the two scripts (content hashes). */
  bundleVersion: string;
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

/** The page's own script: fetch a token, then start Web Chat, or say plainly why it cannot. */
export const WEBCHAT_APP_JS = `(function () {
  'use strict';
  var main = document.getElementById('app');
  var statusBox = document.getElementById('status');
  var chat = document.getElementById('webchat');
  var styleElement = document.querySelector('style[nonce]');
  var nonce = styleElement ? styleElement.nonce || styleElement.getAttribute('nonce') : undefined;

  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  function show(state, kind, nodes) {
    main.setAttribute('data-state', state);
    statusBox.setAttribute('data-kind', kind);
    statusBox.replaceChildren.apply(statusBox, nodes);
    statusBox.hidden = false;
  }

  function problem(state, title, text) {
    var retry = element('button', 'Try again');
    retry.type = 'button';
    retry.addEventListener('click', start);
    show(state, 'problem', [element('h2', title), element('p', text), retry]);
  }

  function notConfigured() {
    var how = element('p');
    how.append('The server has no Direct Line secret, so it cannot hand out chat tokens. To turn the chat on, add the Direct Line channel to the bot in Azure, copy one of its secret keys into the ');
    how.append(element('code', 'DIRECT_LINE_SECRET'));
    how.append(' setting of this app and restart it.');
    var local = element('p');
    local.append('To try the assistant locally without Azure, run ');
    local.append(element('code', 'npm start'));
    local.append(' and then ');
    local.append(element('code', 'npm run playground'));
    local.append(', and chat in the Microsoft 365 Agents Playground it starts (http://localhost:56150).');
    var guide = element('p');
    var link = element('a', 'licensing guide');
    link.href = '/guide';
    guide.append('Meanwhile the ', link, ' the answers cite is open to read.');
    show('not-configured', 'problem', [element('h2', 'Chat is not set up on this server yet'), how, local, guide]);
  }

  async function start() {
    chat.hidden = true;
    show('connecting', 'info', [element('p', 'Connecting to the assistant\\u2026')]);
    var response;
    try {
      response = await fetch(main.getAttribute('data-token-url'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
        referrerPolicy: 'same-origin',
        cache: 'no-store'
      });
    } catch (error) {
      return problem('token-failed', 'The chat could not start', 'The chat service could not be reached. Check your connection, then try again.');
    }
    if (!response.ok) await response.text().catch(function () { return ''; });
    if (response.status === 503) return notConfigured();
    if (!response.ok) {
      return problem('token-failed', 'The chat could not start', 'The token service answered ' + response.status + '. Try again in a moment.');
    }
    var answer;
    try {
      answer = await response.json();
    } catch (error) {
      answer = undefined;
    }
    if (!answer || typeof answer.token !== 'string') {
      return problem('token-failed', 'The chat could not start', 'The token service gave no token. Try again in a moment.');
    }
    if (!window.WebChat) {
      return problem('bundle-missing', 'The chat could not start', 'The chat component did not load. Reload the page.');
    }
    var directLine = window.WebChat.createDirectLine({ token: answer.token, domain: main.getAttribute('data-direct-line') });
    directLine.connectionStatus$.subscribe(function (status) {
      // 2 Online, 4 FailedToConnect, 5 Ended (botframework-directlinejs ConnectionStatus)
      if (status === 2) main.setAttribute('data-state', 'online');
      if (status === 4 || status === 5) {
        problem('connection-failed', 'The chat lost its connection', 'The connection to the chat service failed. Try again, or reload the page.');
      }
    });
    statusBox.hidden = true;
    chat.hidden = false;
    main.setAttribute('data-state', 'starting');
    window.WebChat.renderWebChat({
      directLine: directLine,
      locale: 'en-US',
      nonce: nonce,
      styleOptions: {
        accent: '#24364f',
        botAvatarInitials: 'LA',
        userAvatarInitials: 'You',
        hideUploadButton: true,
        bubbleBorderRadius: 8,
        bubbleFromUserBorderRadius: 8,
        bubbleFromUserBackground: '#e6eef8',
        sendBoxHeight: 48
      }
    }, chat);
  }

  start();
})();
`;

export const WEBCHAT_APP_VERSION = createHash('sha256').update(WEBCHAT_APP_JS).digest('hex').slice(0, 16);

export function webchatPage(options: WebchatPageOptions): string {
  const directLineDomain = `${options.directLineEndpoint.replace(/\/+$/, '')}/v3/directline`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, viewport-fit=cover">
<title>Windows Licensing Assistant: chat</title>
<meta name="description" content="Ask Windows licensing questions and get cited answers.">
<style nonce="${escapeHtml(options.nonce)}">${STYLE}</style>
<script src="${WEBCHAT_BUNDLE_PATH}?v=${escapeHtml(options.bundleVersion)}" defer></script>
<script src="${WEBCHAT_APP_PATH}?v=${WEBCHAT_APP_VERSION}" defer></script>
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
<section id="terms"><h2>Terms of use</h2><p>Answers restate the Microsoft licensing sources they cite, as of those sources' dates. They are guidance, not a licence grant: your own licensing agreement and the current Microsoft Product Terms govern.</p></section>
</footer>
</body></html>`;
}
