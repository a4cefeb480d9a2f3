import { CARD_KINDS, CardKind } from '../../cards';

export type { CardKind };

/**
 * Which card the user is looking at, read from the kind the bot puts on each card's attachment
 * (its `name`; docs/decisions/0009-card-kinds.md), so that no test depends on the card's wording.
 */
export function kindOf(card: { content: unknown; contentType?: string; name?: string }): CardKind {
  const kind = CARD_KINDS.find((candidate) => candidate === card.name);
  if (!kind) throw new Error(`card of no known kind (name ${JSON.stringify(card.name)}): ${JSON.stringify(card.content).slice(0, 200)}`);
  return kind;
}

/** The headline of an answer card: the verdict in words. */
export function headline(card: { content: unknown }): string {
  const body = (card.content as { body: { size?: string; text?: string }[] }).body;
  return body.find((element) => element.size === 'Large')?.text ?? '';
}
