import MarkdownIt from 'markdown-it';
// One way of turning text into search terms, shared by the index, the query and the snippet,
// so that a word in the guide and the same word typed by a user always meet.

/** Lowercase, straight apostrophes, single spaces: the form every pattern is written for. */
export function normalizeText(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Words typed together with a version between them ("w10oem", "win10pro", "windows10") read as
 * separate words, so that the OEM or Pro in them is not lost; "e3", "m365" and "21h2" stay whole.
 */
export function separateRunTogether(normalized: string): string {
  return normalized.replace(/(?<![a-z0-9])([a-z]+\d+)([a-z]{3,})(?![a-z0-9])/g, '$1 $2').replace(/(?<![a-z0-9])windows(\d)/g, 'windows $1');
}

export interface Word {
  /** Lowercase, apostrophes removed ("maker's" -> "makers"). */
  word: string;
  start: number;
  end: number;
}

/** Words with their offsets in the text (case and apostrophes ignored). */
export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}]+(?:['\u2019][\p{L}\p{N}]+)*/gu)) {
    out.push({ word: m[0].toLowerCase().replace(/['\u2019]/g, ''), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * A light suffix stripper, so "licensed", "licenses" and "licensing" meet as "licens" and
 * "machines" as "machin". Deliberately simpler than Porter: the guide is small and what
 * matters is that index and query agree.
 */
const KEEP_E = new Set(['site', 'note', 'code', 'type', 'same', 'home', 'tape', 'more', 'core', 'name', 'line']);

export function stem(word: string): string {
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length >= 6 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length >= 5 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.length >= 3 && w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  // "wipe", "wiped" and "wiping" meet as "wip"; four letters, so "site" and "sit" stay apart.
  if (w.length >= 5 && w.endsWith('e')) w = w.slice(0, -1);
  else if (w.length === 4 && /[^aeiou][aeiou][^aeiouy]e$/.test(w) && !KEEP_E.has(w)) w = w.slice(0, -1);
  return w;
}

type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

const md = new MarkdownIt({ html: true, linkify: false, typographer: false });
// "(see [Other section title](#other-section))": a pointer, not what this section says.
const SEE_ALSO = /\s*\((?:see|compare|also see|details in|explained in)\b(?:[^()]|\([^()]*\))*\)/gi;

function inline(children: readonly Token[], crossReferences: 'keep-text' | 'drop'): string {
  let out = '';
  let skipping = false;
  for (const t of children) {
    if (t.type === 'link_open') {
      skipping = crossReferences === 'drop' && String(t.attrGet('href') ?? '').startsWith('#');
      continue;
    }
    if (t.type === 'link_close') {
      skipping = false;
      continue;
    }
    if (skipping) continue;
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'image') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak' || t.type === 'html_inline') out += ' ';
  }
  return out;
}

/**
 * Plain text of a section body, from markdown-it's token stream (the parser the guide pages use):
 * inline text without its markup, link targets dropped, a table row read as one sentence of its
 * cells. Pointers to other sections are dropped; for the index also their titles, which would
 * make a section match every question its neighbours answer.
 */
export function plainText(markdown: string, crossReferences: 'keep-text' | 'drop' = 'keep-text'): string {
  const tokens = md.parse(
    markdown.replace(SEE_ALSO, (m) => (m.includes('](#') ? '' : m)),
    {},
  );
  const parts: string[] = [];
  let row: string[] | null = null;
  for (const t of tokens) {
    if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      const cells = row.map((c) => c.trim()).filter(Boolean);
      if (cells.length) parts.push(`${cells.join('; ')}.`);
      row = null;
    } else if (t.type === 'inline') {
      const text = inline(t.children ?? [], crossReferences);
      if (row) row.push(text);
      else parts.push(text);
    } else if (t.type === 'code_block' || t.type === 'fence') parts.push(t.content);
  }
  return parts
    .join(' ')
    .replace(/\s+([.,;:])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
