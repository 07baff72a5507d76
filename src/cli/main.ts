/**
 * `reply-coach` — check replies from the command line and lint, test and build rule packs.
 * Exit codes: 0 clean, 1 findings at or over --fail-on, 2 bad usage or bad input.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { createEngine } from '../core/engine.js';
import { runPackExamples } from '../core/examples.js';
import { severityRank, SEVERITIES, type AnalyzeResult, type Finding, type Pack, type Severity } from '../core/types.js';
import { loadBuiltinPacks } from '../engine/index.js';
import { loadPack, PackLoadError } from '../node/load-pack.js';

declare const __VERSION__: string;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

class UsageError extends Error {}

interface Io {
  stdin: () => string;
  out: (s: string) => void;
  err: (s: string) => void;
  color: boolean;
}

const HELP: Record<string, string> = {
  main: `reply-coach ${VERSION} — coaches customer-support replies: flags wording that may land badly.

Usage:
  reply-coach check [FILE|-] [options]     check a reply (stdin when FILE is - or missing)
  reply-coach pack lint PATH               validate a pack (YAML/JSON file or pack directory)
  reply-coach pack test PATH               run every rule's flag/pass examples
  reply-coach pack build PATH -o OUT.json  write the canonical JSON form of a pack

Run "reply-coach check --help" or "reply-coach pack --help" for details.
Exit codes: 0 clean, 1 findings at or over --fail-on, 2 bad usage or bad input.`,
  check: `Usage: reply-coach check [FILE|-] [options]

Prints each finding with the flagged text underlined, why it may hurt and softer alternatives,
then the empathy checklist.

Options:
  --lang xx          analyse as this language (en, ru, uk); detected by default
  --name NAME        the customer's name (for the "use the name" checklist item and {name})
  --pack PATH        add a rule pack (repeatable); the built-in packs are always loaded
  --no-builtin       do not load the built-in packs
  --json             print the analyze() result as JSON: { language, findings, checklist }
  --jsonl            batch mode: read lines {"id","text","customer_name"?} and write one line
                     {"id","language","findings","checklist"} per input
  --fail-on LEVEL    exit 1 when a finding is at or over LEVEL: info, warning (default), critical, never
  -h, --help         show this help`,
  pack: `Usage:
  reply-coach pack lint PATH               validate a pack; prints every problem with pack, rule, field and fix
  reply-coach pack test PATH               run every example of every rule and checklist item
  reply-coach pack build PATH -o OUT.json  validate, then write the canonical JSON the extension loads

PATH is a .yaml/.yml/.json file or a directory with pack.yaml, rules/*.yaml and checklist/*.yaml.`,
};

function paint(io: Io, code: string, s: string): string {
  return io.color ? `\x1b[${code}m${s}\x1b[0m` : s;
}
const SEVERITY_COLOR: Record<Severity, string> = { info: '36', warning: '33', critical: '31' };

function lineCol(text: string, offset: number): { line: number; col: number; lineStart: number; lineEnd: number } {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let lineEnd = text.indexOf('\n', offset);
  if (lineEnd < 0) lineEnd = text.length;
  const line = text.slice(0, offset).split('\n').length;
  return { line, col: offset - lineStart + 1, lineStart, lineEnd };
}

function renderFinding(io: Io, text: string, label: string, f: Finding): string {
  const { line, col, lineStart, lineEnd } = lineCol(text, f.start);
  const src = text.slice(lineStart, lineEnd).replace(/\t/g, ' ').replace(/\r$/, '');
  const underlineEnd = Math.min(f.end, lineEnd);
  const caret = ' '.repeat(f.start - lineStart) + '^'.repeat(Math.max(1, [...text.slice(f.start, underlineEnd)].length));
  const sev = paint(io, SEVERITY_COLOR[f.severity], f.severity.padEnd(8));
  const out = [
    `${label}:${line}:${col}  ${sev} ${paint(io, '1', `“${f.match}”`)}  ${paint(io, '2', `${f.category} · ${f.packId}/${f.ruleId}`)}`,
    `  │ ${src}`,
    `  │ ${paint(io, SEVERITY_COLOR[f.severity], caret)}`,
    `  ${f.message}`,
  ];
  if (f.alternatives.length) {
    out.push('  Try instead (and the line a click leaves):');
    f.alternatives.forEach((a, i) => {
      out.push(`    • ${a}`);
      const e = f.edits[i];
      if (!e) return;
      // The whole line after the click: a sentence alternative takes its clause along, so show what it reads.
      const after = text.slice(0, e.start) + e.text + text.slice(e.end);
      const at = lineCol(after, e.start);
      out.push(`      ${paint(io, '2', '→')} ${after.slice(at.lineStart, at.lineEnd).replace(/\t/g, ' ').replace(/\r$/, '')}`);
    });
  }
  if (f.link) out.push(`  ${paint(io, '2', f.link)}`);
  return out.join('\n');
}

function renderResult(io: Io, text: string, label: string, r: AnalyzeResult): string {
  const parts = r.findings.map((f) => renderFinding(io, text, label, f));
  const done = r.checklist.filter((c) => c.done).length;
  if (r.checklist.length) {
    const lines = [`Empathy checklist ${done}/${r.checklist.length}`];
    for (const c of r.checklist) {
      if (c.done) lines.push(`  ${paint(io, '32', '[x]')} ${c.label}${c.evidence ? paint(io, '2', `  “${c.evidence.text}”`) : ''}`);
      else lines.push(`  [ ] ${c.label} — ${c.hint} e.g. “${c.example}”`);
    }
    parts.push(lines.join('\n'));
  }
  const counts = SEVERITIES.map((s) => [s, r.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n);
  parts.push(
    r.findings.length
      ? `${r.findings.length} phrase${r.findings.length === 1 ? '' : 's'} to soften (${counts.map(([s, n]) => `${n} ${s}`).join(', ')}) · language ${r.language}`
      : `Nothing to soften · language ${r.language}`,
  );
  return parts.join('\n\n');
}

function readText(file: string | undefined, io: Io): { text: string; label: string } {
  if (!file || file === '-') return { text: io.stdin(), label: 'stdin' };
  try {
    return { text: readFileSync(file, 'utf8'), label: file };
  } catch (e) {
    throw new UsageError(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

function loadPacks(paths: string[], builtin: boolean): Pack[] {
  const packs = builtin ? loadBuiltinPacks() : [];
  for (const p of paths) packs.push(loadPack(p));
  return packs;
}

function failRank(level: string): number {
  if (level === 'never') return Infinity;
  if (!(SEVERITIES as readonly string[]).includes(level)) throw new UsageError(`--fail-on must be info, warning, critical or never, not "${level}"`);
  return severityRank(level as Severity);
}

function cmdCheck(args: string[], io: Io): number {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      lang: { type: 'string' },
      name: { type: 'string' },
      pack: { type: 'string', multiple: true, default: [] },
      'no-builtin': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      jsonl: { type: 'boolean', default: false },
      'fail-on': { type: 'string', default: 'warning' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    io.out(HELP.check!);
    return 0;
  }
  if (positionals.length > 1) throw new UsageError(`check takes one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
  const threshold = failRank(values['fail-on']!);
  const packs = loadPacks(values.pack!, !values['no-builtin']);
  const engine = createEngine(packs);
  const language = values.lang;
  if (language && !engine.languages.includes(language))
    throw new UsageError(`--lang ${language}: no loaded pack covers it (available: ${engine.languages.join(', ')})`);
  const over = (r: AnalyzeResult) => r.findings.some((f) => severityRank(f.severity) >= threshold);

  const { text, label } = readText(positionals[0], io);
  if (values.jsonl) {
    let failed = false;
    let bad = 0;
    text.split('\n').forEach((line, i) => {
      if (!line.trim()) return;
      let item: { id?: unknown; text?: unknown; customer_name?: unknown };
      try {
        item = JSON.parse(line);
      } catch (e) {
        bad++;
        io.err(`${label}:${i + 1}: not valid JSON (${(e as Error).message}); expected {"id": …, "text": "…"}`);
        return;
      }
      if (typeof item?.text !== 'string') {
        bad++;
        io.err(`${label}:${i + 1}: "text" must be a string`);
        return;
      }
      const r = engine.analyze(item.text, {
        ...(language ? { language } : {}),
        ...(typeof item.customer_name === 'string' ? { customerName: item.customer_name } : {}),
      });
      failed ||= over(r);
      io.out(JSON.stringify({ id: item.id ?? i + 1, language: r.language, findings: r.findings, checklist: r.checklist }));
    });
    return bad ? 2 : failed ? 1 : 0;
  }
  const r = engine.analyze(text, { ...(language ? { language } : {}), ...(values.name ? { customerName: values.name } : {}) });
  io.out(values.json ? JSON.stringify(r, null, 2) : renderResult(io, text, label, r));
  return over(r) ? 1 : 0;
}

function cmdPack(args: string[], io: Io): number {
  const [sub, ...rest] = args;
  if (!sub || sub === '--help' || sub === '-h') {
    io.out(HELP.pack!);
    return sub ? 0 : 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: { out: { type: 'string', short: 'o' }, help: { type: 'boolean', short: 'h', default: false } },
  });
  if (values.help) {
    io.out(HELP.pack!);
    return 0;
  }
  const path = positionals[0];
  if (!path) throw new UsageError(`pack ${sub} needs a PATH (a pack file or directory)`);
  if (!['lint', 'test', 'build'].includes(sub)) throw new UsageError(`unknown pack command "${sub}": use lint, test or build`);
  const pack = loadPack(path);
  if (sub === 'lint') {
    io.out(`${pack.id} ${pack.version}: ${pack.rules.length} rules, ${pack.checklist.length} checklist items — OK`);
    return 0;
  }
  if (sub === 'test') {
    const report = runPackExamples(pack);
    for (const f of report.failures) io.out(`FAIL ${f.packId} ${f.where} [${f.kind}] ${JSON.stringify(f.text)}\n     ${f.message}`);
    io.out(`${report.passed} passed, ${report.failures.length} failed`);
    return report.failures.length ? 1 : 0;
  }
  if (!values.out) throw new UsageError('pack build needs -o OUT.json');
  mkdirSync(dirname(values.out), { recursive: true });
  writeFileSync(values.out, JSON.stringify(pack, null, 2) + '\n');
  io.out(`wrote ${values.out} (${pack.rules.length} rules, ${pack.checklist.length} checklist items)`);
  return 0;
}

export function run(argv: string[], io: Io): number {
  try {
    const [cmd, ...rest] = argv;
    if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
      io.out(HELP.main!);
      return cmd ? 0 : 2;
    }
    if (cmd === '--version' || cmd === '-v') {
      io.out(VERSION);
      return 0;
    }
    if (cmd === 'check') return cmdCheck(rest, io);
    if (cmd === 'pack') return cmdPack(rest, io);
    throw new UsageError(`unknown command "${cmd}": use check or pack (reply-coach --help)`);
  } catch (e) {
    if (e instanceof PackLoadError) {
      io.err(e.message);
      return 2;
    }
    if (e instanceof UsageError || (e as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`reply-coach: ${(e as Error).message}`);
      return 2;
    }
    throw e;
  }
}

export function main(): void {
  const io: Io = {
    stdin: () => readFileSync(0, 'utf8'),
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
  };
  process.exitCode = run(process.argv.slice(2), io);
}
