// @vitest-environment jsdom
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../src/extension/ui/i18n.js';
import { LOCALES, LOCALES_DIR, loadMessages } from './helpers.js';

const bundles = Object.fromEntries(LOCALES.map((locale) => [locale, loadMessages(locale)]));
const en = bundles.en!;

/** `$NAME$` references in a message, upper-cased, sorted. */
const used = (message: string) => [...message.matchAll(/\$([A-Za-z0-9_@]+)\$/g)].map((m) => m[1]!.toUpperCase()).sort();
const declared = (entry: { placeholders?: Record<string, { content: string }> }) =>
  Object.entries(entry.placeholders ?? {})
    .map(([name, ph]) => `${name.toUpperCase()}=${ph.content}`)
    .sort();

describe('locales', () => {
  it('ships exactly en, ru and uk', () => {
    expect(readdirSync(LOCALES_DIR).sort()).toEqual([...LOCALES].sort());
  });

  it.each(['ru', 'uk'] as const)('%s has exactly the same keys as en', (locale) => {
    expect(Object.keys(bundles[locale]!).sort()).toEqual(Object.keys(en).sort());
  });

  it.each(['ru', 'uk'] as const)('%s uses and declares the same $PLACEHOLDERS$ as en', (locale) => {
    for (const [key, entry] of Object.entries(en)) {
      const other = bundles[locale]![key]!;
      expect({ key, used: used(other.message) }).toEqual({ key, used: used(entry.message) });
      expect({ key, declared: declared(other) }).toEqual({ key, declared: declared(entry) });
    }
  });

  it.each(LOCALES)('%s: valid Chrome keys, every message described, every placeholder declared', (locale) => {
    const messages = bundles[locale]!;
    const lower = new Set<string>();
    for (const [key, entry] of Object.entries(messages)) {
      expect(key).toMatch(/^[A-Za-z0-9_@]+$/);
      expect(key.startsWith('@@')).toBe(false);
      expect(lower.has(key.toLowerCase())).toBe(false); // Chrome keys are case-insensitive
      lower.add(key.toLowerCase());
      expect(entry.message.trim(), key).not.toBe('');
      expect(entry.description?.trim(), key).toBeTruthy();
      const names = new Set(Object.keys(entry.placeholders ?? {}).map((n) => n.toUpperCase()));
      for (const name of used(entry.message)) expect(names.has(name), `${locale}/${key}: $${name}$`).toBe(true);
    }
  });

  it.each(LOCALES)('%s: product name, description and locale code', (locale) => {
    const t = createTranslator(bundles[locale]!);
    expect(t('extName')).toBe('Reply Coach');
    expect(t('extDescription').length).toBeLessThanOrEqual(132);
    expect(t('extDescription')).not.toContain('\n');
    expect(t('cmdToggleSidebar')).not.toBe('');
    expect(t('localeCode')).toBe(locale);
    expect(new Intl.PluralRules(t('localeCode')).resolvedOptions().locale).toBe(locale);
  });

  it.each(LOCALES)('%s: accessible names start with the visible label (WCAG 2.5.3)', (locale) => {
    const t = createTranslator(bundles[locale]!);
    expect(t('ignoreOnceLabel', ['x']).startsWith(t('ignoreOnce'))).toBe(true);
    expect(t('ignoreAlwaysLabel', ['x']).startsWith(t('ignoreAlways'))).toBe(true);
    expect(t('insertLabel', ['x']).startsWith(t('insert'))).toBe(true);
  });
});
