import { citationLines, documentsOf, markdownLink } from '../../cards/citations';
import { linkify } from '../../cards/links';

// The small text rules behind the answer card's sources and links.

test('a source line naming two documents is read as two, without their guide ids', () => {
  expect(documentsOf('[002] Upgrade services. Microsoft, not dated. [003] Fulfillment information. Microsoft, January 2022.')).toEqual([
    'Upgrade services. Microsoft, not dated.',
    'Fulfillment information. Microsoft, January 2022.',
  ]);
});

test('citations of two documents name each once, with the markers resting on it', () => {
  const { lines, documents } = citationLines([
    { title: 'A', source: '[002] Doc two. [003] Doc three.', url: 'https://g.example/a' },
    { title: 'B', source: '[003] Doc three.', url: 'https://g.example/b' },
  ]);
  expect(lines).toEqual(['**[1]** [A](https://g.example/a)', '**[2]** [B](https://g.example/b)']);
  expect(documents).toEqual(['Source of [1]: Doc two.', 'Source of [1] [2]: Doc three.']);
});

test('a link text cannot close the link early, and its address cannot end it', () => {
  expect(markdownLink('What [1] means', 'https://g.example/a(b) c')).toBe('[What (1) means](https://g.example/a%28b%29%20c)');
});

test('a bare address becomes a link without the punctuation after it; a link stays one link', () => {
  expect(linkify('See https://aka.ms/ListedProviders; then ask.')).toBe('See [https://aka.ms/ListedProviders](https://aka.ms/ListedProviders); then ask.');
  expect(linkify('(https://aka.ms/x).')).toBe('([https://aka.ms/x](https://aka.ms/x)).');
  const once = linkify('Go to https://aka.ms/x.');
  expect(linkify(once)).toBe(once);
  expect(linkify('No address here.')).toBe('No address here.');
});
