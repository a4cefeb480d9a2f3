'use strict';
// Shared by the benchmark's child processes: activities, requests, card walking and statistics.

const BOT = { id: 'bot-1', name: 'Licensing Assistant', role: 'bot' };
const USER = { id: 'user-1', name: 'Bench User', role: 'user' };

/** An activity as Bot Framework Emulator posts it, asking for the replies in the response body. */
function activity(fields) {
  return {
    type: 'message',
    id: 'activity-1',
    timestamp: '2025-01-01T00:00:00.000Z',
    channelId: 'emulator',
    serviceUrl: 'http://127.0.0.1:9/',
    from: USER,
    recipient: BOT,
    conversation: { id: 'conversation-1' },
    deliveryMode: 'expectReplies',
    ...fields,
  };
}

const FIRST_TURN = activity({ type: 'conversationUpdate', membersAdded: [USER, BOT] });
const ECHO_TURN = activity({ text: 'Hello there, echo bot' });
const FREE_TEXT = 'Can we run Windows VMs on AWS with VDA per user?';

/** A real @azure/functions HttpRequest for an activity, as the host or the local server builds it. */
function httpRequest(functions, body) {
  return new functions.HttpRequest({
    method: 'POST',
    url: 'http://127.0.0.1:3978/api/messages',
    headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    body: { string: body },
  });
}

function quietContext(functions) {
  return new functions.InvocationContext({ functionName: 'messages', invocationId: 'bench', logHandler: () => undefined });
}

/** The JSON an answer carries: the messages handler serialises its own (a string body), failures use jsonBody. */
const answerJson = (response) => response.jsonBody ?? (typeof response.body === 'string' ? JSON.parse(response.body) : undefined);

async function turn(functions, handler, fields) {
  const response = await handler(httpRequest(functions, JSON.stringify(fields)), quietContext(functions));
  const replies = answerJson(response)?.activities ?? [];
  if (response.status !== 200 || !replies.length)
    throw new Error(`turn answered ${response.status} with ${replies.length} replies: ${JSON.stringify(answerJson(response))}`);
  return replies;
}

function onlyCard(replies) {
  const cards = replies.flatMap((reply) => reply.attachments ?? []).map((attachment) => attachment.content);
  if (cards.length !== 1) throw new Error(`expected one card, got ${cards.length}`);
  return cards[0];
}

/** Every Action.Submit on a card, with its title and data. */
function submits(card) {
  const found = [];
  const visit = (node) => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if (node.type === 'Action.Submit' && node.data) found.push({ title: node.title, data: node.data });
      for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
    }
  };
  visit(card);
  return found;
}

function choiceSet(card) {
  let found;
  const visit = (node) => {
    if (found) return;
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      if (node.type === 'Input.ChoiceSet' && node.id === 'value') found = node;
      else for (const value of Object.values(node)) if (value && typeof value === 'object') visit(value);
    }
  };
  visit(card);
  return found;
}

const kindOf = (card) => {
  const actions = submits(card).map((s) => s.data.action);
  if (actions.includes('change')) return 'answer';
  if (actions.includes('answer')) return 'question';
  return 'other';
};

/** The value a user sends by answering a question card with its first choice. */
function firstAnswer(card) {
  const buttons = submits(card).filter((s) => s.data.action === 'answer' && s.data.value !== undefined);
  if (buttons.length) return buttons[0].data;
  const list = choiceSet(card);
  const next = submits(card).find((s) => s.data.action === 'answer');
  if (!list || !next) throw new Error('question card with neither answer buttons nor a choice list');
  return { ...next.data, value: list.choices[0].value };
}

/**
 * The benchmark's turns, found by talking to the bot the way a user does: the welcome, the first
 * answer of an interview that asks more (an interview step), the answer that brings the verdict,
 * a what-if change on that verdict, and a free-text question.
 */
async function scenarios(functions, handler, topicTitle = 'virtual machines') {
  const welcome = onlyCard(await turn(functions, handler, FIRST_TURN));
  const start = submits(welcome).find((s) => s.data.action === 'start' && String(s.title).toLowerCase().includes(topicTitle));
  if (!start) throw new Error(`no "${topicTitle}" topic on the welcome card`);
  let card = onlyCard(await turn(functions, handler, activity({ value: start.data })));
  const answers = [];
  while (kindOf(card) === 'question') {
    const value = firstAnswer(card);
    answers.push({ value, card: (card = onlyCard(await turn(functions, handler, activity({ value })))) });
  }
  if (kindOf(card) !== 'answer' || answers.length < 2) throw new Error('the interview did not end in a verdict after two or more answers');
  const change = submits(card).find((s) => s.data.action === 'change');
  return {
    welcome: FIRST_TURN,
    'interview step': activity({ value: answers[0].value }),
    verdict: activity({ value: answers.at(-1).value }),
    'what-if change': activity({ value: change.data }),
    'free text': activity({ text: FREE_TEXT }),
  };
}

function percentile(sorted, p) {
  if (!sorted.length) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

/** Median, p99, mean, min, max and count of a list of numbers. */
function summary(values) {
  const sorted = Float64Array.from(values).sort();
  const mean = sorted.reduce((a, b) => a + b, 0) / (sorted.length || 1);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), mean, min: sorted[0], max: sorted[sorted.length - 1], n: sorted.length };
}

module.exports = { activity, FIRST_TURN, ECHO_TURN, FREE_TEXT, httpRequest, quietContext, turn, onlyCard, submits, kindOf, scenarios, summary, percentile };
