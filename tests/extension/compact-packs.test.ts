import { describe, expect, test } from 'vitest';
import { createEngine, loadBuiltinPacks } from '../../src/engine/index.js';
import type { Pack } from '../../src/core/types.js';
// @ts-expect-error -- a build script (plain .mjs, no types)
import { compactPack, runtimePacksFor } from '../../scripts/build-extension.mjs';

const compact = compactPack as (p: Pack, o?: { minLength?: number }) => Pack;
const runtime = runtimePacksFor as (packs: Pack[], language: string) => Pack[];

describe('compactPack (repeated groups moved into generated named phrases)', () => {
  test('rewrites a repeated group as @name, in patterns and unless', () => {
    const group = 'offer|arrange|send|refund';
    const rule = (id: string, pattern: string) => ({
      id, category: 'x', severity: 'warning' as const, languages: ['en'], patterns: [pattern], unless: [{ pattern: `we can (${group})`, scope: 'sentence' as const }],
      message: 'm', alternatives: ['a'], examples: { flag: [], pass: [] }, enabled: true,
    });
    const pack: Pack = {
      schemaVersion: 1, id: 'p', name: 'p', version: '1.0.0', languages: ['en'], description: 'd',
      rules: [rule('a', `no ... (${group})`), rule('b', `sorry [${group}]`)], checklist: [],
    };
    const out = compact(pack, { minLength: 10 });
    expect(out.define).toEqual({ x1: `(${group})` });
    expect(out.rules.map((r) => r.patterns[0])).toEqual(['no ... (@x1)', 'sorry [@x1]']);
    expect(out.rules[0]!.unless).toEqual([{ pattern: 'we can (@x1)', scope: 'sentence' }]);
  });

  test('leaves the author’s named phrases as written (so nesting never gets deeper)', () => {
    const group = '(alpha|bravo|charlie|delta|echo)';
    const rule = (id: string, pattern: string) => ({
      id, category: 'x', severity: 'warning' as const, languages: ['en'], patterns: [pattern], unless: [],
      message: 'm', alternatives: ['a'], examples: { flag: [], pass: [] }, enabled: true,
    });
    const define = { a: '@b', b: '@c', c: '@d', d: `${group} z` };
    const pack: Pack = {
      schemaVersion: 1, id: 'p', name: 'p', version: '1.0.0', languages: ['en'], description: 'd', define,
      rules: [rule('r1', 'x @a'), rule('r2', `y ${group}`), rule('r3', `w ${group}`)], checklist: [],
    };
    const out = compact(pack, { minLength: 10 });
    expect(out.define).toMatchObject(define);
    const engine = createEngine([out]);
    expect(engine.problems).toEqual([]);
    expect(engine.analyze('x bravo z, y echo', { language: 'en' }).findings.map((f) => f.match)).toEqual(['x bravo z', 'y echo']);
  });

  test('the built-in packs give identical findings before and after, on every example', () => {
    const packs = loadBuiltinPacks();
    for (const language of ['en', 'ru', 'uk']) {
      const data = runtime(packs, language);
      const compacted = data.map((p) => compact(p));
      expect(JSON.stringify(compacted).length).toBeLessThan(JSON.stringify(data).length);
      const a = createEngine(data);
      const b = createEngine(compacted);
      expect(b.problems).toEqual([]);
      const texts = packs.flatMap((p) => [
        ...p.rules.filter((r) => r.languages.includes(language)).flatMap((r) => [...r.examples.flag, ...r.examples.pass]),
        ...p.checklist.filter((c) => c.languages.includes(language)).flatMap((c) => [...c.examples.done, ...c.examples.notDone]),
      ]);
      expect(texts.length).toBeGreaterThan(300);
      for (const text of texts) expect(b.analyze(text, { language }), text).toEqual(a.analyze(text, { language }));
    }
  });
});
