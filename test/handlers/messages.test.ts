import { messagesHandler } from '../../handlers/messages';
import { activity } from '../support/activities';
import { cardsOf, httpRequest, quietContext, repliesOf } from '../support/http';
import { cardText } from '../support/cards';

const post = (body: string, headers: Record<string, string> = {}) => messagesHandler(httpRequest({ body, headers }), quietContext('messages'));

describe('POST /api/messages (the real handler, auth off as in local use)', () => {
  it('answers a conversationUpdate with the welcome card in the body when the caller expects replies', async () => {
    const response = await post(
      JSON.stringify(
        activity({
          type: 'conversationUpdate',
          membersAdded: [{ id: 'user-1', name: 'Test User' }],
        }),
      ),
    );
    expect(response.status).toBe(200);
    const cards = cardsOf(repliesOf(response));
    expect(cards).toHaveLength(1);
    expect(cards[0].content.version).toBe('1.5');
    expect(cardText(cards[0])).toMatch(/refurbished/i);
  });

  it('rejects a body that is not JSON with 400 and a short message', async () => {
    const response = await post('{"type": "message", ');
    expect(response.status).toBe(400);
    expect(response.jsonBody).toEqual({ error: expect.stringMatching(/not valid JSON/) });
  });

  it.each([
    ['an array', '[1,2,3]'],
    ['a string', '"hello"'],
    ['an object without a type', '{"text":"hi"}'],
    ['a type that is not a string', '{"type": 42}'],
    ['null', 'null'],
  ])('rejects JSON that is not an activity (%s) with 400', async (_name, body) => {
    const response = await post(body);
    expect(response.status).toBe(400);
    expect(JSON.stringify(response.jsonBody)).not.toMatch(/at .*\.js|Error:/);
  });

  it('refuses a body over 256 KB with 413 before parsing it', async () => {
    const response = await post(`{"type":"message","text":"${'x'.repeat(300 * 1024)}"}`);
    expect(response.status).toBe(413);
  });

  it('refuses a declared body over 256 KB with 413 without reading it', async () => {
    const response = await post('{}', { 'content-length': String(10 * 1024 * 1024) });
    expect(response.status).toBe(413);
  });

  it('answers other methods with 405', async () => {
    const response = await messagesHandler(httpRequest({ method: 'GET' }), quietContext());
    expect(response.status).toBe(405);
  });

  it('accepts and ignores an activity type it does not know', async () => {
    const response = await post(JSON.stringify(activity({ type: 'somethingNew' })));
    expect(response.status).toBe(200);
    expect(repliesOf(response)).toEqual([]);
  });
});
