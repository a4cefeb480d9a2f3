import { kindOf, cardProblems, textLinks } from '../support/cards';
import { readManifest } from '../app-package/support';
import { BOT, MENTION } from '../support/activities';
import { HttpChat, onlyCard } from '../support/http-chat';

// The questions the manifest offers as prompt starters are sent as ordinary messages when
// picked: each must get guide sections back, in a personal chat and, mentioned, in a channel.

const manifest = readManifest();
const starters = manifest.bots[0].commandLists!.flatMap((list) =>
  list.commands.filter((command) => command.title.endsWith('?')).map((command) => [list.scopes[0], command.title] as const),
);

test.each(starters)('%s: "%s" is answered from the guide', async (scope, question) => {
  const chat = new HttpChat('msteams');
  const replies =
    scope === 'personal'
      ? await chat.say(question)
      : await chat.say(`<at>${BOT.name}</at> ${question}`, {
          entities: [MENTION],
          conversation: { id: 'c-1', conversationType: scope === 'team' ? 'channel' : 'groupChat' },
        });
  const card = onlyCard(replies);
  expect(kindOf(card)).toBe('search-results');
  expect(cardProblems(card)).toEqual([]);
  expect(textLinks(card).length).toBeGreaterThan(0);
});
