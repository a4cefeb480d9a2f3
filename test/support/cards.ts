import { CARD_KINDS, CardKind } from '../../cards';

// What tests read off a card: whether the channels accept it, its buttons and inputs, the text a
// user sees, and which card it is. Shared by every test that looks at a card.

/** The little of the Adaptive Cards renderer library that the checks use (it ships no types for its dist bundle). */
interface AdaptiveCardsLibrary {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: { message: string }[] } };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(index: number): { message: string } };
  Versions: { v1_3: unknown; v1_5: unknown };
}
// adaptivecards' lib/ is extensionless ESM that Node cannot load; only its dist bundle can be required.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLibrary;

export type { CardKind };

export const TEAMS_MESSAGE_LIMIT = 28 * 1024;

export interface Attachment {
  contentType?: string;
  content?: unknown;
  /** The card's kind (cards/render.ts CARD_KINDS): docs/decisions/0009-card-kinds.md. */
  name?: string;
}

type Json = Record<string, unknown>;

function walk(node: unknown, visit: (object: Json) => void): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit));
  else if (node && typeof node === 'object') {
    visit(node as Json);
    Object.entries(node as Json).forEach(([key, value]) => {
      // Submit data is the bot's own payload, not card structure.
      if (key !== 'data') walk(value, visit);
    });
  }
}

/**
 * Everything a channel or the Adaptive Cards parser would object to; empty when the card is fine.
 * Bot messages use 1.5; cards users insert (search results, unfurled links) use 1.3.
 */
export function cardProblems(attachment: Attachment, version: '1.5' | '1.3' = '1.5'): string[] {
  const problems: string[] = [];
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') problems.push(`content type ${attachment.contentType}`);
  const content = attachment.content as Json;
  const text = JSON.stringify(content);
  if (text.includes('${')) problems.push('leftover ${ in the card');
  if (Buffer.byteLength(text) >= TEAMS_MESSAGE_LIMIT) problems.push(`card is ${Buffer.byteLength(text)} bytes`);
  if (content.version !== version) problems.push(`version ${String(content.version)}`);

  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(version === '1.3' ? AC.Versions.v1_3 : AC.Versions.v1_5);
  card.parse(content, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);

  walk(content, (object) => {
    if (object.type === 'Action.Execute') problems.push('Action.Execute is not allowed');
    if (object.type === 'TextBlock' && object.wrap !== true) problems.push(`TextBlock without wrap: ${String(object.text)}`);
    if (Array.isArray(object.actions) && object.actions.length > 6) problems.push(`${object.actions.length} buttons in a row`);
  });
  return problems;
}

export interface CardButton {
  type: string;
  title: string;
  data?: Record<string, unknown>;
  url?: string;
}

/** Every button of a card, in reading order (the templates put the body before the card's own actions). */
export function buttons(attachment: Attachment): CardButton[] {
  const found: CardButton[] = [];
  walk(attachment.content, (object) => {
    if (typeof object.type === 'string' && object.type.startsWith('Action.')) {
      found.push({ type: object.type, title: String(object.title), data: object.data as Record<string, unknown>, url: object.url as string });
    }
  });
  return found;
}

export interface ChoiceInput {
  id: string;
  choices: { title: string; value: string }[];
  /** The input's label: the question it asks. */
  label?: string;
  /** The choice the list opens on. */
  value?: string;
}

export function choiceSets(attachment: Attachment): ChoiceInput[] {
  const found: ChoiceInput[] = [];
  walk(attachment.content, (object) => {
    if (object.type === 'Input.ChoiceSet') {
      found.push({
        id: String(object.id),
        choices: object.choices as ChoiceInput['choices'],
        ...(typeof object.label === 'string' ? { label: object.label } : {}),
        ...(typeof object.value === 'string' ? { value: object.value } : {}),
      });
    }
  });
  return found;
}

/** What a channel sends for a card's lists left as they opened: each list's preset value, by input id. */
export function presetInputs(attachment: Attachment): Record<string, string> {
  return Object.fromEntries(choiceSets(attachment).flatMap((list) => (list.value === undefined ? [] : [[list.id, list.value]])));
}

/** All visible text of a card, for assertions on what the user reads. */
export function cardText(attachment: Attachment): string {
  const parts: string[] = [];
  walk(attachment.content, (object) => {
    if (typeof object.text === 'string') parts.push(object.text);
    if (typeof object.title === 'string') parts.push(object.title);
    if (typeof object.value === 'string' && object.type === undefined) parts.push(object.value);
  });
  return parts.join('\n');
}

/**
 * Which card the user is looking at, read from the kind the bot puts on each card's attachment
 * (its `name`), so that no test depends on the card's wording.
 */
export function kindOf(card: Attachment): CardKind {
  const kind = CARD_KINDS.find((candidate) => candidate === card.name);
  if (!kind) throw new Error(`card of no known kind (name ${JSON.stringify(card.name)}): ${JSON.stringify(card.content).slice(0, 200)}`);
  return kind;
}

/** The headline of an answer card: the verdict in words (the symbol beside it is a block of its own). */
export function headline(card: Attachment): string {
  const large: string[] = [];
  walk(card.content, (object) => {
    if (object.type === 'TextBlock' && object.size === 'Large' && typeof object.text === 'string') large.push(object.text);
  });
  return large.find((text) => [...text].length > 1) ?? '';
}

/** The symbol that stands beside the headline, so the verdict is not told by colour or words alone. */
export function headlineSymbol(card: Attachment): string {
  const large: string[] = [];
  walk(card.content, (object) => {
    if (object.type === 'TextBlock' && object.size === 'Large' && typeof object.text === 'string') large.push(object.text);
  });
  return large.find((text) => [...text].length === 1) ?? '';
}

/** Every markdown link in a card's text, as a channel renders it: its words and where it goes. */
export function textLinks(attachment: Attachment): { text: string; url: string }[] {
  const found: { text: string; url: string }[] = [];
  walk(attachment.content, (object) => {
    if (object.type !== 'TextBlock' || typeof object.text !== 'string') return;
    for (const match of object.text.matchAll(/\[([^\]]*)\]\(([^)\s]+)\)/g)) found.push({ text: match[1], url: match[2] });
  });
  return found;
}
