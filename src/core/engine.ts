/**
 * createEngine(packs, settings).analyze(text) → findings + empathy checklist. Pure: no DOM, no browser API,
 * no I/O, so the same engine runs in the content script, the service worker, the CLI and tests.
 *
 * One scan per draft: rule patterns, their `unless` contexts and checklist patterns of the draft's
 * language all live in one token trie, so the cost does not grow with the number of rules.
 */
import { detectLanguage } from './language.js';
import { Matcher, type Hit } from './matcher.js';
import { isNameForm, nameForms } from './names.js';
import { compilePattern, PatternError, type CompiledPattern } from './pattern.js';
import { normalizePhrase, normalizeWord, tokenize, type Token } from './text.js';
import { planReplacement, upperFirst } from './replace.js';
import {
  severityRank,
  type AnalyzeOptions,
  type AnalyzeResult,
  type ChecklistItem,
  type ChecklistResult,
  type EngineSettings,
  type Finding,
  type Language,
  type Pack,
  type PackProblem,
  type Rule,
  type TextEdit,
  type UnlessScope,
} from './types.js';

type Owner =
  | { kind: 'rule'; rule: number }
  | { kind: 'rule-unless'; rule: number; scope: UnlessScope }
  | { kind: 'item'; item: number }
  | { kind: 'item-unless'; item: number; scope: UnlessScope };

interface RuleEntry {
  rule: Rule;
  packId: string;
  checklistUnless: { id: string; scope: UnlessScope }[];
}

interface LanguageMatcher {
  matcher: Matcher;
  /**
   * The rules' `unless` patterns, scanned only when a rule matched: most of the work in a clean sentence
   * would otherwise go to exceptions of rules that never fired.
   */
  unlessMatcher: Matcher;
  /** Rules with an `unless` pattern whose scope reaches outside the sentence (before, after, draft). */
  wideUnless: Set<number>;
  owners: Owner[];
  rules: RuleEntry[];
  items: ChecklistItem[];
  /**
   * Scan results per sentence text (token offsets relative to the sentence). Patterns never cross a
   * sentence boundary, so while an agent types, only the sentence being edited is scanned again.
   */
  sentenceCache: Map<string, Hit[]>;
  /** The same for unlessMatcher. */
  unlessCache: Map<string, Hit[]>;
  /** The customer name the caches were filled with ({name} steps depend on it). */
  cacheName: string;
}

/** Most sentences remembered per language; a long pasted thread has a few hundred. */
const SENTENCE_CACHE_SIZE = 4000;

export interface Engine {
  analyze(text: string, options?: AnalyzeOptions): AnalyzeResult;
  /** Languages that have at least one rule or checklist item. */
  readonly languages: Language[];
  /** Rules or patterns that could not be used (they are skipped; the rest keeps working). */
  readonly problems: PackProblem[];
  /** Compiles the matcher of one language (or all) now, so the first analysis pays nothing. */
  warm(language?: Language): void;
  /** Forgets the per-sentence scan results (benchmarks measure full analyses with it). */
  clearCache(): void;
}

const NAME_STOPWORDS = new Set(['i', "i'm", "i'll", "i've", "i'd", 'ok', 'okay']);

function matchesId(list: readonly string[] | undefined, packId: string, ruleId: string): boolean {
  return !!list && (list.includes(`${packId}/${ruleId}`) || list.includes(ruleId));
}

function inScope(scope: UnlessScope, u: Hit, hit: Hit, tokens: readonly Token[]): boolean {
  switch (scope) {
    case 'sentence':
      return tokens[u.from]!.sent === tokens[hit.from]!.sent;
    case 'match':
      return u.from <= hit.to && u.to >= hit.from;
    case 'before':
      return u.from < hit.from;
    case 'after':
      return u.from > hit.to;
    case 'draft':
      return true;
  }
}

/** Leftmost-longest, non-overlapping hits of one owner. */
function leftmostLongest(hits: Hit[]): Hit[] {
  hits.sort((a, b) => a.from - b.from || b.to - a.to);
  const out: Hit[] = [];
  let lastTo = -1;
  for (const h of hits) {
    if (h.from > lastTo) {
      out.push(h);
      lastTo = h.to;
    }
  }
  return out;
}

function fillName(template: string, name: string | undefined): string {
  if (name) return template.replace(/\{name\}/g, name);
  // No name known: drop the placeholder with the comma or space that introduces it ("Thanks, {name}!").
  const dropped = template
    .replace(/,?\s*\{name\}/g, '')
    .replace(/^[\s,]+/, '')
    .replace(/\s+([,.!?])/g, '$1');
  // "{name}, вітаю!" without a name: the greeting now starts the text.
  return /^\s*\{name\}/.test(template) ? upperFirst(dropped) : dropped;
}

export function createEngine(packs: readonly Pack[], settings: EngineSettings = {}): Engine {
  const problems: PackProblem[] = [];
  const disabledPacks = new Set(settings.disabledPacks ?? []);
  const disabledCategories = new Set(settings.disabledCategories ?? []);
  const ignored = new Set((settings.ignoredPhrases ?? []).map(normalizePhrase).filter(Boolean));
  const minRank = severityRank(settings.minSeverity ?? 'info');
  const active = packs.filter((p) => !disabledPacks.has(p.id));

  const languages = [...new Set(active.flatMap((p) => [...p.rules.flatMap((r) => r.languages), ...p.checklist.flatMap((c) => c.languages)]))];
  const cache = new Map<Language, LanguageMatcher>();

  // Packs repeat patterns word for word (the same "…but I can offer" exception in a dozen rules): compile
  // each distinct source once; the matcher then scans it once for all its owners.
  const compiled = new Map<string, CompiledPattern>();
  const compileInto = (m: Matcher, owners: Owner[], owner: Owner, src: string, pack: Pack, where: string, field: string): boolean => {
    const packId = pack.id;
    try {
      // `@name` means the pack's own named phrase: the same source can mean different things in two packs
      // (even two packs with the same id, e.g. a fork of a built-in pack loaded beside it).
      const key = src.includes('@') ? `${active.indexOf(pack)}\u0000${src}` : src;
      let c = compiled.get(key);
      if (!c) {
        c = compilePattern(src, pack.define);
        compiled.set(key, c);
      }
      m.add(c, owners.length);
      owners.push(owner);
      return true;
    } catch (e) {
      if (!(e instanceof PatternError)) throw e;
      problems.push({ packId, where, field, message: `pattern "${src}" skipped: ${e.message}` });
      return false;
    }
  };

  function build(language: Language): LanguageMatcher {
    const matcher = new Matcher();
    const unlessMatcher = new Matcher();
    const wideUnless = new Set<number>();
    const owners: Owner[] = [];
    const rules: RuleEntry[] = [];
    const items: ChecklistItem[] = [];
    const itemPack: Pack[] = [];
    const itemIndex = new Map<string, number>();
    for (const pack of active) {
      for (const item of pack.checklist) {
        if (!item.languages.includes(language)) continue;
        // A later pack's item with the same id replaces the earlier one (a team pack can reword a built-in item).
        const existing = itemIndex.get(item.id);
        const idx = existing ?? items.length;
        if (existing === undefined) itemIndex.set(item.id, idx);
        items[idx] = item;
        itemPack[idx] = pack;
      }
    }
    items.forEach((item, idx) => {
      const where = `checklist (${item.id})`;
      const pack = itemPack[idx]!;
      item.patterns.forEach((p, i) => compileInto(matcher, owners, { kind: 'item', item: idx }, p, pack, where, `patterns[${i}]`));
      item.unless.forEach((u, i) => {
        if ('pattern' in u) compileInto(matcher, owners, { kind: 'item-unless', item: idx, scope: u.scope }, u.pattern, pack, where, `unless[${i}]`);
      });
    });
    for (const pack of active) {
      for (const rule of pack.rules) {
        if (!rule.languages.includes(language)) continue;
        const on = rule.enabled ? !matchesId(settings.disabledRules, pack.id, rule.id) : matchesId(settings.enabledRules, pack.id, rule.id);
        if (!on || disabledCategories.has(rule.category) || severityRank(rule.severity) < minRank) continue;
        const idx = rules.length;
        const where = `rule ${rule.id}`;
        let any = false;
        rule.patterns.forEach((p, i) => {
          any = compileInto(matcher, owners, { kind: 'rule', rule: idx }, p, pack, where, `patterns[${i}]`) || any;
        });
        const checklistUnless: RuleEntry['checklistUnless'] = [];
        rule.unless.forEach((u, i) => {
          if ('pattern' in u) {
            compileInto(unlessMatcher, owners, { kind: 'rule-unless', rule: idx, scope: u.scope }, u.pattern, pack, where, `unless[${i}]`);
            if (u.scope !== 'sentence' && u.scope !== 'match') wideUnless.add(idx);
          } else checklistUnless.push({ id: u.checklist, scope: u.scope });
        });
        rules.push({ rule, packId: pack.id, checklistUnless });
        if (!any) problems.push({ packId: pack.id, where, message: 'no usable pattern: the rule is off until it is fixed' });
      }
    }
    return { matcher, unlessMatcher, wideUnless, owners, rules, items, sentenceCache: new Map(), unlessCache: new Map(), cacheName: '' };
  }

  /**
   * Scans sentence by sentence, reusing the hits of sentences already seen with the same text. `only`, when
   * given, limits the scan to these sentences (Token.sent).
   */
  function scanCached(
    lm: LanguageMatcher,
    matcher: Matcher,
    cache: Map<string, Hit[]>,
    source: string,
    tokens: Token[],
    isName: (t: Token, i: number) => boolean,
    name: string,
    only?: Set<number>,
    wanted?: { test: (ref: number) => boolean; key: string },
  ): Hit[] {
    if (lm.cacheName !== name) {
      lm.sentenceCache.clear();
      lm.unlessCache.clear();
      lm.cacheName = name;
    }
    const hits: Hit[] = [];
    for (let from = 0; from < tokens.length; ) {
      let to = from + 1;
      while (to < tokens.length && !tokens[to]!.brk) to++;
      if (only && !only.has(tokens[from]!.sent)) {
        from = to;
        continue;
      }
      const sentence = tokens.slice(from, to);
      // The key is the sentence's own text; tokens and their sentence-relative positions follow from it.
      // A scan limited to some owners is remembered under them too.
      const text = source.slice(sentence[0]!.start, sentence[sentence.length - 1]!.end);
      const key = wanted ? `${wanted.key}\u0001${text}` : text;
      let local = cache.get(key);
      if (local) {
        // Refresh its place in the LRU order.
        cache.delete(key);
        cache.set(key, local);
      } else {
        const offset = from;
        local = matcher.scan(sentence, (t, i) => isName(t, i + offset), wanted?.test);
        cache.set(key, local);
        if (cache.size > SENTENCE_CACHE_SIZE) cache.delete(cache.keys().next().value!);
      }
      for (const h of local) hits.push({ ref: h.ref, from: h.from + from, to: h.to + from });
      from = to;
    }
    return hits;
  }

  function matcherFor(language: Language): LanguageMatcher {
    let m = cache.get(language);
    if (!m) {
      m = build(language);
      cache.set(language, m);
    }
    return m;
  }

  function analyze(text: string, options: AnalyzeOptions = {}): AnalyzeResult {
    const source = typeof text === 'string' ? text : '';
    const language = options.language ?? detectLanguage(source, languages.length ? languages : undefined, options.languageHint);
    const lm = matcherFor(language);

    let tokens = tokenize(source);
    const ranges = options.ignoreRanges?.filter((r) => r && r.end > r.start);
    if (ranges?.length) {
      const kept: Token[] = [];
      let dropped = false;
      let prevEnd = -1;
      for (const t of tokens) {
        if (ranges.some((r) => t.start < r.end && t.end > r.start)) {
          dropped = true;
          continue;
        }
        // Text on either side of an ignored region never joins into one phrase, also when the region holds
        // no word of its own (only the space between two words).
        const gap = prevEnd >= 0 && ranges.some((r) => r.start < t.start && r.end > prevEnd);
        kept.push(dropped || gap ? { ...t, brk: true } : t);
        dropped = false;
        prevEnd = t.end;
      }
      let sent = -1;
      tokens = kept.map((t, i) => {
        const brk = i === 0 || t.brk;
        if (brk) sent++;
        return { ...t, brk, sent };
      });
    }

    const customerName = options.customerName?.trim();
    // Russian and Ukrainian names inflect (Анна → Анне, Олена → Олено) and come in short forms (Ольга → Олю).
    const inflects = language === 'ru' || language === 'uk';
    const nameTokens = customerName ? tokenize(customerName).flatMap((t) => nameForms(t.norm, inflects)) : [];
    const isName = (t: Token, i: number): boolean => {
      if (nameTokens.length) return nameTokens.some((n) => isNameForm(t.norm, t.cap, n, inflects));
      return t.cap && !t.brk && i > 0 && !NAME_STOPWORDS.has(t.norm) && !t.num;
    };

    const hits = scanCached(lm, lm.matcher, lm.sentenceCache, source, tokens, isName, customerName ?? '');
    // Exceptions are only looked for where they can matter: in the sentences where a rule matched, or in
    // the whole draft when such a rule has an exception that reaches beyond its sentence.
    // And only the exceptions of the rules that matched: a pack's exceptions often start with "I"/"we" and
    // would otherwise run at every pronoun of the draft.
    let wide = false;
    const sentencesWithRules = new Set<number>();
    const matchedRules = new Set<number>();
    for (const h of hits) {
      const o = lm.owners[h.ref]!;
      if (o.kind !== 'rule') continue;
      if (lm.wideUnless.has(o.rule)) wide = true;
      sentencesWithRules.add(tokens[h.from]!.sent);
      matchedRules.add(o.rule);
    }
    if (sentencesWithRules.size) {
      const test = (ref: number) => {
        const o = lm.owners[ref]!;
        return o.kind === 'rule-unless' && matchedRules.has(o.rule);
      };
      const key = [...matchedRules].sort((a, b) => a - b).join(',');
      for (const h of scanCached(lm, lm.unlessMatcher, lm.unlessCache, source, tokens, isName, customerName ?? '', wide ? undefined : sentencesWithRules, { test, key }))
        hits.push(h);
    }
    const byOwner = new Map<number, Hit[]>();
    const ruleHits = new Map<number, Hit[]>();
    const ruleUnless = new Map<number, { hit: Hit; scope: UnlessScope }[]>();
    const itemHits = new Map<number, Hit[]>();
    const itemUnless = new Map<number, { hit: Hit; scope: UnlessScope }[]>();
    for (const h of hits) {
      const list = byOwner.get(h.ref);
      if (list) list.push(h);
      else byOwner.set(h.ref, [h]);
    }
    const push = <K, V>(m: Map<K, V[]>, k: K, v: V) => {
      const l = m.get(k);
      if (l) l.push(v);
      else m.set(k, [v]);
    };
    for (const [ref, list] of byOwner) {
      const o = lm.owners[ref]!;
      for (const h of list) {
        if (o.kind === 'rule') push(ruleHits, o.rule, h);
        else if (o.kind === 'rule-unless') push(ruleUnless, o.rule, { hit: h, scope: o.scope });
        else if (o.kind === 'item') push(itemHits, o.item, h);
        else push(itemUnless, o.item, { hit: h, scope: o.scope });
      }
    }

    const span = (h: Hit) => ({ start: tokens[h.from]!.start, end: tokens[h.to]!.end });

    // Checklist first: rules may depend on it ("a defensive explanation unless an acknowledgment came first").
    const itemDone = new Map<string, Hit[]>();
    const checklist: ChecklistResult[] = lm.items.map((item, idx) => {
      const blockers = itemUnless.get(idx) ?? [];
      const good = leftmostLongest(itemHits.get(idx) ?? []).filter((h) => !blockers.some((b) => inScope(b.scope, b.hit, h, tokens)));
      let evidence: ChecklistResult['evidence'];
      if (good.length) {
        const s = span(good[0]!);
        evidence = { ...s, text: source.slice(s.start, s.end) };
      } else if (item.matchCustomerName && nameTokens.length) {
        const i = tokens.findIndex((t, k) => isName(t, k));
        if (i >= 0) {
          good.push({ ref: -1, from: i, to: i });
          evidence = { start: tokens[i]!.start, end: tokens[i]!.end, text: source.slice(tokens[i]!.start, tokens[i]!.end) };
        }
      }
      itemDone.set(item.id, good);
      return {
        id: item.id,
        label: item.label,
        hint: item.hint,
        example: fillName(item.example, customerName),
        done: good.length > 0,
        ...(evidence ? { evidence } : {}),
      };
    });

    type Candidate = { entry: RuleEntry; hit: Hit; start: number; end: number };
    const candidates: Candidate[] = [];
    for (const [idx, list] of ruleHits) {
      const entry = lm.rules[idx]!;
      const blockers = ruleUnless.get(idx) ?? [];
      for (const hit of leftmostLongest(list)) {
        if (blockers.some((b) => inScope(b.scope, b.hit, hit, tokens))) continue;
        if (entry.checklistUnless.some((c) => (itemDone.get(c.id) ?? []).some((d) => inScope(c.scope, d, hit, tokens)))) continue;
        const s = span(hit);
        if (ignored.size && ignored.has(normalizePhrase(source.slice(s.start, s.end)))) continue;
        candidates.push({ entry, hit, ...s });
      }
    }
    // Overlapping findings from different rules: keep the most severe, then the longest, then the first.
    candidates.sort(
      (a, b) =>
        severityRank(b.entry.rule.severity) - severityRank(a.entry.rule.severity) ||
        b.end - b.start - (a.end - a.start) ||
        a.start - b.start,
    );
    const kept: Candidate[] = [];
    for (const c of candidates) if (!kept.some((k) => c.start < k.end && c.end > k.start)) kept.push(c);
    kept.sort((a, b) => a.start - b.start);

    const findings: Finding[] = kept.map(({ entry, start, end }) => {
      const match = source.slice(start, end);
      const seen = new Set<string>();
      const alternatives: string[] = [];
      const edits: TextEdit[] = [];
      for (const a of entry.rule.alternatives) {
        const named = fillName(a, customerName).trim();
        const edit = planReplacement(source, { start, end }, named);
        // Shown as it goes in: the edit starts with the alternative, its first letter cased for its place.
        const first = named.search(/\p{L}/u) + 1;
        const filled = edit.text.slice(0, first) + named.slice(first);
        const key = normalizeWord(filled);
        if (filled && !seen.has(key)) {
          seen.add(key);
          alternatives.push(filled);
          edits.push(edit);
        }
      }
      return {
        ruleId: entry.rule.id,
        packId: entry.packId,
        category: entry.rule.category,
        severity: entry.rule.severity,
        start,
        end,
        match,
        message: entry.rule.message,
        alternatives,
        edits,
        ...(entry.rule.link ? { link: entry.rule.link } : {}),
        ...(entry.rule.source ? { source: entry.rule.source } : {}),
      };
    });

    return { language, findings, checklist };
  }

  // Languages compile on first use (a tab that only ever sees English drafts never builds the others);
  // asking for `problems` compiles them all. The extension warms the likely language when a box appears.
  return {
    analyze,
    languages,
    get problems() {
      for (const l of languages) matcherFor(l);
      return problems;
    },
    warm(language?: Language) {
      for (const l of language ? [language] : languages) {
        // Only when this call compiles the language: warming again must neither redo the work nor empty the
        // sentence cache an agent's drafts have filled since.
        if (cache.has(l)) continue;
        const lm = matcherFor(l);
        // Also run the rules' own flag examples once: the first analysis otherwise pays for each pattern's
        // lazily computed required words (and for cold JIT) inside the agent's focus event; warm() runs in
        // idle time. The sentence cache is emptied again so the examples take no room in it.
        const sample = lm.rules.map((e) => e.rule.examples.flag[0] ?? '').join('\n');
        analyze(sample, { language: l });
        lm.sentenceCache.clear();
        lm.unlessCache.clear();
      }
    },
    clearCache() {
      for (const lm of cache.values()) {
        lm.sentenceCache.clear();
        lm.unlessCache.clear();
      }
    },
  };
}
