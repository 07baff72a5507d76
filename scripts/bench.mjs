#!/usr/bin/env node
/**
 * npm run bench — time of `analyze` per draft, median and p95, for drafts of 500, 2,000, 5,000 and
 * 20,000 characters: the built-in packs, 1,000 and 5,000 generated rules, and, in the same run, alex and
 * retext-equality on the same texts as peers. Each suite runs in its own `node --expose-gc` process.
 * Writes the tables and the machine into docs/performance.md (between the BENCH markers).
 *
 *   --quick   fewer iterations (a smoke run; the figures are not written to docs)
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [500, 2000, 5000, 20000];
const VARIANTS = 8;
const quick = process.argv.includes('--quick');

// ---------------------------------------------------------------- seeded text and rule generators
function rng(seed) {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}
const NAMES = ['Maria', 'Daniel', 'Sarah', 'Tom', 'Priya', 'Lucas'];
const THINGS = ['order', 'refund', 'subscription', 'account', 'parcel', 'booking', 'invoice', 'device'];
const SENTENCES = [
  'Thanks for reaching out about your {thing}.',
  'I checked your {thing} and it is on its way.',
  'Calm down, I will look into it.',
  "I don't know when the {thing} will arrive.",
  'You should have read the terms before ordering.',
  "That's our policy, so there is nothing we can do.",
  'Sorry you feel that way about the {thing}.',
  'As I already said, the {thing} ships in {days} days.',
  'I completely understand how frustrating this must be.',
  "I'm really sorry about the delay with your {thing}.",
  "I've issued a refund and you will see it within {days} business days.",
  'Please reply with your {thing} number and I will check it right away.',
  'Obviously the {thing} needs to be activated first.',
  'Let me know if there is anything else I can do.',
  'Technically we are not responsible for the courier.',
  'It just shipped this morning, so it should reach you by Friday.',
  'Here is our refund policy; I have already started your refund.',
  'No problem at all, I have updated your {thing}.',
  'Our team will contact you tomorrow morning about the {thing}.',
  'Have a great weekend!',
];
export function generateText(size, seed) {
  const r = rng(seed);
  const pick = (a) => a[Math.floor(r() * a.length)];
  let out = '';
  while (out.length < size) {
    const mail = [`Hi ${pick(NAMES)},`, ''];
    const n = 3 + Math.floor(r() * 6);
    for (let i = 0; i < n; i++) mail.push(pick(SENTENCES).replace('{thing}', pick(THINGS)).replace('{days}', String(2 + Math.floor(r() * 5))));
    mail.push('', 'Best,', 'Alex', '\n---\n');
    out += mail.join('\n');
  }
  const cut = out.lastIndexOf(' ', size);
  return out.slice(0, cut > 0 ? cut : size);
}

const VOCAB = ('i you we please the your our this that will can not just really order refund policy account help check send ' +
  'wait sorry understand know think need should have been make sure look into issue problem team today tomorrow soon ' +
  'again already said told asked email reply customer service support ship arrive deliver charge bill pay card fix update ' +
  'наш ваш заказ возврат сейчас уже проверю ваше замовлення повернення зараз вже перевірю').split(' ');
export function generatePack(n, seed = 42) {
  const r = rng(seed);
  const pick = () => VOCAB[Math.floor(r() * VOCAB.length)];
  const rules = [];
  for (let i = 0; i < n; i++) {
    const slots = 2 + Math.floor(r() * 3);
    const parts = [];
    for (let k = 0; k < slots; k++) {
      let w = r() < 0.3 ? `(${pick()}|${pick()})` : pick();
      if (r() < 0.1 && !w.startsWith('(')) w = w.length > 3 ? `${w.slice(0, Math.max(3, w.length - 2))}*` : w;
      if (slots > 2 && k > 0 && r() < 0.15) w = `[${w.replace(/^\(|\)$/g, '')}]`;
      parts.push(w);
    }
    rules.push({
      id: `gen-${i}`, category: 'dismissive', severity: 'warning', languages: ['en'], patterns: [parts.join(' ')], unless: [],
      message: 'generated', alternatives: ['generated'], examples: { flag: [], pass: [] }, enabled: true,
    });
  }
  return { schemaVersion: 1, id: `generated-${n}`, name: 'Generated', version: '1.0.0', languages: ['en'], description: 'bench', rules, checklist: [] };
}

// ---------------------------------------------------------------- engines
async function makeEngine(name) {
  if (name.startsWith('reply-coach')) {
    const { createEngine, loadBuiltinPacks } = await import(pathToFileURL(join(root, 'dist/engine/index.js')).href);
    const n = name.match(/\+ (\d+)/)?.[1];
    const packs = loadBuiltinPacks();
    if (n) packs.push(generatePack(Number(n)));
    const t = performance.now();
    const engine = createEngine(packs);
    const buildMs = performance.now() - t;
    if (engine.problems.length) throw new Error(`generated rules rejected: ${engine.problems[0].message}`);
    return {
      buildMs,
      // A full analysis: the per-sentence cache is emptied first (the seeded texts repeat template sentences).
      prepare: () => engine.clearCache(),
      check: (text) => engine.analyze(text, { language: 'en' }).findings.length,
      engine,
    };
  }
  if (name === 'alex') {
    const { text } = await import('alex');
    return { check: (t) => text(t).messages.length };
  }
  if (name === 'retext-equality') {
    const { unified } = await import('unified');
    const english = (await import('retext-english')).default;
    const equality = (await import('retext-equality')).default;
    const proc = unified().use(english).use(equality).freeze();
    return { check: (t) => { const tree = proc.parse(t); proc.runSync(tree, t); return tree.children.length; } };
  }
  throw new Error(`unknown engine ${name}`);
}

function summarize(samples) {
  const a = Float64Array.from(samples).sort();
  const q = (p) => a[Math.min(a.length - 1, Math.max(0, Math.ceil(p * a.length) - 1))];
  return { n: a.length, median: q(0.5), p95: q(0.95) };
}

async function runSuite(name) {
  const t0 = performance.now();
  const engine = await makeEngine(name);
  const first = generateText(2000, 7);
  const f0 = performance.now();
  engine.check(first);
  const firstMs = performance.now() - f0;
  const coldMs = performance.now() - t0;
  const rows = [];
  for (const size of SIZES) {
    const inputs = Array.from({ length: VARIANTS }, (_, v) => generateText(size, 1000 * size + v));
    let i = 0, sink = 0;
    const w0 = performance.now();
    while (i < 5 || performance.now() - w0 < (quick ? 50 : 250)) {
      engine.prepare?.();
      sink += engine.check(inputs[i++ % VARIANTS]);
    }
    const est = (performance.now() - w0) / i;
    const iters = Math.max(quick ? 10 : 25, Math.min(quick ? 200 : 3000, Math.round((quick ? 200 : 1000) / Math.max(est, 1e-3))));
    globalThis.gc?.();
    const samples = new Array(iters);
    for (let k = 0; k < iters; k++) {
      engine.prepare?.();
      const s = process.hrtime.bigint();
      sink += engine.check(inputs[k % VARIANTS]);
      samples[k] = Number(process.hrtime.bigint() - s) / 1e6;
    }
    rows.push({ engine: name, size, chars: Math.round(inputs.reduce((a, t) => a + t.length, 0) / VARIANTS), ...summarize(samples), sink });
    process.stderr.write(`${name} @${size}: median ${rows.at(-1).median.toFixed(3)} ms\n`);
  }
  let edit;
  if (engine.engine) {
    // Re-analysis after a keystroke-sized edit inside one sentence (the sentence cache is warm): what the
    // extension does while an agent types into a long draft.
    for (const size of SIZES) {
      const base = generateText(size, 4242 + size);
      engine.engine.analyze(base, { language: 'en' });
      const samples = [];
      for (let k = 0; k < (quick ? 50 : 400); k++) {
        const pos = Math.floor(base.length / 2) + (k % 40);
        const t = base.slice(0, pos) + 'x'.repeat((k % 5) + 1) + base.slice(pos);
        const s = process.hrtime.bigint();
        engine.engine.analyze(t, { language: 'en' });
        samples.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      (edit ??= {})[size] = summarize(samples);
    }
  }
  return { name, buildMs: engine.buildMs, firstMs, coldMs, rows, edit };
}

const ENGINES = ['reply-coach (built-in packs)', 'reply-coach (built-in + 1000 generated rules)', 'reply-coach (built-in + 5000 generated rules)', 'alex', 'retext-equality'];

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain && process.argv[2] === '--suite') {
  console.log(JSON.stringify(await runSuite(process.argv[3])));
} else if (isMain) {
  if (!existsSync(join(root, 'dist/engine/index.js'))) throw new Error('run `npm run build` first (npm run bench does)');
  const results = [];
  for (const name of ENGINES) {
    const r = spawnSync(process.execPath, ['--expose-gc', fileURLToPath(import.meta.url), '--suite', name, ...(quick ? ['--quick'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
    if (r.status !== 0) throw new Error(`suite ${name} failed`);
    results.push(JSON.parse(r.stdout.trim().split('\n').pop()));
  }
  const f = (x) => (x < 0.1 ? x.toFixed(3) : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
  const get = (name, size) => results.find((r) => r.name === name).rows.find((x) => x.size === size);
  const builtinRules = JSON.parse(readFileSync(join(root, 'src/generated/builtin-packs.json'), 'utf8')).reduce((n, p) => n + p.rules.length, 0);
  const lines = [];
  lines.push(`Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version} (V8 ${process.versions.v8}). Built-in packs: ${builtinRules} rules. Texts: seeded English support emails, ${VARIANTS} variants per size; actual mean lengths ${SIZES.map((s) => get(ENGINES[0], s).chars).join(' / ')} chars.`);
  lines.push('');
  lines.push('Time per `analyze` of the whole draft, **median / p95 (ms)**; one frame at 60 Hz is 16.7 ms.');
  lines.push('');
  lines.push(`| engine | ${SIZES.map((s) => `${s.toLocaleString('en')} chars`).join(' | ')} |`);
  lines.push(`|---|${SIZES.map(() => '---').join('|')}|`);
  for (const r of results) lines.push(`| ${r.name} | ${SIZES.map((s) => `${f(get(r.name, s).median)} / ${f(get(r.name, s).p95)}`).join(' | ')} |`);
  const inc = results[0].edit;
  if (inc) lines.push(`| reply-coach (built-in packs), re-analysis after a small edit | ${SIZES.map((s) => `${f(inc[s].median)} / ${f(inc[s].p95)}`).join(' | ')} |`);
  lines.push('');
  lines.push('Rows measure a full analysis of the whole draft with the engine\'s per-sentence cache emptied before each call — but a sentence that occurs twice in one draft is scanned once, and these seeded texts repeat template sentences, so long real drafts with fewer repeats cost more (before the cache: 15.3 ms at 20,000 chars). The "re-analysis" row is what the extension does while an agent types into an already analysed draft: a few characters inserted into one sentence, which alone is scanned again.');
  lines.push('');
  lines.push('Ratio of peer median to Reply Coach (built-in packs) median, same texts, same run:');
  lines.push('');
  lines.push(`| peer | ${SIZES.map((s) => `${s.toLocaleString('en')}`).join(' | ')} |`);
  lines.push(`|---|${SIZES.map(() => '---').join('|')}|`);
  for (const peer of ['alex', 'retext-equality']) lines.push(`| ${peer} | ${SIZES.map((s) => `${(get(peer, s).median / get(ENGINES[0], s).median).toFixed(0)}×`).join(' | ')} |`);
  lines.push('');
  lines.push('Start-up in a fresh process (import + `createEngine` + first check of a 2,000-char draft), ms:');
  lines.push('');
  lines.push('| engine | createEngine | first check (compiles the draft language) | cold total (incl. loading the packs) |');
  lines.push('|---|---|---|---|');
  for (const r of results) lines.push(`| ${r.name} | ${r.buildMs === undefined ? '—' : f(r.buildMs)} | ${f(r.firstMs)} | ${f(r.coldMs)} |`);
  const table = lines.join('\n');
  console.log('\n' + table);
  if (!quick) {
    const doc = join(root, 'docs/performance.md');
    const text = readFileSync(doc, 'utf8');
    const next = text.replace(/<!-- BENCH:START -->[\s\S]*<!-- BENCH:END -->/, `<!-- BENCH:START -->\n${table}\n<!-- BENCH:END -->`);
    writeFileSync(doc, next);
    console.log('\nupdated docs/performance.md');
  }
}
