/**
 * The public engine API (`import { createEngine, loadBuiltinPacks } from 'reply-coach/engine'`).
 * Pure TypeScript: no DOM, no browser API, no I/O.
 */
import builtin from '../generated/builtin-packs.json';
import type { Pack } from '../core/types.js';

export { createEngine, type Engine } from '../core/engine.js';
export { detectLanguage } from '../core/language.js';
export { compilePattern, PatternError, PATTERN_LIMITS } from '../core/pattern.js';
export { validatePack, formatProblem, type ValidationResult } from '../core/validate.js';
export { SCHEMA_VERSION, LIMITS } from '../core/pack-schema.js';
export { runPackExamples, type ExampleFailure } from '../core/examples.js';
export { planReplacement, alternativeShape, type AlternativeShape } from '../core/replace.js';
export * from '../core/types.js';

/** The built-in en/ru/uk packs (compiled from rules/ at build time). */
export function loadBuiltinPacks(): Pack[] {
  // A fresh copy: callers may not mutate the shared data.
  return structuredClone(builtin as unknown as Pack[]);
}
