/**
 * The phrase-pattern language (documented with examples in rules/README.md):
 *
 *   calm down                 words, matched case-, quote- and ё/е-insensitively, in one sentence
 *   (calm|settle) down        alternatives
 *   [please] calm down        optional words; (please)? means the same
 *   успокой*                  a word stem: any word starting with "успокой" (at least 3 letters before *)
 *   sorry ... but             a bounded gap: up to 4 words in between; `...2` allows up to 2 (max 8)
 *   _ / #                     any one word / any number
 *   {name}                    the customer's name (or, when unknown, a capitalised word mid-sentence)
 *   ^ no $                    ^ anchors to the start of a sentence, $ to its end
 *   @offer                    a named phrase from the pack's `define` map, spliced in as a group
 *
 * English contractions match their other spellings: `don't` = `dont` = `do not` (see contractions.ts).
 * Punctuation inside patterns is ignored ("sorry, but" = "sorry but"), as it is in drafts. There is no
 * repetition operator and no raw regular expression: a pattern compiles to an acyclic automaton whose
 * size grows with the pattern's length, and matching stays linear in the length of the draft: a pack cannot
 * freeze a tab.
 */
import { chatPairForms, chatWordForms, contractionForms, pairForms } from './contractions.js';
import { normalizeWord, wordPieces } from './text.js';

/** One token-consuming step of a pattern (gaps are compiled away into `any` steps and ε-moves). */
export type Step =
  | { k: 'word'; v: string }
  | { k: 'stem'; v: string }
  | { k: 'any'; gap?: true }
  | { k: 'num' }
  | { k: 'name' }
  | { k: 'gap'; max: number };

export interface Edge {
  step: Step;
  to: number;
}

/**
 * A pattern compiled to a small acyclic automaton over tokens: state 0 is the start; every edge consumes
 * one token; `closure[s]` lists the states reachable from `s` without consuming (ε-moves, which only gaps
 * create), `s` included. States grow linearly with the pattern's length: alternatives join again instead
 * of multiplying out, and a gap of N words adds N states.
 */
export interface CompiledPattern {
  source: string;
  /** Sentence-start anchor (^). */
  start: boolean;
  /** Sentence-end anchor ($). */
  end: boolean;
  edges: Edge[][];
  /** ε-closure of each state that has ε-moves (itself included); `undefined` means just the state itself. */
  closure: (number[] | undefined)[];
  accept: boolean[];
  /**
   * For states with many plain-word edges (a long alternation): the targets by word, and the state's other
   * edges, so a token costs one lookup there instead of a test per alternative.
   */
  byWord: (WordIndex | undefined)[];
}

export interface WordIndex {
  targets: Map<string, number[]>;
  others: Edge[];
}

/** A state with more plain-word edges than this gets a WordIndex. */
const INDEX_FROM = 6;

/** The states reachable from `s` without consuming a token, `s` included. */
export function closureOf(p: CompiledPattern, s: number): readonly number[] {
  return p.closure[s] ?? [s];
}

export class PatternError extends Error {
  constructor(
    message: string,
    readonly column: number,
  ) {
    super(message);
  }
}

export const PATTERN_LIMITS = {
  maxLength: 1000,
  maxGaps: 2,
  maxGap: 8,
  defaultGap: 4,
  minStem: 3,
  /** Named phrases may use other named phrases, this deep. */
  maxDefineDepth: 4,
  /** About how many edges one compiled pattern may have: nested named phrases could otherwise multiply out. */
  maxEdges: 20_000,
  /** Sum of the ε-closure sizes of one pattern (long runs of optional words make it quadratic). */
  maxClosure: 200_000,
} as const;

/** A pack's named phrases (`define:`), referenced in patterns as `@name`. */
export type Definitions = Readonly<Record<string, string>>;

const DEFINE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

type Item = Step | { k: 'alt'; options: Item[][]; optional: boolean; /** set when the group is a named phrase */ ref?: string };

/** How deep named phrases nest inside these items (a reused definition keeps its depth). */
function depthOf(items: Item[]): number {
  let d = 0;
  for (const it of items) if (it.k === 'alt') for (const o of it.options) d = Math.max(d, depthOf(o) + (it.ref ? 1 : 0));
  return d;
}

/**
 * About how many edges the automaton will have, computed before building it. Shared named phrases are
 * counted per use without being expanded, so a pack cannot make the compiler allocate its way out of
 * memory with phrases that use phrases that use phrases.
 */
function sizeOf(items: Item[], memo: Map<Item[], number>): number {
  const known = memo.get(items);
  if (known !== undefined) return known;
  let n = 0;
  for (const it of items) {
    if (it.k === 'alt') for (const o of it.options) n += sizeOf(o, memo) + 1;
    else if (it.k === 'gap') n += 2 * it.max + 1;
    else n += 2;
  }
  memo.set(items, n);
  return n;
}

function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x3000;
}

/** Whitespace or one of ( ) [ ] | { } $ ^ … @ — the characters that end a word in a pattern. */
function isSyntax(c: number): boolean {
  return isSpace(c) || c === 40 || c === 41 || c === 91 || c === 93 || c === 124 || c === 123 || c === 125 || c === 36 || c === 94 || c === 0x2026 || c === 64;
}

/** Spelled-out contractions written as two words ("do not") also match their short spellings ("don't"). */
function joinPairs(items: Item[]): Item[] {
  const alt = (forms: readonly (readonly string[])[]): Item => ({ k: 'alt', options: forms.map((f) => f.map((v) => ({ k: 'word', v }) as Item)), optional: false });
  // "you are not" has two short forms, "you're not" and "you aren't": offer both.
  for (let i = 0; i + 2 < items.length; i++) {
    const [a, b, c] = [items[i]!, items[i + 1]!, items[i + 2]!];
    if (a.k !== 'word' || b.k !== 'word' || c.k !== 'word' || c.v !== 'not') continue;
    const pair = pairForms(a.v, b.v);
    const neg = pairForms(b.v, 'not');
    if (!pair || !neg) continue;
    const options = new Map<string, readonly string[]>();
    for (const f of pair) options.set([...f, 'not'].join(' '), [...f, 'not']);
    for (const f of neg) options.set([a.v, ...f].join(' '), [a.v, ...f]);
    items.splice(i, 3, alt([...options.values()]));
  }
  // Then negations: in "we will not" the contraction is "won't", not "we'll".
  for (const negation of [true, false])
    for (let i = 0; i + 1 < items.length; i++) {
      const a = items[i]!;
      const b = items[i + 1]!;
      if (a.k !== 'word' || b.k !== 'word' || (b.v === 'not') !== negation) continue;
      const forms = pairForms(a.v, b.v);
      if (forms) items.splice(i, 2, alt(forms));
    }
  return addChatForms(items);
}

/**
 * Chat spellings, last: "going to" also matches "gonna", "don't know" (already an alternation of its
 * contraction forms) also "dunno", and a word like "your" also "ur".
 */
function addChatForms(items: Item[]): Item[] {
  for (let i = 0; i + 1 < items.length; i++) {
    const [a, b] = [items[i]!, items[i + 1]!];
    if (b.k !== 'word') continue;
    const heads: Item[][] = a.k === 'word' ? [[a]] : a.k === 'alt' && !a.ref && !a.optional ? a.options : [];
    const firstWords = heads.filter((o) => o.length === 1 && o[0]!.k === 'word').map((o) => (o[0] as { v: string }).v);
    const chat = firstWords.map((w) => chatPairForms(w, b.v)).find((f) => f !== undefined);
    if (!chat) continue;
    items.splice(i, 2, {
      k: 'alt',
      options: [...heads.map((o) => [...o, b]), ...chat.map((f) => f.map((v) => ({ k: 'word', v }) as Item))],
      optional: false,
    });
  }
  return items.map((it) => {
    const forms = it.k === 'word' ? chatWordForms(it.v) : undefined;
    return forms ? { k: 'alt', options: [[it], ...forms.map((v) => [{ k: 'word', v } as Item])], optional: false } : it;
  });
}

/** State shared by the parsers of one pattern and the named phrases it uses. */
interface ParseContext {
  define: Definitions;
  /** Names this pattern uses, directly or through other named phrases. */
  used: Set<string>;
}

/**
 * Each named phrase of a pack is parsed once, for all the patterns that use it: its items are shared (the
 * automaton builder only reads them, and the size check memoises on them). `uses` lists the names it uses
 * in turn, so a pattern that reuses it still reports them as used.
 */
interface ParsedDefinition {
  items: Item[];
  uses: Set<string>;
  /** How deep named phrases nest inside it. */
  depth: number;
}
const parsedDefinitions = new WeakMap<Definitions, Map<string, ParsedDefinition>>();
function definitionCache(define: Definitions): Map<string, ParsedDefinition> {
  let cache = parsedDefinitions.get(define);
  if (!cache) parsedDefinitions.set(define, (cache = new Map()));
  return cache;
}

const NAME_RE = /[\p{L}\p{N}_-]*/uy;

class Parser {
  private i = 0;
  constructor(
    private readonly src: string,
    private readonly ctx: ParseContext = { define: {}, used: new Set() },
    /** Named phrases being expanded, outermost first (to report cycles). */
    private readonly stack: readonly string[] = [],
  ) {}

  fail(message: string, at = this.i): never {
    throw new PatternError(message, at + 1);
  }

  private skipSpace(): void {
    while (this.i < this.src.length && isSpace(this.src.charCodeAt(this.i))) this.i++;
  }

  parseAll(): { items: Item[]; start: boolean; end: boolean } {
    this.skipSpace();
    let start = false;
    if (this.src[this.i] === '^') {
      start = true;
      this.i++;
    }
    const items = this.parseSeq(null);
    let end = false;
    this.skipSpace();
    if (this.src[this.i] === '$') {
      end = true;
      this.i++;
      this.skipSpace();
    }
    if (this.i < this.src.length) {
      const c = this.src[this.i];
      if (c === ')' || c === ']') this.fail(`unbalanced "${c}": remove it or add the opening bracket`);
      if (c === '^') this.fail('"^" (sentence start) may only begin a pattern');
      if (c === '$') this.fail('"$" (sentence end) may only end a pattern');
      this.fail(`unexpected "${c}"`);
    }
    return { items, start, end };
  }

  /** Parses items until `close` (or `|`) or the end; does not consume the terminator. */
  private parseSeq(close: ')' | ']' | null): Item[] {
    const items: Item[] = [];
    for (;;) {
      this.skipSpace();
      if (this.i >= this.src.length) {
        if (close) this.fail(`missing "${close}"`);
        return joinPairs(items);
      }
      const c = this.src[this.i]!;
      if (c === '|') {
        if (!close) this.fail('"|" must be inside ( ) or [ ]: write (a|b)');
        return joinPairs(items);
      }
      if (c === ')' || c === ']') {
        if (c !== close) this.fail(close ? `expected "${close}" but found "${c}"` : `unbalanced "${c}"`);
        return joinPairs(items);
      }
      if (c === '$' || c === '^') {
        if (close) this.fail(`"${c}" cannot be used inside brackets`);
        return joinPairs(items);
      }
      if (c === '(' || c === '[') {
        const opener = this.i;
        this.i++;
        const closer = c === '(' ? ')' : ']';
        const options: Item[][] = [];
        for (;;) {
          options.push(this.parseSeq(closer));
          if (this.src[this.i] === '|') {
            this.i++;
            continue;
          }
          this.i++; // the closer
          break;
        }
        // `(a|b)?` is accepted as a synonym of `[a|b]`, for authors used to regular expressions.
        const question = c === '(' && this.src[this.i] === '?';
        if (question) this.i++;
        const optional = c === '[' || question;
        if (!optional && options.some((o) => o.length === 0))
          this.fail('empty alternative in ( ): use [ ] for optional words', opener);
        if (options.every((o) => o.length === 0)) {
          // Only punctuation inside, e.g. "[,]" or "(-)?": punctuation is ignored anyway.
          if (this.src.slice(opener + 1, this.i - (question ? 2 : 1)).replace(/[|\s]/g, '') === '') this.fail(`empty ${c === '(' ? '( )' : '[ ]'}`, opener);
          continue;
        }
        items.push({ k: 'alt', options: options.filter((o) => o.length > 0), optional });
        continue;
      }
      if (c === '.' || c === '…') {
        const at = this.i;
        let max: number = PATTERN_LIMITS.defaultGap;
        if (c === '…') this.i++;
        else if (this.src.startsWith('...', this.i)) this.i += 3;
        else {
          // A lone dot is punctuation, which patterns ignore.
          this.i++;
          continue;
        }
        const digits = /^\d+/.exec(this.src.slice(this.i));
        if (digits) {
          max = Number(digits[0]);
          this.i += digits[0].length;
          if (max < 1 || max > PATTERN_LIMITS.maxGap)
            this.fail(`gap size must be 1–${PATTERN_LIMITS.maxGap} words`, at);
        }
        items.push({ k: 'gap', max });
        continue;
      }
      if (c === '@') {
        // The name runs over letters, digits and dashes; punctuation after it is ignored, as after words.
        const from = this.i;
        NAME_RE.lastIndex = this.i + 1;
        const name = NAME_RE.exec(this.src)![0];
        this.i += 1 + name.length;
        const next = this.src[this.i];
        if (next === '?' || next === '*')
          this.fail(next === '?' ? `"@${name}?": write [@${name}] for an optional named phrase` : `"@${name}*": a named phrase cannot be a stem`, from);
        items.push(this.reference(name, from));
        continue;
      }
      if (c === '{') {
        const end = this.src.indexOf('}', this.i);
        const name = end < 0 ? '' : this.src.slice(this.i + 1, end);
        if (name !== 'name') this.fail('the only placeholder in patterns is {name}');
        items.push({ k: 'name' });
        this.i = end + 1;
        continue;
      }
      // A word lexeme: everything up to whitespace or syntax.
      const from = this.i;
      while (this.i < this.src.length && !isSyntax(this.src.charCodeAt(this.i))) {
        if (this.src.charCodeAt(this.i) === 46 && this.src.startsWith('...', this.i)) break;
        this.i++;
      }
      const lexeme = this.src.slice(from, this.i);
      if (lexeme === '_') {
        items.push({ k: 'any' });
        continue;
      }
      if (lexeme === '#') {
        items.push({ k: 'num' });
        continue;
      }
      const stem = lexeme.endsWith('*');
      const body = stem ? lexeme.slice(0, -1) : lexeme;
      if (body.includes('*')) this.fail('"*" may only end a word (a stem such as успокой*)', from);
      const words = wordPieces(normalizeWord(body));
      if (words.length === 0) {
        if (stem) this.fail('"*" needs a word stem before it', from);
        continue; // punctuation only: ignored, as in drafts
      }
      words.forEach((w, idx) => {
        const last = idx === words.length - 1;
        if (stem && last) {
          if ([...w].length < PATTERN_LIMITS.minStem)
            this.fail(
              `stem "${w}*" is too short: give at least ${PATTERN_LIMITS.minStem} letters or list the word forms as (a|b)`,
              from,
            );
          items.push({ k: 'stem', v: w });
        } else {
          const forms = contractionForms(w);
          if (forms) items.push({ k: 'alt', options: forms.map((f) => f.map((v) => ({ k: 'word', v }) as Item)), optional: false });
          else items.push({ k: 'word', v: w });
        }
      });
    }
  }

  /** `@name`: the named phrase, parsed as one group (so `a @x b` never splices into a neighbour). */
  private reference(name: string, at: number): Item {
    if (!DEFINE_NAME.test(name)) this.fail(`"@${name}" is not a phrase name: names are kebab-case, e.g. @offer-help`, at);
    const { define } = this.ctx;
    if (!Object.prototype.hasOwnProperty.call(define, name))
      this.fail(`no phrase "@${name}" in the pack's define: add it there, or check the spelling`, at);
    if (this.stack.includes(name))
      this.fail(`"@${name}" refers to itself (${[...this.stack, name].map((n) => '@' + n).join(' → ')}): break the loop`, at);
    if (this.stack.length >= PATTERN_LIMITS.maxDefineDepth)
      this.fail(`named phrases nest more than ${PATTERN_LIMITS.maxDefineDepth} deep (${[...this.stack, name].map((n) => '@' + n).join(' → ')})`, at);
    this.ctx.used.add(name);
    const cache = definitionCache(define);
    const cached = cache.get(name);
    let items: Item[];
    if (!cached) {
      const uses = new Set<string>();
      const inner = new Parser(define[name]!, { define, used: uses }, [...this.stack, name]);
      let parsed: { items: Item[]; start: boolean; end: boolean };
      try {
        parsed = inner.parseAll();
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        // Point at the reference in this pattern; say where inside the definition the problem is.
        throw new PatternError(`in @${name} (column ${e.column} of its definition): ${e.message}`, at + 1);
      }
      if (parsed.start || parsed.end) this.fail(`@${name} uses ^ or $: anchors belong in the pattern that uses it, not in a named phrase`, at);
      if (parsed.items.length === 0) this.fail(`@${name} is empty`, at);
      items = parsed.items;
      cache.set(name, { items, uses, depth: depthOf(items) });
      for (const u of uses) this.ctx.used.add(u);
    } else {
      items = cached.items;
      for (const u of cached.uses) this.ctx.used.add(u);
      if (this.stack.length + 1 + cached.depth > PATTERN_LIMITS.maxDefineDepth)
        this.fail(`named phrases nest more than ${PATTERN_LIMITS.maxDefineDepth} deep (through @${name})`, at);
      if (cached.uses.has(name) || this.stack.some((n) => cached.uses.has(n) || n === name))
        this.fail(`"@${name}" refers to itself: break the loop`, at);
    }
    return { k: 'alt', options: [items], optional: false, ref: name };
  }
}

/**
 * Builds the automaton: `frontier` holds the states the next item continues from. When several states
 * continue into the same item they first join in one state through ε-moves, so an alternation of N words
 * after M optional words costs M + N edges, not M × N.
 */
function build(items: Item[], frontier: number[], edges: Edge[][], eps: number[][], gapTargets: Set<number>): number[] {
  const state = () => {
    edges.push([]);
    eps.push([]);
    return edges.length - 1;
  };
  let cur = frontier;
  for (const item of items) {
    if (cur.length > 1) {
      const join = state();
      for (const f of cur) eps[f]!.push(join);
      cur = [join];
    }
    if (item.k === 'alt') {
      const next = new Set<number>(item.optional ? cur : []);
      for (const option of item.options) for (const s of build(option, cur, edges, eps, gapTargets)) next.add(s);
      cur = [...next];
      continue;
    }
    const to = state();
    if (item.k === 'gap') {
      // Skip 0..max words: ε to the target, then a chain of `any` steps each with an ε to the target.
      gapTargets.add(to);
      let from = cur;
      for (const f of cur) eps[f]!.push(to);
      for (let k = 0; k < item.max; k++) {
        const g = state();
        for (const f of from) edges[f]!.push({ step: { k: 'any', gap: true }, to: g });
        eps[g]!.push(to);
        from = [g];
      }
    } else for (const from of cur) edges[from]!.push({ step: item, to });
    cur = [to];
  }
  return cur;
}

function countGaps(items: Item[]): number {
  let gaps = 0;
  for (const item of items) {
    if (item.k === 'alt') for (const o of item.options) gaps += countGaps(o);
    else if (item.k === 'gap') gaps++;
  }
  return gaps;
}

/**
 * Compiles a pattern; `define` holds the pack's named phrases, which `@name` splices in. `used`, when
 * given, receives the names the pattern uses (directly or through other named phrases).
 */
export function compilePattern(source: string, define: Definitions = {}, used?: Set<string>): CompiledPattern {
  if (typeof source !== 'string' || source.trim() === '') throw new PatternError('pattern is empty', 1);
  if (source.length > PATTERN_LIMITS.maxLength)
    throw new PatternError(`pattern is ${source.length} characters long; the limit is ${PATTERN_LIMITS.maxLength}: split it`, 1);
  const ctx: ParseContext = { define, used: used ?? new Set() };
  const { items, start, end } = new Parser(source, ctx).parseAll();
  // The checks below see the pattern with its named phrases spliced in: say so when that matters.
  const via = ctx.used.size ? ` (counting the named phrases it uses: ${[...ctx.used].map((n) => '@' + n).join(', ')})` : '';
  const size = sizeOf(items, new Map());
  if (size > PATTERN_LIMITS.maxEdges)
    throw new PatternError(`the pattern expands to about ${size} steps${via} (limit ${PATTERN_LIMITS.maxEdges}): use fewer or smaller named phrases`, 1);
  if (countGaps(items) > PATTERN_LIMITS.maxGaps) throw new PatternError(`at most ${PATTERN_LIMITS.maxGaps} gaps per pattern${via}`, 1);
  const edges: Edge[][] = [[]];
  const eps: number[][] = [[]];
  const gapTargets = new Set<number>();
  const finals = build(items, [0], edges, eps, gapTargets);
  const accept = edges.map(() => false);
  for (const f of finals) accept[f] = true;
  // ε-closures (the automaton is acyclic; an explicit stack, so long chains of optional words cannot
  // overflow the call stack). Their total size is bounded: it is also the matcher's work per token.
  let closureTotal = 0;
  const closure = eps.map((targets, s) => {
    if (targets.length === 0) return undefined;
    const out = new Set<number>([s]);
    const stack = [...targets];
    while (stack.length) {
      const x = stack.pop()!;
      if (out.has(x)) continue;
      out.add(x);
      for (const t of eps[x]!) stack.push(t);
    }
    closureTotal += out.size;
    if (closureTotal > PATTERN_LIMITS.maxClosure)
      throw new PatternError(`the pattern has too many optional parts in a row${via}: make some words required or split it into several patterns`, 1);
    return [...out];
  });
  const c = (s: number) => closure[s] ?? [s];
  if (c(0).some((s) => accept[s])) throw new PatternError(`the pattern can match nothing at all${via}: make at least one word required`, 1);
  // A gap must stand between words in every variant: never first, never last.
  if (c(0).some((s) => gapTargets.has(s) || edges[s]!.some((e) => e.step.k === 'any' && e.step.gap)))
    throw new PatternError(`a gap (...) must stand between words: a variant of this pattern${via} starts with one`, 1);
  if ([...gapTargets].some((t) => c(t).some((s) => accept[s])))
    throw new PatternError(`a gap (...) must stand between words: a variant of this pattern${via} ends with one`, 1);
  // Every way through the pattern must contain a real word or stem, or it would match almost anything.
  const seen = new Set<number>([0]);
  const queue = [0];
  while (queue.length) {
    const s = queue.pop()!;
    if (accept[s]) throw new PatternError(`every variant${via} needs at least one word or stem, not only _, # or {name}`, 1);
    const next = [...edges[s]!.filter((e) => e.step.k !== 'word' && e.step.k !== 'stem').map((e) => e.to), ...eps[s]!];
    for (const t of next)
      if (!seen.has(t)) {
        seen.add(t);
        queue.push(t);
      }
  }
  const byWord = edges.map((out): WordIndex | undefined => {
    if (out.filter((e) => e.step.k === 'word').length <= INDEX_FROM) return undefined;
    const targets = new Map<string, number[]>();
    const others: Edge[] = [];
    for (const e of out) {
      if (e.step.k !== 'word') others.push(e);
      else {
        const list = targets.get(e.step.v);
        if (list) list.push(e.to);
        else targets.set(e.step.v, [e.to]);
      }
    }
    return { targets, others };
  });
  return { source, start, end, edges, closure, accept, byWord };
}
