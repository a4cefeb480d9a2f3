import { config, ConfigError } from '../config/config';
import { createLocalServer, listenLocal } from './local-server';

// `npm start`: the bot on http://localhost:3978 (or PORT), with no Azure account and no credentials.
let settings;
try {
  settings = config();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(error.message);
  process.exit(2);
}
const server = createLocalServer({ log: (line) => console.log(line) });
listenLocal(server, settings.port, settings.listenHost).then(
  (listening) => {
    const { port } = listening;
    console.log(`Windows Licensing Assistant listening on http://localhost:${port}`);
    console.log(`  Bot endpoint (Emulator, Agents Playground): http://localhost:${port}/api/messages`);
    console.log(`  Guide: http://localhost:${port}/guide   Health: http://localhost:${port}/api/health`);
    console.log(
      `  Accepting connections on ${listening.addresses.join(', ')}${settings.listenHost === undefined ? ' (loopback only; set HOST to listen elsewhere)' : ''}`,
    );
    console.log(
      settings.bot.appId
        ? '  Bot Framework authentication: on'
        : '  Bot Framework authentication: off (no MicrosoftAppId set): replies go only to loopback service URLs or in the response body',
    );
    const stop = () => void listening.close().then(() => process.exit(0));
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  },
  (error: NodeJS.ErrnoException) => {
    console.error(`Could not listen on ${settings.listenHost ?? 'loopback'} port ${settings.port}: ${error.code ?? error.message}`);
    process.exit(1);
  },
);
