import { z } from 'zod';
import { defineCard } from './render';
import { notice, topicButton } from './fields';
import json from './templates/no-match.json';

export const noMatchDataSchema = z.object({ notice, topics: z.array(topicButton).min(1).max(12) });
export type NoMatchData = z.input<typeof noMatchDataSchema>;

/** A free question the guide has nothing on: said plainly, with the topics instead. */
export const renderNoMatch = defineCard('no-match', json, noMatchDataSchema);
