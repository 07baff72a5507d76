// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { createTranslator, plural, pluralForm } from '../../src/extension/ui/i18n.js';

describe('createTranslator (Chrome i18n semantics)', () => {
  const t = createTranslator({
    plain: { message: 'Hello' },
    Mixed_Case: { message: 'case-insensitive key' },
    positional: { message: 'Hi $1, you have $2 new' },
    named: {
      message: 'Replace $PHRASE$ with $Alt$ ($$5 off, $$$$ left)',
      placeholders: { phrase: { content: '“$1”', example: 'calm down' }, ALT: { content: '$2' } },
    },
    undefinedPlaceholder: { message: 'Keep $UNKNOWN$ as is' },
    loneDollar: { message: 'Costs $ 5' },
  });

  it('looks keys up case-insensitively and returns "" for unknown keys', () => {
    expect(t('plain')).toBe('Hello');
    expect(t('mixed_case')).toBe('case-insensitive key');
    expect(t('MIXED_CASE')).toBe('case-insensitive key');
    expect(t('nope')).toBe('');
  });

  it('substitutes $1…$9, missing ones as ""', () => {
    expect(t('positional', ['Ann', '3'])).toBe('Hi Ann, you have 3 new');
    expect(t('positional', ['Ann'])).toBe('Hi Ann, you have  new');
    expect(t('positional')).toBe('Hi , you have  new');
  });

  it('expands $NAME$ placeholders (case-insensitive) and $$ escapes', () => {
    expect(t('named', ['calm down', 'I hear you'])).toBe('Replace “calm down” with I hear you ($5 off, $$$ left)');
    expect(t('undefinedPlaceholder')).toBe('Keep $UNKNOWN$ as is');
    expect(t('loneDollar')).toBe('Costs $ 5');
  });

  it('inserts substitutions literally, without re-expanding them', () => {
    expect(t('positional', ['$2', 'x'])).toBe('Hi $2, you have x new');
    expect(t('named', ['$$', '$1'])).toBe('Replace “$$” with $1 ($5 off, $$$ left)');
  });
});

describe('plurals', () => {
  it('maps Intl.PluralRules categories to One/Few/Many', () => {
    expect([1, 2, 5, 21, 0, 11].map((n) => pluralForm('en', n))).toEqual(['One', 'Many', 'Many', 'Many', 'Many', 'Many']);
    expect([1, 2, 5, 21, 0, 11, 22, 25, 111].map((n) => pluralForm('ru', n))).toEqual([
      'One', 'Few', 'Many', 'One', 'Many', 'Many', 'Few', 'Many', 'Many',
    ]);
    expect([1, 2, 5, 21, 12, 104].map((n) => pluralForm('uk', n))).toEqual(['One', 'Few', 'Many', 'One', 'Many', 'Few']);
    expect(pluralForm('not a locale!', 1)).toBe('One');
  });

  it('picks the key for the locale given by localeCode', () => {
    const t = createTranslator({
      localeCode: { message: 'ru' },
      nOne: { message: '$1 фраза' },
      nFew: { message: '$1 фразы' },
      nMany: { message: '$1 фраз' },
    });
    expect([1, 3, 7, 21].map((n) => plural(t, 'n', n))).toEqual(['1 фраза', '3 фразы', '7 фраз', '21 фраза']);
  });
});
