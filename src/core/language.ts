/**
 * Language detection for en / ru / uk drafts. Support replies are short ("Добрий день, зараз перевірю"),
 * so Ukrainian and Russian are told apart by letters only one of them has (і ї є ґ ʼ vs ы э ъ ё) and by
 * frequent words whose spelling differs, not by statistics that need paragraphs.
 */
import type { Language } from './types.js';

const UK_LETTERS = /[іїєґʼ]/giu;
const RU_LETTERS = /[ыэъё]/giu;

// Frequent words spelt differently in the two languages (no shared spellings here: "вам", "для", "наш"
// are common to both and would only add noise).
const UK_WORDS = new Set(
  ('що це як ми але та й від щоб буде мені дякую дякуємо вибачте перепрошую будь ласка якщо коли тому зараз також ' +
    'ще цей ця ці вони ви його її або який яка які де чому тут там нас нам вже теж дуже добрий доброго день вечір ' +
    'привіт вітаю зробимо зроблю перевірю допоможу можемо можу треба потрібно немає нема так ні гаразд буду було ' +
    'були був зможу зможемо напишіть надішліть замовлення питання відповідь години годин хвилин тиждень сьогодні завтра ' +
    'розумію шкода жаль щойно саме своє свій нашого вашого ваше наше оскільки проте отже ось усе все всі кожен ' +
    'мною вами повідомте зв\'яжемося зв\'язку звернення звертайтеся').split(/\s+/),
);
const RU_WORDS = new Set(
  ('что это как мы но и от чтобы будет мне спасибо извините простите пожалуйста если когда поэтому сейчас также ' +
    'еще ещё этот эта эти они вы его ее её или какой какая какие где почему здесь там нас нам уже тоже очень добрый ' +
    'доброго день вечер привет здравствуйте сделаем сделаю проверю помогу можем могу надо нужно нет так да хорошо буду ' +
    'было были был смогу сможем напишите пришлите заказ вопрос ответ часа часов минут неделю сегодня завтра понимаю ' +
    'жаль только именно свое свой нашего вашего ваше наше поскольку однако итак вот всё все каждый мной вами сообщите ' +
    'свяжемся связи обращение обращайтесь').split(/\s+/),
);

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

/**
 * Detects the draft's language among `candidates` (default en/ru/uk). Returns the first candidate for a
 * text with no letters.
 */
export function detectLanguage(text: string, candidates: readonly Language[] = ['en', 'ru', 'uk']): Language {
  const sample = text.length > 20000 ? text.slice(0, 20000) : text;
  // Counting by char code: a regex match() here would allocate one string per letter of a long draft.
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)) lat++;
    else if (c >= 0x400 && c <= 0x52f) cyr++;
  }
  const has = (l: Language) => candidates.includes(l);
  if (cyr === 0 && lat === 0) return candidates[0] ?? 'en';
  if (lat >= cyr && has('en')) return 'en';
  if (!has('uk') && has('ru')) return 'ru';
  if (!has('ru') && has('uk')) return 'uk';
  if (!has('ru') && !has('uk')) return candidates[0] ?? 'en';

  let uk = count(UK_LETTERS, sample) * 3;
  let ru = count(RU_LETTERS, sample) * 3;
  const words = sample.toLowerCase().replace(/’/g, "'").match(/[\p{L}']+/gu) ?? [];
  for (const w of words) {
    if (UK_WORDS.has(w)) uk += 2;
    if (RU_WORDS.has(w.replace(/ё/g, 'е')) || RU_WORDS.has(w)) ru += 2;
    // "и" as a word is Russian ("и"), Ukrainian uses "і"/"й" (already counted as letters).
  }
  // Ukrainian writes the apostrophe inside words (з'ясую, пам'ять); Russian does not.
  uk += ((sample.match(/\p{L}['’]\p{L}/gu) ?? []).length) * 2;
  if (uk === ru) return has('ru') ? 'ru' : 'uk';
  return uk > ru ? 'uk' : 'ru';
}
