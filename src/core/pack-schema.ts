/**
 * The pack format, defined once. `scripts/gen-schema.mjs` turns it into rules/schema/pack.schema.json
 * (for editors' autocompletion) and a test fails if the two drift apart.
 *
 * zod is used instead of a hand-written validator because it gives typed output and paths for every
 * problem; `jitless` keeps it from trying `new Function`, which MV3's CSP forbids.
 */
import { z } from 'zod';

z.config({ jitless: true });

export const SCHEMA_VERSION = 1;

export const LIMITS = {
  maxPackBytes: 2_000_000,
  maxRules: 5000,
  maxChecklist: 100,
  maxPatterns: 200,
  maxAlternatives: 20,
  maxExamples: 50,
  maxMessage: 500,
  maxText: 2000,
  maxDefine: 500,
} as const;

const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
const LANG = /^[a-z]{2,3}$/;

const id = (what: string) =>
  z
    .string()
    .regex(KEBAB, `${what} must be kebab-case: lowercase letters, digits and single dashes, e.g. "calm-down"`)
    .max(80);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max, `must be at most ${max} characters`);
const url = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');
const language = z.string().regex(LANG, 'must be a language code such as "en", "ru" or "uk"');
const languages = z.array(language).min(1, 'list at least one language');

const scope = z.enum(['sentence', 'match', 'before', 'after', 'draft']);
const unlessEntry = z.union([
  text(1000).describe('A phrase pattern; suppresses the rule when it matches in the same sentence.'),
  z.strictObject({ pattern: text(1000), scope: scope.default('sentence') }),
  z.strictObject({ checklist: id('checklist'), scope: scope.default('sentence') }),
]);

const examples = (key1: string, key2: string) =>
  z.strictObject({
    [key1]: z.array(text(LIMITS.maxText)).min(2, 'give at least two examples').max(LIMITS.maxExamples),
    [key2]: z.array(text(LIMITS.maxText)).min(2, 'give at least two examples').max(LIMITS.maxExamples),
  });

export const ruleSchema = z.strictObject({
  id: id('rule id'),
  category: id('category'),
  severity: z.enum(['info', 'warning', 'critical']),
  language: language.optional(),
  languages: languages.optional(),
  patterns: z.array(text(1000)).min(1, 'list at least one pattern').max(LIMITS.maxPatterns),
  unless: z.array(unlessEntry).max(LIMITS.maxPatterns).default([]),
  message: text(LIMITS.maxMessage),
  alternatives: z.array(text(300)).min(1, 'offer at least one softer alternative').max(LIMITS.maxAlternatives),
  examples: examples('flag', 'pass') as unknown as z.ZodObject<{ flag: z.ZodArray<z.ZodString>; pass: z.ZodArray<z.ZodString> }>,
  enabled: z.boolean().default(true),
  link: url.optional(),
  source: text(500).optional(),
});

export const checklistSchema = z.strictObject({
  id: id('checklist id'),
  label: text(120),
  hint: text(LIMITS.maxMessage),
  patterns: z.array(text(1000)).min(1, 'list at least one pattern').max(LIMITS.maxPatterns),
  unless: z.array(unlessEntry).max(LIMITS.maxPatterns).default([]),
  example: text(300),
  matchCustomerName: z.boolean().default(false),
  language: language.optional(),
  languages: languages.optional(),
  examples: examples('done', 'notDone') as unknown as z.ZodObject<{ done: z.ZodArray<z.ZodString>; notDone: z.ZodArray<z.ZodString> }>,
  link: url.optional(),
  source: text(500).optional(),
});

export const packSchema = z.strictObject({
  $schema: z.string().optional(),
  schemaVersion: z.literal(SCHEMA_VERSION),
  id: id('pack id'),
  name: text(120),
  version: z.string().regex(SEMVER, 'must be a semantic version such as "1.0.0"'),
  languages,
  description: text(LIMITS.maxMessage),
  author: text(200).optional(),
  homepage: url.optional(),
  link: url.optional(),
  define: z
    .record(id('phrase name'), text(1000))
    .refine((d) => Object.keys(d).length <= LIMITS.maxDefine, `at most ${LIMITS.maxDefine} named phrases`)
    .describe('Named phrases: a pattern uses one as @name, e.g. define: { offer: "(I|we) can (offer|arrange)" }.')
    .default({}),
  rules: z.array(ruleSchema).max(LIMITS.maxRules, `a pack may hold at most ${LIMITS.maxRules} rules: split it`).default([]),
  checklist: z.array(checklistSchema).max(LIMITS.maxChecklist).default([]),
});

export type PackInput = z.input<typeof packSchema>;
export type ParsedPack = z.output<typeof packSchema>;
