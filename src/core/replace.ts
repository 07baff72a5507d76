/**
 * What one click on an alternative does to the draft. Pure string work, no DOM.
 *
 * A rule underlines the words that hurt ("take your business elsewhere") but its alternatives are often
 * whole sentences ("We'd be glad to help you again any time."). Putting such a sentence exactly over the
 * underline leaves the agent with "Feel free to We'd be glad to help you again any time.." — so a sentence
 * alternative stands in for the clause around the underline (a few words either side, never past a comma,
 * dash or sentence end), and the punctuation and capitals where it meets the agent's text are mended.
 * A phrase alternative (no capital, no closing punctuation: "a short delay") replaces the underline only.
 */
import { isSentenceEndAt } from './text.js';
import type { TextEdit, TextRange } from './types.js';

// Words a sentence alternative may absorb on each side of the underline within its clause: the lead-in of
// the same thought ("Feel free to", "The booking site you used") and its object ("of the incident", "any
// faster"). A sentence dropped into the middle of a clause never reads right, so the clause goes with it up
// to these limits; past them the words are the agent's own content, which a click must not delete (the
// sidebar names the exact words a click replaces).
const MAX_LEAD_WORDS = 8;
const MAX_TAIL_WORDS = 8;

const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
// A clause ends at a comma, colon, dash or bracket; a hyphen counts only with spaces around it (" - ").
// A colon or comma between digits is part of a number or a time (9:00, 1,000), not a clause mark.
const CLAUSE_MARK = /(?<!\p{N})[,:]|[,:](?!\p{N})|[—–()]|\s-\s/gu;
// After a comma, these words continue the same thought: a subordinate or relative clause, a closing "please" or a
// sentence adverb (", honestly." would otherwise be left behind as a sentence of its own).
const SAME_CLAUSE =
  /^\s*(?:that|which|who|whom|whose|when|where|than|because|so that|please|pls|honestly|seriously|tbh|lol|mate|though|anyway|sorry|i'm afraid|i am afraid|unfortunately|что|чтобы|потому что|так как|когда|где|как|который|которая|которое|которые|которого|которой|которых|чем|пожалуйста|плиз|честно|серьёзно|серьезно|вообще-то|короче|к сожалению|извините|простите|що|щоб|бо|тому що|оскільки|коли|де|як|який|яка|яке|які|якого|якої|яких|ніж|будь ласка|чесно|серйозно|взагалі-то|коротше|на жаль|вибачте|перепрошую)(?![\p{L}\p{N}])/iu;
// A greeting the underline may start with ("Hi Claire, actually…"): a click keeps it.
const GREETING =
  /^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|здравствуйте|добрый (?:день|вечер)|доброе утро|привет|вітаю|добрий (?:день|вечір)|доброго (?:дня|ранку)|привіт)(?![\p{L}])[^,.!?\n]{0,40},\s*/iu;
// One or two words and a comma opening the sentence, part of what the clause says: "Please, no more…".
const OPENER =
  /^(?:please|honestly|seriously|frankly|look|listen|well|ok|okay|so|again|sorry|sadly|unfortunately|good job|fine|пожалуйста|слушайте|послушайте|честно|ну|короче|ладно|хорошо|к сожалению|будь ласка|слухайте|послухайте|чесно|гаразд|добре|на жаль)[ \t]*,[ \t]*$/iu;
// Words that start a sentence only by position: a lead-in put before them takes them in lowercase.
const COMMON_START =
  /^(?:you|your|we|our|it|its|this|that|these|those|the|there|they|he|she|my|вы|ты|мы|это|ваш\p{L}*|наш\p{L}*|он|она|они|ви|ти|ми|це|він|вона|вони)(?![\p{L}'’])/iu;
const BUT = /(?<![\p{L}])(?:but|however|но|однако|але|проте|однак)(?![\p{L}])/giu;
const MENTION = /^[@#][\p{L}\p{N}_.]+\s*/u;
// One or two capitalised words closing the sentence after a comma: the customer's name ("…, Maggie.").
const VOCATIVE = /^[ \t]*\p{Lu}[\p{L}'’-]*(?:[ \t]+\p{Lu}[\p{L}'’-]*)?[ \t]*(?=[.!?…]|$)/u;
const CLOSING = /[.!?…:]$/;
const LEAD_IN = /[,—–]$/;
const STARTS_WITH_I = /^I(?:\b|['’])/;

function countWords(s: string): number {
  return s.match(WORD)?.length ?? 0;
}

/** The first letter in capitals (after any opening quote). */
export function upperFirst(s: string): string {
  const i = s.search(/\p{L}/u);
  return i < 0 ? s : s.slice(0, i) + s.charAt(i).toLocaleUpperCase() + s.slice(i + 1);
}

/** The first letter small, except English "I", "I'm", "I'll". */
export function lowerFirst(s: string): string {
  if (STARTS_WITH_I.test(s)) return s;
  return s.charAt(0).toLocaleLowerCase() + s.slice(1);
}

export type AlternativeShape = 'phrase' | 'lead-in' | 'sentence';

/**
 * How an alternative fits the text: a `sentence` closes itself ("I'm sorry; let me sort this.", "…here's what I
 * can do:") or starts with a capital (English "I…" alone does not count) and stands in for the whole clause;
 * a `lead-in` ends with a comma or dash ("To recap,") and takes the clause's lead-in words but leaves what
 * follows, which it introduces; a `phrase` ("a short delay") replaces the underline only.
 */
export function alternativeShape(alternative: string): AlternativeShape {
  const a = alternative.trim();
  if (LEAD_IN.test(a)) return 'lead-in';
  if (CLOSING.test(a)) return 'sentence';
  return /^\p{Lu}/u.test(a) && !STARTS_WITH_I.test(a) ? 'sentence' : 'phrase';
}

/**
 * Plan the edit for `alternative` (with `{name}` already filled, case not yet adapted) standing in for the
 * underlined `span` of `text`.
 */
export function planReplacement(text: string, span: TextRange, alternative: string): TextEdit {
  const alt = alternative.trim();
  // Sentence around the underline.
  let sentenceStart = span.start;
  while (sentenceStart > 0 && !isSentenceEndAt(text, sentenceStart - 1)) sentenceStart--;
  while (sentenceStart < span.start && /\s/.test(text[sentenceStart]!)) sentenceStart++;
  let sentenceEnd = span.end;
  while (sentenceEnd < text.length && !isSentenceEndAt(text, sentenceEnd)) sentenceEnd++;

  let start = span.start;
  let end = span.end;
  // "100%": the tokenizer's words stop before the sign, the click must not leave it behind.
  if (text.charAt(end) === '%' && /\p{N}/u.test(text.charAt(end - 1))) end++;
  const shape = alternativeShape(alt);
  if (shape !== 'phrase') {
    // Clause start: after the last clause mark between the sentence start and the underline.
    const lead = text.slice(sentenceStart, span.start);
    let cut = -1;
    for (const m of lead.matchAll(CLAUSE_MARK)) cut = m.index! + m[0].length;
    let clauseStart = cut < 0 ? sentenceStart : sentenceStart + cut;
    while (clauseStart < span.start && /\s/.test(text[clauseStart]!)) clauseStart++;
    // A reply's leading @mention (social inboxes) addresses the customer: it stays.
    for (let m; (m = MENTION.exec(text.slice(clauseStart, span.start))); ) clauseStart += m[0].length;
    // "Please, no more exclamation marks." — a one-word opener is part of the clause it opens.
    if (cut >= 0 && OPENER.test(text.slice(sentenceStart, clauseStart))) clauseStart = sentenceStart;
    if (countWords(text.slice(clauseStart, span.start)) <= MAX_LEAD_WORDS) start = clauseStart;
    const greeting = GREETING.exec(text.slice(start, span.end));
    if (greeting && start + greeting[0].length < span.end) start += greeting[0].length;
  }
  // One underlined word ("Unfortunately", "obviously") is a sentence adverb: what follows it is the agent's
  // own point, which a sentence ending in ":" introduces and a lead-in is put in front of. A longer underline
  // ends in its verb ("We're unable to assist"), and the words after it are its object, which go with it.
  const adverb = countWords(text.slice(span.start, span.end)) === 1;
  if (shape === 'sentence' && !(adverb && alt.endsWith(':'))) {
    // Clause end: the first clause mark after the underline, unless what follows it belongs to the same
    // thought (", which isn't helping", ", что посылка не пришла", ", please").
    const tail = text.slice(span.end, sentenceEnd);
    let clauseEnd = sentenceEnd;
    for (const m of tail.matchAll(CLAUSE_MARK)) {
      if (m[0] === ',' && SAME_CLAUSE.test(tail.slice(m.index + 1))) continue;
      clauseEnd = span.end + m.index;
      break;
    }
    while (clauseEnd > span.end && /\s/.test(text[clauseEnd - 1]!)) clauseEnd--;
    // An underline ending in "but" stands for "sorry, but": what follows is the agent's point and stays.
    const endsWithBut = /(?:^|[^\p{L}])(?:but|however|yet|но|однако|а|але|проте|однак)$/iu.test(text.slice(span.start, span.end));
    if (!endsWithBut && countWords(text.slice(span.end, clauseEnd)) <= MAX_TAIL_WORDS) end = clauseEnd;
  }

  // Case where it meets the text before: a sentence start takes a capital, mid-sentence a small letter
  // (but a match the agent typed in capitals keeps them).
  const atSentenceStart = start === sentenceStart || /^(?:[@#][\p{L}\p{N}_.]+[,:]?\s*)+$/u.test(text.slice(sentenceStart, start));
  const first = text.charAt(span.start);
  const typedCapital = first !== first.toLowerCase() && !STARTS_WITH_I.test(text.slice(span.start));
  let insert = atSentenceStart || (start === span.start && typedCapital) ? upperFirst(alt) : lowerFirst(alt);

  // A lead-in stands for "sorry, but": an underline running on past its "but" ("…, but you need to contact
  // them") keeps the agent's words after it, which the lead-in introduces.
  if (shape === 'lead-in') {
    const but = [...text.slice(span.start, span.end).matchAll(BUT)].pop();
    if (but && span.start + but.index + but[0].length < span.end) end = span.start + but.index + but[0].length;
  }

  // Punctuation where it meets the text after.
  const rest = /^[ \t]*([.!?…,;:—–]+|-(?=\s))?/.exec(text.slice(end))!;
  const mark = rest[1];
  const closes = CLOSING.exec(insert)?.[0];
  const kept = shape === 'lead-in' && adverb ? text.slice(start, span.start).trim() : '';
  if (kept) {
    // A lead-in goes before the clause, the underline goes, the agent's words stay: "You obviously need…"
    // → "Just so you know, you need…".
    insert = `${upperFirst(alt)} ${COMMON_START.test(kept) ? kept.charAt(0).toLocaleLowerCase() + kept.slice(1) : kept}`;
    if (!atSentenceStart) insert = lowerFirst(insert);
  } else if (shape === 'lead-in') {
    // "To recap," before the agent's own ", the refund…" or "." : the text's mark wins.
    if (mark) insert = insert.replace(/\s*[,—–]$/, '');
    else if (end < text.length && !/\s/.test(text.charAt(end))) insert += ' ';
  } else if (closes) {
    const vocative = mark === ',' ? VOCATIVE.exec(text.slice(end + rest[0].length)) : null;
    if (vocative) {
      // "…sorry you feel this way, Maggie." → "I'm sorry this happened, Maggie.": the name stays with the sentence.
      insert = insert.slice(0, -closes.length);
    } else if (mark) {
      // The alternative brings its own closing mark: drop the one that followed the replaced words
      // ("…sort this.." / "…right now:." / "…frustrated., the bot"). At the end of a sentence the
      // alternative's mark closes it ("…here's what I can do:" stays open for the agent to finish).
      // The agent's own space after it stays (an edit ending in a space becomes &nbsp; in some editors).
      end += rest[0].length;
      if (end < text.length && /[\p{L}\p{N}]/u.test(text.charAt(end))) insert += ' ';
    }
    // After a full stop the agent's next words start a sentence.
    if (closes !== ':' && !vocative) {
      const nextWord = /^([ \t]*)(\p{Ll})/u.exec(text.slice(end));
      if (nextWord) {
        const at = end + nextWord[1]!.length;
        insert += text.slice(end, at) + nextWord[2]!.toLocaleUpperCase();
        end = at + 1;
      }
    }
  } else if (shape === 'sentence') {
    // A statement now ends the agent's question: "…разберусь с этим сегодня?" becomes a full stop.
    if (end === sentenceEnd && text.charAt(end) === '?') {
      insert += '.';
      end += 1;
    } else if (end < text.length && /[\p{L}\p{N}]/u.test(text.charAt(end))) insert += ' ';
  }
  return { start, end, original: text.slice(start, end), text: insert };
}
