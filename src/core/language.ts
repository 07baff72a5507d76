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
    'мною вами повідомте зв\'яжемося зв\'язку звернення звертайтеся невже зачекайте чекайте зайнята зайнятий лист ' +
    'листа листі нервуйте повертайтеся неможливе неможливо прочитати написати зробити перевірити дізнатися повернути ' +
    'отримати чекати знайти допомогти змогу мене тебе себе мій моя моє твій твоя наразі поки вирішимо вирішити ' +
    'скасувати оплатити доставка доставки посилка посилку кур\'єр гроші кошти картка картку тиждень тижня хвилину ' +
    'годину завжди ніколи нічого ніхто щось хтось будь-ласка вибач пробачте шановний шановна пане пані друже ' +
    'гаразд звичайно звісно авжеж чом бо адже хіба лише тільки лише вдома робота роботи працюємо працює ' +
    'знову досі теперішній наступний наступного минулого тиждень рахунок рахунку відповісти відповіли відповідаємо ' +
    'тобі вам вас ним ними нею ній цьому цього цієї цих тому того такий така таке такі які яка який яке чи ' +
    'коли-небудь прохання прошу будь ласка розмовляти говорити казати кажу сказав сказала дивіться подивіться ' +
    'почекайте бачу бачимо уважно одразу відразу прибуде прибудуть сплачено створено зателефоную зателефонуємо ' +
    'знижки знижку покладено зроблю зробимо напишу напишемо середу п\'ятницю неділю казала казав казали кажете ' +
    'кажеш кажу ти з заспокойся заспокойтеся заспокойтесь заспокойтеся хвилюйтеся хвилюйтесь хвилюйся хвилюватися ' +
    'згодом протягом трохи хвилинку будь-яка будь-який вибачаємося перепрошуємо надіслали надіслала отримали ' +
    'отримаєте нажаль помилка помилку помилки дзвінок телефонуйте зверніться своєму своєї власний ' +
    'відповідно вимог порядку надалі взагалі зовсім справді дійсно нині тепер відтак проблема проблему ' +
    'послуга послуги послугу гривень грн оператор оператора менеджер менеджера може можна зможе допоможе ' +
    'допоможемо вийде вийшло прийде буде будемо вибачайте').split(/\s+/),
);
const RU_WORDS = new Set(
  ('что это как мы но и от чтобы будет мне спасибо извините простите пожалуйста если когда поэтому сейчас также ' +
    'еще ещё этот эта эти они вы его ее её или какой какая какие где почему здесь там нас нам уже тоже очень добрый ' +
    'доброго день вечер привет здравствуйте сделаем сделаю проверю помогу можем могу надо нужно нет так да хорошо буду ' +
    'было были был смогу сможем напишите пришлите заказ вопрос ответ часа часов минут неделю сегодня завтра понимаю ' +
    'жаль только именно свое свой нашего вашего ваше наше поскольку однако итак вот всё все каждый мной вами сообщите ' +
    'свяжемся связи обращение обращайтесь неужели подождите ждите занята занят письмо письма письме нервничайте ' +
    'возвращайтесь невозможно прочитать написать сделать проверить узнать вернуть получить ждать найти помочь ' +
    'меня тебя себя мой моя мое твой твоя пока решим решить отменить оплатить доставка доставки посылка посылку ' +
    'курьер деньги средства карта карту неделя недели минуту час всегда никогда ничего никто что-то кто-то ' +
    'уважаемый уважаемая друг ладно конечно разумеется ведь разве лишь только дома работа работы работаем работает ' +
    'снова до сих пор следующий следующего прошлой счет счёт ответить ответили отвечаем тебе ним ними ней ' +
    'этом этого этой этих тому того такой такая такое такие какие ли просьба прошу разговаривать говорить ' +
    'сказать говорю сказал сказала смотрите посмотрите успокойтесь успокойся волнуйтесь волнуйся переживайте ' +
    'позже течение немного минутку любая любой извиняемся отправили отправила получили получите сожалению ' +
    'ошибка ошибку ошибки звонок звоните обратитесь своему своей собственный соответственно требований ' +
    'дальнейшем вообще совсем действительно теперь проблема проблему услуга услуги услугу рублей руб может можно ' +
    'сможет поможет поможем выйдет вышло придет придёт будет будем извиняйте').split(/\s+/),
);

// Spelt the same in both languages: never evidence for either (kept out of the lists above).
const SHARED = new Set(
  ('вам вас нас нам там тут так все доброго день завтра жаль нашего вашего ваше наше вами тому того тебе себе ' +
    'ним ними моя твоя прошу сказала говорю буду доставка доставки дома друг час та до переживайте проблема ' +
    'проблему оператор оператора менеджер менеджера').split(/\s+/),
);
for (const w of SHARED) {
  UK_WORDS.delete(w);
  RU_WORDS.delete(w);
}

function count(re: RegExp, text: string): number {
  re.lastIndex = 0;
  return text.match(re)?.length ?? 0;
}

/**
 * Detects the draft's language among `candidates` (default en/ru/uk). Returns the first candidate for a
 * text with no letters. `hint` decides between Russian and Ukrainian only when the text has no evidence.
 */
export function detectLanguage(text: string, candidates: readonly Language[] = ['en', 'ru', 'uk'], hint?: Language): Language {
  return identifyLanguage(text, candidates, hint).language;
}

/**
 * detectLanguage(), plus whether the text itself decided (`confident`): false for a text with no letters
 * and for a Cyrillic text with no evidence between Russian and Ukrainian, where the answer is the fallback.
 * The extension remembers a box's confident language and passes it back as the next `hint`.
 */
export function identifyLanguage(
  text: string,
  candidates: readonly Language[] = ['en', 'ru', 'uk'],
  hint?: Language,
): { language: Language; confident: boolean } {
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
  const fallback = candidates[0] ?? 'en';
  if (cyr === 0 && lat === 0) return { language: fallback, confident: false };
  if (lat >= cyr && has('en')) return { language: 'en', confident: true };
  if (!has('uk') && has('ru')) return { language: 'ru', confident: true };
  if (!has('ru') && has('uk')) return { language: 'uk', confident: true };
  if (!has('ru') && !has('uk')) return { language: fallback, confident: true };

  const { uk, ru } = cyrillicScores(sample);
  // No evidence either way ("Там же все написано" is both): follow the caller's hint (the language this
  // reply box was last written in, or the page's), else Russian.
  if (uk === ru) return { language: hint === 'uk' || hint === 'ru' ? hint : has('ru') ? 'ru' : 'uk', confident: false };
  return { language: uk > ru ? 'uk' : 'ru', confident: true };
}

/** Evidence for Ukrainian vs Russian in a Cyrillic text: letters, frequent words and endings only one has. */
export function cyrillicScores(sample: string): { uk: number; ru: number } {
  let uk = count(UK_LETTERS, sample) * 3;
  let ru = count(RU_LETTERS, sample) * 3;
  const words = sample.toLowerCase().replace(/’/g, "'").match(/[\p{L}']+/gu) ?? [];
  for (const w of words) {
    if (UK_WORDS.has(w)) uk += 2;
    if (RU_WORDS.has(w.replace(/ё/g, 'е')) || RU_WORDS.has(w)) ru += 2;
    // Morphology that differs: Ukrainian verbal nouns in -ння/-ття and infinitives in -ти;
    // Russian -ние/-тие nouns and -ать/-ять/-еть infinitives.
    if (w.length >= 5) {
      if (/(?:нн|тт|лл|зз)я$/.test(w)) uk += 2;
      else if (/(?:ни|ти)е$/.test(w)) ru += 2;
      if (/[аяеиоу]ти$/.test(w)) uk += 1;
      else if (/[аяе]ть$/.test(w)) ru += 1;
      // Masculine past tense: Ukrainian писав/робив/зробив, Russian писал/делал/сделал.
      if (/[аи]в$/.test(w)) uk += 1;
      else if (/[аие]л$/.test(w)) ru += 1;
      // Reflexives: Ukrainian здалося/сталася/хвилюйтеся; Russian never ends a word in -лося/-теся.
      if (/(?:л[оаи]|те)ся$/.test(w)) uk += 2;
      // Adjectives after a hard consonant: Ukrainian новий/рідкий… (-ий), Russian новый (-ый). Left out: Russian
      // soft stems (синий, последний, русский, хороший) and the -рий/-лий/-тий nouns and names Russian has
      // (комментарий, сценарий, Григорий, Виталий, третий), so Ukrainian старий/простий do not count either.
      if (/[бвдзмпсф]ий$/.test(w)) uk += 1;
      // Prefix роз- before a consonant: Ukrainian розслабтесь/розберемося, Russian рас-/раз- (роза, розетка
      // have a vowel; розница is the one common Russian exception).
      if (/^роз[бвгджзклмнпрстфхцчшщ]/.test(w) && !w.startsWith('розниц')) uk += 2;
      // Third person plural: Ukrainian роблять/чекають (-ють), Russian делают/ждут (-ют/-ут).
      if (/ють$/.test(w)) uk += 1;
      else if (/[ую]т$/.test(w)) ru += 1;
    }
  }
  // Ukrainian writes the apostrophe inside words (з'ясую, пам'ять); Russian does not.
  uk += ((sample.match(/\p{L}['’]\p{L}/gu) ?? []).length) * 2;
  return { uk, ru };
}
