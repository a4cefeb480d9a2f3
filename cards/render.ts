import type { Attachment } from 'botbuilder';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
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
  'confirm',
  'confirmed',
  'answer',
  'feedback-thanks',
  'search-results',
  'no-match',
  'restart',
  'decision-link',
  'guide-section',
  'guide-document',
  'desk-ask',
  'desk-request',
  'desk-reply',
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
 * A card is a pure function of its template and data, so a rendered card is kept (see `rendered`
 * below) and handed out again for the same data, with the same (frozen) content.
 */
export function defineCard<S extends z.ZodType>(name: CardKind, json: object, schema: S): (data: z.input<S>) => Attachment {
  let template: Template | undefined;
  let id: string | undefined;
  compilers.push(() => (template ??= new (loadTemplating().Template)(json)));
  return (data) => {
    id ??= `${name}@${createHash('sha256').update(JSON.stringify(json)).digest('hex').slice(0, 12)}`;
    if (!seeded) seed();
    const key = `${id}\u0000${JSON.stringify(data)}`;
    const kept = rendered.get(key);
    if (kept) {
      rendered.delete(key);
      rendered.set(key, kept);
      return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content: kept.content, name };
    }
    template ??= new (loadTemplating().Template)(json);
    const parsed = schema.safeParse(data);
    if (!parsed.success) throw new CardRenderError(`${name} card: bad data: ${z.prettifyError(parsed.error)}`);
    const content = template.expand({ $root: defuse(parsed.data) }) as Record<string, unknown>;
    const text = JSON.stringify(content);
    const leftover = /\$\{[^}]*\}?/.exec(text);
    if (leftover) throw new CardRenderError(`${name} card: template field left unexpanded: ${leftover[0]}`);
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > MAX_CARD_BYTES) throw new CardRenderError(`${name} card: ${bytes} bytes, over ${MAX_CARD_BYTES}`);
    keep(key, deepFreeze(content), key.length + bytes);
    return { contentType: ADAPTIVE_CARD_CONTENT_TYPE, content, name };
  };
}

// Rendered cards by card name and data, least recently used first (a Map keeps insertion order).
// An interview is a pure function of its state and the guide version (which the data carries), so
// the same question or answer card recurs for every user on the same path; a hit skips validation,
// templating and the checks, leaving only the key's JSON.stringify. Bounded by count and by the
// size of keys plus card JSON (about 1.5 MB of heap for a full cache of typical 2-4 KB cards,
// more for answer cards, at most RENDERED_MAX_BYTES of text). Keyed before validation: card data is
// plain JSON-like data built by bot/, so its JSON names it exactly.
export const RENDERED_MAX_CARDS = 500;
export const RENDERED_MAX_BYTES = 2 * 1024 * 1024;
const rendered = new Map<string, { content: Record<string, unknown>; size: number }>();
let renderedBytes = 0;

function keep(key: string, content: Record<string, unknown>, size: number): void {
  if (size > RENDERED_MAX_BYTES / 8) return;
  rendered.set(key, { content, size });
  renderedBytes += size;
  for (const [oldest, { size: oldSize }] of rendered) {
    if (rendered.size <= RENDERED_MAX_CARDS && renderedBytes <= RENDERED_MAX_BYTES) break;
    rendered.delete(oldest);
    renderedBytes -= oldSize;
  }
}

/** How many rendered cards are kept and the size of their keys and JSON, for tests and the benchmark. */
export const renderedCards = (): { cards: number; bytes: number } => ({ cards: rendered.size, bytes: renderedBytes });

// Cards the build rendered (scripts/prerender-cards.cjs: the welcome, the help and each topic's
// first question, which need no user data), in a file beside the deployed bundle: a cold start
// answers its first turn without loading the templating engine. Each is keyed like any kept
// card, by its template's hash and its data, so a card whose template or data changed since the
// build is simply not found and is rendered as usual. Elsewhere (tsc output, tests) there is no file.
export const PRERENDERED_FILE = 'prerendered-cards.json';
let seeded = false;
function seed(): void {
  seeded = true;
  let list: unknown;
  try {
    list = JSON.parse(readFileSync(join(__dirname, PRERENDERED_FILE), 'utf8'));
  } catch {
    return;
  }
  if (!Array.isArray(list)) return;
  for (const entry of list as unknown[]) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || !entry[1] || typeof entry[1] !== 'object') continue;
    const [key, content] = entry as [string, Record<string, unknown>];
    keep(key, deepFreeze(content), key.length + Buffer.byteLength(JSON.stringify(content)));
  }
  if (rendered.size) setTimeout(warmUp, WARM_UP_AFTER_MS).unref();
}

// With the first reply prerendered, the first card rendered from user data would load the
// templating engine and compile its template (about 50-70 ms) while the user waits. Instead, a
// while after the first turn, every template is compiled in the background, one per tick, while
// the user reads the first card; a turn that needs one first simply compiles it itself.
const WARM_UP_AFTER_MS = 300;
const compilers: (() => unknown)[] = [];
function warmUp(index = 0): void {
  if (index >= compilers.length) return;
  compilers[index]();
  setTimeout(warmUp, 0, index + 1).unref();
}

/** Every kept card as [key, content], least recently used first: what the build writes to PRERENDERED_FILE. */
export const keptCards = (): [string, Record<string, unknown>][] => [...rendered].map(([key, { content }]) => [key, content]);

// A kept card is shared by every turn that gets it: frozen, so that no caller can change another's.
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
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
