import type { Attachment } from '../../support/cards';
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
} from '../../../bot/replies';
import { answerFreeText } from '../../../bot/free-text';
import { documentAttachment, sectionAttachment } from '../../../bot/section-view';
import { renderDecisionLink } from '../../../cards';
import { renderDeskAsk, renderDeskReply, renderDeskRequest } from '../../../cards/desk';
import { guide } from '../../../core/knowledge';
import { TOPICS } from '../../../core/topics';
import { VERDICTS } from '../../../core/types';
import { search } from '../../../reading/search';
import { en } from '../../../wording/en';
import { allInterviewNodes } from '../../cards/samples';

// One card of every kind the bot sends, with the variants that change how it looks: each verdict,
// a notice, a caveat, a question with buttons and one with a list, a free question with a check.

const BASE_URL = 'https://licensing.example.com';
const WINDOWS_11 = 'The sources speak of Windows 10 and earlier; they say nothing about Windows 11.';

export interface CardSample {
  name: string;
  card: Attachment;
}

export function cardSamples(): CardSample[] {
  const nodes = allInterviewNodes();
  const samples: CardSample[] = [];
  for (const verdict of VERDICTS) {
    const node =
      nodes.find((candidate) => candidate.decision.verdict === verdict && candidate.decision.requirements.length > 0) ??
      nodes.find((candidate) => candidate.decision.verdict === verdict)!;
    samples.push({ name: `answer-${verdict}`, card: answerCard(node, node.decision) });
  }
  const permitted = nodes.find((candidate) => candidate.decision.verdict === 'permitted')!;
  samples.push({ name: 'answer-with-notice', card: answerCard(permitted, permitted.decision, en.notices.outdatedCard) });

  const questions = nodes.filter((node) => node.decision.next);
  const buttons = questions.find((node) => node.decision.next!.options.length <= 3)!;
  const list = questions.find((node) => node.decision.next!.options.length > 3) ?? questions[1];
  samples.push({ name: 'question-buttons', card: questionCard(buttons, buttons.decision) });
  samples.push({ name: 'question-list', card: questionCard(list, list.decision, en.notices.chooseFirst) });
  const fact = TOPICS['used-pc'].facts[0];
  samples.push({ name: 'answered', card: answeredCard('used-pc', fact.id, fact.options[0].value) });

  const question = 'Can we run Windows VMs on AWS with VDA per user?';
  const found = search(question, { baseUrl: BASE_URL });
  const withCaveat: typeof search = (text, options) => ({ ...search(text, options), caveats: [WINDOWS_11] });
  samples.push({ name: 'search-results', card: answerFreeText(question, { baseUrl: BASE_URL, search: withCaveat }).reply });
  if (found.suggested) {
    const topic = found.suggested.topic;
    samples.push({ name: 'confirm', card: confirmCard(topic, found.suggested.facts) });
    samples.push({ name: 'confirmed', card: confirmedCard(topic, found.suggested.facts) });
  }
  samples.push({ name: 'no-match', card: noMatchCard('', [WINDOWS_11]) });
  samples.push({ name: 'welcome', card: welcomeCard() });
  samples.push({ name: 'help', card: helpCard() });
  samples.push({ name: 'restart', card: restartCard('guide-changed', 'used-pc') });
  samples.push({ name: 'feedback-thanks', card: feedbackThanksCard('used-pc', false) });

  const section = [...guide.sections.values()][0];
  samples.push({ name: 'guide-section', card: sectionAttachment(section, BASE_URL) });
  samples.push({ name: 'guide-document', card: documentAttachment(guide.documents[0], BASE_URL) });
  samples.push({
    name: 'decision-link',
    card: renderDecisionLink({
      question: TOPICS[permitted.topic].question,
      notice: en.notices.linkFromOtherGuide,
      verdict: permitted.decision.verdict,
      summary: permitted.decision.summary,
      // As bot/link-unfurl.ts sends them: this card lists no sources, so no [n] markers.
      reasons: permitted.decision.reasons.map((reason) => reason.replace(/(?:\s*\[\d+\])+$/, '')),
      version: permitted.decision.knowledge.version,
      url: permitted.decision.permalink,
    }),
  });

  const attached = [
    { title: en.desk.attachedTopic, value: TOPICS[permitted.topic].title },
    { title: en.desk.attachedVerdict, value: en.verdicts.permitted },
  ];
  samples.push({ name: 'desk-ask', card: renderDeskAsk({ attached, send: { action: 'desk-ask' } }) });
  samples.push({
    name: 'desk-request',
    card: renderDeskRequest({
      id: 'R-1042',
      askerName: 'Avery Example',
      question: 'Our contract is an Enterprise Agreement signed in 2023; does this still apply?',
      createdAt: '2026-12-01T09:30:00Z',
      attached,
      recordUrl: permitted.decision.permalink,
      status: 'Open: nobody has taken it yet',
      note: 'The asker left the conversation; the answer cannot reach them.',
      take: { action: 'desk-take' },
    }),
  });
  samples.push({
    name: 'desk-reply',
    card: renderDeskReply({
      id: 'R-1042',
      closed: false,
      question: 'Our contract is an Enterprise Agreement signed in 2023; does this still apply?',
      answer: 'Yes: the 2023 agreement keeps these rights.',
      answeredBy: 'Licensing desk',
      recordUrl: permitted.decision.permalink,
    }),
  });
  return samples;
}
