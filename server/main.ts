import { config, ConfigError } from '../config/config';
import { createLocalServer } from './local-server';

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
server.listen(settings.port, () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : settings.port;
  console.log(`Windows Licensing Assistant listening on http://localhost:${port}`);
  console.log(`  Bot endpoint (Emulator, Agents Playground): http://localhost:${port}/api/messages`);
  console.log(`  Guide: http://localhost:${port}/guide   Health: http://localhost:${port}/api/health`);
  console.log(settings.bot.appId ? '  Bot Framework authentication: on' : '  Bot Framework authentication: off (no MicrosoftAppId set)');
});
const stop = () => server.close(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
