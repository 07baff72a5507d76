import { describe, expect, it } from 'vitest';
import { formatProblem, validatePack } from '../../src/core/validate.js';

const good = () => ({
  schemaVersion: 1,
  id: 'acme-support',
  name: 'Acme',
  version: '1.2.0',
  languages: ['en'],
  description: 'Acme team wording',
  rules: [
    {
      id: 'no-sir',
      category: 'condescension',
      severity: 'warning',
      patterns: ['listen here'],
      message: 'Sounds like a lecture.',
      alternatives: ['Let me explain'],
      examples: { flag: ['listen here, pal', 'Listen here.'], pass: ['listen to this', 'here we go'] },
    },
  ],
  checklist: [],
});

function problems(mut: (p: ReturnType<typeof good>) => unknown) {
  const p = good();
  const raw = mut(p) ?? p;
  const r = validatePack(raw, 'acme.yaml');
  if (r.ok) throw new Error('expected problems');
  return r.problems.map(formatProblem);
}

describe('validatePack', () => {
  it('accepts a good pack and fills defaults in canonical form', () => {
    const r = validatePack(good());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.pack.rules[0]).toMatchObject({ languages: ['en'], unless: [], enabled: true });
  });

  it('names pack, rule, field and fix for a bad severity', () => {
    expect(problems((p) => void ((p.rules[0] as Record<string, unknown>).severity = 'high'))).toEqual([
      'pack "acme-support" rules[0] (no-sir) field "severity": must be one of "info", "warning", "critical", not "high"',
    ]);
  });

  it('reports missing fields, unknown fields and too few examples', () => {
    const out = problems((p) => {
      const r = p.rules[0] as Record<string, unknown>;
      delete r.message;
      r.mesage = 'typo';
      r.examples = { flag: ['one'], pass: ['a', 'b'] };
    });
    expect(out).toContain('pack "acme-support" rules[0] (no-sir) field "message": is required (a string)');
    expect(out).toContain('pack "acme-support" rules[0] (no-sir): unknown field "mesage": check the spelling or remove it');
    expect(out).toContain('pack "acme-support" rules[0] (no-sir) field "examples.flag": give at least two examples');
  });

  it('reports bad patterns with the column', () => {
    expect(problems((p) => void (p.rules[0]!.patterns = ['ok', '(listen here']))).toEqual([
      'pack "acme-support" rules[0] (no-sir) field "patterns[1]": pattern "(listen here" (column 13): missing ")"',
    ]);
  });

  it('reports duplicate rule ids', () => {
    expect(problems((p) => void p.rules.push({ ...p.rules[0]! }))).toEqual([
      'pack "acme-support" rules[1] (no-sir) field "id": duplicate rule id: rules[0] already uses "no-sir"; rename one of them',
    ]);
  });

  it('rejects a future schemaVersion with a clear way out', () => {
    expect(problems((p) => void (p.schemaVersion = 7))).toEqual([
      'pack "acme-support" field "schemaVersion": this pack needs schemaVersion 7, but this version of Reply Coach reads up to 1: update Reply Coach, or ask the pack\'s author for a schemaVersion 1 build',
    ]);
  });

  it('names the origin when the pack has no id, and never throws on junk', () => {
    for (const junk of [null, 42, 'text', [], { id: 5 }]) {
      const r = validatePack(junk, 'https://example.com/p.json');
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.problems[0]!.packId).toBe('https://example.com/p.json');
    }
  });

  it('enforces limits', () => {
    const out = problems((p) => void (p.rules = Array.from({ length: 5001 }, (_, i) => ({ ...p.rules[0]!, id: `r-${i}` }))));
    expect(out[0]).toContain('at most 5000 rules');
    expect(problems((p) => void (p.rules[0]!.patterns = ['a '.repeat(600)]))[0]).toContain('at most 1000 characters');
  });

  it('checks unless references and placeholders', () => {
    const out = problems((p) => {
      const r = p.rules[0] as Record<string, unknown>;
      r.unless = [{ checklist: 'nope', scope: 'before' }];
      r.alternatives = ['Hi {customer}'];
    });
    expect(out).toEqual([
      'pack "acme-support" rules[0] (no-sir) field "unless[0].checklist": no checklist item "nope" in this pack',
      'pack "acme-support" rules[0] (no-sir) field "alternatives[0]": unknown placeholder {customer}: the only placeholder is {name}',
    ]);
  });
});

describe('define (named phrases)', () => {
  it('accepts named phrases used by patterns and keeps them in canonical form', () => {
    const p = { ...good(), define: { here: 'listen here', pal: '(pal|mate)' } };
    p.rules[0]!.patterns = ['@here [@pal]'];
    const r = validatePack(p, 'acme.yaml');
    expect(r.ok && r.pack.define).toEqual({ here: 'listen here', pal: '(pal|mate)' });
  });

  it('counts a named phrase as used wherever the parser reads one (after ..., brackets, ^, punctuation)', () => {
    for (const pattern of ['^@here there', '(a|b)@here', '[so]@here', 'sorry ...@here', 'sorry,@here', '{name}@here']) {
      const p = { ...good(), define: { here: 'listen here' } };
      p.rules[0]!.patterns = [pattern];
      const r = validatePack(p, 'acme.yaml');
      expect(r.ok ? 'ok' : r.problems.map(formatProblem).join('\n'), pattern).toBe('ok');
    }
  });

  it('reports unknown, unused and badly named phrases with pack, place and fix', () => {
    const unknown = problems((p) => {
      p.rules[0]!.patterns = ['@hear'];
      return { ...p, define: { here: 'listen here' } };
    });
    expect(unknown).toContain(
      `pack "acme-support" rules[0] (no-sir) field "patterns[0]": pattern "@hear" (column 1): no phrase "@hear" in the pack's define: add it there, or check the spelling`,
    );
    expect(unknown).toContain('pack "acme-support" define field "here": named phrase "@here" is never used: use it in a pattern or remove it');
    expect(problems((p) => ({ ...p, define: { Bad_Name: 'x' } })).join('\n')).toMatch(/define.*kebab-case/);
  });
});
