import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { config as loadConfig } from '../config/config';
import { decide } from '../core/decide';
import { DecisionInputError } from '../core/errors';
import { isTopicId, TOPICS } from '../core/topics';
import { TOPIC_IDS, TopicId } from '../core/types';
import { guide, model } from '../core/knowledge';
import { badLinkPage, BadLinkExplanation, decisionPage } from '../web/decision-page';
import { DecisionLink, LinkProblem, readDecisionLink } from '../core/decision-link';
import { decisionRecord } from '../web/decision-record';
import { PAGE_SECURITY_HEADERS } from '../web/html';
import { describeFailure, HttpFailure } from './http-errors';
import { CAVEAT_IDS, caveatSentences, isCaveatId } from '../core/caveats';
import { en } from '../wording/en';

export interface DecisionHandlerOptions {
  /** Base of the citation links on the page; defaults to PUBLIC_BASE_URL. */
  baseUrl?: string;
  /** The clock the page's "printed on" date comes from (tests fix it). */
  now?: () => Date;
}

/** A day as the record writes it, YYYY-MM-DD in UTC, as the bot writes the answer's day into the link. */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);
const ONE_DAY_MS = 24 * 60 * 60 * 1000;

/** GET /decision/<topic>?<fact>=<value>&...&v=<version>[&caveat=<id>...][&on=<day>]: the printable record of one decision. */
export function createDecisionHandler(options: DecisionHandlerOptions = {}) {
  // Nothing here waits: a promise all the same, which a throw below rejects.
  return (request: HttpRequest): Promise<HttpResponseInit> => new Promise((resolve) => resolve(respond(request, options)));
}

function respond(request: HttpRequest, options: DecisionHandlerOptions): HttpResponseInit {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return badRequest({ kind: 'method-not-allowed', allow: ['GET', 'HEAD'] }, { message: 'A decision record can only be read (GET).', choices: [] });
  }
  const reading = readDecisionLink(request.params.topic, request.query.entries());
  if (!reading.ok) return badRequest(BAD_LINK, linkProblem(reading.problem));
  const { link } = reading;
  const unknownCaveat = link.caveats.some((id) => !isCaveatId(id));
  if (unknownCaveat) return badRequest(BAD_LINK, { message: en.pages.unknownCaveat, choices: [...CAVEAT_IDS] });
  const now = (options.now ?? (() => new Date()))();
  // A day after tomorrow cannot be when an answer was given (a day of slack for clocks around midnight).
  if (link.on !== undefined && link.on > isoDay(new Date(now.getTime() + ONE_DAY_MS))) return badRequest(BAD_LINK, { message: en.pages.badDate, choices: [] });
  let record;
  try {
    const decision = decide(link.topic, link.facts, { baseUrl: options.baseUrl ?? loadConfig().publicBaseUrl });
    record = decisionRecord(link.topic as TopicId, link.facts, decision, guide, Object.fromEntries(model.sources.map((source) => [source.id, source])), {
      linkVersion: link.version,
      caveats: caveatSentences(link.caveats),
      answeredOn: link.on,
      printedOn: isoDay(now),
    });
  } catch (error) {
    if (error instanceof DecisionInputError) return badRequest(BAD_LINK, inputProblem(error, link));
    throw error;
  }
  const headers = { ...PAGE_SECURITY_HEADERS, 'Cache-Control': 'public, max-age=300' };
  return { status: 200, headers, body: request.method === 'HEAD' ? undefined : decisionPage(record) };
}

export const decisionHandler = createDecisionHandler();

const BAD_LINK: HttpFailure = { kind: 'bad-input', reason: 'bad-link' };

/** The page explaining a failure, with the status and headers the failure has everywhere. */
function badRequest(failure: HttpFailure, explanation: BadLinkExplanation): HttpResponseInit {
  const { status, headers } = describeFailure(failure);
  return { status, headers: { ...PAGE_SECURITY_HEADERS, 'Cache-Control': 'no-store', ...headers }, body: badLinkPage(explanation) };
}

function linkProblem(problem: LinkProblem): BadLinkExplanation {
  if (problem === 'bad-date') return { message: en.pages.badDate, choices: [] };
  if (problem === 'repeated')
    return { message: 'The link gives one of its answers (or its version) twice, so it does not describe one decision.', choices: [] };
  return { message: 'The link is not shaped like a decision link: a topic, then at most a few dozen short answers.', choices: topicChoices() };
}

/**
 * The core's message names the bad input; the page must not repeat anything from the link, so it
 * words its own, naming only what is ours: the topic, and the fact once it is known to be one.
 */
function inputProblem(error: DecisionInputError, link: DecisionLink): BadLinkExplanation {
  if (error.code === 'unknown-topic' || !isTopicId(link.topic))
    return { message: 'The link names a topic the assistant does not have.', choices: topicChoices() };
  const definition = TOPICS[link.topic];
  if (error.code === 'unknown-fact') {
    return {
      message: `The link gives an answer to a question that the topic "${definition.title}" does not ask.`,
      choices: definition.facts.map((fact) => `${fact.id} (${fact.prompt})`),
    };
  }
  const fact = definition.facts.find(
    (candidate) => candidate.options.every((option) => option.value !== link.facts[candidate.id]) && Object.hasOwn(link.facts, candidate.id),
  );
  return {
    message: fact
      ? `The answer the link gives to "${fact.prompt}" (${fact.id}) is not one of that question's answers.`
      : "One of the answers in the link is not one of its question's answers.",
    choices: (fact ?? definition.facts[0]).options.map((option) => `${option.value} (${option.label})`),
  };
}

const topicChoices = () => TOPIC_IDS.map((topic) => `${topic} (${TOPICS[topic].question})`);
