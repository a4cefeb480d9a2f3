import { markdownLink } from './citations';

// Guide text sometimes names a web address (https://aka.ms/ListedProviders): cards render
// TextBlock markdown, where a bare address stays plain text, so it becomes a link. Only text the
// guide wrote goes through this: what a user typed is never turned into a link.

// Punctuation that ends a sentence, not the address: "see https://aka.ms/x; then" or "(https://aka.ms/x)."
const BARE_URL = /(?<!\]\(|\[)https?:\/\/[^\s<>()[\]]*[^\s<>()[\].,;:!?'"]/g;

export function linkify(guideText: string): string {
  return guideText.replace(BARE_URL, (url) => markdownLink(url, url));
}
