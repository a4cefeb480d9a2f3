import { MAX_ACTIVITY_BYTES } from '../../handlers/http-errors';
import { HttpChat } from '../support/http-chat';
import { medianMsAsync } from '../support/timing';

// A whole turn through the real handler with a message as large as a request may be: the worst
// markup costs about what plain words of the same size do, because the bot reads only the start.

const SIZE = MAX_ACTIVITY_BYTES - 4096; // room for the rest of the activity
const chat = new HttpChat();

test.each([
  ['"<at " repeated', '<at '],
  ['"<" repeated', '<'],
  ['unclosed mention tags', '<at x>'],
])('a message of %s the size of the body limit is answered in a small multiple of plain words', async (_name, unit) => {
  const plain = 'licensing words '.repeat(Math.floor(SIZE / 16));
  const adversarial = unit.repeat(Math.floor(SIZE / unit.length));
  await chat.say(plain); // warm up: the first turn loads the guide's search index
  const plainMs = await medianMsAsync(() => chat.say(plain), 3);
  const adversarialMs = await medianMsAsync(async () => expect((await chat.say(adversarial)).length).toBeGreaterThan(0), 3);
  expect(adversarialMs / plainMs).toBeLessThan(5);
});
