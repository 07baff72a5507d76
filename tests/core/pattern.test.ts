import { describe, expect, it } from 'vitest';
import { compilePattern, PatternError } from '../../src/core/pattern.js';
import { createEngine } from '../../src/core/engine.js';
import { flagged, pack, rule } from './helpers.js';

const f = (pattern: string, text: string) => flagged(pack([rule('r', [pattern])]), text);

describe('pattern language', () => {
  it('matches literal words case-insensitively across whitespace and line breaks', () => {
    expect(f('calm down', 'Please CALM   down now')).toEqual(['CALM   down']);
    expect(f('calm down', 'please calm\n  down')).toEqual([]); // a line break ends a sentence
    expect(f('calm down', 'calm\tdown')).toEqual(['calm\tdown']);
  });

  it('treats straight and curly apostrophes alike, in patterns and text', () => {
    expect(f("don't know", 'I don’t know')).toEqual(['don’t know']);
    expect(f('don’t know', "I don't know")).toEqual(["don't know"]);
    expect(f("з'ясую", 'Я зʼясую це')).toEqual(['зʼясую']);
  });

  it('folds ё to е', () => {
    expect(f('ещё раз', 'Повторяю еще раз')).toEqual(['еще раз']);
    expect(f('еще раз', 'Повторяю ЕЩЁ раз')).toEqual(['ЕЩЁ раз']);
  });

  it('respects Unicode word boundaries in Cyrillic', () => {
    expect(f('нет', 'Нет, это невозможно')).toEqual(['Нет']);
    expect(f('нет', 'интернет работает')).toEqual([]);
    expect(f('ні', 'Ні, не можемо')).toEqual(['Ні']);
    expect(f('ні', 'сьогодні')).toEqual([]);
  });

  it('supports alternatives and optional words', () => {
    const p = '[please] (calm|settle) down';
    expect(f(p, 'Settle down.')).toEqual(['Settle down']);
    expect(f(p, 'please calm down')).toEqual(['please calm down']);
    expect(f('(a|b)? c', 'b c')).toEqual(['b c']);
  });

  it('supports word stems for inflected languages', () => {
    const p = 'успокой*';
    expect(f(p, 'Успокойтесь!')).toEqual(['Успокойтесь']);
    expect(f(p, 'да успокойся ты')).toEqual(['успокойся']);
    expect(f('заспокой*', 'Заспокойтеся, будь ласка')).toEqual(['Заспокойтеся']);
    expect(f(p, 'спокойно')).toEqual([]);
  });

  it('supports bounded gaps that stay inside one sentence', () => {
    const p = 'sorry ... but';
    expect(f(p, 'Sorry for the wait but no.')).toEqual(['Sorry for the wait but']);
    expect(f(p, 'Sorry a b c d e but no')).toEqual([]); // five words: over the default four
    expect(f('sorry ...6 but', 'Sorry a b c d e but no')).toEqual(['Sorry a b c d e but']);
    expect(f(p, 'Sorry. But no.')).toEqual([]);
  });

  it('supports any-word, number and anchors', () => {
    expect(f('in # days', 'in 3 days')).toEqual(['in 3 days']);
    expect(f('in # days', 'in few days')).toEqual([]);
    expect(f('you _ wrong', 'you are wrong')).toEqual(['you are wrong']);
    expect(f('^ no $', 'No.')).toEqual(['No']);
    expect(f('^ no $', 'No problem.')).toEqual([]);
    expect(f('^ no $', 'I said no')).toEqual([]);
  });

  it('ignores punctuation in patterns and drafts', () => {
    expect(f('sorry, but', 'sorry but')).toEqual(['sorry but']);
    expect(f('sorry but', 'Sorry — but')).toEqual(['Sorry — but']);
  });

  it('matches hyphenated words as separate words', () => {
    expect(f('follow-up', 'a follow up call')).toEqual(['follow up']);
  });

  it('compiles alternatives without multiplying states', () => {
    const words = Array.from({ length: 30 }, (_, i) => `w${'abcdefghij'[i % 10]}${'xyz'[Math.floor(i / 10)]}`).join('|');
    const p = compilePattern(`(${words}) (${words}) (${words}) (${words})`);
    // 4 × 30 word edges; three ε-joins (one state each) stand between the alternations.
    expect(p.edges.flat().length).toBe(4 * 30);
    expect(p.edges.length).toBe(1 + 4 * 30 + 3);
  });

  it.each([
    ['', 'empty'],
    ['(a|b', 'missing ")"'],
    ['a)', 'unbalanced'],
    ['a | b', '"|" must be inside'],
    ['... a', 'gap'],
    ['a ...', 'gap'],
    ['a ...9 b', 'gap size'],
    ['a ... b ... c ... d', 'at most 2 gaps'],
    ['_ #', 'at least one word'],
    ['[a]', 'match nothing'],
    ['ab*', 'too short'],
    ['a*b', 'may only end a word'],
    ['{customer}', 'only placeholder'],
    ['a ^ b', 'sentence start'],
    ['x'.repeat(1001), 'limit is 1000'],
  ])('rejects %j with a clear message', (src, msg) => {
    expect(() => compilePattern(src)).toThrow(PatternError);
    expect(() => compilePattern(src)).toThrow(msg);
  });
});

describe('digits and letters', () => {
  it('treats "5pm" like "5 pm", in drafts and in patterns', () => {
    expect(f('by # pm', 'back by 5pm today')).toEqual(['by 5pm']);
    expect(f('by # pm', 'back by 5 pm today')).toEqual(['by 5 pm']);
    expect(f('by 5pm', 'back by 5 pm')).toEqual(['by 5 pm']);
    expect(f('за # (час|часа|часов|ч)', 'ответим за 24ч')).toEqual(['за 24ч']);
    expect(f('within # days', 'within 3days')).toEqual(['within 3days']);
  });
});

describe('named phrases (@name from the pack’s define)', () => {
  const define = { offer: "(I|we) (can|will|'ll) (offer|arrange|send)", sorry: '(sorry|apologies)', both: '@sorry ... @offer' };
  const fd = (pattern: string, text: string, d: Record<string, string> = define) =>
    flagged(pack([rule('r', [pattern])], [], { define: d }), text);

  it('splices a named phrase in as one group, anywhere a word may stand', () => {
    expect(fd('@offer a refund', 'We will arrange a refund today')).toEqual(['We will arrange a refund']);
    expect(fd('no ... [but] @offer', 'No, but I can send a label')).toEqual(['No, but I can send']);
    expect(fd('(@sorry|regret) about', 'Apologies about that')).toEqual(['Apologies about']);
    expect(fd('[@sorry] late', 'sorry late and late')).toEqual(['sorry late', 'late']);
  });

  it('lets named phrases use other named phrases', () => {
    expect(fd('@both', 'Sorry about that, we can offer a voucher')).toEqual(['Sorry about that, we can offer']);
  });

  it('says what is wrong with an unknown, looping, anchored or broken named phrase', () => {
    const msg = (src: string, d: Record<string, string> = define) => {
      try {
        compilePattern(src, d);
      } catch (e) {
        if (e instanceof PatternError) return `${e.column}: ${e.message}`;
        throw e;
      }
      return 'compiled';
    };
    expect(msg('please @ofer now')).toBe(`8: no phrase "@ofer" in the pack's define: add it there, or check the spelling`);
    expect(msg('@a', { a: 'x @b', b: 'y @a' })).toMatch(/refers to itself \(@a → @b → @a\)/);
    expect(msg('x @a', { a: '^ y' })).toMatch(/@a uses \^ or \$/);
    expect(msg('x @a', { a: 'y (z' })).toBe('3: in @a (column 5 of its definition): missing ")"');
    expect(msg('x @Offer')).toMatch(/not a phrase name/);
    expect(msg('x @a', { a: '@b', b: '@c', c: '@d', d: '@e', e: 'z' })).toMatch(/nest more than 4 deep/);
    // Gaps count across named phrases: the pattern may still hold at most two.
    expect(msg('a ... @g', { g: 'b ... c ... d' })).toMatch(/at most 2 gaps/);
  });

  it('bounds the automaton when named phrases multiply out', () => {
    const words = Array.from({ length: 150 }, (_, i) => `w${i}x`).join('|');
    const d = { a: `(${words})`, b: '@a @a @a @a @a @a @a @a', c: '@b @b @b @b @b @b @b @b @b @b' };
    expect(() => compilePattern('@c @c @c @c', d)).toThrow(/expands to about \d+ steps/);
  });

  it('reads a name up to punctuation, after punctuation too, and says how to make one optional', () => {
    expect(fd('@sorry, but we', 'Sorry, but we')).toEqual(['Sorry, but we']);
    expect(fd('sorry,@offer', 'sorry we can arrange')).toEqual(['sorry we can arrange']);
    expect(fd('"@sorry" now', 'apologies now')).toEqual(['apologies now']);
    expect(() => compilePattern('x @offer?', define)).toThrow('"@offer?": write [@offer] for an optional named phrase');
  });

  it('rejects exponential nesting and long optional runs with a PatternError, never a crash', () => {
    const d: Record<string, string> = { d0: 'w' };
    for (let n = 1; n <= 3; n++) d[`d${n}`] = Array(60).fill(`@d${n - 1}`).join(' ');
    expect(() => compilePattern(Array(60).fill('@d3').join(' '), d)).toThrow(PatternError);
    const optional = { o: Array(250).fill('[a]').join(' ') };
    expect(() => compilePattern(`x ${Array(40).fill('@o').join(' ')}`, optional)).toThrow(PatternError);
  });

  it('names the named phrases when a whole-pattern check fails', () => {
    expect(() => compilePattern('sorry ... @g', { g: 'a ... b ... c' })).toThrow('at most 2 gaps per pattern (counting the named phrases it uses: @g)');
  });

  it('keeps each pack’s named phrases apart, even for the same pattern text', () => {
    const a = pack([rule('r', ['@x'])], [], { id: 'a', define: { x: 'alpha' } });
    const b = pack([rule('r', ['@x'])], [], { id: 'b', define: { x: 'beta' } });
    const found = createEngine([a, b]).analyze('alpha and beta', { language: 'en' }).findings;
    expect(found.map((f) => `${f.packId}:${f.match}`).sort()).toEqual(['a:alpha', 'b:beta']);
    // Even when two packs share an id (a fork of a pack loaded beside it).
    const fork = pack([rule('r2', ['@x'])], [], { id: 'a', define: { x: 'beta' } });
    const both = createEngine([a, fork]).analyze('alpha and beta', { language: 'en' }).findings;
    expect(both.map((f) => `${f.ruleId}:${f.match}`).sort()).toEqual(['r2:beta', 'r:alpha']);
  });
});

describe('English contractions', () => {
  it('match their apostrophe-less and spelled-out forms, in both directions of authoring', () => {
    for (const text of ["I don't know", 'I dont know', 'i do not know', 'I DON’T know'])
      expect(f("i don't know", text), text).toEqual([text]);
    expect(f('i dont know', 'I do not know')).toEqual(['I do not know']);
    expect(f("you're wrong", 'youre wrong')).toEqual(['youre wrong']);
    expect(f("can't help", 'We cannot help')).toEqual(['cannot help']);
  });

  it('leave out spellings that are other words ("were" is not "we\'re")', () => {
    expect(f("we're closed", 'the shops were closed')).toEqual([]);
    expect(f("we'll see", 'well, see you')).toEqual([]);
    expect(f("we're closed", 'we are closed')).toEqual(['we are closed']);
  });
});

describe('English contractions written out', () => {
  it('"do not" in a pattern also matches "don\'t" and "dont"', () => {
    expect(f('i do not know', "I don't know")).toEqual(["I don't know"]);
    expect(f('you are wrong', 'youre wrong')).toEqual(['youre wrong']);
    expect(f('we will not refund', "we won't refund")).toEqual(["we won't refund"]);
    for (const text of ["you're not listening", 'youre not listening', "you aren't listening", 'you are not listening'])
      expect(f('you are not listening', text), text).toEqual([text]);
    expect(f('it is down', 'the card took its down payment')).toEqual([]); // "its" is a word of its own
    expect(f('we are closed', 'we were closed')).toEqual([]);
  });
});

describe('chat spellings', () => {
  it('a plain word in a pattern also matches its chat spelling ("your" → "ur", "going to" → "gonna")', () => {
    expect(f('your fault', 'ur fault lol')).toEqual(['ur fault']);
    expect(f('please wait', 'plz wait')).toEqual(['plz wait']);
    expect(f("i'm going to close this", 'im gonna close this')).toEqual(['im gonna close this']);
    expect(f("i don't know", 'dunno tbh')).toEqual([]); // "i" is still needed
    expect(f("don't know", 'dunno tbh')).toEqual(['dunno']);
    expect(f('you need to', 'u need to')).toEqual(['u need to']);
  });

  it('one way only: a pattern that spells the chat form means just that', () => {
    expect(f('ur fault', 'not your fault')).toEqual([]);
    expect(f('plz', 'please')).toEqual([]);
  });
});
