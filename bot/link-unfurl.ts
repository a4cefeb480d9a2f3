import { z } from 'zod';
import { renderDecisionLink, renderThumbnail } from '../cards';
import { decisionHeadline } from '../cards/decision-link';
import { checkFacts, decide } from '../core/decide';
import { isTopicId, TOPICS } from '../core/topics';
import { guide } from '../core/knowledge';
import { readDecisionLink } from '../core/decision-link';
import { isCaveatId, orderedCaveatIds } from '../core/caveats';
import { withRecordContext } from '../core/urls';
import { ExtensionAttachment, ExtensionResponse, resultList, withPreview } from './extension-response';
import { documentAttachment, sectionAttachment } from './section-view';
import type { TurnFields } from './turn-log';
import { en } from '../wording/en';

// Link unfurling (composeExtension/queryLink): a guide or decision record link pasted into a
// chat becomes the card of what it points at. Anything else gets an empty result, which Teams
// reads as "no card": the link stays a plain link and nobody sees an error.

const queryLinkSchema = z.looseObject({ url: z.string().min(1).max(4096) });

export type UnfurledKind = 'section' | 'document' | 'decision' | 'none';

export function answerQueryLink(value: unknown, baseUrl: string): { body: ExtensionResponse; log: TurnFields } {
  const parsed = queryLinkSchema.safeParse(value);
  const { kind, card } = parsed.success ? unfurl(parsed.data.url, baseUrl) : { kind: 'none' as const, card: undefined };
  return { body: resultList(card ? [card] : []), log: { action: 'unfurl', unfurled: kind } };
}

function unfurl(link: string, baseUrl: string): { kind: UnfurledKind; card?: ExtensionAttachment } {
  const path = ownPath(link, baseUrl);
  if (!path) return { kind: 'none' };
  const guidePage = /^\/guide\/([a-z0-9-]{1,64})\/?$/.exec(path.pathname);
  if (guidePage) return unfurlGuide(guidePage[1], path.fragment, baseUrl);
  const decisionPage = /^\/decision\/([^/]{1,64})\/?$/.exec(path.pathname);
  if (decisionPage) return unfurlDecision(decisionPage[1], path.search, baseUrl);
  return { kind: 'none' };
}

/** The link's path below PUBLIC_BASE_URL, or undefined when it points anywhere else. */
function ownPath(link: string, baseUrl: string): { pathname: string; search: URLSearchParams; fragment: string } | undefined {
  let url: URL;
  let base: URL;
  try {
    url = new URL(link);
    base = new URL(baseUrl);
  } catch {
    return undefined;
  }
  const prefix = base.pathname.replace(/\/+$/, '');
  if (url.origin !== base.origin || !url.pathname.startsWith(`${prefix}/`)) return undefined;
  let fragment = '';
  try {
    fragment = decodeURIComponent(url.hash.slice(1));
  } catch {
    // A fragment that is not valid percent-encoding names no section: the document remains.
  }
  return { pathname: url.pathname.slice(prefix.length), search: url.searchParams, fragment };
}

function unfurlGuide(documentId: string, fragment: string, baseUrl: string): { kind: UnfurledKind; card?: ExtensionAttachment } {
  const document = guide.documents.find((candidate) => candidate.id === documentId);
  if (!document) return { kind: 'none' };
  const section = document.sections.find((candidate) => candidate.id === fragment);
  // An anchor the page does not have still opens the page: show the document it opens.
  return section ? { kind: 'section', card: sectionAttachment(section, baseUrl) } : { kind: 'document', card: documentAttachment(document, baseUrl) };
}

function unfurlDecision(rawTopic: string, search: URLSearchParams, baseUrl: string): { kind: UnfurledKind; card?: ExtensionAttachment } {
  let topic: string;
  try {
    topic = decodeURIComponent(rawTopic);
  } catch {
    return { kind: 'none' };
  }
  const reading = readDecisionLink(topic, search.entries());
  if (!reading.ok) return { kind: 'none' };
  const { link } = reading;
  // A link to no topic or with answers the topic does not have unfurls as nothing, as any other URL.
  if (!isTopicId(link.topic) || checkFacts(link.topic, link.facts) || !link.caveats.every(isCaveatId)) return { kind: 'none' };
  const decision = decide(link.topic, link.facts, { baseUrl });
  const question = TOPICS[decision.topic].question;
  const outdated = link.version !== undefined && link.version !== decision.knowledge.version;
  const card = renderDecisionLink({
    question,
    notice: outdated ? en.notices.linkFromOtherGuide : '',
    verdict: decision.verdict,
    summary: decision.summary,
    // The card lists no sources (the record page does), so the reasons' [n] markers would point nowhere.
    reasons: decision.reasons.map((reason) => reason.replace(/(?:\s*\[\d+\])+$/, '')),
    version: decision.knowledge.version,
    // The pasted link's caveats and answer date stay on the link the card opens.
    url: withRecordContext(decision.permalink, { caveats: orderedCaveatIds(link.caveats), on: link.on }),
  });
  const preview = renderThumbnail({ title: decisionHeadline(decision.verdict).text, subtitle: question, text: decision.summary });
  return { kind: 'decision', card: withPreview(card, preview) };
}
