import { join } from 'node:path';

// What scripts/e2e.mjs (npm run test:e2e) hands the tests: the servers it started for them.

export const PLAYGROUND_CHANNELS = ['msteams', 'emulator'] as const;
export type PlaygroundChannel = (typeof PLAYGROUND_CHANNELS)[number];

export interface E2eEnv {
  /** The local bot server (dist/server/main.js), e.g. http://127.0.0.1:40123; citations point here too. */
  botUrl: string;
  /** The channels with a Playground running, in test order. */
  channels: PlaygroundChannel[];
  /** One Playground per channel. */
  playgrounds: Partial<Record<PlaygroundChannel, string>>;
  /** Where screenshots and captured activities go (test-results/e2e). */
  artifacts: string;
  chromium: string;
  headed: boolean;
  /** The licensing desk's own Teams Playground (its current user a desk member), with msteams only. */
  desk?: { playground: string; team: string; channel: string };
}

let cached: E2eEnv | undefined;

export function e2eEnv(): E2eEnv {
  if (cached) return cached;
  const botUrl = process.env.E2E_BOT_URL;
  if (!botUrl) {
    throw new Error('No E2E_BOT_URL: run these tests with `npm run test:e2e`, which starts the bot and the Playgrounds they need.');
  }
  const channels = (process.env.E2E_CHANNELS ?? PLAYGROUND_CHANNELS.join(','))
    .split(',')
    .map((channel) => channel.trim())
    .filter((channel): channel is PlaygroundChannel => (PLAYGROUND_CHANNELS as readonly string[]).includes(channel));
  const playgrounds: E2eEnv['playgrounds'] = {};
  for (const channel of channels) {
    const url = process.env[`E2E_PLAYGROUND_${channel.toUpperCase()}`];
    if (!url) throw new Error(`No E2E_PLAYGROUND_${channel.toUpperCase()}: run these tests with \`npm run test:e2e\`.`);
    playgrounds[channel] = url;
  }
  cached = {
    botUrl: botUrl.replace(/\/+$/, ''),
    channels,
    playgrounds,
    artifacts: process.env.E2E_ARTIFACTS ?? join(__dirname, '..', '..', '..', 'test-results', 'e2e'),
    chromium: process.env.E2E_CHROMIUM ?? '/usr/bin/chromium',
    headed: process.env.E2E_HEADED === '1',
    desk: process.env.E2E_PLAYGROUND_DESK
      ? { playground: process.env.E2E_PLAYGROUND_DESK, team: process.env.E2E_DESK_TEAM ?? '', channel: process.env.E2E_DESK_CHANNEL ?? '' }
      : undefined,
  };
  return cached;
}

/** The channels to run: those npm run test:e2e started, or none when run some other way (the suite then explains). */
export function channelsUnderTest(): PlaygroundChannel[] {
  try {
    return e2eEnv().channels;
  } catch {
    return [];
  }
}
