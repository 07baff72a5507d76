/**
 * The shapes shared by the engine, the CLI and the extension. The engine is pure: nothing here
 * touches the DOM or a browser API, so every shape is plain, serialisable data.
 */

export type Severity = 'info' | 'warning' | 'critical';
export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'critical'];
export const severityRank = (s: Severity): number => SEVERITIES.indexOf(s);

/** Languages the built-in rulebook and the language detector know. Packs may declare others. */
export type Language = 'en' | 'ru' | 'uk' | (string & {});
export const KNOWN_LANGUAGES = ['en', 'ru', 'uk'] as const;

/** Built-in taxonomy; packs may add their own categories (kebab-case). */
export const BUILTIN_CATEGORIES = [
  'not-knowing',
  'emotion-policing',
  'defensive-explanation',
  'blaming-customer',
  'policy-hiding',
  'refusal-without-alternative',
  'rushing',
  'non-apology',
  'deflecting-responsibility',
  'condescension',
  'dismissive',
  'overpromising',
  'arguing',
  'off-hours',
] as const;

export const BUILTIN_CHECKLIST_IDS = [
  'acknowledge-feelings',
  'sincere-apology',
  'use-name',
  'next-step',
  'timeframe',
  'thanks',
  'warm-close',
] as const;

/**
 * Where a rule's `unless` context is looked for, relative to the candidate finding:
 * - `sentence` (default): anywhere in the sentence that holds the finding;
 * - `match`: overlapping the flagged words themselves;
 * - `before`: anywhere earlier in the draft (this is how rules express order);
 * - `after`: anywhere later in the draft;
 * - `draft`: anywhere in the draft.
 */
export type UnlessScope = 'sentence' | 'match' | 'before' | 'after' | 'draft';

/** An `unless` entry: a phrase pattern, or a checklist item that the draft already satisfies. */
export type Unless =
  | { pattern: string; scope: UnlessScope }
  | { checklist: string; scope: UnlessScope };

export interface RuleExamples {
  /** Texts in which this rule must fire. */
  flag: string[];
  /** Texts in which this rule must stay silent (near-misses belong here). */
  pass: string[];
}

export interface Rule {
  /** kebab-case, unique in its pack; equals the file stem for rules kept one per file. */
  id: string;
  category: string;
  severity: Severity;
  /** Languages the rule applies to; defaults to the pack's languages. */
  languages: Language[];
  /** Phrase patterns (see rules/README.md, "Pattern language"). */
  patterns: string[];
  unless: Unless[];
  /** Why the phrase may hurt: short, kind, concrete. */
  message: string;
  /** Softer phrasings in the rule's language; `{name}` is filled with the customer's name. */
  alternatives: string[];
  examples: RuleExamples;
  /** Off unless the agent (or a manager) turns it on. */
  enabled: boolean;
  link?: string;
  source?: string;
}

export interface ChecklistExamples {
  done: string[];
  notDone: string[];
}

export interface ChecklistItem {
  id: string;
  label: string;
  hint: string;
  patterns: string[];
  unless: Unless[];
  /** A phrase the agent can insert with one click. `{name}` is filled with the customer's name. */
  example: string;
  /** Also ticked when the customer's name (given to `analyze`) appears anywhere in the draft. */
  matchCustomerName: boolean;
  languages: Language[];
  examples: ChecklistExamples;
  link?: string;
  source?: string;
}

export interface Pack {
  schemaVersion: number;
  id: string;
  name: string;
  /** semver */
  version: string;
  languages: Language[];
  description: string;
  author?: string;
  homepage?: string;
  link?: string;
  /**
   * Named phrases that patterns of this pack use as `@name` (shared alternatives, exception lists).
   * Optional so packs stored before it existed still load.
   */
  define?: Record<string, string>;
  rules: Rule[];
  checklist: ChecklistItem[];
}

export interface EngineSettings {
  /** Pack ids switched off entirely. */
  disabledPacks?: string[];
  /** `packId/ruleId` (or a bare `ruleId`, which matches in every pack). */
  disabledRules?: string[];
  /** Rules that are off by default (`enabled: false`) but switched on: `packId/ruleId` or `ruleId`. */
  enabledRules?: string[];
  /** Categories switched off. */
  disabledCategories?: string[];
  /** Personal ignores: phrases (compared case- and quote-insensitively) that are never flagged. */
  ignoredPhrases?: string[];
  /** Findings below this severity are not reported. */
  minSeverity?: Severity;
}

/** A planned change to the analysed text (see `planReplacement`). */
export interface TextEdit {
  start: number;
  end: number;
  /** `text.slice(start, end)` when planned: a writer refuses if the field no longer holds it. */
  original: string;
  text: string;
}

export interface TextRange {
  start: number;
  end: number;
}

export interface AnalyzeOptions {
  /** Skip detection and analyse in this language. */
  language?: Language;
  /**
   * Used only when detection finds no evidence between Russian and Ukrainian (the words are spelt the same
   * in both): e.g. the language this reply box was last written in, or the page's `lang`.
   */
  languageHint?: Language;
  /** Used by `{name}` in patterns and alternatives, and by checklist items with `matchCustomerName`. */
  customerName?: string;
  /** UTF-16 ranges never analysed (quoted history, signatures, "ignore once"). */
  ignoreRanges?: TextRange[];
}

export interface Finding {
  ruleId: string;
  packId: string;
  category: string;
  severity: Severity;
  /** UTF-16 offsets into the analysed text; `text.slice(start, end) === match`. */
  start: number;
  end: number;
  match: string;
  message: string;
  /** Ready to insert: `{name}` filled (or dropped), first letter capitalised at a sentence start. */
  alternatives: string[];
  /**
   * What a click on `alternatives[i]` does: `edits[i]` replaces a range of the analysed text (the underline,
   * or for a whole-sentence alternative the clause around it) and mends punctuation and capitals.
   */
  edits: TextEdit[];
  link?: string;
  source?: string;
}

export interface ChecklistResult {
  id: string;
  label: string;
  hint: string;
  /** Ready to insert, `{name}` filled or dropped. */
  example: string;
  done: boolean;
  /** The text that satisfied the item, when done. */
  evidence?: { start: number; end: number; text: string };
}

export interface AnalyzeResult {
  language: Language;
  findings: Finding[];
  checklist: ChecklistResult[];
}

/** A problem found in a pack: which pack, which rule or item, which field, and how to fix it. */
export interface PackProblem {
  packId: string;
  /** `rules[3] (calm-down)` or `checklist[0] (thanks)` or undefined for pack-level fields. */
  where?: string;
  field?: string;
  message: string;
}
