import { z } from 'zod';
import { defineCard } from './render';
import { payload, shortText } from './fields';
import json from './templates/help.json';
import { en } from '../wording/en';

export const helpDataSchema = z.object({ version: shortText, topics: payload });
export type HelpData = z.input<typeof helpDataSchema>;

/** What the bot understands: topics, free questions, what-ifs and the commands. */
export const renderHelp = defineCard(
  'help',
  json,
  helpDataSchema.transform((data) => ({ ...data, smallPrint: en.smallPrint(data.version), words: { ...en.help, showTopics: en.buttons.showTopics } })),
);
