import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { randomBytes } from 'node:crypto';
import { Config, config as loadConfig } from '../config/config';
import { webchatPage, webchatPageHeaders } from '../web/webchat-page';
import { failureResponse } from './http-errors';
import { webchatAppVersion, webchatBundleVersion } from './webchat-assets';

export interface HomeHandlerOptions {
  config?: Config;
}

/**
 * GET /: the partner-portal page, Bot Framework Web Chat talking to the bot over Direct Line.
 * Nothing to await: the page is rendered at once (the configuration is parsed, and checked, when the
 * app starts), and the promise is only what every HTTP handler returns.
 */
export function createHomeHandler(options: HomeHandlerOptions = {}) {
  return (request: HttpRequest): Promise<HttpResponseInit> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return Promise.resolve(failureResponse({ kind: 'method-not-allowed', allow: ['GET', 'HEAD'] }));
    const settings = options.config ?? loadConfig();
    const page = {
      directLineEndpoint: settings.directLine.endpoint,
      frameAncestors: settings.directLine.allowedOrigins,
      nonce: randomBytes(18).toString('base64'),
      bundleVersion: webchatBundleVersion(),
      appVersion: webchatAppVersion(),
      deskContact: settings.desk.contact,
    };
    return Promise.resolve({ status: 200, headers: webchatPageHeaders(page), body: request.method === 'HEAD' ? undefined : webchatPage(page) });
  };
}

export const homeHandler = createHomeHandler();
