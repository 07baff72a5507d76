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
  private readonly numStarts: Entry[] = [];
  private readonly nameStarts: Entry[] = [];
  private readonly entries: Entry[] = [];
  private readonly byCompiled = new Map<CompiledPattern, Entry>();
  private states = 0;
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
    const entry: Entry = { refs: [ref], p: pattern, base: this.states, ranAt: -1 };
    this.byCompiled.set(pattern, entry);
    this.states += pattern.edges.length;
    this.entries.push(entry);
    // The first step may leave from any state in the start state's ε-closure (optional leading words join).
    const first = closureOf(pattern, 0).flatMap((s) => pattern.edges[s]!);
    const kinds = new Set(first.map((e) => e.step.k));
    // Wildcard starts are woken by kind: `_` at every token, `#` only at numbers, {name} only at names. A
    // pattern that may start with several kinds ("(#|a few) minutes") is filed under each of them; `ranAt`
    // keeps it to one run per token.
    if (kinds.has('any')) return void this.anyStarts.push(entry);
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
    }
    return hits;
  }

  private run(entry: Entry, begin: number, tokens: readonly Token[], isName: NameTest, hits: Hit[]): void {
    if (entry.ranAt === begin) return;
    entry.ranAt = begin;
    const { p, base } = entry;
    if (p.start && !tokens[begin]!.brk) return;
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

function push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
  const list = map.get(key);
  if (list) list.push(entry);
  else map.set(key, [entry]);
}
