/**
 * Generated docs for managers: docs/rule-catalog.md (every rule with an example and its alternatives) and
 * the rule-count table in rules/README.md. `npm run docs` writes them; a test fails when they are stale.
 */
import type { Pack } from '../core/types.js';
import { BUILTIN_CATEGORIES } from '../core/types.js';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderCounts(packs: readonly Pack[]): string {
  const cats = [...new Set([...BUILTIN_CATEGORIES, ...packs.flatMap((p) => p.rules.map((r) => r.category))])];
  const lines = [`| category | ${packs.map((p) => p.languages.join('/')).join(' | ')} |`, `|---|${packs.map(() => '---').join('|')}|`];
  for (const c of cats) lines.push(`| \`${c}\` | ${packs.map((p) => p.rules.filter((r) => r.category === c).length).join(' | ')} |`);
  lines.push(`| **all rules** | ${packs.map((p) => `**${p.rules.length}**`).join(' | ')} |`);
  lines.push(`| checklist items | ${packs.map((p) => p.checklist.length).join(' | ')} |`);
  return lines.join('\n');
}

export function renderCatalog(packs: readonly Pack[]): string {
  const out = [
    '# Rule catalogue',
    '',
    'Generated from `rules/` by `npm run docs` — do not edit by hand. Every built-in rule with its category,',
    'severity, one example it flags and the softer alternatives it offers, so a support lead can decide what',
    'to keep before rolling Reply Coach out. Severity: **critical** reliably hurts, **warning** usually does,',
    '*info* is a style nudge.',
    '',
    renderCounts(packs),
    '',
  ];
  for (const p of packs) {
    out.push(`## ${p.name} (\`${p.id}\` ${p.version})`, '', p.description, '');
    const byCat = [...new Set(p.rules.map((r) => r.category))].sort();
    for (const c of byCat) {
      out.push(`### ${c}`, '', '| rule | severity | flags, e.g. | alternatives |', '|---|---|---|---|');
      for (const r of p.rules.filter((x) => x.category === c).sort((a, b) => a.id.localeCompare(b.id))) {
        const sev = r.severity === 'critical' ? '**critical**' : r.severity === 'warning' ? 'warning' : '*info*';
        out.push(`| \`${r.id}\`${r.enabled ? '' : ' (off by default)'} | ${sev} | ${cell(r.examples.flag[0] ?? '')} | ${cell(r.alternatives.join(' · '))} |`);
      }
      out.push('');
    }
    out.push('### Empathy checklist', '', '| item | label | insertable example |', '|---|---|---|');
    for (const c of p.checklist) out.push(`| \`${c.id}\` | ${cell(c.label)} | ${cell(c.example)} |`);
    out.push('');
  }
  return out.join('\n');
}

export function withCounts(readme: string, packs: readonly Pack[]): string {
  return readme.replace(/<!-- COUNTS:START -->[\s\S]*<!-- COUNTS:END -->/, `<!-- COUNTS:START -->\n${renderCounts(packs)}\n<!-- COUNTS:END -->`);
}
