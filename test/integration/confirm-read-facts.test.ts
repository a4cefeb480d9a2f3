import { VERDICT_HEADLINES } from '../../cards';
import { ASK_ME } from '../../bot/submit-data';
import { decide } from '../../core/decide';
import { search } from '../../reading/search';
import { TOPICS } from '../../core/topics';
import { BASE_URL } from '../support/activities';
import { buttons, cardProblems, cardText, choiceSets, headline, kindOf, presetInputs } from '../support/cards';
import type { Card } from '../support/http';
import { HttpChat, onlyCard, startFakeConnector } from '../support/http-chat';
import { answerUntilVerdict, buttonTitled } from '../support/interview-driver';

// The confirm step through POST /api/messages, as Teams posts it: the facts read from a free
// question are shown, one is changed and one left to be asked, the confirm card is replaced in
// place through the connector, and the verdict rests only on what the user confirmed or answered.
// Whatever the reading of the question is today, the test follows it.

const QUESTION = 'Can we run Windows VMs on AWS for our VDA per user licensed staff?';

test('over HTTP in Teams: change one read fact, leave one to be asked, and the verdict uses only confirmed answers', async () => {
  const found = search(QUESTION, { baseUrl: BASE_URL });
  expect(found.suggested).not.toBeNull();
  const { topic, facts: read } = found.suggested!;
  const readIds = Object.keys(read);
  expect(readIds.length).toBeGreaterThanOrEqual(2);

  const connector = await startFakeConnector();
  try {
    const chat = new HttpChat('msteams', connector.url);
    const results = await chat.cardFor({ text: QUESTION });
    const confirm = onlyCard(await chat.press(buttonTitled(results, 'Check my case')));
    expect(kindOf(confirm)).toBe('confirm');
    expect(cardProblems(confirm)).toEqual([]);
    expect(Object.fromEntries(choiceSets(confirm).map((list) => [list.id.replace(/^fact\./, ''), list.value]))).toEqual(read);

    // The first read fact (in the topic's order) is changed, the second left to be asked.
    const [changedFact, droppedFact] = TOPICS[topic].facts.filter((fact) => readIds.includes(fact.id));
    const other = changedFact.options.find((option) => option.value !== read[changedFact.id])!;
    const inputs = { ...presetInputs(confirm), [`fact.${changedFact.id}`]: other.value, [`fact.${droppedFact.id}`]: ASK_ME };
    const confirmed = Object.fromEntries(
      Object.entries(read)
        .filter(([fact]) => fact !== droppedFact.id)
        .map(([fact, value]) => [fact, fact === changedFact.id ? other.value : value]),
    );

    const replies = await chat.press(buttonTitled(confirm, 'Confirm and continue'), inputs, { replyToId: 'confirm-card-9' });
    const next = onlyCard(replies);
    const update = connector.calls.find((call) => call.method === 'PUT');
    expect(update?.path).toBe('/v3/conversations/conversation-1/activities/confirm-card-9');
    const compact = (update!.body as { attachments: Card[] }).attachments[0];
    expect(cardText(compact)).toContain(`You said: **${other.label}**`);
    expect(cardText(compact)).toContain('You said: **Not sure: ask me**');
    expect(buttons(compact)).toEqual([]);

    // The dropped fact is asked again at some point unless the confirmed ones already decide it.
    const asked: string[] = [];
    const { card, facts } = await answerUntilVerdict(
      async (b, extra) => onlyCard(await chat.press(b, extra)),
      topic,
      next,
      () => 0,
      confirmed,
      (_card, _step, question) => asked.push(question.fact),
    );
    expect(kindOf(card)).toBe('answer');
    for (const fact of Object.keys(confirmed)) expect(asked).not.toContain(fact);
    // The verdict's own state holds exactly what was confirmed or answered: the dropped reading is in it only if asked.
    const feedback = buttons(card).find((b) => b.data?.action === 'feedback')!;
    expect(feedback.data!.facts).toEqual(facts);
    expect(Object.hasOwn(facts, droppedFact.id)).toBe(asked.includes(droppedFact.id));
    expect(headline(card)).toBe(VERDICT_HEADLINES[decide(topic, facts).verdict!].text);
    expect(facts[changedFact.id]).toBe(other.value);
  } finally {
    await connector.close();
  }
});
