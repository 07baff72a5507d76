/**
 * Which language chunk a reply box needs (src/extension/content/packs-language.ts): the page's guess for an empty
 * box, the draft's language, and whether the draft itself decided it (then it becomes the box's hint).
 */
import { describe, expect, test } from 'vitest';
import { detectLanguage } from '../../src/core/language.js';
import { chunkLanguageOf, draftLanguage, guessLanguage } from '../../src/extension/content/packs-language.js';

describe('the guess for an empty box', () => {
  test('BCP 47 tags map to en/ru/uk by their primary subtag, anything else to nothing', () => {
    expect(chunkLanguageOf('uk-UA')).toBe('uk');
    expect(chunkLanguageOf('ru')).toBe('ru');
    expect(chunkLanguageOf(' EN_gb ')).toBe('en');
    expect(chunkLanguageOf('de-DE')).toBeUndefined();
    expect(chunkLanguageOf('')).toBeUndefined();
    expect(chunkLanguageOf(null)).toBeUndefined();
  });

  test("the page's <html lang>, else the browser's language, else English", () => {
    expect(guessLanguage('uk', 'en-US')).toBe('uk');
    expect(guessLanguage('de', 'ru-RU')).toBe('ru');
    expect(guessLanguage('', 'uk')).toBe('uk');
    expect(guessLanguage('fr', 'de')).toBe('en');
    expect(guessLanguage(undefined, undefined)).toBe('en');
  });
});

describe("the draft's language", () => {
  test('a draft with no letters stays in the hint, without confidence', () => {
    for (const hint of ['en', 'ru', 'uk'] as const) {
      expect(draftLanguage('', hint)).toEqual({ language: hint, confident: false });
      expect(draftLanguage('  12345, 42 !! ', hint)).toEqual({ language: hint, confident: false });
    }
  });

  test('evidence decides, whatever the hint', () => {
    for (const hint of ['en', 'ru', 'uk'] as const) {
      expect(draftLanguage('Hello, I will check right away.', hint)).toEqual({ language: 'en', confident: true });
      expect(draftLanguage('Добрий день, зараз перевірю ваше замовлення.', hint)).toEqual({ language: 'uk', confident: true });
      expect(draftLanguage('Здравствуйте, сейчас проверю ваш заказ.', hint)).toEqual({ language: 'ru', confident: true });
    }
  });

  test('Cyrillic spelt the same in Russian and Ukrainian follows the hint (Russian for an English hint), unconfident', () => {
    const tie = 'Там же все написано';
    expect(draftLanguage(tie, 'uk')).toEqual({ language: 'uk', confident: false });
    expect(draftLanguage(tie, 'ru')).toEqual({ language: 'ru', confident: false });
    expect(draftLanguage(tie, 'en')).toEqual({ language: 'ru', confident: false });
  });

  test('a confident answer is what the engine itself detects', () => {
    const drafts = [
      'Calm down, please.',
      'Успокойтесь, пожалуйста.',
      'Заспокойтеся, будь ласка.',
      "Я з'ясую і напишу.",
      'Ничего не могу сделать.',
      'Mixed: привет and hello there, friend',
    ];
    for (const text of drafts) {
      for (const hint of ['en', 'ru', 'uk'] as const) {
        const { language, confident } = draftLanguage(text, hint);
        expect(language, `${text} (${hint})`).toBe(detectLanguage(text, ['en', 'ru', 'uk'], hint));
        if (confident) expect(language, text).toBe(detectLanguage(text));
      }
    }
  });
});
