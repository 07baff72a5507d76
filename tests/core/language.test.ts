import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/core/language.js';

describe('detectLanguage', () => {
  it.each([
    ['Calm down, I will check.', 'en'],
    ['Успокойтесь, я всё проверю.', 'ru'],
    ['Заспокойтеся, я все перевірю.', 'uk'],
    ['Добрий день!', 'uk'],
    ['Добрый день!', 'ru'],
    ['Дякую!', 'uk'],
    ['Спасибо!', 'ru'],
    ['Зараз перевірю', 'uk'],
    ['Сейчас проверю', 'ru'],
    ['Вибачте за затримку', 'uk'],
    ['Извините за задержку', 'ru'],
    ['Не знаю', 'ru'],
    ["Я з'ясую", 'uk'],
    ['Ваш заказ #4411 (Order 4411) отправлен', 'ru'],
    ['12345', 'en'],
    // Short replies told apart by word forms only one language has:
    ['Я такого не казала.', 'uk'], // казати
    ['Вам здалося.', 'uk'], // -лося (ru -лось)
    ['Вам показалось.', 'ru'],
    ['Тарасе, заспокойся', 'uk'],
    ['ти мав сам зберегти прогрес', 'uk'], // ти (ru ты)
    ['Вони чекають відповіді.', 'uk'], // -ють
    ['Они ждут ответа.', 'ru'], // -ут
    ['Царапина косметическая, на работу телефона не влияет.', 'ru'],
    ['Крик тут не допоможе.', 'uk'], // допоможе (ru поможет)
    ['Крик тут не поможет.', 'ru'],
    ['У вас новий роутер.', 'uk'], // -ий after a hard consonant (ru новый)
    ['У вас новый роутер.', 'ru'],
    ['Григорий, оставьте комментарий.', 'ru'], // -рий nouns and names are Russian too
    ['Розслабтесь.', 'uk'], // роз- + consonant (ru расслабьтесь)
    ['Расслабьтесь.', 'ru'],
    ['Это последний раз.', 'ru'], // soft-stem -ний stays Russian
    ['Ну, раз уже так вийшло — вибачайте.', 'uk'],
  ])('%j → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('only answers with a candidate language', () => {
    expect(detectLanguage('Дякую', ['en', 'ru'])).toBe('ru');
    expect(detectLanguage('hello', ['ru', 'uk'])).toBe('ru');
  });
});

describe('identifyLanguage', () => {
  it('says whether the text decided or the fallback did', async () => {
    const { identifyLanguage } = await import('../../src/core/language.js');
    expect(identifyLanguage('Calm down')).toEqual({ language: 'en', confident: true });
    expect(identifyLanguage('Дякую!')).toEqual({ language: 'uk', confident: true });
    expect(identifyLanguage('12345', ['uk', 'en', 'ru'])).toEqual({ language: 'uk', confident: false });
    expect(identifyLanguage('Там же все написано.', undefined, 'uk')).toEqual({ language: 'uk', confident: false });
    expect(identifyLanguage('Там же все написано.')).toEqual({ language: 'ru', confident: false });
  });
});
