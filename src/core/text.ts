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
const INVISIBLE_CHAR_RE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/;
const APOSTROPHE_RE = /[‘’ʼ`´]/g;
// A gap between two words that contains . ! ? … ; or a line break ends a sentence: support replies put
// greetings, sign-offs and list items on their own lines without punctuation.
const DIGITS_RE = /^\p{N}+$/u;

const NEEDS_FOLDING_RE = /[ёЁ‘’ʼ`´\u00AD\u200B-\u200D\u2060\uFEFF]/;

/** Normalise one word (or a whole phrase) the way tokens are normalised. */
export function normalizeWord(word: string): string {
  const lower = word.toLowerCase();
  if (!NEEDS_FOLDING_RE.test(lower)) return lower;
  return lower.replace(INVISIBLE_RE, '').replace(/ё/g, 'е').replace(APOSTROPHE_RE, "'");
}

/** Normalise free text for comparisons (personal ignores): tokens joined by single spaces. */
export function normalizePhrase(text: string): string {
  return tokenize(text)
    .map((t) => t.norm)
    .join(' ');
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether the character at `i` ends a sentence: . ! ? ; … a line break (\n \r U+2028 U+2029), but not the
 * point inside a number ("3.5", "v2.1"). Char codes only: it runs for every gap between words.
 */
export function isSentenceEndAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 46) return !(isDigit(text.charCodeAt(i - 1)) && isDigit(text.charCodeAt(i + 1)));
  return c === 33 || c === 63 || c === 59 || c === 10 || c === 13 || c === 0x2026 || c === 0x2028 || c === 0x2029;
}

/** Whether the characters between two words end a sentence. */
function isSentenceGap(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isSentenceEndAt(text, i)) return true;
  return false;
}

const MIXED_RE = /\p{N}[\p{L}\p{M}]|[\p{L}\p{M}]\p{N}/u;
const RUN_RE = /\p{N}+|[^\p{N}]+/gu;

/** Splits a word at digit/letter boundaries, keeping offsets. */
function splitDigits(raw: string, start: number): { start: number; end: number; raw: string }[] {
  const out: { start: number; end: number; raw: string }[] = [];
  RUN_RE.lastIndex = 0;
  for (let m = RUN_RE.exec(raw); m !== null; m = RUN_RE.exec(raw)) {
    if (normalizeWord(m[0]).replace(/'/g, '') === '') continue; // an apostrophe or invisible run between parts
    out.push({ start: start + m.index, end: start + m.index + m[0].length, raw: m[0] });
  }
  return out;
}

/** The word pieces of a pattern lexeme, split exactly as drafts are tokenised. */
const PLAIN_WORD_RE = /^[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*$/u;

export function wordPieces(normalized: string): string[] {
  // Most pattern words are plain words: skip the tokenizer (compiling a large pack calls this thousands of times).
  if (PLAIN_WORD_RE.test(normalized)) return [normalized];
  return tokenize(normalized).map((t) => t.norm);
}

function firstVisible(word: string): string {
  for (const ch of word) if (!INVISIBLE_CHAR_RE.test(ch)) return ch;
  return '';
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
    // "5pm", "24ч", "3-5days": a run of digits and a run of letters are two words, as if spaced ("5 pm").
    const parts = MIXED_RE.test(norm) ? splitDigits(m[0], start) : [{ start, end, raw: m[0] }];
    parts.forEach((part, k) => {
      const pnorm = parts.length === 1 ? norm : normalizeWord(part.raw);
      const first = pnorm === part.raw ? '' : firstVisible(part.raw);
      tokens.push({
        start: part.start,
        end: part.end,
        norm: pnorm,
        cap: first !== '' && first !== first.toLowerCase(),
        num: isDigit(pnorm.charCodeAt(0)) && DIGITS_RE.test(pnorm),
        brk: brk && k === 0,
        sent,
      });
    });
    prevEnd = end;
  }
  return tokens;
}
