import { z } from 'zod';
import { renderAnswered } from '../../cards';
import { CardRenderError, defineCard } from '../../cards/render';
import { cardProblems, cardText } from '../support/cards';

const template = {
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: 'Hello ${name}, ${missing}', wrap: true }],
};

describe('card rendering guards', () => {
  test('a template field the data does not fill fails loudly instead of reaching the user as ${...}', () => {
    const render = defineCard('answered', template, z.object({ name: z.string() }));
    expect(() => render({ name: 'x' })).toThrow(CardRenderError);
    expect(() => render({ name: 'x' })).toThrow(/\$\{missing\}/);
  });

  test('data that does not fit the card is refused before rendering', () => {
    expect(() => renderAnswered({ prompt: '', answer: 'Yes' })).toThrow(CardRenderError);
    expect(() => renderAnswered({ prompt: 'Q?', answer: 42 as unknown as string })).toThrow(CardRenderError);
  });

  test('text that looks like a template expression is shown as text, not evaluated or rejected', () => {
    const card = renderAnswered({ prompt: 'What does ${x} mean?', answer: 'Yes ${y}' });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toMatch(/What does \$\u200b\{x\} mean\?/);
  });

  test('a card too large for a Teams message is refused', () => {
    const render = defineCard('answered', { ...template, body: [{ type: 'TextBlock', text: '${name}', wrap: true }] }, z.object({ name: z.string() }));
    expect(() => render({ name: 'x'.repeat(30 * 1024) })).toThrow(/bytes/);
  });
});
