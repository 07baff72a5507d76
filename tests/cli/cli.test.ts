/** The built CLI, run as a user runs it (`npm test` builds first). */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '../..');
const bin = join(root, 'bin/reply-coach.js');
const cli = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [bin, ...args], { input, encoding: 'utf8', cwd: root, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tmp = mkdtempSync(join(tmpdir(), 'rc-cli-'));

beforeAll(() => {
  if (!existsSync(join(root, 'dist/cli/main.js'))) throw new Error('dist/cli/main.js is missing: run `npm run build` (npm test does it)');
});

describe('reply-coach check', () => {
  it('flags the three canonical English phrases with underline, reason and alternatives', () => {
    const r = cli(['check'], "Calm down, I don't know when it ships. You should have read our policy.");
    expect(r.code).toBe(1);
    for (const phrase of ['“Calm down”', '“I don\'t know”', '“You should have read”']) expect(r.out).toContain(phrase);
    expect(r.out).toContain('^^^^^^^^^'); // "Calm down" underlined
    expect(r.out).toContain('Try instead (and the line a click leaves):');
    expect(r.out).toMatch(/Empathy checklist 0\/7/);
    expect(r.out).toContain('3 phrases to soften');
  });

  it.each([
    ['ru', 'Успокойтесь, я не знаю, когда придёт заказ. Вы должны были прочитать условия.', ['Успокойтесь', 'я не знаю', 'Вы должны были прочитать']],
    ['uk', 'Заспокойтеся, я не знаю, коли прийде замовлення. Треба було прочитати умови.', ['Заспокойтеся', 'я не знаю', 'Треба було прочитати']],
  ])('flags the %s equivalents, in that language', (lang, text, phrases) => {
    const r = cli(['check', '--json'], text);
    const res = JSON.parse(r.out);
    expect(res.language).toBe(lang);
    expect(res.findings.map((f: { match: string }) => f.match)).toEqual(phrases);
    for (const f of res.findings) expect(f.packId).toBe(`reply-coach-${lang}`);
  });

  it('--json prints the analyze() result', () => {
    const r = cli(['check', '--json', '--name', 'Maria'], 'Hi Maria, thanks for waiting.');
    expect(r.code).toBe(0);
    const res = JSON.parse(r.out);
    expect(Object.keys(res)).toEqual(['language', 'findings', 'checklist']);
    expect(res.checklist.find((c: { id: string }) => c.id === 'use-name').done).toBe(true);
  });

  it('--jsonl reads lines and writes one result per line; bad lines are reported with exit 2', () => {
    const input = ['{"id":"a","text":"Calm down."}', '{"id":"b","text":"Thanks!","customer_name":"Ann"}', 'not json', ''].join('\n');
    const r = cli(['check', '--jsonl'], input);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a', 'b']);
    expect(Object.keys(lines[0])).toEqual(['id', 'language', 'findings', 'checklist']);
    expect(lines[0].findings[0].ruleId).toBe('calm-down');
    expect(r.err).toContain('stdin:3: not valid JSON');
    expect(r.code).toBe(2);
  });

  it('reads files, honours --lang and --fail-on', () => {
    const file = join(tmp, 'reply.txt');
    writeFileSync(file, "I don't know.");
    expect(cli(['check', file]).code).toBe(1);
    expect(cli(['check', file, '--fail-on', 'critical']).code).toBe(0);
    expect(cli(['check', file, '--fail-on', 'never']).code).toBe(0);
    expect(cli(['check', '--lang', 'ru'], "I don't know.").code).toBe(0);
  });

  it('exits 2 with a clear message on bad usage', () => {
    expect(cli(['check', '--fail-on', 'loud'], 'x')).toMatchObject({ code: 2, err: expect.stringContaining('--fail-on must be') });
    expect(cli(['check', '--lang', 'de'], 'x')).toMatchObject({ code: 2, err: expect.stringContaining('no loaded pack covers it') });
    expect(cli(['check', '/nope.txt'])).toMatchObject({ code: 2, err: expect.stringContaining('no such file') });
    expect(cli(['frobnicate'])).toMatchObject({ code: 2, err: expect.stringContaining('unknown command') });
    expect(cli(['check', '--wat'], 'x').code).toBe(2);
  });

  it('has --help everywhere', () => {
    for (const args of [['--help'], ['check', '--help'], ['pack', '--help']]) {
      const r = cli(args);
      expect(r.code).toBe(0);
      expect(r.out).toMatch(/Usage/);
    }
  });
});

describe('reply-coach pack', () => {
  const good = join(tmp, 'good.yaml');
  writeFileSync(
    good,
    `schemaVersion: 1
id: acme
name: Acme
version: 1.0.0
languages: [en]
description: Team wording
rules:
  - id: listen-here
    category: condescension
    severity: warning
    patterns: ["listen here"]
    message: Sounds like a lecture.
    alternatives: ["Let me explain"]
    examples:
      flag: ["listen here, pal", "Listen here."]
      pass: ["listen to this", "here we go"]
`,
  );

  it('lint accepts a good pack', () => {
    expect(cli(['pack', 'lint', good])).toMatchObject({ code: 0, out: expect.stringContaining('acme 1.0.0: 1 rules') });
  });

  it('lint names pack, rule, field and fix; exit 2', () => {
    const bad = join(tmp, 'bad.yaml');
    writeFileSync(bad, readFileSync(good, 'utf8').replace('severity: warning', 'severity: loud').replace('["listen here"]', '["(listen here"]'));
    const r = cli(['pack', 'lint', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('pack "acme" rules[0] (listen-here) field "severity": must be one of "info", "warning", "critical", not "loud"');
    expect(r.err).not.toMatch(/at .*\.js:\d+/); // no stack trace
  });

  it('lint reports YAML syntax errors with line and column', () => {
    const bad = join(tmp, 'syntax.yaml');
    writeFileSync(bad, 'id: x\nrules: [\n');
    const r = cli(['pack', 'lint', bad]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/syntax\.yaml:\d+:\d+ is not valid YAML/);
  });

  it('test runs the examples and fails on a wrong one', () => {
    expect(cli(['pack', 'test', good])).toMatchObject({ code: 0, out: expect.stringContaining('4 passed, 0 failed') });
    const wrong = join(tmp, 'wrong.yaml');
    writeFileSync(wrong, readFileSync(good, 'utf8').replace('"here we go"', '"listen here now"'));
    const r = cli(['pack', 'test', wrong]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('FAIL acme rule listen-here [pass] "listen here now"');
  });

  it('build writes canonical JSON that check --pack can use', () => {
    const out = join(tmp, 'out/acme.json');
    expect(cli(['pack', 'build', good, '-o', out]).code).toBe(0);
    const json = JSON.parse(readFileSync(out, 'utf8'));
    expect(json.rules[0]).toMatchObject({ id: 'listen-here', languages: ['en'], enabled: true, unless: [] });
    const r = cli(['check', '--pack', out, '--json'], 'Listen here, calm down.');
    expect(JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['listen-here', 'calm-down']);
  });

  it('a built-in pack directory passes lint and test', () => {
    expect(cli(['pack', 'test', join(root, 'rules/reply-coach-uk')]).code).toBe(0);
  });
});

describe('reply-coach/engine export', () => {
  it('imports from the project folder after the build', () => {
    const r = spawnSync(
      process.execPath,
      ['-e', "import('reply-coach/engine').then(m => { const e = m.createEngine(m.loadBuiltinPacks()); console.log(JSON.stringify(e.analyze('Calm down.').findings.map(f => f.ruleId))) })"],
      { cwd: root, encoding: 'utf8' },
    );
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual(['calm-down']);
  });
});
