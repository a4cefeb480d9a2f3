import { commandOf, userText } from '../../bot/commands';
import { isSharedCardOnly } from '../../bot/shared-card';
import { MAX_READ_CHARS, readableText, withoutAtTags, withoutTags } from '../../bot/text-window';
import { MAX_QUERY_CHARS } from '../../reading/search';
import { MAX_ACTIVITY_BYTES } from '../../handlers/http-errors';
import { BOT, MENTION } from '../support/activities';
import { medianMs } from '../support/timing';

// Every pattern that sees what a user typed, fed the worst text that fits in a request body. Each
// is timed against a plain scan of the same text (one replace of a single character): a linear
// pass stays within a small multiple of it; the old mention regex took 25 s on the first input,
// about fifty thousand times the scan.

const LIMIT = MAX_ACTIVITY_BYTES;
const fill = (unit: string) => unit.repeat(Math.floor(LIMIT / unit.length));
const ADVERSARIAL: Record<string, string> = {
  'an opened mention tag, never closed': fill('<at '),
  'mention tags with no closing tag': fill('<at x>'),
  'a closing tag with nothing opened': fill('</at>'),
  'mention openings in capitals': fill('<AT\t'),
  'tags with no ">"': fill('<'),
  'nested openings': fill('<<a'),
  'whitespace runs': fill(' \u00a0\t'),
  'many complete mentions': fill('<at>x</at>'),
};
// A linear pass over a string costs a few times a replace of one character; the quadratic cases
// cost thousands of times more, so a generous bound tells them apart on any machine.
const MAX_RATIO = 40;
const plainScan = (text: string) => () => text.replace(/</g, ' ');

const attachments = [{ contentType: 'application/vnd.microsoft.card.adaptive', content: {} }];
const PATTERNS: Record<string, (text: string) => unknown> = {
  'mention stripping (whole text)': (text) => withoutAtTags(text, ' '),
  'tag stripping (whole text)': (text) => withoutTags(text, ' '),
  'the words a user wrote': (text) => userText({ type: 'message', text, recipient: BOT, entities: [MENTION] }),
  'a shared card': (text) => isSharedCardOnly({ type: 'message', text, attachments }),
  'a command': (text) => commandOf(text),
};

describe.each(Object.entries(PATTERNS))('%s', (_name, pattern) => {
  test.each(Object.entries(ADVERSARIAL))('on %s, takes a small multiple of a plain scan', (_input, text) => {
    pattern(text); // warm up: the first call compiles
    const scan = medianMs(plainScan(text));
    const took = medianMs(() => pattern(text));
    // The ratio is what matters; a floor keeps a scan faster than the timer from dividing by ~0.
    expect(took / Math.max(scan, 0.05)).toBeLessThan(MAX_RATIO);
  });
});

test('the bot reads the start of a long text and no more, and still more than the search reads', () => {
  expect(MAX_READ_CHARS).toBeGreaterThan(MAX_QUERY_CHARS);
  const long = `${'word '.repeat(MAX_READ_CHARS)}end`;
  expect(readableText(long)).toHaveLength(MAX_READ_CHARS);
  expect(userText({ type: 'message', text: long }).length).toBeLessThanOrEqual(MAX_READ_CHARS);
  expect(readableText(42)).toBe('');
});

test('mention tags are taken out as the regex did, in any case, and a tag left open stays', () => {
  const regex = /<at\b[^>]*>[\s\S]*?<\/at>/gi;
  const samples = [
    '<at>Licensing Assistant</at> help',
    'ask <AT id="0">Bot</At> about <at>Ada</at> please',
    '<atom>not a mention</atom> <at>x</at>',
    '<at x="1">never closed',
    '<at>a</at><at>b</at></at>',
    'plain words',
    '<at',
    '<at_x>y</at> <at-x>y</at>',
  ];
  for (const sample of samples) expect(withoutAtTags(sample, ' ')).toBe(sample.replace(regex, ' '));
});

test('tags are taken out as /<[^>]*>/g did', () => {
  const samples = ['<span class="a"><span></span></span>', 'a < b and c > d', '<<x>>', 'no tags', '<open', '<a>text<b'];
  for (const sample of samples) expect(withoutTags(sample, ' ')).toBe(sample.replace(/<[^>]*>/g, ' '));
});

test('a text longer than the bot reads is never taken for a shared card', () => {
  expect(isSharedCardOnly({ type: 'message', text: '<b>'.repeat(MAX_READ_CHARS), attachments })).toBe(false);
});
