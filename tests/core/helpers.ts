import { createEngine } from '../../src/core/engine.js';
import type { ChecklistItem, EngineSettings, Pack, Rule } from '../../src/core/types.js';

/** A tiny inline pack: tests never read rules/, so editing the rulebook cannot break an engine test. */
export function rule(id: string, patterns: string[], extra: Partial<Rule> = {}): Rule {
  return {
    id,
    category: 'dismissive',
    severity: 'warning',
    languages: ['en'],
    patterns,
    unless: [],
    message: `why ${id}`,
    alternatives: [`alt for ${id}`],
    examples: { flag: [], pass: [] },
    enabled: true,
    ...extra,
  };
}

export function item(id: string, patterns: string[], extra: Partial<ChecklistItem> = {}): ChecklistItem {
  return {
    id,
    label: `label ${id}`,
    hint: `hint ${id}`,
    patterns,
    unless: [],
    example: `example ${id}`,
    matchCustomerName: false,
    languages: ['en'],
    examples: { done: [], notDone: [] },
    ...extra,
  };
}

export function pack(rules: Rule[], checklist: ChecklistItem[] = [], extra: Partial<Pack> = {}): Pack {
  return { schemaVersion: 1, id: 'test', name: 'Test', version: '1.0.0', languages: ['en'], description: 'test', rules, checklist, ...extra };
}

/** The flagged substrings of `text` for a one-pack engine. */
export function flagged(p: Pack, text: string, settings?: EngineSettings, language = 'en'): string[] {
  return createEngine([p], settings)
    .analyze(text, { language })
    .findings.map((f) => f.match);
}
