import { userText } from '../../bot/commands';
import { isSharedCardOnly } from '../../bot/shared-card';

// Shapes the fuzz test found: fields of the wrong type must read as "nothing there", not throw.

test('a mention whose text is not a string is ignored, the words stay', () => {
  const entities = [{ type: 'mention', mentioned: { id: 'bot-1', name: 'Bot' }, text: { toString: 0 } }] as never;
  expect(userText({ type: 'message', text: 'help', recipient: { id: 'bot-1', name: 'Bot' }, entities })).toBe('help');
});

test.each([[false], ['card'], [[null]], [[{ contentType: 42 }]]])('attachments of %j are no shared card', (attachments) => {
  expect(isSharedCardOnly({ type: 'message', text: '', attachments } as never)).toBe(false);
});

test("a card with only Teams' placeholder markup as text is a shared card; with words it is not", () => {
  const attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }];
  expect(isSharedCardOnly({ text: '<span class="inline-compose-card"><span itemprop="cardId"></span></span>', attachments })).toBe(true);
  expect(isSharedCardOnly({ text: 'What about this?', attachments })).toBe(false);
});
