/**
 * Every example of every rule and checklist item in every built-in pack, one test each
 * (ESLint's RuleTester / Harper's generated tests), read straight from rules/.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { runPackExamples } from '../../src/core/examples.js';
import { loadPackCatalog } from '../../src/node/load-pack.js';

const packs = loadPackCatalog(join(import.meta.dirname, '../../rules'));

for (const pack of packs) {
  describe(pack.id, () => {
    for (const rule of pack.rules) {
      describe(`rule ${rule.id}`, () => {
        const single = { ...pack, rules: [rule] };
        const cases = [...rule.examples.flag.map((t) => ['flag', t] as const), ...rule.examples.pass.map((t) => ['pass', t] as const)];
        it.each(cases)('%s: %s', (kind, text) => {
          const fired = createEngine([single]).analyze(text, { language: rule.languages[0] }).findings.some((f) => f.ruleId === rule.id);
          expect(fired, `${kind} example ${JSON.stringify(text)}`).toBe(kind === 'flag');
        });
      });
    }
    describe('checklist', () => {
      const engine = createEngine([{ ...pack, rules: [] }]);
      for (const item of pack.checklist) {
        const cases = [...item.examples.done.map((t) => ['done', t] as const), ...item.examples.notDone.map((t) => ['notDone', t] as const)];
        it.each(cases)(`${item.id} %s: %s`, (kind, text) => {
          const done = engine.analyze(text, { language: item.languages[0] }).checklist.find((c) => c.id === item.id)?.done;
          expect(done, `${kind} example ${JSON.stringify(text)}`).toBe(kind === 'done');
        });
      }
    });
    it('runPackExamples agrees (what `reply-coach pack test` runs)', () => {
      expect(runPackExamples(pack).failures).toEqual([]);
    });
  });
}
