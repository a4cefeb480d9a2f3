import { decisionHeadline } from '../cards/decision-link';
import { sourceDate } from '../core/guide';
import type { DecisionRecord } from './decision-record';
import { en } from '../wording/en';
import { escapeHtml, PAGE_STYLE } from './html';

// The decision record page (decision contract v3, decision record 0020): one decision, server-rendered, no script,
// printable. Everything from the link is escaped; the link's own version is never shown, only
// the fact that it differs.

// Print: drop the site chrome, keep the record on white, and spell out each link's address so a
// PDF or paper copy still says where every point comes from.
const RECORD_STYLE = `
  .verdict { font-size: 1.5rem; font-weight: 700; margin: .25rem 0 .5rem; }
  .verdict.permitted { color: #0b6a0b; } .verdict.not-permitted { color: #a4262c; }
  .verdict.conditional { color: #8a5300; } .verdict.recommendation { color: #0b5cad; }
  .question { color: #444; margin-bottom: 0; }
  .notice { background: #fff4ce; border-left: 4px solid #c9a400; padding: .6rem .8rem; }
  .caveats { border-left: 4px solid #c9a400; padding: .1rem .8rem; }
  dl.facts { display: grid; grid-template-columns: minmax(12rem, 1fr) 2fr; gap: .3rem 1rem; }
  dl.facts dt { color: #444; } dl.facts dd { margin: 0; font-weight: 600; }
  p.meta { font-size: .9rem; color: #444; }
  @media print {
    body { background: #fff; font-size: 11pt; }
    header.site { display: none; }
    main { max-width: none; padding: 0; }
    a { color: inherit; text-decoration: none; }
    ol.citations a::after { content: " <" attr(href) ">"; font-size: 9pt; word-break: break-all; }
    section, dl.facts { break-inside: avoid; }
  }
`;

function layout(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(en.pages.recordTitle(title))}</title><style>${PAGE_STYLE}${RECORD_STYLE}</style></head>
<body><header class="site"><a href="/guide">${escapeHtml(en.pages.recordHeader)}</a></header><main>
${body}
</main></body></html>`;
}

const list = (items: string[], className = '') =>
  items.length ? `<ul${className ? ` class="${className}"` : ''}>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>` : '';

export function decisionPage(record: DecisionRecord): string {
  const { decision } = record;
  const headline = decisionHeadline(decision.verdict).text;
  const facts = record.facts.length
    ? `<dl class="facts">${record.facts.map((fact) => `<dt>${escapeHtml(fact.prompt)}</dt><dd>${escapeHtml(fact.answer)}</dd>`).join('')}</dl>`
    : `<p>${escapeHtml(en.pages.noAnswers)}</p>`;
  const citations = decision.citations
    .map(
      (citation) =>
        `<li><a href="${escapeHtml(citation.url)}">${escapeHtml(citation.title)}</a><br><span class="source">${escapeHtml(citation.source)}</span></li>`,
    )
    .join('');
  const sources = record.sources.map((source) => `[${source.id}] ${source.title}. ${source.publisher}: ${sourceDate(source)}.`);
  const dates = [
    ...(record.answeredOn !== undefined ? [en.pages.answerGivenOn(en.day(record.answeredOn))] : []),
    en.pages.printedOn(en.day(record.printedOn)),
  ].join(' ');
  // The verdict first, with what it leaves open and what to do; then what it rests on.
  const body = `<h1>${escapeHtml(record.topicTitle)}</h1>
<p class="question">${escapeHtml(record.question)}</p>
<p class="meta dates">${escapeHtml(dates)}</p>
${record.linkVersion !== undefined ? `<p class="notice" role="note">${escapeHtml(en.notices.recordFromOtherGuide)}</p>` : ''}
<section aria-labelledby="verdict"><h2 id="verdict">${escapeHtml(en.pages.theAnswer)}</h2>
<p class="verdict ${escapeHtml(decision.verdict ?? 'open')}">${escapeHtml(headline)}</p>
<p>${escapeHtml(decision.summary)}</p>
${record.caveats.length ? `<div class="caveats" role="note"><p><strong>${escapeHtml(en.labels.notCovered)}:</strong></p>${list(record.caveats)}</div>` : ''}
${record.recommended.length ? `<p><strong>${escapeHtml(en.labels.recommended)}:</strong></p>${list(record.recommended)}` : ''}
</section>
${decision.requirements.length ? `<section aria-labelledby="needs"><h2 id="needs">${escapeHtml(en.labels.whatYouNeed)}</h2>${list(decision.requirements)}</section>` : ''}
<section aria-labelledby="answers"><h2 id="answers">${escapeHtml(en.pages.answersGiven)}</h2>${facts}</section>
${decision.reasons.length ? `<section aria-labelledby="why"><h2 id="why">${escapeHtml(en.labels.why)}</h2>${list(decision.reasons)}</section>` : ''}
${citations ? `<section aria-labelledby="sources"><h2 id="sources">${escapeHtml(en.labels.sources)}</h2><ol class="citations">${citations}</ol></section>` : ''}
<section aria-labelledby="record"><h2 id="record">${escapeHtml(en.pages.aboutRecord)}</h2>
<p class="meta">${escapeHtml(en.guideVersion(decision.knowledge.version))}</p>
${sources.length ? `<p class="meta">${escapeHtml(en.pages.sourcesAsOf)}</p>${list(sources, 'meta')}` : ''}
<p class="meta">${escapeHtml(en.disclaimer)}</p>
</section>`;
  return layout(`${headline}: ${record.topicTitle}`, body);
}

export interface BadLinkExplanation {
  /** What is wrong, in words that never repeat what the link said. */
  message: string;
  /** The valid choices, as "id (what it means)". */
  choices: string[];
}

export function badLinkPage(explanation: BadLinkExplanation): string {
  const body = `<h1>${escapeHtml(en.pages.badLinkHeading)}</h1>
<p>${escapeHtml(explanation.message)}</p>
${explanation.choices.length ? `<p>${escapeHtml(en.pages.validChoices)}</p>${list(explanation.choices)}` : ''}
<p>${en.pages.badLinkHelp(`<a href="/guide">${escapeHtml(en.pages.guideLink)}</a>`)}</p>`;
  return layout(en.pages.badLinkTitle, body);
}
