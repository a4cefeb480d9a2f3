import { z } from 'zod';
import { defineCard, keptCards, RENDERED_MAX_BYTES, RENDERED_MAX_CARDS, renderedCards } from '../../cards/render';

// cards/render.ts keeps rendered cards (bounded, least recently used out first) and hands the
// same frozen content out again for the same data. Nothing here is timed.

const json = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: '${title}' }] };
const schema = z.object({ title: z.string().max(5000) });
// A real card kind with a test template: a card is kept by its template's hash, so it never meets the real one.
const render = defineCard('no-match', json, schema);

describe('rendered cards, kept', () => {
  it('gives the same frozen content for the same data, and a new card for other data', () => {
    const first = render({ title: 'One' });
    const again = render({ title: 'One' });
    expect(again.content).toBe(first.content);
    expect(again).not.toBe(first);
    expect(Object.isFrozen(first.content)).toBe(true);
    expect(Object.isFrozen((first.content as { body: object[] }).body[0])).toBe(true);
    expect(() => {
      'use strict';
      (first.content as { body: { text: string }[] }).body[0].text = 'changed';
    }).toThrow(TypeError);
    const other = render({ title: 'Two' });
    expect(other.content).not.toBe(first.content);
    expect(JSON.stringify(other.content)).toContain('Two');
  });

  it('keys each card by its template too: a card of another template with the same name and data is its own', () => {
    const changed = defineCard('no-match', { ...json, body: [{ type: 'TextBlock', text: 'Title: ${title}' }] }, schema);
    expect(JSON.stringify(changed({ title: 'One' }).content)).toContain('Title: One');
    expect(JSON.stringify(render({ title: 'One' }).content)).not.toContain('Title:');
  });

  it('does not keep bad data: it throws every time', () => {
    expect(() => render({ title: 7 } as unknown as { title: string })).toThrow(/bad data/);
    expect(() => render({ title: 7 } as unknown as { title: string })).toThrow(/bad data/);
  });

  it('keeps at most RENDERED_MAX_CARDS cards, the least recently used going first', () => {
    const kept = render({ title: 'Kept' });
    for (let i = 0; i < RENDERED_MAX_CARDS + 50; i++) {
      render({ title: `Card ${i}` });
      if (i % 100 === 0) render({ title: 'Kept' });
    }
    expect(renderedCards().cards).toBeLessThanOrEqual(RENDERED_MAX_CARDS);
    expect(render({ title: 'Kept' }).content).toBe(kept.content);
    expect(keptCards().some(([key]) => key.includes('Card 0"'))).toBe(false);
  });

  it('keeps at most RENDERED_MAX_BYTES of keys and card JSON', () => {
    const big = 'x'.repeat(4000);
    for (let i = 0; i < RENDERED_MAX_CARDS; i++) render({ title: `${big} ${i}` });
    expect(renderedCards().bytes).toBeLessThanOrEqual(RENDERED_MAX_BYTES);
  });
});
