/**
 * THE ONLY MODULE THAT WRITES INTO A PAGE'S EDITOR.
 *
 * Every write goes through the host editor's own input path, so its model, its undo stack and the page's framework
 * state stay in sync (shared/notes/editor-integration.md §3.5–3.6, measured in Chromium on each editor family):
 *
 *   kind                         primary                               fallback (only if the text is UNCHANGED)
 *   textarea / input             execCommand('insertText')             setRangeText + input event (no undo)
 *   plain contenteditable        execCommand('insertText')             —
 *   ProseMirror, Draft.js        execCommand('insertText')             synthetic paste
 *   Quill                        execCommand('insertText')             beforeinput insertReplacementText
 *   Lexical                      beforeinput insertReplacementText     execCommand('insertText')
 *   Slate, CKEditor 5            beforeinput insertReplacementText     synthetic paste
 *   TinyMCE, Trix                synthetic paste (own undo level)      execCommand('insertText')
 *
 * Protocol for one edit: re-extract the text and REFUSE if the span no longer holds what was analysed → focus and
 * select the span (setSelectionRange / DOM selection, through the shadow root when the editor lives in one) →
 * wait for the editor to see the selection (next `selectionchange` + a frame, ≤150 ms) → write → re-read until the
 * text settles: equal to the expectation = done (caret put after the replacement if the editor left it elsewhere);
 * unchanged = try the fallback; changed into something else = STOP and report (never stack a second write).
 * Never: assigning `value`, mutating text nodes, inserting markup.
 */
import type { EditorKind } from './fields.js';
import { comparable, extractText, normalizeChars, offsetAt, rangeFor, type TextModel } from './text-model.js';

export type EditMethod = 'execCommand' | 'beforeinput' | 'paste' | 'setRangeText';

export type EditOutcome =
  | { ok: true; method: EditMethod }
  | { ok: false; reason: 'changed' | 'detached' | 'rejected' | 'diverged'; method?: EditMethod };

export interface EditTarget {
  root: HTMLElement;
  kind: EditorKind;
}

export interface WriteHooks {
  /** Called right before we write (mutations until `end` are ours). */
  begin(): void;
  end(): void;
}

const LADDERS: Record<EditorKind, EditMethod[]> = {
  textarea: ['execCommand', 'setRangeText'],
  input: ['execCommand', 'setRangeText'],
  plain: ['execCommand'],
  prosemirror: ['execCommand', 'paste'],
  draft: ['execCommand', 'paste'],
  quill: ['execCommand', 'beforeinput'],
  lexical: ['beforeinput', 'execCommand'],
  slate: ['beforeinput', 'paste'],
  ckeditor5: ['beforeinput', 'paste'],
  tinymce: ['paste', 'execCommand'],
  trix: ['paste', 'execCommand'],
};

/** Slate throttles its DOM→model selection sync (~100 ms): give it that long at least. */
const MIN_SYNC_MS: Partial<Record<EditorKind, number>> = { slate: 110 };
const SYNC_CEILING_MS = 150;
const SETTLE_MS: Record<EditMethod, number> = { execCommand: 250, beforeinput: 300, paste: 450, setRangeText: 100 };

export function methodsFor(kind: EditorKind, text: string): EditMethod[] {
  // Draft.js loses paragraphs with a multi-line insertText; its paste path splits blocks properly.
  if (kind === 'draft' && text.includes('\n')) return ['paste', 'execCommand'];
  return LADDERS[kind];
}

function isField(root: HTMLElement): root is HTMLTextAreaElement | HTMLInputElement {
  return root.tagName === 'TEXTAREA' || root.tagName === 'INPUT';
}

const nextFrame = (win: Window) => new Promise<void>((resolve) => win.requestAnimationFrame(() => resolve()));
const sleep = (win: Window, ms: number) => new Promise<void>((resolve) => win.setTimeout(resolve, ms));

/** The Selection that can see into the editor's tree (Chrome: `ShadowRoot.getSelection()`). */
export function selectionFor(root: HTMLElement): Selection | null {
  const scope = root.getRootNode() as (ShadowRoot & { getSelection?(): Selection | null }) | Document;
  if (scope !== root.ownerDocument && typeof (scope as { getSelection?: unknown }).getSelection === 'function') {
    return (scope as ShadowRoot & { getSelection(): Selection | null }).getSelection();
  }
  return root.ownerDocument.getSelection();
}

/** The caret (or selection) as text offsets of `model`, when it is inside the field. */
export function selectionOffsets(model: TextModel): { start: number; end: number } | null {
  const root = model.root;
  if (model.kind === 'field') {
    const field = root as HTMLTextAreaElement;
    if (root.ownerDocument.activeElement !== root && (root.getRootNode() as ShadowRoot).activeElement !== root) return null;
    return { start: field.selectionStart ?? 0, end: field.selectionEnd ?? 0 };
  }
  const selection = selectionFor(root);
  if (!selection || !selection.rangeCount) return null;
  const range = selection.getRangeAt(0);
  if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return null;
  const start = offsetAt(model, range.startContainer, range.startOffset);
  const end = offsetAt(model, range.endContainer, range.endOffset);
  return start === null || end === null ? null : { start: Math.min(start, end), end: Math.max(start, end) };
}

function waitForSelectionSync(target: EditTarget): Promise<void> {
  const doc = target.root.ownerDocument;
  const win = doc.defaultView!;
  const minimum = MIN_SYNC_MS[target.kind] ?? 0;
  const started = win.performance.now();
  return new Promise((resolve) => {
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      doc.removeEventListener('selectionchange', onChange);
      win.clearTimeout(ceiling);
      const waited = win.performance.now() - started;
      if (waited < minimum) win.setTimeout(resolve, minimum - waited);
      else resolve();
    };
    const onChange = () => {
      doc.removeEventListener('selectionchange', onChange);
      win.requestAnimationFrame(() => finish());
    };
    doc.addEventListener('selectionchange', onChange);
    const ceiling = win.setTimeout(finish, SYNC_CEILING_MS);
  });
}

/** Focus the field and select `[start, end)`; resolves once the editor has had a chance to see the selection. */
export function selectSpan(target: EditTarget, start: number, end: number): Promise<boolean> {
  return select(target, start, end);
}

async function select(target: EditTarget, start: number, end: number): Promise<boolean> {
  const { root } = target;
  const win = root.ownerDocument.defaultView!;
  if (isField(root)) {
    root.focus({ preventScroll: true });
    root.setSelectionRange(start, end);
    await nextFrame(win);
    return true;
  }
  const model = extractText(root);
  if (model.kind !== 'rich') return false;
  const range = rangeFor(model, start, end);
  if (!range) return false;
  const sync = waitForSelectionSync(target);
  if (!root.contains(root.ownerDocument.activeElement) && root.ownerDocument.activeElement !== root) {
    root.focus({ preventScroll: true });
  }
  const selection = selectionFor(root);
  if (!selection) return false;
  selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
  await sync;
  return true;
}

function selectedRange(root: HTMLElement): Range | null {
  const selection = selectionFor(root);
  return selection && selection.rangeCount ? selection.getRangeAt(0) : null;
}

function elementAt(range: Range | null, root: HTMLElement): HTMLElement {
  const node = range?.startContainer;
  const el = node ? (node.nodeType === Node.ELEMENT_NODE ? (node as HTMLElement) : node.parentElement) : null;
  return el && root.contains(el) ? el : root;
}

/** Performs one write with `method`; whether it worked is judged by re-reading the text, never by return values. */
function write(target: EditTarget, method: EditMethod, text: string, span: { start: number; end: number }): void {
  const { root } = target;
  const doc = root.ownerDocument;
  const win = doc.defaultView!;
  switch (method) {
    case 'execCommand': {
      if (text) doc.execCommand('insertText', false, text);
      else doc.execCommand('delete', false);
      return;
    }
    case 'setRangeText': {
      const field = root as HTMLTextAreaElement;
      field.setRangeText(text, span.start, span.end, 'end');
      field.dispatchEvent(new win.InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: text }));
      return;
    }
    case 'beforeinput': {
      const range = selectedRange(root);
      const data = new win.DataTransfer();
      data.setData('text/plain', text);
      const collapsed = !range || range.collapsed;
      const init: InputEventInit & { targetRanges?: StaticRange[] } = {
        inputType: collapsed ? 'insertText' : 'insertReplacementText',
        data: text,
        dataTransfer: collapsed ? null : data,
        targetRanges: range
          ? [
              new win.StaticRange({
                startContainer: range.startContainer,
                startOffset: range.startOffset,
                endContainer: range.endContainer,
                endOffset: range.endOffset,
              }),
            ]
          : [],
        bubbles: true,
        cancelable: true,
        composed: true,
      };
      elementAt(range, root).dispatchEvent(new win.InputEvent('beforeinput', init));
      return;
    }
    case 'paste': {
      const data = new win.DataTransfer();
      data.setData('text/plain', text);
      const event = new win.ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
      elementAt(selectedRange(root), root).dispatchEvent(event);
      return;
    }
  }
}

/** Re-reads the text each frame until it differs from `before` (or `ms` pass), then once more a frame later. */
async function settle(root: HTMLElement, before: string, expected: string, ms: number): Promise<string> {
  const win = root.ownerDocument.defaultView!;
  const started = win.performance.now();
  let text = comparable(extractText(root).text);
  while (text === before && win.performance.now() - started < ms) {
    await nextFrame(win);
    text = comparable(extractText(root).text);
  }
  // Editors may apply in steps (delete, then insert) or re-render a frame later: wait for the expectation a bit.
  const deadline = win.performance.now() + 120;
  while (text !== expected && text !== before && win.performance.now() < deadline) {
    await nextFrame(win);
    text = comparable(extractText(root).text);
  }
  return text;
}

async function placeCaret(target: EditTarget, offset: number): Promise<void> {
  const { root } = target;
  const model = extractText(root);
  const current = selectionOffsets(model);
  if (current && current.start === offset && current.end === offset) return;
  if (isField(root)) {
    root.setSelectionRange(offset, offset);
    return;
  }
  if (model.kind !== 'rich') return;
  const range = rangeFor(model, offset, offset);
  const selection = selectionFor(root);
  if (range && selection) selection.setBaseAndExtent(range.startContainer, range.startOffset, range.endContainer, range.endOffset);
}

/**
 * Replace `[start, end)` — which must still read `original` — with `replacement`.
 */
export async function replaceSpan(
  target: EditTarget,
  span: { start: number; end: number },
  original: string,
  replacement: string,
  hooks: WriteHooks,
): Promise<EditOutcome> {
  const { root } = target;
  if (!root.isConnected) return { ok: false, reason: 'detached' };
  const model = extractText(root);
  const before = model.text;
  if (span.end > before.length || comparable(before.slice(span.start, span.end)) !== comparable(original)) {
    return { ok: false, reason: 'changed' };
  }
  const expected = comparable(before.slice(0, span.start) + normalizeChars(replacement) + before.slice(span.end));
  const win = root.ownerDocument.defaultView!;
  let lastMethod: EditMethod | undefined;
  for (const method of methodsFor(target.kind, replacement)) {
    lastMethod = method;
    if (!(await select(target, span.start, span.end))) return { ok: false, reason: 'detached', method };
    // The agent may have typed while we waited for the selection sync: re-check before writing.
    const now = extractText(root).text;
    if (now !== before) return { ok: false, reason: 'changed', method };
    hooks.begin();
    let after: string;
    try {
      write(target, method, replacement, span);
      after = await settle(root, comparable(before), expected, SETTLE_MS[method]);
    } finally {
      hooks.end();
    }
    if (after === expected) {
      await placeCaret(target, span.start + replacement.length);
      return { ok: true, method };
    }
    if (after !== comparable(before)) return { ok: false, reason: 'diverged', method };
    await sleep(win, 0);
  }
  return { ok: false, reason: 'rejected', method: lastMethod };
}

/**
 * Insert `text` at the caret (when it is in the field) or after the last character the agent wrote, adding a
 * separating space where the neighbours need one.
 */
export async function insertText(target: EditTarget, text: string, hooks: WriteHooks): Promise<EditOutcome> {
  const { root } = target;
  if (!root.isConnected) return { ok: false, reason: 'detached' };
  const model = extractText(root);
  const caret = selectionOffsets(model);
  let at: number;
  if (caret && caret.start === caret.end) at = caret.start;
  else {
    // End of the agent's own text: before trailing whitespace and before an ignored tail (plain-text signature).
    const tail = model.ignoreRanges.find((r) => r.end === model.text.length);
    at = model.text.slice(0, tail ? tail.start : model.text.length).trimEnd().length;
  }
  const prev = model.text[at - 1];
  const next = model.text[at];
  let insert = text;
  if (prev !== undefined && !/\s/.test(prev)) insert = ` ${insert}`;
  if (next !== undefined && !/\s/.test(next)) insert = `${insert} `;
  return replaceSpan(target, { start: at, end: at }, '', insert, hooks);
}
