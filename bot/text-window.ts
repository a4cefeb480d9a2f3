// Everything that looks at what a user typed starts here: the text is cut to what the bot can
// use before any pattern sees it, and the tag stripping is a single forward scan. A regex such as
// /<at\b[^>]*>[\s\S]*?<\/at>/ backtracks over the whole rest of the text from every "<at" when
// no ">" follows, so 240 KB of "<at " held the event loop (and every other request) for 25 s.

/**
 * The most of a message the bot reads: the search reads MAX_QUERY_CHARS (1,000), and mention
 * markup and runs of spaces may take some room first. More than this is still "a long text" (the
 * search says it read only part of it), never more work. Not imported from core/search, which
 * would load the whole guide into everything that reads a command.
 */
export const MAX_READ_CHARS = 4000;

/** The start of a text field as the bot reads it; anything that is not a string reads as nothing. */
export function readableText(value: unknown): string {
  return typeof value === 'string' ? value.slice(0, MAX_READ_CHARS) : '';
}

/**
 * The text with every `<at ...>...</at>` (any case) replaced by `replacement`: what the regex
 * above matched, found in one pass. A tag with no ">" after it, or no "</at>" after that, means
 * no later tag can close either, so the scan stops there.
 */
export function withoutAtTags(text: string, replacement: string): string {
  // ASCII only, as the regex's i flag without u compares: toLowerCase could change the length.
  const lower = text.replace(/[A-Z]+/g, (letters) => letters.toLowerCase());
  let out = '';
  let from = 0;
  for (let start = nextAtTag(lower, 0); start >= 0; start = nextAtTag(lower, from)) {
    const open = lower.indexOf('>', start + 3);
    if (open < 0) break;
    const close = lower.indexOf('</at>', open + 1);
    if (close < 0) break;
    out += text.slice(from, start) + replacement;
    from = close + '</at>'.length;
  }
  return out + text.slice(from);
}

/** The text with every `<...>` replaced by `replacement`, in one pass (a "<" with no ">" after it stays). */
export function withoutTags(text: string, replacement: string): string {
  let out = '';
  let from = 0;
  for (let start = text.indexOf('<'); start >= 0; start = text.indexOf('<', from)) {
    const end = text.indexOf('>', start + 1);
    if (end < 0) break;
    out += text.slice(from, start) + replacement;
    from = end + 1;
  }
  return out + text.slice(from);
}

/** Where the next "<at" followed by a word boundary starts (the regex's `<at\b`), or -1. */
function nextAtTag(lower: string, from: number): number {
  for (let at = lower.indexOf('<at', from); at >= 0; at = lower.indexOf('<at', at + 1)) {
    if (!isWordChar(lower.charCodeAt(at + 3))) return at;
  }
  return -1;
}

function isWordChar(code: number): boolean {
  // \w without the u flag: ASCII letters, digits and "_" (NaN past the end is no word char).
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;
}
