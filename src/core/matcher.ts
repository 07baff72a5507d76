/**
 * Multi-pattern matching over word tokens.
 *
 * Every pattern is a small acyclic automaton (pattern.ts). Patterns are indexed by the tokens they can
 * start with — an exact-word map, a stem map probed once per distinct stem length, and a short list of
 * patterns that start with a wildcard — so a token only wakes the few patterns that can begin there
 * (the "token trie" design measured in ../shared/notes/perf-anchors.md: flat in the number of rules, no
 * RegExp compilation landing on the first keystroke). From a start token a pattern walks at most
 * (its states × its gap widths) positions, so a scan is linear in the length of the draft.
 */
import type { CompiledPattern, Step } from './pattern.js';
import type { Token } from './text.js';

export interface Hit {
  ref: number;
  /** Token indices, inclusive. */
  from: number;
  to: number;
}

export type NameTest = (token: Token, index: number) => boolean;

interface Entry {
  ref: number;
  p: CompiledPattern;
}

function stepMatches(step: Step, tok: Token, j: number, isName: NameTest): boolean {
  switch (step.k) {
    case 'word':
      return tok.norm === step.v;
    case 'stem':
      return tok.norm.length >= step.v.length && tok.norm.startsWith(step.v);
    case 'any':
      return true;
    case 'num':
      return tok.num;
    case 'name':
      return isName(tok, j);
    case 'gap':
      return false;
  }
}

export class Matcher {
  private readonly byWord = new Map<string, Entry[]>();
  private readonly byStem = new Map<string, Entry[]>();
  private stemLens: number[] = [];
  private readonly wild: Entry[] = [];
  private count = 0;

  add(pattern: CompiledPattern, ref: number): void {
    const entry = { ref, p: pattern };
    const words = new Set<string>();
    const stems = new Set<string>();
    let wild = false;
    for (const e of pattern.edges[0]!) {
      if (e.step.k === 'word') words.add(e.step.v);
      else if (e.step.k === 'stem') stems.add(e.step.v);
      else wild = true;
    }
    this.count++;
    // A pattern that may start with a wildcard is tried at every token; indexing it by word too would run it twice.
    if (wild) {
      this.wild.push(entry);
      return;
    }
    for (const w of words) this.push(this.byWord, w, entry);
    for (const s of stems) this.push(this.byStem, s, entry);
    if (stems.size) this.stemLens = [...new Set([...this.stemLens, ...[...stems].map((s) => s.length)])].sort((a, b) => a - b);
    this.count++;
  }

  private push(map: Map<string, Entry[]>, key: string, entry: Entry): void {
    const list = map.get(key);
    if (list) list.push(entry);
    else map.set(key, [entry]);
  }

  get patternCount(): number {
    return this.count;
  }

  scan(tokens: readonly Token[], isName: NameTest): Hit[] {
    const hits: Hit[] = [];
    const n = tokens.length;
    // One pattern may be reachable from a token through several index keys (two stems): run it once.
    const stamp = new Map<Entry, number>();

    const run = (entry: Entry, begin: number): void => {
      const { p } = entry;
      if (p.start && !tokens[begin]!.brk) return;
      const seen = new Set<number>();
      const ends = new Set<number>();
      // Depth-first over (state, next token) pairs; `seen` keeps joins from repeating work.
      const visit = (state: number, j: number): void => {
        const key = state * 65536 + (j - begin);
        if (seen.has(key)) return;
        seen.add(key);
        if (p.accept[state] && j > begin && (!p.end || j === n || tokens[j]!.brk)) ends.add(j - 1);
        if (j >= n) return;
        const tok = tokens[j]!;
        // A phrase never runs across a sentence boundary.
        if (j > begin && tok.brk) return;
        for (const e of p.edges[state]!) {
          if (e.step.k === 'gap') {
            visit(e.to, j);
            for (let k = 1; k <= e.step.max && j + k < n; k++) {
              if (tokens[j + k]!.brk) break;
              visit(e.to, j + k);
            }
          } else if (stepMatches(e.step, tok, j, isName)) visit(e.to, j + 1);
        }
      };
      visit(0, begin);
      for (const to of ends) hits.push({ ref: entry.ref, from: begin, to });
    };

    for (let i = 0; i < n; i++) {
      const tok = tokens[i]!;
      const exact = this.byWord.get(tok.norm);
      if (exact)
        for (const e of exact) {
          stamp.set(e, i);
          run(e, i);
        }
      for (const len of this.stemLens) {
        if (len > tok.norm.length) break;
        const list = this.byStem.get(tok.norm.slice(0, len));
        if (!list) continue;
        for (const e of list) {
          if (stamp.get(e) === i) continue;
          stamp.set(e, i);
          run(e, i);
        }
      }
      for (const e of this.wild) run(e, i);
    }
    return hits;
  }
}
