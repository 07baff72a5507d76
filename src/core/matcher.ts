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
   * Id of the pattern's required words (`requiredWords`), or -1: a sentence that holds none of them
   * cannot match, so the pattern is not run there. Most patterns start with "I" or "we" and wake at every
   * "I"; what decides them is a rarer word later on ("checked", "policy").
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
  /** Scan-local: `present[id] === sentence` when the current sentence holds a word of set `id`. */
  private present = new Int32Array(0);
  private sentence = 0;
  private mark = new Int32Array(0);
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
    const entry: Entry = { refs: [ref], p: pattern, base: this.states, ranAt: -1, must: this.mustId(pattern) };
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
    const words = requiredWords(p);
    if (!words) return -1;
    const key = words.join('\u0000');
    let id = this.mustKeys.get(key);
    if (id === undefined) {
      id = this.mustKeys.size;
      this.mustKeys.set(key, id);
      for (const w of words) push(this.mustByWord, w, id);
    }
    return id;
  }

  /** Notes which required-word sets the sentence starting at token `from` holds. */
  private markSentence(tokens: readonly Token[], from: number): void {
    if (this.present.length < this.mustKeys.size) this.present = new Int32Array(this.mustKeys.size);
    if (this.sentence >= 0x3fffffff) {
      this.present.fill(0);
      this.sentence = 0;
    }
    const stamp = ++this.sentence;
    for (let j = from; j < tokens.length && (j === from || !tokens[j]!.brk); j++) {
      const ids = this.mustByWord.get(tokens[j]!.norm);
      if (ids) for (const id of ids) this.present[id] = stamp;
    }
  }

  get patternCount(): number {
    return this.entries.length;
  }

  scan(tokens: readonly Token[], isName: NameTest): Hit[] {
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
    const { p, base } = entry;
    if (p.start && !tokens[begin]!.brk) return;
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


/** Words that occur in most sentences: a required-word set made of them prunes nothing. */
const COMMON = new Set(['i', 'we', 'you', 'the', 'a', 'to', 'it', 'is', 'and', 'your', 'our', 'that', 'this', 'for', 'of', 'in', 'be', 'will', 'can', 'have', 'я', 'мы', 'вы', 'ви', 'ми', 'не', 'и', 'і', 'в', 'у', 'на', 'що', 'что', 'это', 'це', 'з', 'с']);
/** How many candidate sets `requiredWords` checks, cheapest first: each check walks the automaton once. */
const MUST_TRIES = 3;

/**
 * A set of words of which every accepting path consumes at least one — a literal prefilter, as regex
 * engines use — or undefined when no cheap candidate works. Candidates are the plain-word edge sets that
 * leave one state; a candidate is accepted when removing its edges cuts the start off from every
 * accepting state. Rare words make the best sets, so sets of common words cost more.
 */
export function requiredWords(p: CompiledPattern): string[] | undefined {
  const candidates: { words: Set<string>; cost: number }[] = [];
  const seen = new Set<string>();
  for (let s = 0; s < p.edges.length; s++) {
    const edges = p.edges[s]!;
    if (!edges.length || edges.some((e) => e.step.k !== 'word')) continue;
    const words = new Set(edges.map((e) => (e.step as { v: string }).v));
    const key = [...words].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    let cost = 0;
    for (const w of words) cost += COMMON.has(w) ? 50 : 1;
    candidates.push({ words, cost });
  }
  candidates.sort((a, b) => a.cost - b.cost);
  for (const c of candidates.slice(0, MUST_TRIES)) if (!acceptsWithout(p, c.words)) return [...c.words].sort();
  return undefined;
}

/** Whether some accepting state stays reachable from the start when no edge may consume a word of `cut`. */
function acceptsWithout(p: CompiledPattern, cut: Set<string>): boolean {
  const seen = new Uint8Array(p.edges.length);
  const todo = [...closureOf(p, 0)];
  for (const s of todo) seen[s] = 1;
  while (todo.length) {
    const s = todo.pop()!;
    if (p.accept[s]) return true;
    for (const e of p.edges[s]!) {
      if (e.step.k === 'word' && cut.has(e.step.v)) continue;
      for (const t of closureOf(p, e.to))
        if (!seen[t]) {
          seen[t] = 1;
          todo.push(t);
        }
    }
  }
  return false;
}
