import { z } from 'zod';
import { defineCard } from './render';
import { payload, topicButton } from './fields';
import json from './templates/restart.json';

export const RESTART_REASONS = ['invalid', 'guide-changed'] as const;

const MESSAGES: Readonly<Record<(typeof RESTART_REASONS)[number], { heading: string; message: string }>> = {
  invalid: {
    heading: 'I could not read that card',
    message:
      'The button you pressed sent answers I do not recognise (the card may be damaged or come from somewhere else). Nothing was decided from it. Please start again: it only takes a few clicks.',
  },
  'guide-changed': {
    heading: 'The guide has changed',
    message:
      'This card comes from an earlier version of the guide, and its answers no longer fit the current questions. Please start again so that the answer rests on the current guide.',
  },
};

export const restartDataSchema = z.object({
  reason: z.enum(RESTART_REASONS),
  topic: topicButton.optional(),
  topics: payload,
});
export type RestartData = z.input<typeof restartDataSchema>;

const card = defineCard(
  'restart',
  json,
  restartDataSchema.transform((data) => ({
    ...MESSAGES[data.reason],
    hasTopic: data.topic !== undefined,
    topic: data.topic ?? { title: '-', submit: {} },
    topics: data.topics,
  })),
);

/** Card data that cannot be used (tampered, malformed, or from an older guide): explain, offer a restart. */
export const renderRestart = (data: RestartData) => card(data);
