import { term } from './terms';
import { words } from './text';

// A short extract of a section around the words that matched, so the reply card shows why
// the section was found. Pure function of its inputs.

const LEAD = 40;

export function snippet(plain: string, matched: ReadonlySet<string>, size = 200): string {
  if (plain.length <= size) return plain;
  const all = words(plain);
  const hits = all.filter((w) => matched.has(term(w.word) ?? ''));
  let start = 0;
  let best = 0;
  for (const hit of hits) {
    const from = Math.max(0, hit.start - LEAD);
    const distinct = new Set(hits.filter((h) => h.start >= from && h.end <= from + size).map((h) => term(h.word))).size;
    if (distinct > best) {
      best = distinct;
      start = from;
    }
  }
  // Begin on a sentence start when one is close, otherwise on a word start.
  const sentence = plain.slice(Math.max(0, start - LEAD), start + LEAD).search(/(?<=[.!?:]\s)\S/);
  if (start > 0 && sentence >= 0) start = Math.max(0, start - LEAD) + sentence;
  const first = all.find((w) => w.start >= start);
  if (!first) return plain.slice(0, size);
  start = first.start;
  const inWindow = all.filter((w) => w.start >= start && w.end <= start + size);
  let end = inWindow.length ? inWindow[inWindow.length - 1].end : Math.min(plain.length, start + size);
  if (plain[end] === '.') end += 1;
  const text = plain.slice(start, end);
  return `${start > 0 ? '…' : ''}${text}${end < plain.length && !text.endsWith('.') ? '…' : ''}`;
}
