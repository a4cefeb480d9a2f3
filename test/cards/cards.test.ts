import {
  answerCard,
  answeredCard,
  confirmCard,
  confirmedCard,
  feedbackThanksCard,
  helpCard,
  noMatchCard,
  questionCard,
  restartCard,
  welcomeCard,
  whatIfCard,
} from '../../bot/replies';
import { AnswerData, MAX_BUTTON_LABEL_CHARS, MAX_OPTION_BUTTONS, renderAnswer, renderSearchResults, usesChoiceList, VERDICT_HEADLINES } from '../../cards';
import { decide } from '../../core/decide';
import { TOPICS } from '../../core/topics';
import { TOPIC_IDS, VERDICTS } from '../../core/types';
import { guide } from '../../core/knowledge';
import { ASK_ME } from '../../bot/submit-data';
import { checkPayload } from '../../bot/payloads';
import { en } from '../../wording/en';
import { buttons, cardProblems, cardText, choiceSets, headline, headlineSymbol, textLinks } from '../support/cards';
import { allInterviewNodes, fullFactSamples } from './samples';
import { BASE_URL } from '../support/activities';

const nodes = allInterviewNodes();
const questions = nodes.filter((node) => node.decision.next);
const answers = nodes.filter((node) => node.decision.verdict);

describe('every card the bot can send passes the Adaptive Cards parser and the channel limits', () => {
  test('welcome, help, no match, restart, feedback thanks', () => {
    const cards = [
      welcomeCard(),
      helpCard(),
      noMatchCard(),
      noMatchCard('Your message was long.'),
      restartCard('invalid'),
      restartCard('guide-changed', 'used-pc'),
      feedbackThanksCard('used-pc', true),
      feedbackThanksCard('used-pc', false),
    ];
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
  });

  test.each(questions.map((node) => [`${node.topic} after ${JSON.stringify(node.facts)}`, node] as const))('question card: %s', (_, node) => {
    expect(cardProblems(questionCard(node, node.decision))).toEqual([]);
  });

  test.each(answers.map((node) => [`${node.topic} ${JSON.stringify(node.facts)}`, node] as const))('answer card: %s', (_, node) => {
    const card = answerCard(node, node.decision);
    expect(cardProblems(card)).toEqual([]);
  });

  test.each(TOPIC_IDS.flatMap((topic) => fullFactSamples(topic).map((facts) => [topic, facts] as const)))(
    'answer card with every fact of %s answered: %j',
    (topic, facts) => {
      const decision = decide(topic, facts, { baseUrl: BASE_URL });
      expect(cardProblems(answerCard({ topic, facts, history: Object.keys(facts) }, decision))).toEqual([]);
    },
  );

  test('what-if question cards and answered cards for every fact of every topic', () => {
    for (const topic of TOPIC_IDS) {
      for (const fact of TOPICS[topic].facts) {
        const value = fact.options[0].value;
        expect(cardProblems(whatIfCard({ topic, facts: { [fact.id]: value }, history: [fact.id] }, fact.id, value))).toEqual([]);
        expect(cardProblems(answeredCard(topic, fact.id, value))).toEqual([]);
      }
    }
  });

  test.each(TOPIC_IDS.flatMap((topic) => fullFactSamples(topic, 8).map((facts) => [topic, facts] as const)))(
    'confirm card and its compact replacement with every fact of %s read: %j',
    (topic, facts) => {
      const confirm = confirmCard(topic, facts);
      expect(cardProblems(confirm)).toEqual([]);
      expect(choiceSets(confirm)).toHaveLength(TOPICS[topic].facts.length);
      const first = TOPICS[topic].facts[0].id;
      expect(cardProblems(confirmedCard(topic, { ...facts, [first]: ASK_ME }))).toEqual([]);
    },
  );

  test('search results can offer two checks when two topics are close, each with its own button', () => {
    const results = [{ title: 'Used PCs', answer: 'A used PC keeps its license when…', url: `${BASE_URL}/guide/refurbished-and-used-pcs` }];
    const card = renderSearchResults({
      results,
      checks: [
        { topicQuestion: TOPICS['used-pc'].question, read: [], submit: checkPayload('used-pc', {}) },
        {
          topicQuestion: TOPICS['refurbished-pc'].question,
          read: ['What happened to the motherboard? **Still the original board**'],
          submit: checkPayload('refurbished-pc', { motherboard: 'original' }),
        },
      ],
      topics: { action: 'topics', v: guide.version },
    });
    expect(cardProblems(card)).toEqual([]);
    const checks = buttons(card).filter((b) => b.title === 'Check my case');
    expect(checks.map((b) => b.data?.topic)).toEqual(['used-pc', 'refurbished-pc']);
    expect(cardText(card)).toContain(en.search.looksLike(TOPICS['used-pc'].question));
    expect(cardText(card)).toContain(en.search.looksLike(TOPICS['refurbished-pc'].question));
    // "From your message I read" only above a check that read something.
    expect(cardText(card).split(en.search.readFromMessage)).toHaveLength(2);
  });

  test('search results with and without a suggested check', () => {
    const results = [
      { title: 'What is a Listed Provider?', answer: 'A Listed Provider is…', url: `${BASE_URL}/guide/virtual-machines#vm-listed-providers` },
      { title: 'Multitenant hosting', answer: 'Azure or a QMTH partner…', url: `${BASE_URL}/guide/virtual-machines#vm-multitenant-hosting` },
    ];
    const plain = renderSearchResults({ results, topics: { action: 'topics', v: guide.version } });
    const withCheck = renderSearchResults({
      results,
      notice: 'Your message was long.',
      checks: [{ topicQuestion: TOPICS['virtual-machines'].question, read: ['Where? **AWS**'], submit: { action: 'check' } }],
      caveats: ['The sources say nothing about Windows 11.'],
      topics: { action: 'topics', v: guide.version },
    });
    expect(cardProblems(plain)).toEqual([]);
    expect(cardProblems(withCheck)).toEqual([]);
    expect(buttons(plain).map((b) => b.title)).not.toContain('Check my case');
    expect(buttons(withCheck).map((b) => b.title)).toContain('Check my case');
    expect(cardText(withCheck)).toContain(en.search.readFromMessage);
    expect(cardText(withCheck)).toContain('The sources say nothing about Windows 11.');
    expect(cardText(plain)).not.toContain('Not covered by the sources');
  });
});

describe('question cards', () => {
  test('show the question, why we ask it, the step, and one way to pick each option', () => {
    for (const node of questions) {
      const question = node.decision.next!;
      const card = questionCard(node, node.decision);
      const text = cardText(card);
      const answered = Object.keys(node.facts).length;
      expect(text).toContain(question.prompt);
      expect(text).toContain(`Why we ask: ${question.help}`);
      expect(text).toContain(`Question ${answered + 1} of at most ${answered + node.decision.missing.length}`);

      const choices = choiceSets(card);
      const asList = usesChoiceList(question.options.map((option) => option.label));
      const offered = asList
        ? choices[0].choices.map((choice) => choice.value)
        : buttons(card)
            .filter((b) => b.data?.action === 'answer')
            .map((b) => b.data!.value);
      expect(offered).toEqual(question.options.map((option) => option.value));
      expect(choices).toHaveLength(asList ? 1 : 0);
    }
  });

  test('a choice list (more than five options) is required and submitted by a Next button', () => {
    const node = questions.find((candidate) => candidate.decision.next!.options.length > 5)!;
    const card = questionCard(node, node.decision);
    const [choices] = choiceSets(card);
    expect(choices.id).toBe('value');
    const next = buttons(card).find((b) => b.title === 'Next')!;
    expect(next.data).toMatchObject({ action: 'answer', fact: node.decision.next!.fact });
    expect(next.data).not.toHaveProperty('value');
  });

  test('offer Back only once something was answered, and "Start this check again" always', () => {
    for (const node of questions) {
      const titles = buttons(questionCard(node, node.decision)).map((b) => b.title);
      expect(titles.includes('Back')).toBe(node.history.length > 0);
      expect(titles).toContain('Start this check again');
    }
  });
});

describe('option labels fit on the card (Teams cuts a button title wider than the card, it never wraps one)', () => {
  // Every question of every topic, as the interview asks it and as a what-if asks it again.
  const everyQuestion = [
    ...questions.map((node) => ({
      name: `${node.topic}.${node.decision.next!.fact} after ${JSON.stringify(node.facts)}`,
      card: questionCard(node, node.decision),
    })),
    ...TOPIC_IDS.flatMap((topic) =>
      TOPICS[topic].facts.map((fact) => ({
        name: `${topic}.${fact.id} as a what-if`,
        card: whatIfCard({ topic, facts: { [fact.id]: fact.options[0].value }, history: [fact.id] }, fact.id, fact.options[0].value),
      })),
    ),
  ];

  test.each(everyQuestion.map(({ name, card }) => [name, card] as const))('%s: no button title is longer than fits', (_name, card) => {
    const tooLong = buttons(card)
      .map((b) => b.title)
      .filter((title) => title.length > MAX_BUTTON_LABEL_CHARS);
    expect(tooLong).toEqual([]);
  });

  test('each question of each topic offers every option once, long ones in a choice list that wraps its lines', () => {
    for (const topic of TOPIC_IDS) {
      for (const fact of TOPICS[topic].facts) {
        const card = whatIfCard({ topic, facts: { [fact.id]: fact.options[0].value }, history: [fact.id] }, fact.id, fact.options[0].value);
        const labels = fact.options.map((option) => option.label);
        const [list] = choiceSets(card);
        // A what-if's Back re-sends the earlier answer, so it is an answer button too: not an option.
        const offered = list
          ? list.choices.map((choice) => choice.title)
          : buttons(card)
              .filter((b) => b.data?.action === 'answer' && b.title !== 'Back')
              .map((b) => b.title);
        expect(offered).toEqual(labels);
        if (labels.some((label) => label.length > MAX_BUTTON_LABEL_CHARS)) {
          expect(list).toBeDefined();
          expect(JSON.stringify(card.content)).toMatch(/"type":"Input\.ChoiceSet"[^}]*"wrap":true/);
        }
      }
    }
  });

  test('short options stay one press away: a question with few short options keeps its buttons', () => {
    const short = TOPIC_IDS.flatMap((topic) => TOPICS[topic].facts).filter(
      (fact) => fact.options.length <= MAX_OPTION_BUTTONS && fact.options.every((option) => option.label.length <= MAX_BUTTON_LABEL_CHARS),
    );
    expect(short.length).toBeGreaterThan(0);
    for (const fact of short) expect(usesChoiceList(fact.options.map((option) => option.label))).toBe(false);
    expect(usesChoiceList(['Yes', 'x'.repeat(MAX_BUTTON_LABEL_CHARS + 1)])).toBe(true);
    expect(usesChoiceList(['Yes', 'x'.repeat(MAX_BUTTON_LABEL_CHARS)])).toBe(false);
  });
});

describe('one meaning of "start over"', () => {
  test('every button that begins a topic again says "Start this check again", and no button is called "Start over" (typed, that shows the topics)', () => {
    const cards = [
      ...questions.map((node) => questionCard(node, node.decision)),
      ...answers.map((node) => answerCard(node, node.decision)),
      ...TOPIC_IDS.flatMap((topic) => [
        confirmCard(topic, { [TOPICS[topic].facts[0].id]: TOPICS[topic].facts[0].options[0].value }),
        feedbackThanksCard(topic, true),
        restartCard('invalid', topic),
        restartCard('guide-changed', topic),
      ]),
    ];
    let restarts = 0;
    for (const card of cards) {
      for (const b of buttons(card)) {
        expect(b.title).not.toMatch(/^(start over|restart)\b/i);
        if (b.data?.action === 'restart' && b.data.topic !== undefined) {
          expect(b.title).toBe('Start this check again');
          restarts++;
        }
      }
    }
    expect(restarts).toBeGreaterThanOrEqual(cards.length);
  });

  test('the restart card for an unreadable card names the check that the button starts again', () => {
    const card = restartCard('invalid', 'used-pc');
    expect(cardText(card)).toContain(en.restart.topicLine(TOPICS['used-pc'].title));
    expect(buttons(card).find((b) => b.title === 'Start this check again')?.data).toMatchObject({ action: 'restart', topic: 'used-pc' });
    expect(cardText(restartCard('invalid'))).not.toContain('The card belonged to');
  });
});

describe('confirm cards', () => {
  const read = { motherboard: 'original', recovery: 'original-media' };

  test('show each read fact as its question, opening on the answer read, with "Not sure: ask me" as the last choice', () => {
    const card = confirmCard('refurbished-pc', read);
    expect(cardText(card)).toContain(en.confirm.heading);
    const lists = choiceSets(card);
    // In the topic's order, whatever order they were read in.
    expect(lists.map((list) => list.id)).toEqual(['fact.motherboard', 'fact.recovery']);
    for (const list of lists) {
      const fact = TOPICS['refurbished-pc'].facts.find((candidate) => `fact.${candidate.id}` === list.id)!;
      expect(list.label).toBe(fact.prompt);
      expect(list.value).toBe(read[fact.id as keyof typeof read]);
      expect(list.choices).toEqual([...fact.options.map(({ value, label }) => ({ title: label, value })), { title: en.confirm.askMe, value: ASK_ME }]);
    }
  });

  test('"Confirm and continue" carries the facts read, not the choices (those come from the lists)', () => {
    const card = confirmCard('refurbished-pc', read);
    const confirm = buttons(card).find((b) => b.title === en.buttons.confirmAndContinue)!;
    expect(confirm.data).toEqual({ action: 'confirm', v: guide.version, topic: 'refurbished-pc', read });
    const startOver = buttons(card).find((b) => b.title === 'Start this check again')!;
    expect(startOver.data).toMatchObject({ action: 'restart', topic: 'refurbished-pc' });
  });

  test('the compact replacement says what was confirmed, "ask me" included, and has no buttons', () => {
    const card = confirmedCard('refurbished-pc', { motherboard: 'original', recovery: ASK_ME });
    const text = cardText(card);
    expect(text).toContain('You said: **Still the original board**');
    expect(text).toContain(`You said: **${en.confirm.askMe}**`);
    expect(buttons(card)).toEqual([]);
  });
});

describe('answer cards', () => {
  test.each(VERDICTS)('the %s verdict is stated in words, with a symbol beside them, never by text colour', (verdict) => {
    const words = {
      permitted: 'Permitted',
      'not-permitted': 'Not permitted',
      conditional: 'Permitted if',
      refer: 'Not decided by these sources',
      recommendation: 'Recommended license',
    }[verdict];
    const node = answers.find((candidate) => candidate.decision.verdict === verdict);
    expect(node).toBeDefined();
    const card = answerCard(node!, node!.decision);
    expect(headline(card)).toMatch(new RegExp(`^${words}`));
    expect(headlineSymbol(card)).toBe(VERDICT_HEADLINES[verdict].symbol);
    expect(JSON.stringify(card.content)).not.toContain('"color"');
  });

  test('each verdict has its own symbol', () => {
    expect(new Set(VERDICTS.map((verdict) => VERDICT_HEADLINES[verdict].symbol)).size).toBe(VERDICTS.length);
  });

  test('carry summary, requirements, reasons, a link per citation, the answers with Change, feedback and the small print', () => {
    for (const node of answers) {
      const { decision } = node;
      const card = answerCard(node, decision);
      const text = cardText(card);
      const all = buttons(card);
      expect(text).toContain(decision.summary.replace(/https?:\/\/\S+/g, ''));
      for (const requirement of decision.requirements) expect(text).toContain(requirement.split('http')[0]);
      for (const reason of decision.reasons) expect(text).toContain(reason.split('http')[0]);
      const citationLinks = textLinks(card).filter((link) => link.url.startsWith(`${BASE_URL}/guide/`));
      expect(citationLinks).toEqual(decision.citations.map((c) => ({ text: c.title, url: c.url })));
      expect(all.filter((b) => b.type === 'Action.OpenUrl').map((b) => [b.title, b.url])).toEqual([['Share this answer', decision.permalink]]);
      expect(all.filter((b) => b.title === 'Change').map((b) => b.data!.fact)).toEqual(
        TOPICS[node.topic].facts.map((fact) => fact.id).filter((id) => id in node.facts),
      );
      expect(all.filter((b) => b.data?.action === 'feedback').map((b) => b.title)).toEqual(['Yes', 'No']);
      expect(all.map((b) => b.title)).toContain('Start this check again');
      expect(text).toContain('Was this helpful?');
      expect(text).toContain(en.smallPrint(guide.version));
    }
  });

  test('the first screen holds the verdict, summary, caveats and what to do; reasons, sources and answers are one tap away', () => {
    const node = answers.find((candidate) => candidate.decision.requirements.length > 0 && Object.keys(candidate.facts).length > 1)!;
    const card = answerCard({ ...node }, node.decision);
    const content = card.content as { body: Record<string, unknown>[]; actions: { title: string }[] };
    const firstScreen = cardText({ content: { body: content.body.map((element) => ({ ...element, actions: undefined })) } });
    expect(firstScreen).toContain(node.decision.summary);
    expect(firstScreen).toContain('What you need');
    for (const requirement of node.decision.requirements) expect(firstScreen).toContain(requirement.split('http')[0]);
    for (const reason of node.decision.reasons) expect(firstScreen).not.toContain(reason);
    // Design: the answer says, in small print, that it restates the sources as of their dates and that the customer's own agreement governs.
    expect(firstScreen).toContain(en.smallPrint(guide.version));
    const shown = buttons(card).filter((b) => b.type === 'Action.ShowCard');
    expect(shown.map((b) => b.title)).toEqual([en.labels.whyAndSources, en.labels.yourAnswers]);
    // Start over and All topics are the card's own actions: the licensing desk's button joins them there.
    expect(content.actions.map((action) => action.title)).toEqual([en.buttons.startOver, en.buttons.allTopics]);
  });

  test('a caveat of the question stays on the first screen', () => {
    const node = answers[0];
    const card = renderAnswer({ ...answerData(node), caveats: ['Windows 11 is not in these sources.'] });
    const body = (card.content as { body: Record<string, unknown>[] }).body.map((element) => ({ ...element, actions: undefined }));
    const firstScreen = cardText({ content: { body } });
    expect(firstScreen).toContain(en.labels.notCovered);
    expect(firstScreen).toContain('• Windows 11 is not in these sources.');
  });

  test('citations are numbered once: no source id like [004], and each source document is named once', () => {
    for (const node of answers) {
      const card = answerCard(node, node.decision);
      const text = cardText(card);
      expect(text).not.toMatch(/\[\d{3}\]/);
      const documents = [...new Set(node.decision.citations.flatMap((c) => c.source.split(/\s*(?=\[\d+\]\s)/).map((part) => part.replace(/^\[\d+\]\s+/, ''))))];
      for (const document of documents) expect(text.split(document).length - 1).toBe(1);
    }
  });

  test('an answer citing two sections of one document names the document once, with no markers to repeat', () => {
    const node = answers.find((candidate) => candidate.decision.citations.length > 1 && new Set(candidate.decision.citations.map((c) => c.source)).size === 1)!;
    const text = cardText(answerCard(node, node.decision));
    expect(text).toContain(`Source: ${node.decision.citations[0].source.replace(/^\[\d+\]\s+/, '')}`);
    expect(text).toContain('**[1]**');
    expect(text).toContain('**[2]**');
  });

  test('web addresses in guide text become links; the question and the topic words do not', () => {
    const node = answers[0];
    const card = renderAnswer({
      ...answerData(node),
      requirements: ['Use a provider from https://aka.ms/ListedProviders; see there.'],
      question: 'Is https://example.org/x fine?',
    });
    const links = textLinks(card);
    expect(links).toContainEqual({ text: 'https://aka.ms/ListedProviders', url: 'https://aka.ms/ListedProviders' });
    expect(links.map((link) => link.url)).not.toContain('https://example.org/x');
    expect(cardText(card)).toContain('• Use a provider from [https://aka.ms/ListedProviders](https://aka.ms/ListedProviders); see there.');
  });

  test('recommendations name the licenses in words, under the headline alone', () => {
    const node = answers.find((candidate) => candidate.decision.recommended?.includes('vda-per-user-addon'))!;
    const card = answerCard(node, node.decision);
    const text = cardText(card);
    expect(headline(card)).toBe('Recommended license');
    expect(text.split('\n')).not.toContain('Recommended');
    expect(text).toContain('Windows VDA E3/E5 per User Add-on');
    expect(text).not.toMatch(/vda-per-user-addon/);
  });
});

/** The answer card's data for a node, as the bot builds it, for cards with one field changed. */
function answerData(node: (typeof answers)[number]): AnswerData {
  const { decision } = node;
  return {
    question: TOPICS[node.topic].question,
    verdict: decision.verdict!,
    summary: decision.summary,
    requirements: decision.requirements,
    reasons: decision.reasons,
    citations: decision.citations.map(({ title, source, url }) => ({ title, source, url })),
    facts: [],
    startOver: { action: 'restart' },
    topics: { action: 'topics' },
    helpfulYes: { action: 'feedback' },
    helpfulNo: { action: 'feedback' },
    version: decision.knowledge.version,
    permalink: decision.permalink,
  };
}
