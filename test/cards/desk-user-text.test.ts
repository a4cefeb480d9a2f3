import { renderDeskReply, renderDeskRequest } from '../../cards/desk';
import { cardText, textLinks } from '../support/cards';

// What the asker and the desk type is shown as they typed it: markdown in it (a link above all, which
// could point a desk member or the asker anywhere) must not become formatting on the card.

const TYPED = 'Is this fine? See [our terms](https://evil.example/login) and **bold** claims.';

describe('desk cards show typed text as typed', () => {
  test.each([
    [
      'the request in the desk channel',
      () =>
        renderDeskRequest({
          id: 'R-1',
          askerName: 'Avery Example',
          question: TYPED,
          createdAt: '2026-12-01T09:30:00Z',
          attached: [],
          status: 'Answered',
          answer: TYPED,
        }),
    ],
    ['the answer in the asker\u2019s chat', () => renderDeskReply({ id: 'R-1', closed: false, question: TYPED, answer: TYPED, answeredBy: 'Mel Member' })],
  ])('%s: a typed markdown link is text, not a link', (_name, render) => {
    const card = render();
    expect(cardText(card)).toContain(TYPED);
    expect(textLinks(card)).toEqual([]);
    expect(JSON.stringify(card.content)).toContain(JSON.stringify({ type: 'TextRun', text: TYPED }));
  });
});
