/** Properties of the whole built-in rulebook, run through the full engine as the extension runs it. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { cyrillicScores } from '../../src/core/language.js';
import { loadPackCatalog } from '../../src/node/load-pack.js';

const packs = loadPackCatalog(join(import.meta.dirname, '../../rules'));
const engine = createEngine(packs);
const serious = (f: { severity: string }) => f.severity !== 'info';

describe('the built-in rulebook', () => {
  it('compiles every pattern of every language (nothing skipped, no rule silently off)', () => {
    expect(engine.problems).toEqual([]);
  });

  for (const pack of packs) {
    const alternatives = pack.rules.flatMap((r) => r.alternatives.map((a) => [r.id, a.replace(/\{name\}/g, 'Maria')] as const));
    it.each(alternatives)(`${pack.id}: the alternatives of %s are never flagged themselves: %s`, (_id, alt) => {
      const found = engine.analyze(alt, { language: pack.languages[0] }).findings.filter(serious);
      expect(found.map((f) => `${f.ruleId}: “${f.match}”`)).toEqual([]);
    });

    it.each(pack.checklist.map((c) => [c.id, c.example.replace(/\{name\}/g, 'Maria')] as const))(
      `${pack.id}: the insertable example of checklist item %s is never flagged and ticks its item: %s`,
      (id, example) => {
        const r = engine.analyze(example, { language: pack.languages[0], customerName: 'Maria' });
        expect(r.findings.filter(serious)).toEqual([]);
        expect(r.checklist.find((c) => c.id === id)?.done).toBe(true);
      },
    );
  }

  for (const lang of ['ru', 'uk'] as const) {
    const pack = packs.find((p) => p.id === `reply-coach-${lang}`)!;
    const drafts = pack.rules.flatMap((r) => r.examples.flag.map((t) => [r.id, t] as const));
    // Evidence (letters, words, endings only one language has) must point the right way; a draft spelt the
    // same in both languages ("Там же все написано") follows the hint, as the extension passes the box's language.
    it.each(drafts)(`${lang} draft (%s) is detected as ${lang} and gets only ${lang} findings and alternatives: %s`, (_id, text) => {
      const other = lang === 'ru' ? 'uk' : 'ru';
      const { uk, ru } = cyrillicScores(text);
      if (uk !== ru) expect(uk > ru ? 'uk' : 'ru', `evidence uk ${uk} / ru ${ru}`).toBe(lang);
      const r = engine.analyze(text, { languageHint: lang });
      expect(r.language).toBe(lang);
      if (uk !== ru) expect(engine.analyze(text, { languageHint: other }).language).toBe(lang);
      expect(r.findings.length).toBeGreaterThan(0);
      for (const f of r.findings) {
        expect(f.packId).toBe(`reply-coach-${lang}`);
        for (const a of [f.message, ...f.alternatives]) expect(a, 'no Latin letters in a Cyrillic suggestion').not.toMatch(/[A-Za-z]/);
      }
      for (const c of r.checklist) expect(c.label).not.toMatch(/[A-Za-z]/);
    });
  }
});
