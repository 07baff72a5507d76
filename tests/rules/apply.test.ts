/**
 * One click on an alternative, in every flag example of every built-in rule: the draft that results must
 * read as something the agent would send. The engine plans each edit (src/core/replace.ts); these checks
 * catch the rules whose underline and alternatives don't fit each other.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { alternativeShape } from '../../src/core/replace.js';
import type { Finding } from '../../src/core/types.js';
import { loadPackCatalog } from '../../src/node/load-pack.js';

const packs = loadPackCatalog(join(import.meta.dirname, '../../rules'));
const engine = createEngine(packs);

// Two marks in a row ("this.." / "know,," / "now:.") — "..." and "?!" are the agent's own style, not ours.
const DOUBLED = /[,;:][ \t]*[.,;:!?]|[.!?][ \t]*[,;:]|(?<![.!?])[.!?][ \t]*\.(?!\.)/g;
const SMALL_AFTER_STOP = /[.!?][ \t]+\p{Ll}/gu;
const count = (re: RegExp, s: string) => s.match(re)?.length ?? 0;

/** What is wrong with the draft after a click on `alternatives[i]` of finding `f`, or undefined. */
export function clickProblem(text: string, f: Finding, i: number, language: string): string | undefined {
  const edit = f.edits[i]!;
  if (text.slice(edit.start, edit.end) !== edit.original) return 'the edit does not hold the text it replaces';
  // Only a greeting the underline starts with may stay ("Hi Claire, actually…" keeps "Hi Claire, ").
  const keptGreeting = edit.start > f.start && /^\p{L}[^,.!?\n]{0,45},\s*$/u.test(text.slice(f.start, edit.start));
  // …and a lead-in standing for "sorry, but" leaves the words after the "but" ("…, but you need to contact").
  const keptAfterBut =
    edit.end < f.end && alternativeShape(f.alternatives[i]!) === 'lead-in' && /(?:but|however|но|однако|але|проте|однак)$/iu.test(edit.original);
  if ((edit.start > f.start && !keptGreeting) || (edit.end < f.end && !keptAfterBut)) return 'the edit leaves part of the underline behind';
  const after = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  // What the sidebar shows is what goes in (up to a closing mark the join may drop).
  const shown = f.alternatives[i]!.trim().replace(/\s*[,—–:.!?]$/, '');
  if (!after.includes(shown)) return `the draft does not contain the alternative as shown (“${shown}”): “${after}”`;
  if (count(DOUBLED, after) > count(DOUBLED, text)) return `doubled punctuation: “${after}”`;
  if (count(SMALL_AFTER_STOP, after) > count(SMALL_AFTER_STOP, text)) return `a sentence starts with a small letter: “${after}”`;
  if (alternativeShape(f.alternatives[i]!) !== 'phrase') {
    const before = text.slice(0, edit.start).trimEnd();
    // After "and" / "but" / "и" / "але"… a new clause may start; after any other word a sentence can't.
    const joint = /(?:^|\s)(?:and|but|so|или|и|но|а|так что|і|й|та|але|тож)$/iu.test(before);
    if (before && /[\p{L}\p{N}]$/u.test(before) && !joint && !/\n\s*$/.test(text.slice(0, edit.start))) {
      return `a whole-sentence alternative lands mid-sentence, after “${before.split(/\s+/).slice(-4).join(' ')}”: “${after}” (widen the pattern to the clause, or make the alternative a phrase)`;
    }
  }
  // The alternative's own words (not the capital the edit gives the agent's next word) must not be flagged.
  const altEnd = edit.start + Math.min(edit.text.length, f.alternatives[i]!.length);
  const again = engine
    .analyze(after, { language })
    .findings.find((g) => g.ruleId === f.ruleId && g.packId === f.packId && g.start < altEnd && g.end > edit.start);
  if (again) return `the rule still fires on the result (“${again.match}”): “${after}”`;
  return undefined;
}

describe('one click on an alternative', () => {
  for (const pack of packs) {
    const language = pack.languages[0]!;
    const rules = pack.rules.filter((r) => r.enabled !== false).map((r) => [r.id, r] as const);
    it.each(rules)(`${pack.id}/%s: every alternative, clicked in every flag example, leaves a draft that reads right`, (_id, rule) => {
      const problems: string[] = [];
      for (const text of rule.examples.flag) {
        const f = engine.analyze(text, { language }).findings.find((x) => x.ruleId === rule.id && x.packId === pack.id);
        if (!f) continue; // examples.test.ts reports a flag example that doesn't fire
        f.alternatives.forEach((alt, i) => {
          const p = clickProblem(text, f, i, language);
          if (p) problems.push(`${JSON.stringify(text)} × ${JSON.stringify(alt)}: ${p}`);
        });
      }
      expect(problems).toEqual([]);
    });
  }
});
