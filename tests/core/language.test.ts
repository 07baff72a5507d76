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
  ])('%j → %s', (text, lang) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('only answers with a candidate language', () => {
    expect(detectLanguage('Дякую', ['en', 'ru'])).toBe('ru');
    expect(detectLanguage('hello', ['ru', 'uk'])).toBe('ru');
  });
});
