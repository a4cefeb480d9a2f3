'use strict';
// The decision core and search alone, the exhaustive walk of every topic's fact space, and the
// largest answer card.
//   PUBLIC_BASE_URL=<long url> node core.cjs <core bundle> <app bundle>
// Prints one JSON line.

const functions = require('@azure/functions');
const { activity, summary, turn } = require('./common.cjs');

const [corePath, appPath] = process.argv.slice(2);
const core = require(corePath);
const LONG_BASE_URL = process.env.PUBLIC_BASE_URL;
if (!LONG_BASE_URL) throw new Error('PUBLIC_BASE_URL must be set (the long base URL of the largest card)');

const QUERIES = [
  'Can we run Windows VMs on AWS with VDA per user?',
  'May a refurbisher reinstall Windows on a PC with a new motherboard?',
  'Can I downgrade Windows 11 Pro to Windows 10 on OEM machines?',
  'Which license do we need for virtual desktops on shared thin clients?',
  'Does a used PC keep its Windows license when we sell it?',
  'reimaging with volume license media for OEM Windows',
  'virtaul machines azure',
  'the coffee machine on the third floor is broken',
];

const TOP_RENDERED = 400;
const SPREAD_RENDERED = 400;

/** Every partial combination of a topic's facts: each fact unknown or one of its values. */
function partials(topic) {
  let states = [{}];
  for (const fact of topic.facts) {
    const next = [];
    for (const state of states) {
      next.push(state);
      for (const option of fact.options) next.push({ ...state, [fact.id]: option.value });
    }
    states = next;
  }
  return states;
}

function timeEach(calls, fn) {
  const times = new Float64Array(calls.length);
  for (let i = 0; i < calls.length; i++) {
    const started = performance.now();
    fn(calls[i]);
    times[i] = performance.now() - started;
  }
  return times;
}

(async () => {
  const result = {};

  // 1. Exhaustive enumeration: every state of every topic through decide().
  const spaces = core.TOPIC_IDS.map((id) => ({ id, states: partials(core.TOPICS[id]) }));
  const enumerationStart = performance.now();
  const topics = {};
  let verdicts = 0;
  for (const { id, states } of spaces) {
    let topicVerdicts = 0;
    for (const facts of states) if (core.decide(id, facts).verdict !== null) topicVerdicts++;
    topics[id] = { states: states.length, verdicts: topicVerdicts };
    verdicts += topicVerdicts;
  }
  const states = spaces.reduce((n, s) => n + s.states.length, 0);
  result.enumeration = { ms: performance.now() - enumerationStart, states, verdicts, topics };

  // 2. decide() alone, per call, over every state of every topic (after the walk above warmed it).
  const calls = spaces.flatMap(({ id, states: list }) => list.map((facts) => [id, facts]));
  result.decideUs = summaryUs(timeEach(calls, ([id, facts]) => core.decide(id, facts, { baseUrl: LONG_BASE_URL })));

  // 3. search() alone: the first call (builds the index), then many calls over a set of questions.
  const firstStart = performance.now();
  core.search(QUERIES[0], { baseUrl: LONG_BASE_URL });
  result.searchFirstCallMs = performance.now() - firstStart;
  const searches = Array.from({ length: 250 }, () => QUERIES).flat();
  timeEach(searches.slice(0, 400), (q) => core.search(q, { baseUrl: LONG_BASE_URL }));
  result.searchUs = summaryUs(timeEach(searches, (q) => core.search(q, { baseUrl: LONG_BASE_URL })));

  // 4. Rendering a card alone (validate the data, expand the template, check the result): the
  // question and answer cards of the states above, sampled evenly. cards/render.ts keeps rendered
  // cards, so a different notice per pass makes each pass's cards new (misses); the hits are each
  // card rendered a second time straight after its first.
  const sample = calls.filter((_, i) => i % 60 === 0);
  const verdictStates = sample.map(([id, facts]) => [id, facts, core.decide(id, facts, { baseUrl: LONG_BASE_URL })]).filter(([, , d]) => d.verdict !== null);
  const questionStates = sample.map(([id, facts]) => [id, facts, core.decide(id, facts)]).filter(([, , d]) => d.next !== null);
  const answerCard = ([id, facts, decision], notice) => core.answerCard({ topic: id, facts, history: Object.keys(facts) }, decision, notice);
  const questionCard = ([id, facts, decision], notice) => core.questionCard({ topic: id, facts, history: Object.keys(facts) }, decision, notice);
  for (const notice of ['Warm-up.', 'Miss.']) {
    const answers = timeEach(verdictStates, (state) => answerCard(state, notice));
    const questions = timeEach(questionStates, (state) => questionCard(state, notice));
    if (notice === 'Miss.') result.renderUs = { answer: summaryUs(answers), question: summaryUs(questions) };
  }
  const twice = (render) => (state) => {
    render(state, 'Hit.');
    const started = performance.now();
    render(state, 'Hit.');
    return performance.now() - started;
  };
  result.renderHitUs = {
    answer: summaryUs(verdictStates.map(twice(answerCard))),
    question: summaryUs(questionStates.map(twice(questionCard))),
  };

  // 5. The largest answer card. Rendering all ~43,000 verdicts takes half a minute, so each is
  // ranked by a close estimate of its card's size (the decision's text and citations, each
  // answered fact's prompt and label, and the payloads that repeat every fact and the history),
  // and the top-ranked ones are rendered, with a spread of the rest as a check on the estimate.
  const cardsStart = performance.now();
  const candidates = [];
  for (const { id, states: list } of spaces) {
    for (const facts of list) {
      const decision = core.decide(id, facts, { baseUrl: LONG_BASE_URL });
      if (decision.verdict !== null) candidates.push({ id, facts, decision, estimate: estimate(id, facts, decision) });
    }
  }
  candidates.sort((a, b) => b.estimate - a.estimate);
  const top = candidates.slice(0, TOP_RENDERED);
  const rest = candidates.slice(TOP_RENDERED);
  const spread = rest.filter((_, i) => i % Math.max(1, Math.floor(rest.length / SPREAD_RENDERED)) === 0);
  let largest = { bytes: 0 };
  let largestOfSpread = 0;
  let largestOfTop = 0;
  const failures = [];
  for (const [group, list] of [
    ['top', top],
    ['spread', spread],
  ]) {
    for (const { id, facts, decision } of list) {
      try {
        const card = core.answerCard({ topic: id, facts, history: Object.keys(facts) }, decision);
        const bytes = Buffer.byteLength(JSON.stringify(card.content));
        if (group === 'spread') largestOfSpread = Math.max(largestOfSpread, bytes);
        else largestOfTop = Math.max(largestOfTop, bytes);
        if (bytes > largest.bytes) largest = { bytes, topic: id, facts };
      } catch (error) {
        failures.push(`${id} ${JSON.stringify(facts)}: ${error.message}`);
      }
    }
  }
  result.cards = {
    verdicts: candidates.length,
    rendered: top.length + spread.length,
    largestOfSpread,
    // The estimate ranked well if no card outside the top-ranked ones beats them.
    estimateHeld: largestOfSpread <= largestOfTop,
    ms: performance.now() - cardsStart,
    failures: failures.slice(0, 5),
    failureCount: failures.length,
  };

  // The same answer through the real handler: the last fact answered on the question card.
  const app = require(appPath);
  const order = Object.keys(largest.facts);
  const last = order.at(-1);
  const before = Object.fromEntries(order.slice(0, -1).map((fact) => [fact, largest.facts[fact]]));
  const value = {
    action: 'answer',
    v: core.guide.version,
    topic: largest.topic,
    facts: before,
    history: order.slice(0, -1),
    fact: last,
    value: largest.facts[last],
  };
  const replies = await turn(functions, app.messagesHandler, activity({ value }));
  const card = replies[0]?.attachments?.[0]?.content;
  if (!card || !JSON.stringify(card).includes('"Change"'))
    throw new Error(`the largest answer did not come back as an answer card: ${JSON.stringify(replies).slice(0, 300)}`);
  result.largestCard = {
    topic: largest.topic,
    facts: Object.keys(largest.facts).length,
    baseUrl: LONG_BASE_URL,
    baseUrlChars: LONG_BASE_URL.length,
    cardBytes: Buffer.byteLength(JSON.stringify(card)),
    activityBytes: Buffer.byteLength(JSON.stringify(replies[0])),
    renderedDirectBytes: largest.bytes,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
})().catch((error) => {
  process.stderr.write(`core bench failed: ${error.stack}\n`);
  process.exitCode = 1;
});

/** A close estimate of an answer card's size in bytes, without rendering it. */
function estimate(topic, facts, decision) {
  const ids = Object.keys(facts);
  const factsJson = JSON.stringify(facts).length;
  const historyJson = JSON.stringify(ids).length;
  let bytes = JSON.stringify([decision.summary, decision.requirements, decision.reasons, decision.citations, decision.recommended]).length;
  for (const fact of core.TOPICS[topic].facts) {
    if (facts[fact.id] === undefined) continue;
    const option = fact.options.find((o) => o.value === facts[fact.id]);
    bytes += 450 + fact.prompt.length + (option ? option.label.length : 0);
  }
  // Each fact's Change payload carries every fact and the history; Yes and No carry the facts.
  return bytes + (ids.length + 2) * factsJson + ids.length * historyJson;
}

function summaryUs(times) {
  const s = summary(times);
  return { p50: s.p50 * 1000, p99: s.p99 * 1000, mean: s.mean * 1000, n: s.n };
}
