/**
 * Entry of the lazily loaded language chunks `packs-en.js`, `packs-ru.js`, `packs-uk.js` (ESM, web-accessible).
 * The build bundles this file once per language; its `runtime-packs` plugin (scripts/build-extension.mjs) replaces
 * the built-in packs with that language's rules and checklist only, without the fields the extension never reads
 * (`examples`, `source`, pack metadata), as a JSON string for `JSON.parse` (plain data, faster than a literal).
 *
 * The content script imports the chunk of the language being typed (or the page's language) in idle time, or on
 * the first focus, and another chunk only when a draft turns out to be in that language.
 */
import builtin from '../../generated/builtin-packs.json';
import type { Pack } from '../../core/types.js';

/**
 * This chunk's packs. Parsed once when the chunk is imported; the content script reads them once per frame and
 * never mutates them (the engine doesn't either), so no defensive copy.
 */
export function loadBuiltinPacks(): Pack[] {
  return builtin as unknown as Pack[];
}
