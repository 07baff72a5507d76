/**
 * Flattens a reply box into `text` + a segment map, so the engine sees plain text and every UTF-16 offset it returns
 * maps back to an exact DOM position (and back again).
 *
 * Rules (docs: shared/notes/editor-integration.md §3.3):
 * - text nodes are copied as-is, except NBSP → space (same length) and zero-width fillers (U+200B, U+FEFF, U+2060,
 *   used by Quill cursors, Slate empty leaves, Lexical) which are left out of `text` but stay addressable: a text node
 *   is split into runs around them, so the mapping stays exact;
 * - `<br>` → "\n", except the trailing placeholder `<br>` every editor puts in an empty/last line;
 * - a block element boundary → one "\n" (never at the very start, never doubled by a placeholder `<br>`);
 * - `contenteditable=false` atoms (mentions, chips) and `<img>` (emoji) → U+FFFC, one character;
 * - quoted history and signatures are skipped entirely (they never reach the engine), and so are whitespace-only
 *   text nodes that contain a line break (HTML source formatting between blocks, never typed by the agent).
 * For `<textarea>`/`<input>` the value is the text and offsets map 1:1; plain-text quotes (`>` lines) and the
 * RFC 3676 signature (everything after a line that is exactly "-- ") become `ignoreRanges`.
 *
 * Pure DOM reads only: no layout (`innerText`, `getComputedStyle`) and no writes.
 */
import type { TextRange } from '../../core/types.js';

/** Quoted history and signatures: never analysed, never underlined. Extend per site here. */
export const IGNORED_SELECTORS = [
  // Gmail
  '.gmail_quote',
  '.gmail_quote_container',
  '.gmail_attr',
  '.gmail_signature',
  '[data-smartmail="gmail_signature"]',
  '.gmail_signature_prefix',
  '.gmail_extra',
  // Generic mail (Thunderbird-style markup, pasted replies)
  'blockquote',
  'blockquote[type="cite"]',
  '.moz-cite-prefix',
  '.moz-signature',
  // Outlook on the web
  '#divRplyFwdMsg',
  '#appendonsend',
] as const;
const IGNORED_SELECTOR = IGNORED_SELECTORS.join(',');

const NON_CONTENT_TAGS = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'HEAD', 'TITLE', 'META', 'LINK']);
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE',
  'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);

export const OBJECT_REPLACEMENT = '\uFFFC';
const FILLERS = /[\u200B\uFEFF\u2060]/g;
const SOURCE_WHITESPACE = /^[ \t\r\n]*\n[ \t\r\n]*$/;

export interface DomPoint {
  node: Node;
  offset: number;
}

/**
 * One piece of `text`. `text` runs point into a text node (`node`, `nodeOffset`); `br`/`atom` are one character
 * standing for an element; `break` is the "\n" of a block boundary, from the end of the previous line's content
 * (`from`) to the start of the next line's content (`to`).
 */
export type Segment =
  | { type: 'text'; start: number; length: number; node: Text; nodeOffset: number }
  | { type: 'br' | 'atom'; start: number; length: 1; node: Element }
  | { type: 'break'; start: number; length: 1; from: DomPoint; to: DomPoint };

export interface RichTextModel {
  kind: 'rich';
  root: HTMLElement;
  text: string;
  ignoreRanges: TextRange[];
  segments: Segment[];
}

export interface FieldTextModel {
  kind: 'field';
  root: HTMLTextAreaElement | HTMLInputElement;
  text: string;
  ignoreRanges: TextRange[];
}

export type TextModel = RichTextModel | FieldTextModel;

/** NBSP → space (same length); what matching and comparisons see. */
export function normalizeChars(text: string): string {
  return text.replace(/\u00A0/g, ' ');
}

/** Stable comparison of two extractions (fillers and NBSP never count as a change). */
export function comparable(text: string): string {
  return normalizeChars(text).replace(FILLERS, '');
}

export function isIgnoredElement(element: Element): boolean {
  return element.matches(IGNORED_SELECTOR);
}

function isAtom(element: Element, root: Element): boolean {
  if (element === root) return false;
  if (element.tagName === 'IMG') return true;
  const ce = element.getAttribute('contenteditable');
  return ce !== null && ce.toLowerCase() === 'false';
}

/**
 * Plain-text quoting and signatures as UTF-16 ranges: every line starting with `>` (after optional spaces), and
 * everything from a line that is exactly "-- " to the end.
 */
export function plainTextIgnoreRanges(text: string): TextRange[] {
  const ranges: TextRange[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    if (line === '-- ') {
      ranges.push({ start: lineStart, end: text.length });
      break;
    }
    if (/^[ \t]*>/.test(line)) {
      const last = ranges[ranges.length - 1];
      // Merge consecutive quoted lines (including the "\n" between them) into one range.
      if (last && last.end >= lineStart - 1) last.end = lineEnd;
      else ranges.push({ start: lineStart, end: lineEnd });
    }
    if (newline === -1) break;
    lineStart = newline + 1;
  }
  return ranges;
}

export function isTextField(el: Element): el is HTMLTextAreaElement | HTMLInputElement {
  return el.tagName === 'TEXTAREA' || el.tagName === 'INPUT';
}

export function extractText(root: HTMLElement): TextModel {
  if (isTextField(root)) {
    const text = normalizeChars(root.value);
    return { kind: 'field', root, text, ignoreRanges: plainTextIgnoreRanges(text) };
  }
  return extractRich(root);
}

function pointBefore(node: Node): DomPoint {
  const parent = node.parentNode;
  if (!parent) throw new Error('detached node');
  return { node: parent, offset: Array.prototype.indexOf.call(parent.childNodes, node) as number };
}

function extractRich(root: HTMLElement): RichTextModel {
  const doc = root.ownerDocument;
  const segments: Segment[] = [];
  let text = '';
  let pendingBreak = false;
  let pendingBrs: HTMLBRElement[] = [];

  const flushBreak = (at: () => DomPoint) => {
    const prev = segments[segments.length - 1];
    if (pendingBreak && text.length > 0 && prev) {
      segments.push({ type: 'break', start: text.length, length: 1, from: segmentEndPoint(prev), to: at() });
      text += '\n';
    }
    pendingBreak = false;
  };
  const emitBrs = (brs: HTMLBRElement[]) => {
    for (const br of brs) {
      segments.push({ type: 'br', start: text.length, length: 1, node: br });
      text += '\n';
    }
  };
  /** Called before every piece of real content. */
  const beforeContent = (at: () => DomPoint) => {
    if (pendingBrs.length) {
      const brs = pendingBrs;
      pendingBrs = [];
      flushBreak(() => pointBefore(brs[0]!));
      emitBrs(brs);
    } else {
      flushBreak(at);
    }
  };
  /** A block starts or ends: a pending `<br>` that ends the line is a placeholder, the rest are real. */
  const blockBoundary = () => {
    if (pendingBrs.length) {
      const brs = pendingBrs;
      pendingBrs = [];
      flushBreak(() => pointBefore(brs[0]!));
      emitBrs(brs.slice(0, -1));
    }
    pendingBreak = true;
  };

  const visitText = (node: Text) => {
    const data = node.data;
    if (!data || SOURCE_WHITESPACE.test(data)) return;
    FILLERS.lastIndex = 0;
    let runStart = 0;
    const pushRun = (from: number, to: number) => {
      if (to <= from) return;
      beforeContent(() => ({ node, offset: from }));
      segments.push({ type: 'text', start: text.length, length: to - from, node, nodeOffset: from });
      text += normalizeChars(data.slice(from, to));
    };
    for (let match = FILLERS.exec(data); match; match = FILLERS.exec(data)) {
      pushRun(runStart, match.index);
      runStart = match.index + match[0].length;
    }
    pushRun(runStart, data.length);
  };

  /** Returns true when the walker should descend into `el`. */
  const enterElement = (el: Element): boolean => {
    const tag = el.tagName;
    if (NON_CONTENT_TAGS.has(tag)) return false;
    if (isIgnoredElement(el)) {
      if (BLOCK_TAGS.has(tag)) blockBoundary();
      return false;
    }
    if (tag === 'BR') {
      pendingBrs.push(el as HTMLBRElement);
      return false;
    }
    if (isAtom(el, root)) {
      beforeContent(() => pointBefore(el));
      segments.push({ type: 'atom', start: text.length, length: 1, node: el });
      text += OBJECT_REPLACEMENT;
      return false;
    }
    if (BLOCK_TAGS.has(tag)) blockBoundary();
    return true;
  };
  const leaveElement = (el: Element) => {
    if (BLOCK_TAGS.has(el.tagName)) blockBoundary();
  };

  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  let node: Node | null = walker.firstChild();
  while (node) {
    let descend = false;
    if (node.nodeType === Node.TEXT_NODE) visitText(node as Text);
    else descend = enterElement(node as Element);
    if (descend) {
      const child = walker.firstChild();
      if (child) {
        node = child;
        continue;
      }
      leaveElement(node as Element);
    }
    // Next sibling, or climb (leaving each ancestor) until one has a next sibling.
    let next = walker.nextSibling();
    while (!next) {
      const parent = walker.parentNode();
      if (!parent || parent === root) break;
      leaveElement(parent as Element);
      next = walker.nextSibling();
    }
    node = next;
  }
  // A trailing <br> is the editor's placeholder; any before it are real empty lines.
  if (pendingBrs.length) emitBrs(pendingBrs.slice(0, -1));

  return { kind: 'rich', root, text, ignoreRanges: plainTextIgnoreRanges(text), segments };
}

// ---- offsets ↔ DOM ----------------------------------------------------------------------------------------

function segmentStartPoint(seg: Segment): DomPoint {
  switch (seg.type) {
    case 'text':
      return { node: seg.node, offset: seg.nodeOffset };
    case 'break':
      return seg.from;
    default:
      return pointBefore(seg.node);
  }
}

function segmentEndPoint(seg: Segment): DomPoint {
  switch (seg.type) {
    case 'text':
      return { node: seg.node, offset: seg.nodeOffset + seg.length };
    case 'break':
      return seg.to;
    default: {
      const before = pointBefore(seg.node);
      return { node: before.node, offset: before.offset + 1 };
    }
  }
}

/** Index of the first segment whose end is beyond `offset` (binary search); `segments.length` if none. */
function firstSegmentEndingAfter(segments: Segment[], offset: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid]!;
    if (seg.start + seg.length <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The DOM point for a text offset. At a boundary between two segments, `bias: 'start'` picks the start of the
 * following one (where a range should begin) and `'end'` the end of the preceding one (where it should end).
 */
export function pointAt(model: RichTextModel, offset: number, bias: 'start' | 'end'): DomPoint {
  const { segments, root } = model;
  if (!segments.length) return { node: root, offset: bias === 'start' ? 0 : root.childNodes.length };
  const clamped = Math.max(0, Math.min(offset, model.text.length));
  const i = firstSegmentEndingAfter(segments, clamped);
  const seg = segments[i];
  if (seg && seg.start < clamped) {
    // Strictly inside a segment: only text runs are longer than one character.
    if (seg.type === 'text') return { node: seg.node, offset: seg.nodeOffset + (clamped - seg.start) };
    return segmentEndPoint(seg);
  }
  // On a boundary: `seg` (if any) starts exactly at `clamped`.
  if (bias === 'end' && i > 0) return segmentEndPoint(segments[i - 1]!);
  if (seg) return segmentStartPoint(seg);
  return segmentEndPoint(segments[segments.length - 1]!);
}

/** A Range over `[start, end)`; null for an empty/invalid span. */
export function rangeFor(model: RichTextModel, start: number, end: number): Range | null {
  if (end < start || start < 0 || end > model.text.length) return null;
  const range = model.root.ownerDocument.createRange();
  try {
    const a = pointAt(model, start, end === start ? 'end' : 'start');
    const b = end === start ? a : pointAt(model, end, 'end');
    if (!model.root.contains(a.node) || !model.root.contains(b.node)) return null;
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
  } catch {
    return null; // the model is stale (the editor re-rendered those nodes): the caller re-extracts
  }
  return range;
}

/** `-1` if a < b, `0` if equal, `1` if a > b (document order inside one tree). */
function comparePoints(doc: Document, a: DomPoint, b: DomPoint): number {
  if (!a.node.isConnected || !b.node.isConnected) throw new Error('detached node');
  const range = doc.createRange();
  range.setStart(a.node, a.offset);
  return -range.comparePoint(b.node, b.offset);
}

/**
 * The text offset of a DOM point (a caret, a hit-test result). Points inside skipped content (quotes, fillers)
 * snap to the end of the preceding mapped text. Returns null when the point is outside the root or the model is
 * stale (the editor replaced the nodes it maps).
 */
export function offsetAt(model: RichTextModel, node: Node, offset: number): number | null {
  try {
    return offsetAtUnsafe(model, node, offset);
  } catch {
    return null; // stale model: a segment's node was removed by the editor
  }
}

function offsetAtUnsafe(model: RichTextModel, node: Node, offset: number): number | null {
  const { segments, root } = model;
  if (node !== root && !root.contains(node)) return null;
  if (segments.length && !root.contains(segmentStartPoint(segments[0]!).node)) return null; // stale model
  if (node.nodeType === Node.TEXT_NODE) {
    // Fast path: the text node is mapped (linear scan over this node's runs only, found by binary search would
    // need a node index; segments of one node are adjacent, so find any and walk).
    for (let i = 0; i < segments.length; i++) {
      const seg = segments[i]!;
      if (seg.type !== 'text' || seg.node !== node) continue;
      // Runs of one node are consecutive: pick the run that holds `offset`.
      for (let j = i; j < segments.length; j++) {
        const run = segments[j]!;
        if (run.type !== 'text' || run.node !== node) break;
        if (offset <= run.nodeOffset) return run.start;
        if (offset <= run.nodeOffset + run.length) return run.start + (offset - run.nodeOffset);
      }
      break;
    }
  }
  // General case: the first segment starting at or after the point.
  const doc = root.ownerDocument;
  const point = { node, offset };
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const seg = segments[mid]!;
    const cmp = comparePoints(doc, segmentStartPoint(seg), point);
    // A block break sits AT the start of the next line's content: a point there is after the "\n".
    if (cmp < 0 || (cmp === 0 && seg.type === 'break')) lo = mid + 1;
    else hi = mid;
  }
  if (lo > 0) {
    const prev = segments[lo - 1]!;
    // At or after the previous segment's end → just after it; otherwise the point is inside it (an atom).
    return comparePoints(doc, segmentEndPoint(prev), point) <= 0 ? prev.start + prev.length : prev.start;
  }
  return lo < segments.length ? segments[lo]!.start : model.text.length;
}
