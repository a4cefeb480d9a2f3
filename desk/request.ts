import { z } from 'zod';

// What the desk keeps: its own registration and the requests handed to it. This is the product's
// first state beyond a card's payload, so every record read back from a store is parsed here again:
// a row written by an older version, or edited by hand, is refused rather than trusted.

export const REQUEST_STATUSES = ['open', 'taken', 'answered', 'closed'] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
/** Statuses after which a request only waits to be deleted (retention counts from then). */
export const FINISHED_STATUSES: readonly RequestStatus[] = ['answered', 'closed'];

const shortText = z.string().trim().min(1).max(200);
const longText = z.string().trim().min(1).max(4000);
const isoTime = z.iso.datetime({ offset: true });

/**
 * Where a proactive message goes: the parts of botbuilder's ConversationReference that
 * continueConversation needs. Kept loose beyond them, as botbuilder's own type is.
 */
export const conversationReferenceSchema = z.looseObject({
  channelId: z.string().min(1).max(64),
  serviceUrl: z.string().min(1).max(2048),
  conversation: z.looseObject({ id: z.string().min(1).max(1024) }),
});
export type StoredConversationReference = z.infer<typeof conversationReferenceSchema>;

/** The decision the asker was looking at, in words, so the desk needs no access to the bot to read it. */
export const attachedDecisionSchema = z.object({
  topic: shortText.optional(),
  verdict: shortText.optional(),
  /** The facts as "question: answer" lines. */
  facts: z.array(z.string().trim().min(1).max(400)).max(16).default([]),
  /** The decision record page of exactly these facts. */
  recordUrl: z.url().max(2048).optional(),
  /** A free question's text, when the request started from one. */
  question: z.string().trim().min(1).max(1000).optional(),
  /** What the question named that the sources do not cover, as sentences. */
  caveats: z.array(z.string().trim().min(1).max(400)).max(10).optional(),
});
export type AttachedDecision = z.infer<typeof attachedDecisionSchema>;

export const deskRequestSchema = z.object({
  /** The request number the asker and the desk see ("LD-7K3QX2"). */
  id: z.string().regex(/^LD-[0-9A-HJKMNP-TV-Z]{6}$/),
  asker: z.object({
    /** The asker's Entra object id (Teams aadObjectId), or the channel account id where there is none. */
    id: z.string().min(1).max(256),
    name: z.string().trim().max(200).default(''),
    conversation: conversationReferenceSchema,
  }),
  question: longText,
  decision: attachedDecisionSchema,
  status: z.enum(REQUEST_STATUSES),
  assignee: z.object({ id: z.string().min(1).max(256), name: z.string().trim().max(200).default('') }).optional(),
  answer: longText.optional(),
  closeReason: longText.optional(),
  /** The desk channel the request was posted to: only there can it be taken, answered or closed. */
  deskChannelId: z.string().min(1).max(1024).optional(),
  /** The desk card in the desk channel, to update in place. */
  deskActivityId: z.string().min(1).max(1024).optional(),
  /** Set when the answer could not be delivered to the asker's conversation. */
  deliveryFailed: z.boolean().optional(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** When it was answered or closed; retention counts from here. */
  finishedAt: isoTime.optional(),
});
export type DeskRequest = z.infer<typeof deskRequestSchema>;
export type NewDeskRequest = Omit<DeskRequest, 'id' | 'status' | 'updatedAt' | 'finishedAt'>;

/** A request as a store holds it: its data and the version a conditional update must name. */
export interface StoredRequest {
  request: DeskRequest;
  etag: string;
}

/** Where requests go: one Teams channel per deployment. */
export const deskRegistrationSchema = z.object({
  conversation: conversationReferenceSchema,
  teamId: z.string().min(1).max(1024).optional(),
  /** Who registered it (Entra object id), for the audit the operator may want; never logged. */
  registeredBy: z.string().min(1).max(256),
  registeredAt: isoTime,
});
export type DeskRegistration = z.infer<typeof deskRegistrationSchema>;

/** Anything a store holds: the request data is parsed on every read. */
export class StoredDataError extends Error {
  constructor(what: string) {
    super(`stored ${what} does not fit the schema`);
    this.name = 'StoredDataError';
  }
}

export function parseStoredRequest(value: unknown): DeskRequest {
  const parsed = deskRequestSchema.safeParse(value);
  if (!parsed.success) throw new StoredDataError('request');
  return parsed.data;
}

export function parseStoredDesk(value: unknown): DeskRegistration {
  const parsed = deskRegistrationSchema.safeParse(value);
  if (!parsed.success) throw new StoredDataError('desk registration');
  return parsed.data;
}
