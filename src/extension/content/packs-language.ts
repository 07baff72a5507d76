/**
 * Which language chunk (`packs-<language>.js`) a reply box needs: the draft's language, or a guess for a box with
 * nothing to go on. Pure (no DOM, no browser API): the content script passes the page's `lang` and the browser's
 * language in. Cheap: detectLanguage() counts letters and looks words up in two sets.
 */
import { identifyLanguage } from '../../core/language.js';
import { KNOWN_LANGUAGES } from '../../core/types.js';

/** Languages with a built-in chunk (PACK_LANGUAGES in scripts/build-extension.mjs). */
export type ChunkLanguage = (typeof KNOWN_LANGUAGES)[number];

const isChunkLanguage = (l: string | undefined): l is ChunkLanguage => (KNOWN_LANGUAGES as readonly string[]).includes(l ?? '');

/** en/ru/uk from a BCP 47 tag ("uk-UA" → uk, "EN_gb" → en), else undefined. */
export function chunkLanguageOf(tag: string | null | undefined): ChunkLanguage | undefined {
  const base = tag?.trim().toLowerCase().split(/[-_]/)[0];
  return isChunkLanguage(base) ? base : undefined;
}

/** The guess for an empty box: the page's `<html lang>`, else the browser's language (en/ru/uk), else en. */
export function guessLanguage(pageLang: string | null | undefined, browserLanguage: string | null | undefined): ChunkLanguage {
  return chunkLanguageOf(pageLang) ?? chunkLanguageOf(browserLanguage) ?? 'en';
}

/**
 * The draft's language among en/ru/uk. `hint` is what to assume without evidence (the box's last confident
 * language, else the page's): a draft with no letters stays in it, and a Cyrillic draft spelt the same in Russian
 * and Ukrainian follows it (if it is ru or uk; else Russian). `confident`: the text itself decided, so it may
 * become the box's next hint.
 */
export function draftLanguage(text: string, hint: ChunkLanguage): { language: ChunkLanguage; confident: boolean } {
  const { language, confident } = identifyLanguage(text, [hint, ...KNOWN_LANGUAGES.filter((l) => l !== hint)], hint);
  return { language: language as ChunkLanguage, confident };
}
