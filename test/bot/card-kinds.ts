import { cardText } from '../cards/card-checks';

export type CardKind = 'welcome' | 'help' | 'question' | 'answer' | 'answered' | 'search' | 'no-match' | 'restart' | 'guide-changed' | 'thanks';

/** Which card the user is looking at, told by what it says. */
export function kindOf(card: { content: unknown; contentType?: string }): CardKind {
  const text = cardText(card);
  if (text.includes('Was this helpful?')) return 'answer';
  if (text.includes('Why we ask:')) return 'question';
  if (text.startsWith('Windows Licensing Assistant')) return 'welcome';
  if (text.startsWith('How I can help')) return 'help';
  if (text.includes('From the guide')) return 'search';
  if (text.includes('I found nothing in the guide')) return 'no-match';
  if (text.startsWith('I could not read that card')) return 'restart';
  if (text.startsWith('The guide has changed')) return 'guide-changed';
  if (text.startsWith('Thanks')) return 'thanks';
  if (text.includes('You said:')) return 'answered';
  throw new Error(`unknown card: ${text.slice(0, 200)}`);
}

/** The headline of an answer card: the verdict in words. */
export function headline(card: { content: unknown }): string {
  const body = (card.content as { body: { size?: string; text?: string }[] }).body;
  return body.find((element) => element.size === 'Large')?.text ?? '';
}
