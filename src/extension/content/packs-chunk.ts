/**
 * Entry of the lazily loaded `packs.js` (ESM, web-accessible): the built-in en/ru/uk packs and the engine's own
 * `loadBuiltinPacks()`. They are data the content script needs only in frames where the agent types, so they are
 * imported in idle time (or on the first focus) instead of being parsed in every frame of every matching page.
 * The build drops each rule's `examples` (test data the runtime never reads) and embeds the JSON as a string for
 * `JSON.parse`, which is faster than an object literal.
 */
export { loadBuiltinPacks } from '../../engine/index.js';
