/**
 * Chrome-compatible message lookup for tests, previews and any environment where
 * `chrome.i18n.getMessage` / `browser.i18n.getMessage` is unavailable. In production the content script
 * passes `browser.i18n.getMessage` itself; both have the same shape: `Translate`.
 *
 * Semantics follow Chrome's `_locales/<lang>/messages.json` format:
 * - keys are case-insensitive; an unknown key yields `''` (like `getMessage`);
 * - `$NAME$` (case-insensitive) in a message is replaced by that placeholder's `content`;
 * - `$1`…`$9` (in the message or in placeholder content) are replaced by the substitutions
 *   (a missing one becomes `''`); substituted text is inserted literally, never re-expanded;
 * - `$$` yields a literal `$`; a lone `$` not followed by a digit or `$` is kept as is.
 */

export interface MessagePlaceholder {
  content: string;
  example?: string;
}

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, MessagePlaceholder>;
}

export type Messages = Record<string, MessageEntry>;

/** Same shape as `browser.i18n.getMessage` (substitutions as an array). */
export type Translate = (key: string, substitutions?: string[]) => string;

const NAMED = /\$([A-Za-z0-9_@]+)\$/g;

/** Resolves `$NAME$` placeholders once, at load (Chrome does this when it reads the bundle). */
function resolveNamed(entry: MessageEntry): string {
  const placeholders = new Map<string, string>();
  for (const [name, ph] of Object.entries(entry.placeholders ?? {})) {
    placeholders.set(name.toLowerCase(), ph.content);
  }
  return entry.message.replace(NAMED, (whole, name: string) => {
    const content = placeholders.get(name.toLowerCase());
    return content ?? whole;
  });
}

/** Replaces `$1`…`$9` and `$$` in one left-to-right pass, like Chromium's ReplaceStringPlaceholders. */
function substitute(text: string, substitutions: readonly string[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '$' && i + 1 < text.length) {
      const next = text[i + 1]!;
      if (next === '$') {
        // A run of n dollars after the first one becomes n dollars ("$$" → "$").
        i++;
        while (i < text.length && text[i] === '$') {
          out += '$';
          i++;
        }
        i--;
        continue;
      }
      if (next >= '1' && next <= '9') {
        out += substitutions[Number(next) - 1] ?? '';
        i++;
        continue;
      }
    }
    out += ch;
  }
  return out;
}

export function createTranslator(messages: Messages): Translate {
  const table = new Map<string, string>();
  for (const [key, entry] of Object.entries(messages)) {
    if (entry && typeof entry.message === 'string') table.set(key.toLowerCase(), resolveNamed(entry));
  }
  return (key, substitutions) => {
    const message = table.get(key.toLowerCase());
    if (message === undefined) return '';
    return substitute(message, substitutions ?? []);
  };
}

/* ------------------------------------------------------------------------------------------------
 * Plurals. Chrome i18n has no plural support, so each counted message has three keys:
 * `<base>One`, `<base>Few`, `<base>Many` (English uses the same text for Few and Many).
 * The plural rules come from the locale of the messages actually in use (`localeCode`), so a browser
 * in, say, French that falls back to English strings also gets English plural rules.
 * --------------------------------------------------------------------------------------------- */

export type PluralForm = 'One' | 'Few' | 'Many';

const rulesCache = new Map<string, Intl.PluralRules>();

export function pluralForm(locale: string, count: number): PluralForm {
  let rules = rulesCache.get(locale);
  if (!rules) {
    try {
      rules = new Intl.PluralRules(locale);
    } catch {
      rules = new Intl.PluralRules('en');
    }
    rulesCache.set(locale, rules);
  }
  const category = rules.select(count);
  // 'zero'/'two'/'other' (and 'many') all map to the "many" text: correct for en/ru/uk integers.
  return category === 'one' ? 'One' : category === 'few' ? 'Few' : 'Many';
}

/** The UI locale of the loaded messages (`localeCode` key), falling back to English. */
export function uiLocale(t: Translate): string {
  return t('localeCode') || 'en';
}

/** `plural(t, 'summaryPhrases', 21)` → t('summaryPhrasesOne', ['21']) in Russian/Ukrainian. */
export function plural(t: Translate, baseKey: string, count: number, locale: string = uiLocale(t)): string {
  let formatted: string;
  try {
    formatted = new Intl.NumberFormat(locale).format(count);
  } catch {
    formatted = String(count);
  }
  return t(baseKey + pluralForm(locale, count), [formatted]);
}
