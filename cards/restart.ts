import { z } from 'zod';
import { defineCard } from './render';
import { payload, topicButton } from './fields';
import json from './templates/restart.json';
import { en } from '../wording/en';

export const RESTART_REASONS = ['invalid', 'guide-changed'] as const;

export const restartDataSchema = z.object({
  reason: z.enum(RESTART_REASONS),
  topic: topicButton.optional(),
  topics: payload,
});
export type RestartData = z.input<typeof restartDataSchema>;

/** Card data that cannot be used (tampered, malformed, or from an older guide): explain, offer a restart. */
export const renderRestart = defineCard(
  'restart',
  json,
  restartDataSchema.transform((data) => ({
    ...en.restart[data.reason],
    hasTopic: data.topic !== undefined,
    // The topic is named in the card's text: the button keeps the one wording of a restart everywhere.
    topic: data.topic ? { ...data.topic, line: en.restart.topicLine(data.topic.title) } : { title: '-', line: '-', submit: {} },
    topics: data.topics,
    words: { startOver: en.buttons.startOver, showAllTopics: en.buttons.showAllTopics },
  })),
);
