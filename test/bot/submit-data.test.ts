import fc from 'fast-check';
import { readSubmit, MAX_SUBMIT_BYTES } from '../../bot/submit-data';
import { TOPICS } from '../../core/topics';
import { guide, model } from '../../core/knowledge';
import { buttons, cardProblems, cardText, headline, kindOf } from '../support/cards';
import { en } from '../../wording/en';
import { Chat, onlyCard } from './harness';

const v = guide.version;
const OLD = 'an-old-version';
const answer = (extra: Record<string, unknown> = {}) => ({
  action: 'answer',
  v,
  topic: 'refurbished-pc',
  facts: { motherboard: 'original' },
  history: ['motherboard'],
  fact: 'coa',
  value: 'yes',
  ...extra,
});

describe('card data that is tampered with or malformed gets a friendly restart card, never an error', () => {
  test.each<[string, unknown]>([
    ['an unknown topic', answer({ topic: 'windows-server' })],
    ['an unknown fact', answer({ facts: { motherboard: 'original', colour: 'blue' } })],
    ['a value outside the list', answer({ value: 'maybe' })],
    ['an answer to a fact the topic lacks', answer({ fact: 'price' })],
    ['facts that are not a record', answer({ facts: 'motherboard=original' })],
    ['a number where text belongs', answer({ value: 3 })],
    ['an unknown action', answer({ action: 'delete-everything' })],
    ['a missing version', answer({ v: undefined })],
    ['an unexpected field', answer({ admin: true })],
    ['history naming an unanswered fact', answer({ history: ['motherboard', 'recovery'] })],
    ['history repeating a fact', answer({ history: ['motherboard', 'motherboard'] })],
    ['a huge payload', answer({ facts: { motherboard: 'original' }, history: ['motherboard'], pad: 'x'.repeat(MAX_SUBMIT_BYTES) })],
    ['a value that is a bare string', 'not json at all'],
    ['a value that is an array', [1, 2, 3]],
    ['a value that is a number', 42],
    ['a value with a prototype key', JSON.parse('{"action":"help","v":"x","__proto__":{"polluted":true}}')],
    ['a caveat id the knowledge lacks', answer({ caveats: ['windows-12'] })],
    ['a caveat id given twice', answer({ caveats: ['windows-11', 'windows-11'] })],
    ['a caveat sentence instead of its id', answer({ caveats: ['The four sources do not cover Office licensing.'] })],
    ['an empty caveat list', answer({ caveats: [] })],
    ['caveats that are not a list', answer({ caveats: 'windows-11' })],
    ['more caveats than the knowledge has', answer({ caveats: Array.from({ length: 11 }, (_, i) => `caveat-${i}`) })],
    ['caveats on a restart to all topics', { action: 'restart', v, caveats: ['windows-11'] }],
    ['a restart leaving a question its topic does not have', { action: 'restart', v, topic: 'refurbished-pc', left: 'transfer' }],
    ['a restart to all topics leaving a question', { action: 'restart', v, left: 'coa' }],
    ['caveats on a check of no topic', { action: 'check', v, topic: 'x', read: {}, caveats: ['windows-11'] }],
  ])('%s', async (_, value) => {
    const chat = new Chat();
    const card = await chat.cardFor({ value });
    expect(kindOf(card)).toBe('restart');
    expect(cardProblems(card)).toEqual([]);
    expect(buttons(card).map((b) => b.title)).toContain('Show all topics');
    expect(chat.logs.at(-1)).toMatchObject({ action: 'restart-card', outcome: expect.stringMatching(/invalid|guide-changed/) });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('a known caveat id on a step is accepted and reaches the answer; the same step with an unknown id is not', async () => {
    const chat = new Chat();
    const caveated = answer({ facts: { motherboard: 'original', coa: 'yes' }, history: ['motherboard', 'coa'], fact: 'recovery', value: 'none' });
    const card = await chat.cardFor({ value: { ...caveated, caveats: ['windows-11', 'office'] } });
    expect(kindOf(card)).toBe('answer');
    expect(cardText(card)).toContain(model.vocabulary.caveats.find((caveat) => caveat.id === 'office')!.text);
    expect(kindOf(await chat.cardFor({ value: { ...caveated, caveats: ['windows-11', 'office-2030'] } }))).toBe('restart');
  });

  test('when the topic is known, the restart card names it and offers to start that check again', async () => {
    const chat = new Chat();
    const card = await chat.cardFor({ value: answer({ value: 'maybe' }) });
    expect(cardText(card)).toContain(en.restart.topicLine(TOPICS['refurbished-pc'].title));
    const restart = buttons(card).find((b) => b.title === 'Start this check again')!;
    const first = onlyCard(await chat.press(restart));
    expect(kindOf(first)).toBe('question');
    expect(cardText(first)).toContain('Question 1 of');
  });

  test('whatever arrives as card data, the reply is one usable card', async () => {
    const chat = new Chat();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record(
            {
              action: fc.constantFrom('answer', 'back', 'change', 'start', 'feedback'),
              v: fc.constant(v),
              topic: fc.constantFrom('used-pc', 'x'),
              facts: fc.dictionary(fc.string(), fc.string()),
              fact: fc.string(),
              value: fc.jsonValue(),
            },
            { requiredKeys: [] },
          ),
        ),
        async (value) => {
          const replies = await chat.send({ value: value ?? {} });
          const card = onlyCard(replies);
          expect(cardProblems(card)).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
    expect(chat.logs.every((entry) => entry.outcome !== 'error')).toBe(true);
  });
});

describe('cards from an older version of the guide', () => {
  test('still work when their answers still fit, with a short note', async () => {
    const card = await new Chat().cardFor({ value: answer({ v: OLD, value: 'yes' }) });
    expect(kindOf(card)).toBe('question');
    expect(cardText(card)).toMatch(/guide was updated/);
    expect(cardProblems(card)).toEqual([]);
  });

  test('an answer from an older card still reaches its verdict', async () => {
    const card = await new Chat().cardFor({
      value: { action: 'answer', v: OLD, topic: 'used-pc', facts: {}, history: [], fact: 'transfer', value: 'license-only' },
    });
    expect(headline(card)).toBe('Not permitted');
  });

  test('say plainly that the guide changed when their answers no longer fit, and offer a restart', async () => {
    const chat = new Chat();
    const card = await chat.cardFor({ value: answer({ v: OLD, facts: { motherboard: 'replaced-by-robot' } }) });
    expect(kindOf(card)).toBe('restart');
    expect(cardText(card)).toMatch(/^The guide has changed/);
    expect(buttons(card).map((b) => b.title)).toContain('Start this check again');
    expect(cardText(card)).toContain(en.restart.topicLine(TOPICS['refurbished-pc'].title));
    expect(chat.logs.at(-1)).toMatchObject({ outcome: 'guide-changed' });
  });
});

describe('readSubmit', () => {
  test('accepts exactly what the cards send', () => {
    expect(readSubmit(answer())).toEqual({ ok: true, outdated: false, data: answer() });
    expect(readSubmit({ action: 'topics', v })).toMatchObject({ ok: true });
  });

  test("gathers the confirm card's lists into its answers, and ignores answers sent as a field", () => {
    const confirm = { action: 'confirm', v, topic: 'refurbished-pc', read: { motherboard: 'original', recovery: 'none' } };
    expect(readSubmit({ ...confirm, 'fact.motherboard': 'upgraded', 'fact.recovery': '?', answers: { recovery: 'original-media' } })).toEqual({
      ok: true,
      outdated: false,
      data: { ...confirm, answers: { motherboard: 'upgraded', recovery: '?' } },
    });
    // A list a client sent back empty is no answer: that question will be asked.
    expect(readSubmit({ ...confirm, 'fact.recovery': '' })).toMatchObject({ ok: true, data: { answers: { recovery: '?' } } });
    // A list named after the prototype reaches no prototype and answers nothing.
    const proto = readSubmit(JSON.parse(`{"action":"confirm","v":"${v}","topic":"refurbished-pc","read":{},"fact.__proto__":{"x":1}}`));
    expect(proto.ok ? proto.data : {}).not.toHaveProperty('answers.x');
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  test('treats an empty choice as no choice yet', () => {
    expect(readSubmit(answer({ value: '' }))).toMatchObject({ ok: true, data: { value: undefined } });
  });
});

describe('an older welcome card', () => {
  test('starts its topic without a note about changed answers, since it carries none', async () => {
    const card = await new Chat().cardFor({ value: { action: 'start', v: OLD, topic: 'used-pc', facts: {} } });
    expect(kindOf(card)).toBe('question');
    expect(cardText(card)).not.toMatch(/guide was updated/);
  });
});
