import { z } from 'zod';
import { defineCard } from './render';
import { payload, shortText } from './fields';
import askJson from './templates/desk-ask.json';
import requestJson from './templates/desk-request.json';
import replyJson from './templates/desk-reply.json';
import { en } from '../wording/en';

// The licensing desk's cards: the asker's short form, the request as the desk sees it (updated in
// place as it is taken and answered), and the answer as it comes back to the asker.

const line = z.object({ title: shortText, value: z.string().trim().min(1).max(1000) });
const longText = z.string().trim().min(1).max(4000);
const optionalUrl = z.union([z.url({ protocol: /^https?$/ }), z.literal('')]).default('');

export const deskAskDataSchema = z.object({ attached: z.array(line).max(20), send: payload });
export type DeskAskData = z.input<typeof deskAskDataSchema>;

/** "What do you need to know?", with what will be attached for the desk. */
export const renderDeskAsk = defineCard(
  'desk-ask',
  askJson,
  deskAskDataSchema.transform((data) => ({
    ...data,
    words: {
      heading: en.desk.askHeading,
      intro: en.desk.askIntro,
      label: en.desk.askQuestionLabel,
      placeholder: en.desk.askQuestionPlaceholder,
      missing: en.desk.askQuestionMissing,
      send: en.desk.askSend,
    },
  })),
);

export const deskRequestDataSchema = z.object({
  id: shortText,
  askerName: z.string().max(200),
  question: longText,
  /** RFC 3339 without fractions: what the card's DATE and TIME functions read. */
  createdAt: z.string().regex(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/),
  attached: z.array(line).max(20),
  recordUrl: optionalUrl,
  status: z.string().min(1).max(300),
  answer: z.string().max(4100).default(''),
  note: z.string().max(500).default(''),
  take: payload.optional(),
  answerSubmit: payload.optional(),
  closeSubmit: payload.optional(),
});
export type DeskRequestData = z.input<typeof deskRequestDataSchema>;

/**
 * The request in the desk channel; its buttons are those its status still allows. What people typed
 * (the question, the answer) is a TextRun, which no client reads as markdown: a typed link stays text.
 */
export const renderDeskRequest = defineCard(
  'desk-request',
  requestJson,
  deskRequestDataSchema.transform((data) => ({
    ...data,
    heading: en.desk.requestHeading(data.id),
    from: en.desk.requestFrom(data.askerName),
    canTake: data.take !== undefined,
    canAnswer: data.answerSubmit !== undefined && data.closeSubmit !== undefined,
    take: data.take ?? {},
    answerSubmit: data.answerSubmit ?? {},
    closeSubmit: data.closeSubmit ?? {},
    words: {
      record: en.desk.attachedRecord,
      take: en.desk.take,
      answer: en.desk.answer,
      answerLabel: en.desk.answerLabel,
      answerMissing: en.desk.answerMissing,
      sendAnswer: en.desk.sendAnswer,
      close: en.desk.closeWithout,
      closeLabel: en.desk.closeLabel,
      reasonMissing: en.desk.reasonMissing,
      sendClose: en.desk.sendClose,
    },
  })),
);

export const deskReplyDataSchema = z.object({
  id: shortText,
  closed: z.boolean(),
  question: longText,
  answer: longText,
  answeredBy: z.string().max(200),
  recordUrl: optionalUrl,
});
export type DeskReplyData = z.input<typeof deskReplyDataSchema>;

/** The desk's answer (or its reason for closing) in the asker's conversation. */
export const renderDeskReply = defineCard(
  'desk-reply',
  replyJson,
  deskReplyDataSchema.transform((data) => ({
    ...data,
    heading: data.closed ? en.desk.replyClosedHeading(data.id) : en.desk.replyHeading(data.id),
    from: en.desk.replyFrom(data.answeredBy),
    words: { yourQuestion: en.desk.replyYourQuestion, record: en.desk.attachedRecord },
  })),
);
