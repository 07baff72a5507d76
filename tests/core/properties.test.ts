import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../../src/core/engine.js';
import { loadBuiltinPacks } from '../../src/engine/index.js';

const engine = createEngine(loadBuiltinPacks());

// Text built from pieces that exercise the tokenizer's edges plus phrases the rules know.
const piece = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }), // lone surrogates included
  fc.constantFrom(
    'calm down', "I don't know", 'you should have read', "that's our policy", 'Успокойтесь', 'не знаю', 'заспокойтеся',
    '\u200d', '\u200b', '\u00ad', '\ufeff', '\u202e', 'שלום', 'مرحبا', '👩‍👩‍👧', '\ud83d', '’', '…', '\n', '\r\n', '  ', 'Ё', 'ʼ',
  ),
);
const text = fc.array(piece, { maxLength: 40 }).map((a) => a.join(''));

describe('analyze on arbitrary Unicode', () => {
  it('never throws; every finding and evidence lies in the text and slices to its match', () => {
    fc.assert(
      fc.property(text, fc.option(fc.constantFrom('en', 'ru', 'uk'), { nil: undefined }), fc.option(fc.string(), { nil: undefined }), (t, language, customerName) => {
        const r = engine.analyze(t, { ...(language ? { language } : {}), ...(customerName ? { customerName } : {}) });
        for (const f of r.findings) {
          expect(f.start).toBeGreaterThanOrEqual(0);
          expect(f.end).toBeLessThanOrEqual(t.length);
          expect(f.start).toBeLessThan(f.end);
          expect(t.slice(f.start, f.end)).toBe(f.match);
        }
        for (const c of r.checklist) if (c.evidence) expect(t.slice(c.evidence.start, c.evidence.end)).toBe(c.evidence.text);
      }),
      { numRuns: 500 },
    );
  });

  it('findings never overlap and are sorted', () => {
    fc.assert(
      fc.property(text, (t) => {
        const f = engine.analyze(t).findings;
        for (let i = 1; i < f.length; i++) expect(f[i]!.start).toBeGreaterThanOrEqual(f[i - 1]!.end);
      }),
      { numRuns: 300 },
    );
  });

  it('handles ignore ranges anywhere, even out of bounds or reversed', () => {
    fc.assert(
      fc.property(text, fc.array(fc.record({ start: fc.integer({ min: -5, max: 300 }), end: fc.integer({ min: -5, max: 300 }) }), { maxLength: 4 }), (t, ranges) => {
        const r = engine.analyze(t, { ignoreRanges: ranges });
        for (const f of r.findings) {
          expect(t.slice(f.start, f.end)).toBe(f.match);
          for (const g of ranges) if (g.end > g.start) expect(f.end <= g.start || f.start >= g.end).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('analyses a 1 MB draft', () => {
    const base = 'Calm down, I don’t know. Успокойтесь! Заспокойтеся. 👩‍👩‍👧 \u200d שלום ';
    const big = base.repeat(Math.ceil(1_000_000 / base.length));
    const r = engine.analyze(big);
    expect(r.findings.length).toBeGreaterThan(1000);
    for (const f of r.findings.slice(0, 50)) expect(big.slice(f.start, f.end)).toBe(f.match);
  });
});

describe('sentence cache', () => {
  it('a long-lived engine (cache warm from earlier drafts) answers exactly like a fresh one', () => {
    const live = createEngine(loadBuiltinPacks());
    // The reference has no sentence cache at all: emptied before every call (compiling a fresh engine per
    // step would make the test spend its time compiling the same matchers).
    const fresh = createEngine(loadBuiltinPacks());
    const sentence = fc.constantFrom(
      'Calm down.', "I don't know when it ships.", 'You should have read our policy.', 'Hi Maria,', 'Thanks Maria!',
      'Успокойтесь, я не знаю.', 'Заспокойтеся, будь ласка.', 'Sorry you feel that way.', 'I understand how frustrating this is.',
      'This is because the courier was late.', "I've refunded you within 3 days.", 'Obviously, it works.',
    );
    const draft = fc.array(fc.oneof(sentence, piece), { minLength: 1, maxLength: 12 }).map((a) => a.join(' '));
    fc.assert(
      fc.property(fc.array(fc.tuple(draft, fc.option(fc.constantFrom('Maria', 'Анна', 'Олена'), { nil: undefined })), { minLength: 1, maxLength: 6 }), (steps) => {
        for (const [t, customerName] of steps) {
          const opts = customerName ? { customerName } : {};
          fresh.clearCache();
          expect(live.analyze(t, opts)).toEqual(fresh.analyze(t, opts));
        }
      }),
      { numRuns: 60 },
    );
  });
});
