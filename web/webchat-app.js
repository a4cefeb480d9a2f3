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
   */
  function problem(state, title, text) {
    var retry = element('button', 'Try again');
    retry.type = 'button';
    retry.addEventListener('click', start);
    show(state, 'problem', [element('h2', title), element('p', text), retry]);
  }

  function notConfigured() {
    var how = element('p');
    how.append(
      'The server has no Direct Line secret, so it cannot hand out chat tokens. To turn the chat on, add the Direct Line channel to the bot in Azure, copy one of its secret keys into the ',
    );
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
      return problem('token-failed', 'The chat could not start', 'The chat service could not be reached. Check your connection, then try again.');
    }
    if (!response.ok) await response.text().catch(() => '');
    if (response.status === 503) return notConfigured();
    if (!response.ok) {
      return problem('token-failed', 'The chat could not start', 'The token service answered ' + response.status + '. Try again in a moment.');
    }
    /** @type {unknown} */
    var answer;
    try {
      answer = await response.json();
    } catch {
      answer = undefined;
    }
    var token = typeof answer === 'object' && answer !== null && 'token' in answer ? answer.token : undefined;
    if (typeof token !== 'string') {
      return problem('token-failed', 'The chat could not start', 'The token service gave no token. Try again in a moment.');
    }
    var WebChat = /** @type {Window & { WebChat?: WebChatBundle }} */ (window).WebChat;
    if (!WebChat) {
      return problem('bundle-missing', 'The chat could not start', 'The chat component did not load. Reload the page.');
    }
    var directLine = WebChat.createDirectLine({ token: token, domain: setting('data-direct-line') });
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
