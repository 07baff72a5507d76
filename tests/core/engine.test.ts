import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { flagged, item, pack, rule } from './helpers.js';

describe('createEngine().analyze', () => {
  it('returns findings with offsets, match, message and alternatives', () => {
    const e = createEngine([pack([rule('calm', ['calm down'], { severity: 'critical', alternatives: ['I understand, {name}'] })])]);
    const text = 'Oh, calm down.';
    const r = e.analyze(text, { language: 'en', customerName: 'Maria' });
    expect(r.language).toBe('en');
    expect(r.findings).toEqual([
      expect.objectContaining({ ruleId: 'calm', packId: 'test', severity: 'critical', start: 4, end: 13, match: 'calm down', message: 'why calm', alternatives: ['I understand, Maria'] }),
    ]);
    expect(text.slice(4, 13)).toBe('calm down');
  });

  it('drops {name} gracefully and capitalises at a sentence start', () => {
    const e = createEngine([pack([rule('calm', ['calm down'], { alternatives: ['i understand, {name}!', '{name}, I hear you'] })])]);
    expect(e.analyze('Calm down', { language: 'en' }).findings[0]!.alternatives).toEqual(['I understand!', 'I hear you']);
  });

  it('capitalises a checklist example whose leading {name} was dropped ("{name}, вітаю!" → "Вітаю!")', () => {
    const e = createEngine([pack([], [item('use-name', ['вітаю {name}'], { example: '{name}, вітаю! Дякую, що написали.' })])]);
    expect(e.analyze('Добрий день', { language: 'en' }).checklist[0]!.example).toBe('Вітаю! Дякую, що написали.');
    expect(e.analyze('Добрий день', { language: 'en', customerName: 'Олена' }).checklist[0]!.example).toBe('Олена, вітаю! Дякую, що написали.');
  });

  it('lowercases a sentence-style alternative replacing a mid-sentence phrase (but keeps "I")', () => {
    const e = createEngine([pack([rule('r', ['per our policy'], { alternatives: ['Here is what I can do', "I'll check"] })])]);
    expect(e.analyze('We checked, and per our policy, no.', { language: 'en' }).findings[0]!.alternatives).toEqual(['here is what I can do', "I'll check"]);
  });

  it('applies unless in the same sentence by default', () => {
    const p = pack([rule('no', ['^ no'], { unless: [{ pattern: 'no problem', scope: 'sentence' }] })]);
    expect(flagged(p, 'No problem at all — I have refunded you.')).toEqual([]);
    expect(flagged(p, 'No. We cannot. No problem.')).toEqual(['No']);
  });

  it('expresses order: an explanation before any acknowledgment is defensive', () => {
    const p = pack(
      [rule('because', ['(this is|that is) because'], { unless: [{ checklist: 'ack', scope: 'before' }] })],
      [item('ack', ['i understand', 'sorry about'])],
    );
    expect(flagged(p, 'This is because the courier was late. I understand.')).toEqual(['This is because']);
    expect(flagged(p, 'I understand. This is because the courier was late.')).toEqual([]);
    // The same acknowledgment after the explanation does not excuse it.
    const q = pack([rule('because', ['this is because'], { unless: [{ pattern: 'i understand', scope: 'before' }] })]);
    expect(flagged(q, 'This is because X. I understand.')).toEqual(['This is because']);
    expect(flagged(q, 'I understand. This is because X.')).toEqual([]);
  });

  it('supports after, match and draft scopes', () => {
    const mk = (scope: 'after' | 'match' | 'draft') => pack([rule('r', ['sorry'], { unless: [{ pattern: 'refund', scope }] })]);
    expect(flagged(mk('after'), 'Sorry. Refund sent.')).toEqual([]);
    expect(flagged(mk('after'), 'Refund sent. Sorry.')).toEqual(['Sorry']);
    expect(flagged(mk('draft'), 'Refund sent. Sorry.')).toEqual([]);
    expect(flagged(mk('match'), 'Sorry. Refund sent.')).toEqual(['Sorry']);
  });

  it('keeps the most severe of overlapping findings', () => {
    const p = pack([
      rule('short', ['calm down'], { severity: 'warning' }),
      rule('long', ['please calm down'], { severity: 'critical' }),
      rule('other', ['down now'], { severity: 'info' }),
    ]);
    const r = createEngine([p]).analyze('please calm down now', { language: 'en' });
    expect(r.findings.map((f) => f.ruleId)).toEqual(['long']);
  });

  it('honours settings: disabled packs, rules, categories, min severity, personal ignores, default-off rules', () => {
    const p = pack([rule('a', ['alpha'], { category: 'rushing' }), rule('b', ['beta'], { severity: 'info' }), rule('c', ['gamma'], { enabled: false })]);
    const text = 'alpha beta gamma';
    expect(flagged(p, text)).toEqual(['alpha', 'beta']);
    expect(flagged(p, text, { disabledPacks: ['test'] })).toEqual([]);
    expect(flagged(p, text, { disabledRules: ['test/a'] })).toEqual(['beta']);
    expect(flagged(p, text, { disabledRules: ['b'] })).toEqual(['alpha']);
    expect(flagged(p, text, { disabledCategories: ['rushing'] })).toEqual(['beta']);
    expect(flagged(p, text, { minSeverity: 'warning' })).toEqual(['alpha']);
    expect(flagged(p, text, { enabledRules: ['test/c'] })).toEqual(['alpha', 'beta', 'gamma']);
    expect(flagged(p, 'ALPHA and alpha', { ignoredPhrases: ['Alpha'] })).toEqual([]);
  });

  it('never analyses ignored ranges and does not join phrases across them', () => {
    const p = pack([rule('r', ['calm down'])]);
    const e = createEngine([p]);
    const text = 'calm > calm down\ndown';
    expect(e.analyze(text, { language: 'en', ignoreRanges: [{ start: 5, end: 17 }] }).findings).toEqual([]);
    expect(e.analyze('calm down', { language: 'en', ignoreRanges: [{ start: 0, end: 4 }] }).findings).toEqual([]);
    // A region holding only the space between two words still splits the phrase (found by the property test).
    expect(e.analyze('calm down', { language: 'en', ignoreRanges: [{ start: 4, end: 5 }] }).findings).toEqual([]);
  });

  it('runs only the rules of the draft language', () => {
    const en = rule('en', ['stop'], { languages: ['en'] });
    const ru = rule('ru', ['стоп'], { languages: ['ru'] });
    const e = createEngine([pack([en, ru], [], { languages: ['en', 'ru'] })]);
    expect(e.analyze('stop стоп стоп стоп').findings.map((f) => f.ruleId)).toEqual(['ru', 'ru', 'ru']);
    expect(e.analyze('stop stop стоп').findings.map((f) => f.ruleId)).toEqual(['en', 'en']);
  });

  it('ticks checklist items with evidence, honouring their unless', () => {
    const p = pack([], [item('apology', ['sorry'], { unless: [{ pattern: 'sorry you feel', scope: 'match' }] })]);
    const e = createEngine([p]);
    expect(e.analyze('Sorry you feel that way.', { language: 'en' }).checklist[0]).toMatchObject({ id: 'apology', done: false });
    expect(e.analyze('So sorry about that.', { language: 'en' }).checklist[0]).toMatchObject({
      done: true,
      evidence: { start: 3, end: 8, text: 'sorry' },
    });
  });

  it('uses the customer name when known, also inflected in ru/uk', () => {
    const en = pack([], [item('use-name', ['(hi|hello) {name}'], { matchCustomerName: true })]);
    const e = createEngine([en]);
    expect(e.analyze('Thanks, Maria!', { language: 'en', customerName: 'Maria' }).checklist[0]!.done).toBe(true);
    expect(e.analyze('Thanks, Mariana!', { language: 'en', customerName: 'Maria' }).checklist[0]!.done).toBe(false);
    expect(e.analyze('Hi Daniel, thanks', { language: 'en' }).checklist[0]!.done).toBe(true);
    expect(e.analyze('Hi there, thanks', { language: 'en' }).checklist[0]!.done).toBe(false);
    const uk = pack([], [item('use-name', ['вітаю {name}'], { matchCustomerName: true, languages: ['uk'] })], { languages: ['uk'] });
    expect(createEngine([uk]).analyze('Олено, добрий день!', { language: 'uk', customerName: 'Олена' }).checklist[0]!.done).toBe(true);
  });

  it('knows ru/uk short forms and three-letter names in the vocative, but not words that merely start alike', () => {
    const uk = pack([], [item('use-name', ['вітаю {name}'], { matchCustomerName: true, languages: ['uk'] })], { languages: ['uk'] });
    const ru = pack([], [item('use-name', ['привет {name}'], { matchCustomerName: true, languages: ['ru'] })], { languages: ['ru'] });
    const done = (p: typeof uk, lang: 'uk' | 'ru', text: string, customerName: string) =>
      createEngine([p]).analyze(text, { language: lang, customerName }).checklist[0]!.done;
    expect(done(uk, 'uk', 'Олю, дякую, що написали.', 'Ольга')).toBe(true);
    expect(done(uk, 'uk', 'Юлю, привіт!', 'Юлія')).toBe(true);
    expect(done(uk, 'uk', 'Іро, баг виправимо сьогодні.', 'Іра')).toBe(true);
    expect(done(uk, 'uk', 'Зоє, дякую за відгук!', 'Зоя')).toBe(true);
    expect(done(ru, 'ru', 'Маша, добрый день!', 'Мария')).toBe(true);
    expect(done(uk, 'uk', 'Зоопарк відкрито з 9:00.', 'Зоя')).toBe(false);
    expect(done(uk, 'uk', 'ірраціонально, але так.', 'Іра')).toBe(false);
    expect(done(uk, 'uk', 'Олег, дякую!', 'Ольга')).toBe(false);
    // English names neither inflect nor shorten here: "Mariana" is not "Maria".
    const en = pack([], [item('use-name', ['hi {name}'], { matchCustomerName: true })]);
    expect(createEngine([en]).analyze('Thanks, Mari!', { language: 'en', customerName: 'Maria' }).checklist[0]!.done).toBe(false);
  });

  it('warm() (which also analyses the rules\' own examples) leaves later answers unchanged, however often it runs', () => {
    const p = pack([rule('calm', ['calm down'], { examples: { flag: ['Calm down.', 'Please calm down.'], pass: ['ok', 'fine'] } })]);
    const cold = createEngine([p]).analyze('Please calm down, Anna.', { language: 'en' });
    const warmed = createEngine([p]);
    warmed.warm('en');
    warmed.warm('en');
    expect(warmed.analyze('Please calm down, Anna.', { language: 'en' })).toEqual(cold);
  });

  it('lets a later pack reword a checklist item with the same id', () => {
    const a = pack([], [item('thanks', ['thanks'], { label: 'Built-in' })]);
    const b = pack([], [item('thanks', ['cheers'], { label: 'Team' })], { id: 'team' });
    const r = createEngine([a, b]).analyze('cheers', { language: 'en' });
    expect(r.checklist).toEqual([expect.objectContaining({ id: 'thanks', label: 'Team', done: true })]);
  });

  it('reports unusable patterns instead of throwing, and keeps the other rules', () => {
    const e = createEngine([pack([rule('bad', ['(oops']), rule('good', ['fine'])])]);
    expect(e.problems).toEqual([
      expect.objectContaining({ packId: 'test', where: 'rule bad', field: 'patterns[0]' }),
      expect.objectContaining({ where: 'rule bad', message: expect.stringContaining('no usable pattern') }),
    ]);
    expect(e.analyze('fine', { language: 'en' }).findings).toHaveLength(1);
  });

  it('tolerates empty and non-string input', () => {
    const e = createEngine([pack([rule('r', ['x y'])])]);
    expect(e.analyze('').findings).toEqual([]);
    expect(e.analyze(undefined as unknown as string).findings).toEqual([]);
  });
});
