import { cardProblems } from '../support/cards';

const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({
  contentType: 'application/vnd.microsoft.card.adaptive',
  content: { type: 'AdaptiveCard', version: '1.5', body, ...extra },
});

// The card tests are only as good as this checker: it must see what Teams would choke on.
describe('the card checker', () => {
  test('accepts a plain valid card', () => {
    expect(cardProblems(card([{ type: 'TextBlock', text: 'Hi', wrap: true }]))).toEqual([]);
  });

  test.each([
    ['an unknown element', [{ type: 'Carousel', pages: [] }]],
    [
      'duplicate input ids',
      [
        { type: 'Input.Text', id: 'a' },
        { type: 'Input.Text', id: 'a' },
      ],
    ],
    ['a TextBlock that does not wrap', [{ type: 'TextBlock', text: 'Hi' }]],
    ['a leftover template field', [{ type: 'TextBlock', text: '${name}', wrap: true }]],
    ['Action.Execute', [{ type: 'ActionSet', actions: [{ type: 'Action.Execute', title: 'Go' }] }]],
    ['seven buttons in a row', [{ type: 'ActionSet', actions: Array.from({ length: 7 }, (_, i) => ({ type: 'Action.Submit', title: `${i}` })) }]],
    ['a required input without a label', [{ type: 'Input.ChoiceSet', id: 'x', isRequired: true, errorMessage: 'e', choices: [{ title: 'a', value: 'a' }] }]],
  ])('reports %s', (_, body) => {
    expect(cardProblems(card(body as unknown[]))).not.toEqual([]);
  });

  test('reports a version other than 1.5 and an oversized card', () => {
    expect(cardProblems(card([], { version: '1.6' }))).not.toEqual([]);
    expect(cardProblems(card([{ type: 'TextBlock', text: 'x'.repeat(29 * 1024), wrap: true }]))).not.toEqual([]);
  });
});
