#!/usr/bin/env node
/**
 * npm run eval — measures the built-in rulebook.
 *
 * 1. Labelled sets (tests/eval/sets/<lang>.<split>.jsonl, written for the test): recall of hurtful spans
 *    (a warning-or-critical finding overlapping the labelled span; info does not count), false alarms on
 *    clean replies, and checklist F1 — per language, for the dev split and the held-out test split.
 * 2. Real replies (../shared/corpus/twcs_agent_replies.jsonl, CC BY-NC-SA, evaluation only): share of
 *    replies flagged at warning or above, hits per rule, checklist coverage, and the false-alarm rate of
 *    the hand audit in tests/eval/audit-corpus.jsonl.
 *
 *   --details      print every miss and false alarm of the labelled sets
 *   --split S      only this split of the labelled sets (dev, probe…, test, blind3, blind4…); --lang L
 *                  only this language
 *   --checklist-details  print every checklist miss and false tick of the labelled sets
 *   --tuning       only the splits rule authors tune on (dev and every probe set): never look at held-out
 *                  misses while writing rules
 *   --sample N     print N random not-yet-audited corpus findings as audit stubs (JSON lines)
 *   --json FILE    also write all figures as JSON
 *   --write-docs   also write the summary tables into docs/rulebook-quality.md (between the EVAL markers)
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const details = args.includes('--details');
const sampleN = args.includes('--sample') ? Number(args[args.indexOf('--sample') + 1]) : 0;
const onlySplit = args.includes('--split') ? args[args.indexOf('--split') + 1] : undefined;
const onlyLang = args.includes('--lang') ? args[args.indexOf('--lang') + 1] : undefined;
const writeDocs = args.includes('--write-docs');
const tuningOnly = args.includes('--tuning');
const checklistDetails = args.includes('--checklist-details');
const summary = [];
const say = (line = '') => {
  console.log(line);
  summary.push(line);
};
const jsonOut = args.includes('--json') ? args[args.indexOf('--json') + 1] : undefined;

const { createEngine, loadBuiltinPacks } = await import(pathToFileURL(join(root, 'dist/engine/index.js')).href);
const engine = createEngine(loadBuiltinPacks());
const serious = (f) => f.severity === 'warning' || f.severity === 'critical';
const readJsonl = (file) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l));
const pct = (a, b) => (b ? ((100 * a) / b).toFixed(1) : '—');
const report = { labelled: {}, corpus: undefined };
const CHECKLIST = ['acknowledge-feelings', 'sincere-apology', 'use-name', 'next-step', 'timeframe', 'thanks', 'warm-close'];

// ---------------------------------------------------------------- labelled sets
say('Labelled sets (tests/eval/sets): recall of hurtful spans at warning+, false alarms on clean replies, checklist F1\n');
say('| set | replies | spans | recall | clean replies | false alarms | checklist F1 (micro) | language detected right |');
say('|---|---|---|---|---|---|---|---|');
// Test items the lead saw while debugging the harness: no longer held out (see the file's comment).
const setsDir = join(root, 'tests/eval/sets');
const seenFile = join(setsDir, 'test-items-seen.json');
const seen = new Set(existsSync(seenFile) ? JSON.parse(readFileSync(seenFile, 'utf8')).ids : []);
// dev and every probe set (probe, probe2…) are tuning sets; test (and its unseen part) and every blind set
// (blind3, blind4…) are held out.
const splitNames = [...new Set(readdirSync(setsDir).map((f) => f.split('.')[1]))];
const numbered = (prefix) => splitNames.filter((s) => new RegExp(`^${prefix}\\d*$`).test(s)).sort((a, b) => (Number(a.slice(prefix.length)) || 1) - (Number(b.slice(prefix.length)) || 1));
const TUNING = ['dev', ...numbered('probe')];
// A held-out split some of whose items were seen is also reported without them, as <split>-unseen.
const splits = tuningOnly ? TUNING : [...TUNING, ...['test', ...numbered('blind')].flatMap((s) => [s, `${s}-unseen`])];
for (const lang of ['en', 'ru', 'uk'].filter((l) => !onlyLang || l === onlyLang)) {
  for (const split of splits.filter((s) => !onlySplit || s === onlySplit || s === `${onlySplit}-unseen`)) {
    const unseenOnly = split.endsWith('-unseen');
    const file = join(setsDir, `${lang}.${split.replace(/-unseen$/, '')}.jsonl`);
    if (!existsSync(file)) continue;
    const all = readJsonl(file);
    if (unseenOnly && split !== 'test-unseen' && !all.some((r) => seen.has(r.id))) continue;
    const rows = all.filter((r) => !unseenOnly || !seen.has(r.id));
    let spans = 0, found = 0, clean = 0, alarms = 0, langOk = 0;
    const perCat = {};
    const cl = Object.fromEntries(CHECKLIST.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
    const misses = [], falseAlarms = [], checklistErrors = [];
    for (const row of rows) {
      const r = engine.analyze(row.text, row.customer_name ? { customerName: row.customer_name } : {});
      if (r.language === lang) langOk++;
      const hits = r.findings.filter(serious);
      for (const s of row.spans) {
        const start = row.text.indexOf(s.text);
        const end = start + s.text.length;
        const ok = hits.some((f) => f.start < end && f.end > start);
        spans++;
        perCat[s.category] ??= { n: 0, found: 0 };
        perCat[s.category].n++;
        if (ok) {
          found++;
          perCat[s.category].found++;
        } else misses.push(`${row.id} [${s.category}] “${s.text}” — ${row.text}`);
      }
      if (row.spans.length === 0) {
        clean++;
        if (hits.length) {
          alarms++;
          falseAlarms.push(`${row.id} ${hits.map((f) => `${f.ruleId}:“${f.match}”`).join(', ')} — ${row.text}`);
        }
      }
      const gold = new Set(row.checklist);
      for (const c of r.checklist) {
        if (!cl[c.id]) continue;
        if (c.done && gold.has(c.id)) cl[c.id].tp++;
        else if (c.done) {
          cl[c.id].fp++;
          checklistErrors.push(`${row.id} FALSE TICK ${c.id} — ${row.text}`);
        } else if (gold.has(c.id)) {
          cl[c.id].fn++;
          checklistErrors.push(`${row.id} MISSED ${c.id} — ${row.text}`);
        }
      }
    }
    const sum = Object.values(cl).reduce((a, x) => ({ tp: a.tp + x.tp, fp: a.fp + x.fp, fn: a.fn + x.fn }), { tp: 0, fp: 0, fn: 0 });
    const f1 = (x) => (2 * x.tp) / (2 * x.tp + x.fp + x.fn || 1);
    say(`| ${lang}.${split} | ${rows.length} | ${spans} | ${pct(found, spans)}% | ${clean} | ${alarms} (${pct(alarms, clean)}%) | ${f1(sum).toFixed(3)} | ${pct(langOk, rows.length)}% |`);
    report.labelled[`${lang}.${split}`] = {
      replies: rows.length, spans, recall: found / spans, clean, falseAlarms: alarms, falseAlarmRate: alarms / clean, checklistF1: f1(sum),
      checklist: Object.fromEntries(Object.entries(cl).map(([k, v]) => [k, { ...v, f1: f1(v) }])),
      perCategory: perCat, languageAccuracy: langOk / rows.length,
    };
    if (details) {
      console.log(`\n  ${lang}.${split} per category: ${Object.entries(perCat).map(([k, v]) => `${k} ${v.found}/${v.n}`).join(', ')}`);
      console.log(`  checklist F1: ${Object.entries(cl).map(([k, v]) => `${k} ${f1(v).toFixed(2)} (tp ${v.tp} fp ${v.fp} fn ${v.fn})`).join(', ')}`);
      for (const m of misses) console.log(`  MISS ${m}`);
      for (const a of falseAlarms) console.log(`  FALSE ALARM ${a}`);
      console.log('');
    }
    if (checklistDetails) for (const e of checklistErrors.sort((a, b) => a.split(' ')[2]?.localeCompare(b.split(' ')[2] ?? '') ?? 0)) console.log(`  ${e}`);
  }
}

// ---------------------------------------------------------------- real replies
const corpusFile = join(root, '../shared/corpus/twcs_agent_replies.jsonl');
if (!existsSync(corpusFile)) {
  console.log(`\n(no corpus at ${corpusFile}: skipping the real-replies figures)`);
} else {
  const rows = readJsonl(corpusFile);
  let flagged = 0;
  const perRule = {};
  const coverage = Object.fromEntries(CHECKLIST.map((id) => [id, 0]));
  const findings = [];
  const allFindings = [];
  for (const row of rows) {
    const r = engine.analyze(row.text);
    const hits = r.findings.filter(serious);
    if (hits.length) flagged++;
    for (const f of r.findings) {
      const key = `${f.packId}/${f.ruleId}`;
      perRule[key] ??= { severity: f.severity, hits: 0 };
      perRule[key].hits++;
      const entry = { id: row.id, ruleId: key, severity: f.severity, match: f.match, start: f.start, text: row.text };
      allFindings.push(entry);
      if (serious(f)) findings.push(entry);
    }
    for (const c of r.checklist) if (c.done && c.id in coverage) coverage[c.id]++;
  }
  say(`\nReal replies (${rows.length} Twitter support replies, ../shared/corpus): ${flagged} flagged at warning or above = ${pct(flagged, rows.length)}%`);
  say('\n| rule | severity | hits |\n|---|---|---|');
  for (const [k, v] of Object.entries(perRule).sort((a, b) => b[1].hits - a[1].hits)) say(`| ${k} | ${v.severity} | ${v.hits} |`);
  say(`\nChecklist coverage: ${CHECKLIST.map((id) => `${id} ${pct(coverage[id], rows.length)}%`).join(', ')}`);

  const auditFile = join(root, 'tests/eval/audit-corpus.jsonl');
  const audit = existsSync(auditFile) ? readJsonl(auditFile) : [];
  const key = (f) => `${f.id}|${f.ruleId}|${f.match}`;
  const audited = new Map(audit.map((a) => [key(a), a]));
  const currentAll = allFindings.filter((f) => audited.has(key(f)));
  const current = currentAll.filter(serious);
  const currentInfo = currentAll.filter((f) => !serious(f));
  const isFa = (f) => audited.get(key(f)).verdict === 'false-alarm';
  const fa = current.filter(isFa).length;
  const faInfo = currentInfo.filter(isFa).length;
  const stale = audit.filter((a) => !allFindings.some((f) => key(f) === key(a)));
  const fixedFa = stale.filter((a) => a.verdict === 'false-alarm').length;
  say(
    `\nHand audit (tests/eval/audit-corpus.jsonl, a support lead's verdict on each finding): ${audit.length} verdicts. ` +
      `Warning or above: ${current.length} of today's ${findings.length} findings audited, ${fa} false alarms = ${pct(fa, current.length)}%. ` +
      `Info: ${currentInfo.length} of ${allFindings.length - findings.length} audited, ${faInfo} false alarms = ${pct(faInfo, currentInfo.length)}%. ` +
      `${stale.length} audited findings no longer fire (${fixedFa} of them were false alarms, fixed).`,
  );
  report.corpus = { replies: rows.length, flagged, flaggedShare: flagged / rows.length, perRule, coverage, audit: { verdicts: audit.length, auditedNow: current.length, falseAlarms: fa, rate: fa / (current.length || 1), findingsNow: findings.length, infoAudited: currentInfo.length, infoFalseAlarms: faInfo, stale: stale.length } };

  if (sampleN) {
    // Seeded shuffle, so a re-run proposes the same stubs.
    let seed = 20261123;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    const todo = findings.filter((f) => !audited.has(key(f)));
    for (let i = todo.length - 1; i > 0; i--) {
      const j = Math.floor(rnd() * (i + 1));
      [todo[i], todo[j]] = [todo[j], todo[i]];
    }
    console.log(`\n${Math.min(sampleN, todo.length)} audit stubs (set verdict to "ok" or "false-alarm", add a note):`);
    for (const f of todo.slice(0, sampleN)) console.log(JSON.stringify({ id: f.id, ruleId: f.ruleId, match: f.match, text: f.text, verdict: '?', note: '' }));
  }
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));
if (writeDocs) {
  const doc = join(root, 'docs/rulebook-quality.md');
  const text = readFileSync(doc, 'utf8');
  const stamp = `Generated ${new Date().toISOString().slice(0, 10)} by \`npm run eval -- --write-docs\`.\n\n`;
  writeFileSync(doc, text.replace(/<!-- EVAL:START -->[\s\S]*<!-- EVAL:END -->/, `<!-- EVAL:START -->\n${stamp}${summary.join('\n')}\n<!-- EVAL:END -->`));
  console.log('\nupdated docs/rulebook-quality.md');
}
