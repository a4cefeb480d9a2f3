import type { Attachment } from 'botbuilder';
import type { Template } from 'adaptivecards-templating';
import { z } from 'zod';

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

// Teams refuses messages over 28 KB; the card leaves room for the activity around it.
export const MAX_CARD_BYTES = 24 * 1024;

/** A card that cannot be rendered as designed: a bug in a template or its caller, never user input. */
export class CardRenderError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CardRenderError';
  }
}

/**
 * Every card the bot sends, by name. The name rides on the Bot Framework attachment (`name`),
 * outside the card JSON, so tests tell cards apart without reading their wording
 * (docs/decisions/0009-card-kinds.md).
 */
export const CARD_KINDS = [
  'welcome',
  'help',
  'question',
  'answered',
  'answer',
  'feedback-thanks',
  'search-results',
  'no-match',
  'restart',
  'decision-link',
  'guide-section',
  'guide-document',
] as const;
export type CardKind = (typeof CARD_KINDS)[number];

/** What a card button sends back: built and validated by the bot, carried opaquely by cards. */
export const submitPayloadSchema = z.record(z.string(), z.unknown());
export type SubmitPayload = z.infer<typeof submitPayloadSchema>;

// The templating engine (and its expression parser) is a large share of a cold start; a serverless
// instance loads it, and compiles each template, only when a turn first needs that card.
let templating: typeof import('adaptivecards-templating') | undefined;
// A synchronous require is the only lazy load a synchronous render can make; an import statement would load it with the app.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const loadTemplating = () => (templating ??= require('adaptivecards-templating') as typeof import('adaptivecards-templating'));

/**
 * Returns a card's typed render function; the template is compiled once (about 1 ms each), on
 * first use. The data is validated before expansion because the templating engine silently leaves
 * `${field}` in the card for anything missing; the leftover check catches what slips past.
 */
export function defineCard<S extends z.ZodType>(name: CardKind, json: object, schema: S): (data: z.input<S>) => Attachment {
  let template: Template | undefined;
  return (data) => {
    template ??= new (loadTemplating().Template)(json);
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new CardRenderError(`${name} card: bad data: ${z.prettifyError(parsed.error)}`);
    const content = template.expand({ $root: defuse(parsed.data) }) as Record<string, unknown>;
    const text = JSON.stringify(content);
    const leftover = /\$\{[^}]*\}?/.exec(text);
    if (leftover) throw new CardRenderError(`${name} card: template field left unexpanded: ${leftover[0]}`);
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_CARD_BYTES) throw new CardRenderError(`${name} card: ${bytes} bytes, over ${MAX_CARD_BYTES}`);
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content, name };
  };
}

// Text from the guide could contain "${" and trip the leftover check (or look like an
// expression to a later templating pass); a zero-width space keeps it literal and readable.
function defuse(value: unknown): unknown {
  if (typeof value === 'string') return value.includes('${') ? value.replace(/\$\{/g, '$\u200b{') : value;
  if (Array.isArray(value)) return value.map(defuse);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, defuse(inner)]));
  }
  return value;
}
