/**
 * Finding reply boxes: which element is "the field" for a focus target, whether we may coach it (with reasons),
 * which editor family drives it, and a focus tracker that also sees focus inside open shadow roots.
 *
 * No document scans: a field is found when the agent focuses it (`focusin`, capture, on window and on every open
 * shadow root seen in the event's composed path — the Briskine technique, because focus moving inside one shadow
 * root never reaches window).
 */
import { isTextField } from './text-model.js';

export type EditorKind =
  | 'textarea'
  | 'input'
  | 'plain' // contenteditable without a model (Gmail, LinkedIn messaging, Outlook)
  | 'lexical'
  | 'prosemirror'
  | 'draft'
  | 'slate'
  | 'ckeditor5'
  | 'quill'
  | 'trix'
  | 'tinymce';

/** DOM markers of model-driven editors; also what lets a `spellcheck=false` box through (Slack, Meta set it). */
const EDITOR_MARKERS: readonly [EditorKind, string][] = [
  ['lexical', '[data-lexical-editor="true"]'],
  ['prosemirror', '.ProseMirror'],
  ['draft', '.public-DraftEditor-content, [data-contents="true"]'],
  ['slate', '[data-slate-editor="true"]'],
  ['ckeditor5', '.ck-editor__editable, .ck-content[contenteditable]'],
  ['quill', '.ql-editor'],
  ['trix', 'trix-editor'],
  ['tinymce', 'body.mce-content-body, body#tinymce'],
];

const CODE_EDITOR_SELECTOR = '.cm-content, .CodeMirror, .monaco-editor, .ace_editor, .ace_text-input';
const SKIPPED_INPUT_TYPES = new Set(['search', 'password', 'email', 'url', 'number', 'tel']);

/** `isContentEditable`, computed from attributes where the DOM does not implement it (jsdom). */
export function isEditable(el: Element | null): boolean {
  if (!el) return false;
  const native = (el as HTMLElement).isContentEditable;
  if (typeof native === 'boolean') return native;
  for (let node: Element | null = el; node; node = node.parentElement) {
    const value = node.getAttribute('contenteditable');
    if (value !== null) return value.toLowerCase() !== 'false';
  }
  return el.ownerDocument.designMode === 'on';
}


/**
 * The field for a focus/event target: the element itself for textarea/input, else the top-most contenteditable
 * ancestor (the editor root). Null when the target is not editable.
 */
export function resolveField(target: EventTarget | null): HTMLElement | null {
  if (!target || !(target as Node).nodeType) return null;
  let el: Element | null = (target as Node).nodeType === Node.ELEMENT_NODE ? (target as Element) : (target as Node).parentElement;
  if (!el) return null;
  if (isTextField(el)) return el as HTMLElement;
  if (!isEditable(el)) return null;
  // `parentElement` stays inside the current tree: an editor never spans a shadow boundary.
  for (let parent = el.parentElement; parent && isEditable(parent); parent = parent.parentElement) {
    el = parent;
  }
  return el as HTMLElement;
}

export function detectEditorKind(root: HTMLElement): EditorKind {
  if (root.tagName === 'TEXTAREA') return 'textarea';
  if (root.tagName === 'INPUT') return 'input';
  for (const [kind, selector] of EDITOR_MARKERS) {
    if (root.closest(selector)) return kind;
  }
  return 'plain';
}

function hasEditorMarker(root: HTMLElement): boolean {
  const kind = detectEditorKind(root);
  return kind !== 'plain' && kind !== 'textarea' && kind !== 'input';
}

/**
 * Why `root` must not be coached; an empty list means eligible. Reasons are stable strings (tests and the
 * debugging overlay print them).
 */
export function ineligibilityReasons(root: HTMLElement): string[] {
  const reasons: string[] = [];
  if (root.closest('[data-reply-coach="off"]')) reasons.push('opted out: data-reply-coach=off');
  if (root.closest('[data-enable-grammarly="false"]')) reasons.push('opted out: data-enable-grammarly=false');
  if (root.closest('[data-gramm="false"]')) reasons.push('opted out: data-gramm=false');
  if (root.getAttribute('role') === 'combobox' || root.closest('[role="combobox"]')) reasons.push('role=combobox');
  if (root.getAttribute('aria-readonly') === 'true') reasons.push('aria-readonly');
  if (root.matches(CODE_EDITOR_SELECTOR) || root.closest(CODE_EDITOR_SELECTOR)) reasons.push('code editor');

  if (isTextField(root)) {
    if (root.readOnly) reasons.push('read-only');
    if (root.disabled) reasons.push('disabled');
    if (root.tagName === 'INPUT') {
      const type = (root as HTMLInputElement).type.toLowerCase();
      if (SKIPPED_INPUT_TYPES.has(type)) reasons.push(`input type=${type}`);
      reasons.push('one-line input');
    }
  } else {
    if (!isEditable(root)) reasons.push('not editable');
  }
  if (root.getAttribute('spellcheck') === 'false' && !hasEditorMarker(root)) reasons.push('spellcheck=false');
  return reasons;
}

export function isEligible(root: HTMLElement): boolean {
  return ineligibilityReasons(root).length === 0;
}

/** A human label for the sidebar: aria-label, labelled-by text, placeholder, title. */
export function fieldLabel(root: HTMLElement): string {
  const aria = root.getAttribute('aria-label')?.trim();
  if (aria) return aria;
  const labelledBy = root.getAttribute('aria-labelledby');
  if (labelledBy) {
    const scope = root.getRootNode() as Document | ShadowRoot;
    const text = labelledBy
      .split(/\s+/)
      .map((id) => scope.getElementById?.(id)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
    if (text) return text;
  }
  const placeholder = root.getAttribute('placeholder') ?? root.getAttribute('data-placeholder') ?? root.getAttribute('aria-placeholder');
  if (placeholder?.trim()) return placeholder.trim();
  return root.getAttribute('title')?.trim() ?? '';
}

/** `document.activeElement`, walking down through open shadow roots. */
export function deepActiveElement(doc: Document): Element | null {
  let active: Element | null = doc.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

export interface FocusTracker {
  destroy(): void;
}

/**
 * Calls `onFocus(field)` when an editable gets focus in this window (eligible or not: the caller decides) and
 * `onBlur(field)` when it loses it.
 */
export function trackFocus(
  win: Window,
  handlers: { onFocus(field: HTMLElement): void; onBlur(field: HTMLElement): void },
): FocusTracker {
  const listened = new WeakSet<ShadowRoot>();
  const roots: ShadowRoot[] = [];
  let lastFocusEvent: Event | null = null;

  const isShadowRoot = (node: unknown): node is ShadowRoot =>
    !!node && (node as Node).nodeType === Node.DOCUMENT_FRAGMENT_NODE && 'host' in (node as ShadowRoot);
  const listenOnShadowRoots = (path: EventTarget[]) => {
    for (const node of path) {
      if (isShadowRoot(node) && !listened.has(node)) {
        listened.add(node);
        roots.push(node);
        node.addEventListener('focusin', onFocusIn, true);
        node.addEventListener('focusout', onFocusOut, true);
      }
    }
  };

  function onFocusIn(event: Event) {
    if (event === lastFocusEvent) return; // seen already at an inner shadow root
    lastFocusEvent = event;
    const path = event.composedPath();
    listenOnShadowRoots(path);
    const field = resolveField(path[0] ?? event.target);
    if (field) handlers.onFocus(field);
  }

  let lastBlurEvent: Event | null = null;
  function onFocusOut(event: Event) {
    if (event === lastBlurEvent) return;
    lastBlurEvent = event;
    const path = event.composedPath();
    const field = resolveField(path[0] ?? event.target);
    if (field) handlers.onBlur(field);
  }

  win.addEventListener('focusin', onFocusIn, true);
  win.addEventListener('focusout', onFocusOut, true);

  // The agent may already be typing when we start (document_idle).
  const active = deepActiveElement(win.document);
  if (active) {
    // Register listeners on the shadow roots between the document and the active element.
    for (let node: Node | null = active; node; ) {
      const root = node.getRootNode();
      if (isShadowRoot(root)) {
        listenOnShadowRoots([root]);
        node = root.host;
      } else node = null;
    }
    const field = resolveField(active);
    if (field) handlers.onFocus(field);
  }

  return {
    destroy() {
      win.removeEventListener('focusin', onFocusIn, true);
      win.removeEventListener('focusout', onFocusOut, true);
      for (const root of roots) {
        root.removeEventListener('focusin', onFocusIn, true);
        root.removeEventListener('focusout', onFocusOut, true);
      }
    },
  };
}
