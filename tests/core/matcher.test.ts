import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Matcher, requiredWords } from '../../src/core/matcher.js';
import { closureOf, compilePattern, type CompiledPattern } from '../../src/core/pattern.js';
import { tokenize, type Token } from '../../src/core/text.js';

const noName = () => false;

/** Every (from, to) a pattern matches, by simulating its automaton from every token: no index, no prefilter. */
function bruteForce(p: CompiledPattern, tokens: Token[]): string[] {
  const out: string[] = [];
  for (let begin = 0; begin < tokens.length; begin++) {
    if (p.start && !tokens[begin]!.brk) continue;
    let cur = new Set(closureOf(p, 0));
    for (let j = begin; ; j++) {
      if (j > begin && [...cur].some((s) => p.accept[s]) && (!p.end || j === tokens.length || tokens[j]!.brk)) out.push(`${begin}-${j - 1}`);
      if (j >= tokens.length || !cur.size || (j > begin && tokens[j]!.brk)) break;
      const tok = tokens[j]!;
      const next = new Set<number>();
      for (const s of cur)
        for (const e of p.edges[s]!) {
          const ok = e.step.k === 'word' ? tok.norm === e.step.v : e.step.k === 'stem' ? tok.norm.startsWith(e.step.v) : e.step.k === 'any' ? true : e.step.k === 'num' ? tok.num : false;
          if (ok) for (const t of closureOf(p, e.to)) next.add(t);
        }
      cur = next;
    }
  }
  return out;
}

describe('required-word prefilter', () => {
  it('finds the rarest word set every match must contain', () => {
    const req = (src: string) => requiredWords(compilePattern(src));
    expect(req('(i|we) ...2 (checked|tested)')).toEqual({ words: ['checked', 'tested'], stems: [] });
    expect(req('[our|the] _ _ (policy|rules)')).toEqual({ words: ['policy', 'rules'], stems: [] });
    expect(req('(i|we) [just|now] (fixed|refunded) [it]')).toEqual({ words: ['fixed', 'refunded'], stems: [] });
    expect(req('(sorry|apolog*) ... but')).toEqual({ words: ['but'], stems: [] });
    expect(req('(sorry|apolog*) ... (we|i)')).toEqual({ words: ['sorry'], stems: ['apolog'] });
    // Only the start lies on every way through "we can't" and "not possible".
    expect(req("(we can't|not possible)")).toEqual({ words: ['not', 'we'], stems: [] });
    expect(req('che* _ #')).toEqual({ words: [], stems: ['che'] });
    expect(req('(sorry|# days) _')).toBeUndefined();
  });

  it('a matcher with the prefilter finds exactly what simulating every pattern from every token finds', () => {
    const vocab = ['i', 'we', 'can', 'not', 'policy', 'checked', 'sorry', 'but', 'the', 'rules', 'you'];
    const word = fc.constantFrom(...vocab);
    const element = fc.oneof(
      word,
      fc.array(word, { minLength: 2, maxLength: 4 }).map((ws) => `(${ws.join('|')})`),
      fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => `[${ws.join('|')}]`),
      fc.constantFrom('_', '...2', 'che*', '#'),
    );
    const pattern = fc
      .tuple(fc.boolean(), fc.array(element, { minLength: 1, maxLength: 5 }))
      .map(([anchor, els]) => `${anchor ? '^ ' : ''}${els.join(' ')}`)
      .filter((src) => {
        try {
          compilePattern(src);
          return true;
        } catch {
          return false;
        }
      });
    const sentence = fc.array(fc.oneof(word, fc.constantFrom('3', '.', 'checking')), { maxLength: 14 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 6 }), sentence, (sources, text) => {
        const tokens = tokenize(text);
        const compiled = sources.map((s) => compilePattern(s));
        const m = new Matcher();
        compiled.forEach((p, ref) => m.add(p, ref));
        const got = m.scan(tokens, noName).map((h) => `${h.ref}:${h.from}-${h.to}`).sort();
        const want = compiled.flatMap((p, ref) => [...new Set(bruteForce(p, tokens))].map((r) => `${ref}:${r}`)).sort();
        // The matcher reports one hit per (start, end) it reaches; compare the distinct spans.
        expect([...new Set(got)]).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });
});

describe('scanning for some owners only', () => {
  it('runs only patterns with a wanted owner, and a shared pattern when any of its owners is wanted', () => {
    const m = new Matcher();
    m.add(compilePattern('we can offer'), 0);
    const shared = compilePattern('happy to help');
    m.add(shared, 1);
    m.add(shared, 2); // the same compiled pattern for a second owner: one entry, two refs
    const tokens = tokenize('We can offer a swap, happy to help.');
    const refs = (wanted?: (r: number) => boolean) => m.scan(tokens, noName, wanted).map((h) => h.ref).sort();
    expect(refs()).toEqual([0, 1, 2]);
    expect(refs((r) => r === 0)).toEqual([0]);
    expect(refs((r) => r === 2)).toEqual([1, 2]);
    expect(refs(() => false)).toEqual([]);
    expect(refs()).toEqual([0, 1, 2]); // the filter does not outlive its scan
  });
});
