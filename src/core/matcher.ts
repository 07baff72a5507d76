/**
 * Multi-pattern matching over word tokens.
 *
 * Every pattern is a small acyclic automaton (pattern.ts). Patterns are indexed by the tokens they can
 * start with — an exact-word map, a stem map probed once per distinct stem length, and a short list of
 * patterns that start with a wildcard — so a token only wakes the patterns that can begin there (the
 * "token trie" family measured in ../shared/notes/perf-anchors.md: flat in the number of rules, no
 * RegExp compilation landing on the agent's first keystroke).
 *
 * From a start token a woken pattern is simulated Thompson-style: the set of active states advances one
 * token at a time, deduplicated through a stamp array over a global state numbering. The active set never
 * exceeds the pattern's state count, so no pattern — however hostile — can blow up, and a scan is linear
 * in the length of the draft. Nothing is allocated per token except the hits.
 */
import { closureOf, type CompiledPattern, type Step } from './pattern.js';
import type { Token } from './text.js';

export interface Hit {
  ref: number;
  /** Token indices, inclusive. */
  from: number;
  to: number;
}

export type NameTest = (token: Token, index: number) => boolean;

interface Entry {
  /** Every owner of this automaton: rules often share `unless` patterns word for word. */
  refs: number[];
  p: CompiledPattern;
  /** Offset of this pattern's states in the global numbering used by `mark`. */
  base: number;
  /** Scan-local: the last token index this entry was run from (dedupes multiple index keys). */
  ranAt: number;
  /**
   * Id of the pattern's required words (`requiredWords`), -1 when it has none, UNKNOWN until the pattern
   * is first woken (most never are in a given tab: computing them all up front slowed a cold start). A
   * sentence that holds none of the words cannot match, so the pattern is not run there. Most patterns
   * start with "I" or "we" and wake at every "I"; what decides them is a rarer word later on ("checked").
   */
  must: number;
}

function stepMatches(step: Step, tok: Token, j: number, isName: NameTest): boolean {
  switch (step.k) {
    case 'word':
      return tok.norm === step.v;
    case 'stem':
      return tok.norm.startsWith(step.v);
    case 'any':
      return true;
    case 'num':
      return tok.num;
    case 'name':
      return isName(tok, j);
    case 'gap':
      return false; // compiled away
  }
}

/** `Entry.must` before the pattern is first woken. */
const UNKNOWN = -2;

/** Most (first word, second word) keys a pattern may be indexed under before it falls back to its first word. */
const MAX_PAIR_KEYS = 512;

export class Matcher {
  /** Patterns whose first two steps are plain words, by "first\u0000second": the most selective index. */
  private readonly byPair = new Map<string, Entry[]>();
  private readonly byWord = new Map<string, Entry[]>();
  private readonly byStem = new Map<string, Entry[]>();
  private stemLens: number[] = [];
  private readonly anyStarts: Entry[] = [];
  /** Wildcard starts anchored at a sentence start (`^ _ …`): woken only at a sentence's first token. */
  private readonly sentenceStarts: Entry[] = [];
  private readonly numStarts: Entry[] = [];
  private readonly nameStarts: Entry[] = [];
  private readonly entries: Entry[] = [];
  private readonly byCompiled = new Map<CompiledPattern, Entry>();
  private states = 0;
  /** Required-word sets by id, and the ids each word belongs to. */
  private readonly mustKeys = new Map<string, number>();
  private readonly mustByWord = new Map<string, number[]>();
  private readonly mustByStem = new Map<string, number[]>();
  private mustStemLens: number[] = [];
  /** Scan-local: `present[id] === sentence` when the current sentence holds a word of set `id`. */
  private present = new Int32Array(0);
  private sentence = 0;
  private sentenceFrom = 0;
  private mark = new Int32Array(0);
  private wanted: ((ref: number) => boolean) | undefined;
  private stamp = 0;
  private cur = new Int32Array(16);
  private next = new Int32Array(16);

  /** Adds a pattern under `ref`. Adding the same compiled pattern again only adds the ref (one scan serves all). */
  add(pattern: CompiledPattern, ref: number): void {
    const known = this.byCompiled.get(pattern);
    if (known) {
      known.refs.push(ref);
      return;
    }
    const entry: Entry = { refs: [ref], p: pattern, base: this.states, ranAt: -1, must: UNKNOWN };
    this.byCompiled.set(pattern, entry);
    this.states += pattern.edges.length;
    this.entries.push(entry);
    // The first step may leave from any state in the start state's ε-closure (optional leading words join).
    const first = closureOf(pattern, 0).flatMap((s) => pattern.edges[s]!);
    const kinds = new Set(first.map((e) => e.step.k));
    // Wildcard starts are woken by kind: `_` at every token, `#` only at numbers, {name} only at names. A
    // pattern that may start with several kinds ("(#|a few) minutes") is filed under each of them; `ranAt`
    // keeps it to one run per token.
    if (kinds.has('any')) return void (pattern.start ? this.sentenceStarts : this.anyStarts).push(entry);
    if (kinds.has('num')) this.numStarts.push(entry);
    if (kinds.has('name')) this.nameStarts.push(entry);
    if (!kinds.has('word') && !kinds.has('stem')) return;

    const pairs = kinds.size === 1 ? this.pairKeys(pattern) : undefined;
    if (pairs) {
      for (const k of pairs) push(this.byPair, k, entry);
      return;
    }
    const stems = new Set<string>();
    for (const e of first) {
      if (e.step.k === 'word') push(this.byWord, e.step.v, entry);
      else if (e.step.k === 'stem') stems.add(e.step.v);
    }
    for (const st of stems) push(this.byStem, st, entry);
    if (stems.size) this.stemLens = [...new Set([...this.stemLens, ...[...stems].map((x) => x.length)])].sort((a, b) => a - b);
  }

  /** The (first, second) word keys of a pattern, when every way through it starts with two plain words. */
  private pairKeys(p: CompiledPattern): string[] | undefined {
    const keys = new Set<string>();
    for (const e of closureOf(p, 0).flatMap((s) => p.edges[s]!)) {
      if (e.step.k !== 'word') return undefined;
      for (const s of closureOf(p, e.to)) {
        if (p.accept[s]) return undefined; // a one-word variant
        for (const e2 of p.edges[s]!) {
          if (e2.step.k !== 'word') return undefined;
          keys.add(`${e.step.v}\u0000${e2.step.v}`);
          if (keys.size > MAX_PAIR_KEYS) return undefined;
        }
      }
    }
    return keys.size ? [...keys] : undefined;
  }

  private mustId(p: CompiledPattern): number {
    const req = requiredWords(p);
    if (!req) return -1;
    const key = `${req.words.join('\u0000')}\u0001${req.stems.join('\u0000')}`;
    let id = this.mustKeys.get(key);
    if (id === undefined) {
      id = this.mustKeys.size;
      this.mustKeys.set(key, id);
      for (const w of req.words) push(this.mustByWord, w, id);
      for (const st of req.stems) push(this.mustByStem, st, id);
      if (req.stems.length) this.mustStemLens = [...new Set([...this.mustStemLens, ...req.stems.map((x) => x.length)])].sort((a, b) => a - b);
    }
    return id;
  }

  /**
   * Notes which required-word sets the sentence starting at token `from` holds — or, with `only`, whether
   * it holds that one set (just created, while scanning this sentence).
   */
  private markSentence(tokens: readonly Token[], from: number, only?: number): void {
    if (this.present.length < this.mustKeys.size) {
      const grown = new Int32Array(Math.max(64, this.mustKeys.size * 2));
      grown.set(this.present);
      this.present = grown;
    }
    if (only === undefined) {
      if (this.sentence >= 0x3fffffff) {
        this.present.fill(0);
        this.sentence = 0;
      }
      this.sentence++;
      this.sentenceFrom = from;
    }
    const stamp = this.sentence;
    const present = this.present;
    for (let j = from; j < tokens.length && (j === from || !tokens[j]!.brk); j++) {
      const norm = tokens[j]!.norm;
      const ids = this.mustByWord.get(norm);
      if (ids) for (const id of ids) if (only === undefined || id === only) present[id] = stamp;
      for (const len of this.mustStemLens) {
        if (len > norm.length) break;
        const byStem = this.mustByStem.get(norm.slice(0, len));
        if (byStem) for (const id of byStem) if (only === undefined || id === only) present[id] = stamp;
      }
    }
  }

  get patternCount(): number {
    return this.entries.length;
  }

  /**
   * `wanted`, when given, skips the patterns none of whose owners it accepts: exceptions are only worth
   * running for the rules that matched.
   */
  scan(tokens: readonly Token[], isName: NameTest, wanted?: (ref: number) => boolean): Hit[] {
    this.wanted = wanted;
    if (this.mark.length < this.states) this.mark = new Int32Array(this.states);
    for (const e of this.entries) e.ranAt = -1;
    const hits: Hit[] = [];
    const n = tokens.length;
    for (let i = 0; i < n; i++) {
      const tok = tokens[i]!;
      if (i === 0 || tok.brk) this.markSentence(tokens, i);
      const after = tokens[i + 1];
      if (after && !after.brk && this.byPair.size) {
        const list = this.byPair.get(`${tok.norm}\u0000${after.norm}`);
        if (list) for (const e of list) this.run(e, i, tokens, isName, hits);
      }
      const exact = this.byWord.get(tok.norm);
      if (exact) for (const e of exact) this.run(e, i, tokens, isName, hits);
      for (const len of this.stemLens) {
        if (len > tok.norm.length) break;
        const list = this.byStem.get(tok.norm.slice(0, len));
        if (list) for (const e of list) this.run(e, i, tokens, isName, hits);
      }
      if (tok.num) for (const e of this.numStarts) this.run(e, i, tokens, isName, hits);
      if (this.nameStarts.length && isName(tok, i)) for (const e of this.nameStarts) this.run(e, i, tokens, isName, hits);
      for (const e of this.anyStarts) this.run(e, i, tokens, isName, hits);
      if (tok.brk) for (const e of this.sentenceStarts) this.run(e, i, tokens, isName, hits);
    }
    return hits;
  }

  private run(entry: Entry, begin: number, tokens: readonly Token[], isName: NameTest, hits: Hit[]): void {
    if (entry.ranAt === begin) return;
    entry.ranAt = begin;
    if (this.wanted && !entry.refs.some(this.wanted)) return;
    const { p, base } = entry;
    if (p.start && !tokens[begin]!.brk) return;
    if (entry.must === UNKNOWN) {
      entry.must = this.mustId(p);
      // A new set: note whether the current sentence holds it.
      if (entry.must >= 0) this.markSentence(tokens, this.sentenceFrom, entry.must);
    }
    if (entry.must >= 0 && this.present[entry.must] !== this.sentence) return;
    const size = p.edges.length;
    if (this.cur.length < size) {
      this.cur = new Int32Array(size * 2);
      this.next = new Int32Array(size * 2);
    }
    const n = tokens.length;
    const mark = this.mark;
    let cur = this.cur;
    let next = this.next;
    let curN = 0;
    let nextN = 0;
    let stamp = 0;
    // Adds a state and its ε-closure to `next` once per token (one closure per run, not per token).
    const enter = (to: number) => {
      const cl = p.closure[to];
      if (cl === undefined) {
        if (mark[base + to] !== stamp) {
          mark[base + to] = stamp;
          next[nextN++] = to;
        }
      } else
        for (const t of cl) {
          if (mark[base + t] === stamp) continue;
          mark[base + t] = stamp;
          next[nextN++] = t;
        }
    };
    for (const s of closureOf(p, 0)) cur[curN++] = s;
    for (let j = begin; ; j++) {
      if (j > begin) {
        // `cur` holds the states after consuming tokens begin..j-1.
        const atEnd = j === n || tokens[j]!.brk;
        for (let a = 0; a < curN; a++)
          if (p.accept[cur[a]!] && (!p.end || atEnd)) {
            for (const ref of entry.refs) hits.push({ ref, from: begin, to: j - 1 });
            break;
          }
      }
      // A phrase never runs across a sentence boundary.
      if (j >= n || curN === 0 || (j > begin && tokens[j]!.brk)) break;
      const tok = tokens[j]!;
      if (this.stamp >= 0x3fffffff) {
        mark.fill(0);
        this.stamp = 0;
      }
      stamp = ++this.stamp;
      nextN = 0;
      for (let a = 0; a < curN; a++) {
        const s = cur[a]!;
        const index = p.byWord[s];
        if (index) {
          // A long alternation: one lookup for all its words, then the state's other edges.
          const targets = index.targets.get(tok.norm);
          if (targets) for (const to of targets) enter(to);
          for (const e of index.others) if (stepMatches(e.step, tok, j, isName)) enter(e.to);
        } else for (const e of p.edges[s]!) if (stepMatches(e.step, tok, j, isName)) enter(e.to);
      }
      const swap = cur;
      cur = next;
      next = swap;
      curN = nextN;
    }
  }
}

function push<T>(map: Map<string, T[]>, key: string, entry: T): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}


/** Words that occur in most sentences: a required set made of them prunes nothing, so it costs more. */
const COMMON = new Set(['i', 'we', 'you', 'the', 'a', 'to', 'it', 'is', 'and', 'your', 'our', 'that', 'this', 'for', 'of', 'in', 'be', 'will', 'can', 'have', 'я', 'мы', 'вы', 'ви', 'ми', 'не', 'и', 'і', 'в', 'у', 'на', 'що', 'что', 'это', 'це', 'з', 'с']);

export interface Required {
  words: string[];
  stems: string[];
}

/**
 * Words (and stems) of which every match consumes at least one — a literal prefilter, as regex engines
 * use — or undefined when the pattern has none (it may match with wildcards alone).
 *
 * Candidates are the states every accepting path passes through (cut states): in a topological order of
 * the acyclic automaton, a state is one when no move jumps over it and nothing before it accepts. The
 * tokens that can leave such a state are a required set; the one of rarest words is kept.
 */
export function requiredWords(p: CompiledPattern): Required | undefined {
  const n = p.edges.length;
  // Token moves and ε-moves of each state, once, as one flat list (compile time matters in a cold tab).
  const first = new Int32Array(n + 1);
  for (let s = 0; s < n; s++) first[s + 1] = first[s]! + p.edges[s]!.length + (p.closure[s]?.length ?? 0);
  const to = new Int32Array(first[n]!);
  for (let s = 0, k = 0; s < n; s++) {
    for (const e of p.edges[s]!) to[k++] = e.to;
    const cl = p.closure[s];
    if (cl) for (const t of cl) to[k++] = t; // s itself included: a self-move is ignored below
  }
  // Topological order: the compiler's numbering mostly is one already; otherwise Kahn's algorithm.
  let sorted = true;
  for (let s = 0; s < n && sorted; s++) for (let k = first[s]!; k < first[s + 1]!; k++) if (to[k]! < s) sorted = false;
  let order: number[] | Int32Array;
  let pos: Int32Array;
  if (sorted) {
    order = pos = Int32Array.from({ length: n }, (_, s) => s);
  } else {
    const indeg = new Int32Array(n);
    for (let s = 0; s < n; s++) for (let k = first[s]!; k < first[s + 1]!; k++) if (to[k] !== s) indeg[to[k]!]! += 1;
    const kahn: number[] = [];
    for (let s = 0; s < n; s++) if (indeg[s] === 0) kahn.push(s);
    for (let i = 0; i < kahn.length; i++) {
      const s = kahn[i]!;
      for (let k = first[s]!; k < first[s + 1]!; k++) if (to[k] !== s && (indeg[to[k]!]! -= 1) === 0) kahn.push(to[k]!);
    }
    if (kahn.length !== n) return undefined; // not acyclic: never produced by the compiler, but stay safe
    order = kahn;
    pos = new Int32Array(n);
    kahn.forEach((s, k) => (pos[s] = k));
  }
  // A move from position a to b jumps over every position strictly between them.
  const jumped = new Int32Array(n + 1);
  for (let s = 0; s < n; s++)
    for (let k = first[s]!; k < first[s + 1]!; k++)
      if (pos[to[k]!]! > pos[s]! + 1) {
        jumped[pos[s]! + 1]! += 1;
        jumped[pos[to[k]!]!]! -= 1;
      }
  // The cheapest cut state: its cost counts a word as often as it leaves the state (close enough to rank).
  let best = -1;
  let bestCost = Infinity;
  let over = 0;
  for (let k = 0; k < n; k++) {
    over += jumped[k]!;
    if (k < pos[0]!) continue; // unreachable: before the start
    const s = order[k]!;
    if (p.accept[s]) break; // a match may end here, so later states are not on every path
    if (over > 0) continue;
    let cost = 0;
    for (const t of closureOf(p, s)) {
      if (p.accept[t]) cost = Infinity;
      for (const e of p.edges[t]!) cost += e.step.k === 'word' ? (COMMON.has(e.step.v) ? 50 : 1) : e.step.k === 'stem' ? 4 : Infinity;
    }
    if (cost > 0 && cost < bestCost) {
      best = s;
      bestCost = cost;
    }
  }
  if (best < 0) return undefined;
  const words = new Set<string>();
  const stems = new Set<string>();
  for (const t of closureOf(p, best))
    for (const e of p.edges[t]!) {
      if (e.step.k === 'word') words.add(e.step.v);
      else if (e.step.k === 'stem') stems.add(e.step.v);
    }
  return { words: [...words].sort(), stems: [...stems].sort() };
}
