import type { Attachment } from 'botbuilder';
import type { TurnFields } from './turn-log';

/** What a turn answers with, and what it logs. */
export interface Outcome {
  reply: Attachment;
  log: TurnFields;
  /** Teams only: the compact card that replaces the question just answered or left with Back. */
  answered?: Attachment;
}
