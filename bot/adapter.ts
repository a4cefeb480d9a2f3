import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationBotFrameworkAuthenticationOptions,
  TurnContext,
} from 'botbuilder';
import type { Config } from '../config/config';

/**
 * Authentication settings beyond the app registration, such as where to fetch the Bot Framework
 * OpenID metadata. Production leaves them at botbuilder's defaults; tests point them at a local
 * issuer so the real token validation path runs without a network.
 */
export type AuthenticationOverrides = Partial<ConfigurationBotFrameworkAuthenticationOptions>;

export function createAdapter(bot: Config['bot'], overrides: AuthenticationOverrides = {}): CloudAdapter {
  // With no app id botbuilder turns authentication off, as Emulator and Playground expect locally.
  const authentication = new ConfigurationBotFrameworkAuthentication({
    MicrosoftAppId: bot.appId,
    MicrosoftAppPassword: bot.appPassword,
    MicrosoftAppType: bot.appType,
    MicrosoftAppTenantId: bot.tenantId,
    ...overrides,
  } as ConfigurationBotFrameworkAuthenticationOptions);
  const adapter = new CloudAdapter(authentication);
  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    // The turn failed inside our own code: tell the user plainly, never let it become a 500.
    console.error(`turn failed: ${error.name}: ${error.message}`);
    try {
      await context.sendActivity('Sorry, something went wrong on my side. Type "start over" to begin again.');
    } catch {
      // The channel may be unreachable (e.g. a test without a connector); nothing more to do.
    }
  };
  return adapter;
}
