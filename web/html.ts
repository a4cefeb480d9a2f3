/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

// Pages carry no script of their own and load nothing from elsewhere.
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self' https://teams.microsoft.com https://*.teams.microsoft.com",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export const PAGE_STYLE = `
  body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1b1b1b; background: #fafafa; }
  main { max-width: 48rem; margin: 0 auto; padding: 1rem 1.25rem 4rem; }
  header.site { background: #24364f; color: #fff; padding: .75rem 1.25rem; }
  header.site a { color: #fff; text-decoration: none; font-weight: 600; }
  h1 { font-size: 1.6rem; line-height: 1.25; }
  h2 { font-size: 1.25rem; margin-top: 2.25rem; scroll-margin-top: 1rem; }
  section:target { background: #fff8d6; outline: 2px solid #c9a400; outline-offset: .5rem; }
  table { border-collapse: collapse; width: 100%; display: block; overflow-x: auto; font-size: .95rem; }
  th, td { border: 1px solid #c8c8c8; padding: .35rem .5rem; vertical-align: top; text-align: left; }
  p.source { font-size: .9rem; color: #444; border-left: 3px solid #24364f; padding-left: .6rem; }
  nav.toc li { margin: .2rem 0; }
  footer { font-size: .85rem; color: #555; margin-top: 3rem; }
  a { color: #0b5cad; }
`;
