/**
 * Runs the examples every rule and checklist item carries (ESLint's RuleTester, Harper's `test`/`allows`):
 * each `flag` text must fire its rule, each `pass` text must not; each `done` text must tick its
 * checklist item, each `notDone` text must not. A rule is checked alone (with its pack's checklist, which
 * its `unless` may refer to), so another rule's overlapping finding cannot hide a failure.
 */
import { createEngine } from './engine.js';
import type { Pack } from './types.js';

export interface ExampleFailure {
  packId: string;
  /** `rule calm-down` or `checklist thanks` */
  where: string;
  kind: 'flag' | 'pass' | 'done' | 'notDone';
  text: string;
  message: string;
}

export interface ExampleReport {
  passed: number;
  failures: ExampleFailure[];
}

export function runPackExamples(pack: Pack): ExampleReport {
  const failures: ExampleFailure[] = [];
  let passed = 0;
  const record = (ok: boolean, f: ExampleFailure) => {
    if (ok) passed++;
    else failures.push(f);
  };
  for (const rule of pack.rules) {
    const engine = createEngine([{ ...pack, rules: [{ ...rule, enabled: true }] }]);
    const language = rule.languages[0];
    const where = `rule ${rule.id}`;
    for (const text of rule.examples.flag) {
      const r = engine.analyze(text, { language });
      record(r.findings.some((f) => f.ruleId === rule.id), {
        packId: pack.id, where, kind: 'flag', text,
        message: 'should be flagged but is not: widen a pattern or check the `unless` entries',
      });
    }
    for (const text of rule.examples.pass) {
      const r = engine.analyze(text, { language });
      const hit = r.findings.find((f) => f.ruleId === rule.id);
      record(!hit, {
        packId: pack.id, where, kind: 'pass', text,
        message: `should pass but "${hit?.match}" is flagged: narrow the pattern or add an \`unless\` entry`,
      });
    }
  }
  const engine = createEngine([{ ...pack, rules: [] }]);
  for (const item of pack.checklist) {
    const language = item.languages[0];
    const where = `checklist ${item.id}`;
    for (const text of item.examples.done) {
      const r = engine.analyze(text, { language });
      record(!!r.checklist.find((c) => c.id === item.id)?.done, {
        packId: pack.id, where, kind: 'done', text, message: 'should tick this item but does not: widen a pattern',
      });
    }
    for (const text of item.examples.notDone) {
      const r = engine.analyze(text, { language });
      const c = r.checklist.find((x) => x.id === item.id);
      record(!c?.done, {
        packId: pack.id, where, kind: 'notDone', text,
        message: `should not tick this item but "${c?.evidence?.text}" does: narrow the pattern or add an \`unless\` entry`,
      });
    }
  }
  return { passed, failures };
}
