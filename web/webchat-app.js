// @ts-check
// The Web Chat page's own script, served as /webchat/app.js (handlers/webchat-assets.ts; `npm run
// build` copies it to dist/webchat/app.js for the deployed app). A classic browser script: it
// fetches a Direct Line token, then starts Web Chat, or says plainly why it cannot. Everything it
// needs from the server is on the page (web/webchat-page.ts): the token URL and the Direct Line
// domain in data- attributes of #app, and the style nonce on the page's <style>.
// Type-checked from its JSDoc by `tsc -p tsconfig.web.json` (part of `npm run build`).

/**
 * The parts of Web Chat's browser bundle (window.WebChat, from /webchat/webchat.js) this script uses.
 * @typedef {{ connectionStatus$: { subscribe(next: (status: number) => void): unknown } }} DirectLine
 * @typedef {{
 *   directLine: DirectLine,
 *   locale: string,
 *   nonce: string | null | undefined,
 *   styleOptions: Record<string, string | number | boolean>,
 * }} RenderOptions
 * @typedef {{
 *   createDirectLine(options: { token: string, domain: string }): DirectLine,
 *   renderWebChat(options: RenderOptions, element: HTMLElement): void,
 * }} WebChatBundle
 */

(function () {
  'use strict';

  /** @param {string} id */
  function byId(id) {
    var node = document.getElementById(id);
    if (!node) throw new Error('The page has no #' + id + ' element.');
    return node;
  }

  var main = byId('app');
  var statusBox = byId('status');
  var chat = byId('webchat');
  var styleElement = document.querySelector('style[nonce]');
  var nonce = styleElement instanceof HTMLElement ? styleElement.nonce || styleElement.getAttribute('nonce') : undefined;

  /** @param {string} name an attribute of #app the page always sets */
  function setting(name) {
    var value = main.getAttribute(name);
    if (value === null) throw new Error('The page has no ' + name + ' attribute.');
    return value;
  }

  /**
   * @template {keyof HTMLElementTagNameMap} K
   * @param {K} tag
   * @param {string} [text]
   * @returns {HTMLElementTagNameMap[K]}
   */
  function element(tag, text) {
    var node = document.createElement(tag);
    if (text) node.textContent = text;
    return node;
  }

  /**
   * @param {string} state
   * @param {'info' | 'problem'} kind
   * @param {Node[]} nodes
   */
  function show(state, kind, nodes) {
    main.setAttribute('data-state', state);
    statusBox.setAttribute('data-kind', kind);
    statusBox.replaceChildren.apply(statusBox, nodes);
    statusBox.hidden = false;
  }

  /**
   * @param {string} state
   * @param {string} title
   * @param {string} text
   * @param {boolean} retry whether trying again can help: offer the button, else point to the guide
   */
  function problem(state, title, text, retry) {
    /** @type {Node[]} */
    var nodes = [element('h2', title), element('p', text)];
    if (retry) {
      var button = element('button', 'Try again');
      button.type = 'button';
      button.addEventListener('click', start);
      nodes.push(button);
    } else {
      var guide = element('p');
      var link = element('a', 'licensing guide');
      link.href = '/guide';
      guide.append('Meanwhile the ', link, ' the answers cite is open to read.');
      nodes.push(guide);
    }
    show(state, 'problem', nodes);
  }

  /**
   * The headline for each reason the token endpoint gives (handlers/webchat-token-refusals.ts); the
   * sentence under it, and whether to offer "Try again", come from the endpoint's answer.
   * @type {Record<string, string>}
   */
  var TITLES = {
    'origin-not-allowed': 'The chat cannot start on this site',
    'not-configured': 'The chat is not available here yet',
    unavailable: 'The chat service is not answering',
    'rate-limited': 'The chat is busy',
  };

  /**
   * Says why no token came: the endpoint's own reason and sentence when it gave them, else (a proxy's
   * error page, say) a general "try again".
   * @param {Response} response
   */
  async function refused(response) {
    /** @type {unknown} */
    var answer;
    try {
      answer = await response.json();
    } catch {
      answer = undefined;
    }
    /** @type {{ reason?: unknown, error?: unknown, retry?: unknown }} */
    var said = typeof answer === 'object' && answer !== null ? answer : {};
    var reason = typeof said.reason === 'string' && Object.prototype.hasOwnProperty.call(TITLES, said.reason) ? said.reason : undefined;
    if (!reason || typeof said.error !== 'string' || !said.error) {
      return problem('token-failed', 'The chat could not start', 'The chat could not start just now. Try again in a few minutes.', true);
    }
    return problem(reason, TITLES[reason], said.error.slice(0, 500), said.retry !== false);
  }

  async function start() {
    chat.hidden = true;
    show('connecting', 'info', [element('p', 'Connecting to the assistant\u2026')]);
    var response;
    try {
      response = await fetch(setting('data-token-url'), {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
        credentials: 'same-origin',
        referrerPolicy: 'same-origin',
        cache: 'no-store',
      });
    } catch {
      return problem('token-failed', 'The chat could not start', 'The chat service could not be reached. Check your connection, then try again.', true);
    }
    if (!response.ok) return refused(response);
    /** @type {unknown} */
    var answer;
    try {
      answer = await response.json();
    } catch {
      answer = undefined;
    }
    var token = typeof answer === 'object' && answer !== null && 'token' in answer ? answer.token : undefined;
    if (typeof token !== 'string') {
      return problem('token-failed', 'The chat could not start', 'The chat could not start just now. Try again in a few minutes.', true);
    }
    var WebChat = /** @type {Window & { WebChat?: WebChatBundle }} */ (window).WebChat;
    if (!WebChat) {
      return problem('bundle-missing', 'The chat could not start', 'The chat component did not load. Reload the page.', true);
    }
    var directLine = WebChat.createDirectLine({ token: token, domain: setting('data-direct-line') });
    directLine.connectionStatus$.subscribe(function (status) {
      // 2 Online, 4 FailedToConnect, 5 Ended (botframework-directlinejs ConnectionStatus)
      if (status === 2) main.setAttribute('data-state', 'online');
      if (status === 4 || status === 5) {
        problem('connection-failed', 'The chat lost its connection', 'The connection to the chat service failed. Try again, or reload the page.', true);
      }
    });
    statusBox.hidden = true;
    chat.hidden = false;
    main.setAttribute('data-state', 'starting');
    WebChat.renderWebChat(
      {
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
          sendBoxHeight: 48,
        },
      },
      chat,
    );
  }

  start();
})();
