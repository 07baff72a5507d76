/**
 * Tokenising and normalising drafts. Matching works on word tokens, never on raw characters, so case,
 * straight vs curly apostrophes, ё/е, repeated whitespace and line breaks inside a phrase all fall away
 * here, once, instead of in every pattern.
 */

export interface Token {
  /** UTF-16 offsets into the original text. */
  start: number;
  end: number;
  /** Lowercased, ё→е, apostrophes unified, invisible characters removed. */
  norm: string;
  /** The first letter is uppercase (used by `{name}` when no customer name is known). */
  cap: boolean;
  /** Digits only. */
  num: boolean;
  /** A sentence boundary (., !, ?, …, ;, a line break, or the start of the text) lies before this token. */
  brk: boolean;
  /** Index of the sentence this token belongs to. */
  sent: number;
}

// Letters, marks and digits, with word-internal apostrophes (don't, з'ясую, пам’ять) and the invisible
// characters editors and pasted text put inside words (soft hyphen, zero-width space/joiners, BOM).
const WORD_RE =
  /[\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]+(?:['‘’ʼ`´][\p{L}\p{M}\p{N}\u00AD\u200B-\u200D\u2060\uFEFF]+)*/gu;
const INVISIBLE_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/g;
const APOSTROPHE_RE = /[‘’ʼ`´]/g;
// A gap between two words that contains one of these ends a sentence. A line break does too: support
// replies put greetings, sign-offs and list items on their own lines without punctuation.
const SENTENCE_END_RE = /[.!?…;\n\r\u2028\u2029]/;
const DIGITS_RE = /^\p{N}+$/u;

/** Normalise one word (or a whole phrase) the way tokens are normalised. */
export function normalizeWord(word: string): string {
  return word.replace(INVISIBLE_RE, '').toLowerCase().replace(/ё/g, 'е').replace(APOSTROPHE_RE, "'");
}

/** Normalise free text for comparisons (personal ignores): tokens joined by single spaces. */
export function normalizePhrase(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}

function isSentenceGap(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to);
  if (!SENTENCE_END_RE.test(gap)) return false;
  // "3.5" and "v2.1" are numbers, not sentence ends.
  if (gap === '.' && /\p{N}/u.test(text[from - 1] ?? '') && /\p{N}/u.test(text[to] ?? '')) return false;
  return true;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let prevEnd = 0;
  let sent = 0;
  WORD_RE.lastIndex = 0;
  for (let m = WORD_RE.exec(text); m !== null; m = WORD_RE.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const norm = normalizeWord(m[0]);
    if (norm.length === 0) {
      // A run of invisible characters only: not a word.
      continue;
    }
    const brk = tokens.length === 0 || isSentenceGap(text, prevEnd, start);
    if (brk && tokens.length > 0) sent++;
    const first = m[0].replace(INVISIBLE_RE, '')[0] ?? '';
    tokens.push({
      start,
      end,
      norm,
      cap: first !== first.toLowerCase(),
      num: DIGITS_RE.test(norm),
      brk,
      sent,
    });
    prevEnd = end;
  }
  return tokens;
}
