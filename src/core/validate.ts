/**
 * Pack validation with compiler-style messages: every problem names the pack, the rule or checklist
 * item (by index and id), the field, and what to do about it. Never a stack trace.
 */
import type { z } from 'zod';
import { compilePattern, PatternError } from './pattern.js';
import { LIMITS, packSchema, SCHEMA_VERSION, type ParsedPack } from './pack-schema.js';
import { BUILTIN_CHECKLIST_IDS, type ChecklistItem, type Pack, type PackProblem, type Rule, type Unless } from './types.js';

export type ValidationResult = { ok: true; pack: Pack; problems: [] } | { ok: false; problems: PackProblem[] };

export function formatProblem(p: PackProblem): string {
  return `pack "${p.packId}"${p.where ? ` ${p.where}` : ''}${p.field ? ` field "${p.field}"` : ''}: ${p.message}`;
}

function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
  return String(v);
}

function at(raw: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = raw;
  for (const k of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[k];
  }
  return cur;
}

/** `rules[3] (calm-down)` for a path that starts with rules/3. */
function whereOf(raw: unknown, path: readonly PropertyKey[]): { where?: string; rest: PropertyKey[] } {
  const [list, index, ...rest] = path;
  if ((list === 'rules' || list === 'checklist') && typeof index === 'number') {
    const itemId = at(raw, [list, index, 'id']);
    return { where: `${list}[${index}]${typeof itemId === 'string' ? ` (${itemId})` : ''}`, rest };
  }
  return { rest: [...path] };
}

function fieldName(path: readonly PropertyKey[]): string | undefined {
  if (path.length === 0) return undefined;
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i ? '.' : ''}${String(k)}`)).join('');
}

function messageFor(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type':
      if (value === undefined) return `is required (a ${issue.expected})`;
      return `must be ${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`}, not ${describeType(value)}`;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeType(value)}`;
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}: check the spelling or remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
    case 'invalid_key':
      return 'is not a valid name: names are kebab-case (lowercase letters, digits and single dashes), e.g. "offer-help"';
    case 'invalid_union':
      return 'must be a pattern string, or { pattern, scope } or { checklist, scope } with scope one of sentence, match, before, after, draft';
    case 'too_small':
    case 'too_big':
    case 'invalid_format':
    default:
      return issue.message;
  }
}

function packIdOf(raw: unknown, fallback: string): string {
  const v = at(raw, ['id']);
  return typeof v === 'string' && v ? v : fallback;
}

function normalizeUnless(list: ParsedPack['rules'][number]['unless']): Unless[] {
  return list.map((u) => (typeof u === 'string' ? { pattern: u, scope: 'sentence' as const } : u));
}

/**
 * Validates a pack object (parsed from YAML or JSON) and returns it in canonical form.
 * `origin` names the pack in messages when it has no usable id (a file path or URL).
 */
export function validatePack(raw: unknown, origin = 'unnamed pack'): ValidationResult {
  const packId = packIdOf(raw, origin);
  const problems: PackProblem[] = [];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { ok: false, problems: [{ packId, message: `a pack must be an object with id, name, version, rules…, not ${describeType(raw)}` }] };
  }
  const sv = (raw as Record<string, unknown>).schemaVersion;
  if (typeof sv === 'number' && sv > SCHEMA_VERSION) {
    return {
      ok: false,
      problems: [
        {
          packId,
          field: 'schemaVersion',
          message: `this pack needs schemaVersion ${sv}, but this version of Reply Coach reads up to ${SCHEMA_VERSION}: update Reply Coach, or ask the pack's author for a schemaVersion ${SCHEMA_VERSION} build`,
        },
      ],
    };
  }
  const parsed = packSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const { where, rest } = whereOf(raw, issue.path);
      let message = messageFor(issue, at(raw, issue.path));
      if (issue.path.length === 1 && issue.path[0] === 'schemaVersion' && sv === undefined)
        message = `is required: add "schemaVersion: ${SCHEMA_VERSION}"`;
      problems.push({ packId, where, field: fieldName(rest), message });
    }
    return { ok: false, problems };
  }
  const p = parsed.data;

  const define = p.define;
  // Named phrases the patterns use, directly or through other named phrases (to report unused ones).
  const used = new Set<string>();
  const checkPatterns = (where: string, field: string, list: readonly string[]) =>
    list.forEach((src, i) => {
      try {
        compilePattern(src, define, used);
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        problems.push({ packId, where, field: `${field}[${i}]`, message: `pattern "${src}" (column ${e.column}): ${e.message}` });
      }
    });

  const checklistIds = new Set(p.checklist.map((c) => c.id));
  const seenRules = new Map<string, number>();
  const rules: Rule[] = p.rules.map((r, i) => {
    const where = `rules[${i}] (${r.id})`;
    const first = seenRules.get(r.id);
    if (first !== undefined) problems.push({ packId, where, field: 'id', message: `duplicate rule id: rules[${first}] already uses "${r.id}"; rename one of them` });
    else seenRules.set(r.id, i);
    if (r.language && r.languages) problems.push({ packId, where, field: 'language', message: 'give either "language" or "languages", not both' });
    checkPatterns(where, 'patterns', r.patterns);
    const unless = normalizeUnless(r.unless);
    unless.forEach((u, j) => {
      if ('pattern' in u) checkPatterns(where, `unless[${j}].pattern`, [u.pattern]);
      else if (!checklistIds.has(u.checklist) && !(BUILTIN_CHECKLIST_IDS as readonly string[]).includes(u.checklist))
        problems.push({ packId, where, field: `unless[${j}].checklist`, message: `no checklist item "${u.checklist}" in this pack` });
    });
    r.alternatives.forEach((a, j) => {
      const bad = a.match(/\{(?!name\})[^}]*\}/);
      if (bad) problems.push({ packId, where, field: `alternatives[${j}]`, message: `unknown placeholder ${bad[0]}: the only placeholder is {name}` });
    });
    const langs = r.languages ?? (r.language ? [r.language] : p.languages);
    return {
      id: r.id,
      category: r.category,
      severity: r.severity,
      languages: langs,
      patterns: r.patterns,
      unless,
      message: r.message,
      alternatives: r.alternatives,
      examples: { flag: r.examples.flag, pass: r.examples.pass },
      enabled: r.enabled,
      ...(r.link ? { link: r.link } : {}),
      ...(r.source ? { source: r.source } : {}),
    };
  });

  const seenItems = new Map<string, number>();
  const checklist: ChecklistItem[] = p.checklist.map((c, i) => {
    const where = `checklist[${i}] (${c.id})`;
    const first = seenItems.get(c.id);
    if (first !== undefined) problems.push({ packId, where, field: 'id', message: `duplicate checklist id: checklist[${first}] already uses "${c.id}"` });
    else seenItems.set(c.id, i);
    checkPatterns(where, 'patterns', c.patterns);
    const unless = normalizeUnless(c.unless);
    unless.forEach((u, j) => {
      if ('pattern' in u) checkPatterns(where, `unless[${j}].pattern`, [u.pattern]);
      else problems.push({ packId, where, field: `unless[${j}]`, message: 'checklist items may only use pattern entries in unless' });
    });
    return {
      id: c.id,
      label: c.label,
      hint: c.hint,
      patterns: c.patterns,
      unless,
      example: c.example,
      matchCustomerName: c.matchCustomerName,
      languages: c.languages ?? (c.language ? [c.language] : p.languages),
      examples: { done: c.examples.done, notDone: c.examples.notDone },
      ...(c.link ? { link: c.link } : {}),
      ...(c.source ? { source: c.source } : {}),
    };
  });

  for (const name of Object.keys(define))
    if (!used.has(name)) problems.push({ packId, where: 'define', field: name, message: `named phrase "@${name}" is never used: use it in a pattern or remove it` });

  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    problems: [],
    pack: {
      schemaVersion: p.schemaVersion,
      id: p.id,
      name: p.name,
      version: p.version,
      languages: p.languages,
      description: p.description,
      ...(p.author ? { author: p.author } : {}),
      ...(p.homepage ? { homepage: p.homepage } : {}),
      ...(p.link ? { link: p.link } : {}),
      ...(Object.keys(define).length ? { define } : {}),
      rules,
      checklist,
    },
  };
}

/** Parses pack text already decoded from JSON/YAML, enforcing the size limit on the source text. */
export function checkPackSize(source: string, packLabel: string): PackProblem | undefined {
  if (source.length > LIMITS.maxPackBytes)
    return { packId: packLabel, message: `pack is ${source.length} characters; the limit is ${LIMITS.maxPackBytes}: split it into several packs` };
  return undefined;
}
