import MarkdownIt from 'markdown-it';
import type { Guide, GuideDocument } from '../core/guide';
import { en } from '../wording/en';
import { escapeHtml, PAGE_STYLE } from './html';

// Guide pages are rendered once per process: the guide is fixed at build time.
// markdown-it runs with html disabled, so no guide text can inject markup of its own.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

export class GuidePages {
  private readonly pages = new Map<string, string>();
  private readonly index: string;

  constructor(guide: Guide, describeSource: (id: string) => string) {
    for (const document of guide.documents) this.pages.set(document.id, renderDocument(document, guide.version, describeSource));
    this.index = renderIndex(guide);
  }

  indexPage(): string {
    return this.index;
  }

  /** The page of one guide document, or undefined for anything that is not one. */
  documentPage(documentId: string): string | undefined {
    return this.pages.get(documentId);
  }
}

function layout(title: string, body: string, version: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(en.pages.guideTitle(title))}</title><style>${PAGE_STYLE}</style></head>
<body><header class="site"><a href="/guide">${escapeHtml(en.pages.guideHeader)}</a></header><main>
${body}
<footer>${escapeHtml(en.smallPrint(version))}</footer>
</main></body></html>`;
}

function renderDocument(document: GuideDocument, version: string, describeSource: (id: string) => string): string {
  const toc = document.sections.map((section) => `<li><a href="#${escapeHtml(section.id)}">${escapeHtml(section.title)}</a></li>`).join('');
  const sections = document.sections
    .map(
      (section) => `<section id="${escapeHtml(section.id)}">
<h2>${escapeHtml(section.title)} <a href="#${escapeHtml(section.id)}" aria-label="${escapeHtml(en.pages.linkToSection)}">#</a></h2>
${markdown.render(section.body)}
<p class="source">${en.labels.source(section.sourceIds.map((id) => escapeHtml(describeSource(id))).join('<br>'))}</p>
</section>`,
    )
    .join('\n');
  const body = `<h1>${escapeHtml(document.title)}</h1>
${markdown.render(document.intro)}
<nav class="toc" aria-label="${escapeHtml(en.labels.sections)}"><ol>${toc}</ol></nav>
${sections}`;
  return layout(document.title, body, version);
}

function renderIndex(guide: Guide): string {
  const items = guide.documents
    .map(
      (document) =>
        `<li><a href="/guide/${escapeHtml(document.id)}">${escapeHtml(document.title)}</a> ${escapeHtml(en.pages.guideSectionCount(document.sections.length))}</li>`,
    )
    .join('');
  return layout(
    en.pages.guideIndexTitle,
    `<h1>${escapeHtml(en.labels.guide)}</h1><p>${escapeHtml(en.pages.guideIndexIntro)}</p><ul>${items}</ul>`,
    guide.version,
  );
}

export function notFoundPage(version: string): string {
  const index = `<a href="/guide">${escapeHtml(en.pages.guideIndexLink)}</a>`;
  return layout(en.pages.notFoundTitle, `<h1>${escapeHtml(en.pages.notFoundHeading)}</h1><p>${en.pages.notFoundBody(index)}</p>`, version);
}
