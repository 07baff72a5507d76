/**
 * Underlines that never touch the editor's DOM.
 *
 * - contenteditable: the CSS Custom Highlight API. One `Highlight` per severity, registered in `CSS.highlights`
 *   (a per-document registry, shared with the page but namespaced `reply-coach-*`), styled by `::highlight()` rules
 *   adopted into the document AND into the shadow root holding the editor (document styles don't reach shadow
 *   content). It repaints on scroll/reflow for free. Deliberately NOT disabled under `navigator.webdriver`.
 * - textarea/input (highlights can't reach inside them) and browsers without the API: `position: fixed` boxes in
 *   our overlay shadow root, from `Range.getClientRects()` (on a hidden mirror div for textareas), clipped to the
 *   field, re-laid out once per animation frame on scroll (capture), resize and field resize.
 */
import type { Severity } from '../../core/types.js';
import { addStyles, getOverlay } from './overlay.js';
import { offsetAt, rangeFor, type TextModel } from './text-model.js';

export interface Mark {
  key: string;
  start: number;
  end: number;
  severity: Severity;
}

export interface FieldHighlighter {
  /** Replace this field's marks (ranges are rebuilt from `model`, which must be fresh). */
  update(model: TextModel, marks: Mark[]): void;
  /** Emphasise one mark (its card is open / it was focused from the sidebar); null to clear. */
  setActive(key: string | null): void;
  /** Client rects of a mark, in viewport coordinates. */
  rectsOf(key: string): DOMRect[];
  /** The mark under a viewport point, if any. */
  hitTest(x: number, y: number): string | null;
  clear(): void;
  destroy(): void;
}

export const HIGHLIGHT_NAMES: Record<Severity | 'active', string> = {
  critical: 'reply-coach-critical',
  warning: 'reply-coach-warning',
  info: 'reply-coach-info',
  active: 'reply-coach-active',
};

export const HIGHLIGHT_CSS = `
::highlight(reply-coach-critical) { text-decoration: underline wavy rgba(229, 72, 77, 0.95); text-decoration-thickness: 1.5px;
  text-underline-offset: 3px; text-decoration-skip-ink: none; background-color: rgba(220, 38, 38, 0.10); }
::highlight(reply-coach-warning) { text-decoration: underline wavy rgba(245, 158, 11, 0.95); text-decoration-thickness: 1.5px;
  text-underline-offset: 3px; text-decoration-skip-ink: none; background-color: rgba(245, 158, 11, 0.10); }
::highlight(reply-coach-info) { text-decoration: underline dotted rgba(59, 130, 246, 0.95); text-decoration-thickness: 2px;
  text-underline-offset: 3px; text-decoration-skip-ink: none; }
::highlight(reply-coach-active) { background-color: rgba(79, 70, 229, 0.18); }
`;

type HighlightCtor = new (...ranges: AbstractRange[]) => Highlight;

function highlightApi(win: Window): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (win as unknown as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Ctor = (win as unknown as { Highlight?: HighlightCtor }).Highlight;
  if (!css?.highlights || typeof Ctor !== 'function') return null;
  return { registry: css.highlights, Highlight: Ctor };
}

// ---- Custom Highlight API -----------------------------------------------------------------------------------

/** Per document: one Highlight per name, fed by every coached field of that document. */
class HighlightRegistryPerDoc {
  private readonly highlights = new Map<string, Highlight>();
  constructor(private readonly api: { registry: HighlightRegistry; Highlight: HighlightCtor }) {}

  get(name: string): Highlight {
    let highlight = this.highlights.get(name);
    // Re-register if the page cleared the registry.
    if (!highlight || this.api.registry.get(name) !== highlight) {
      highlight = highlight ?? new this.api.Highlight();
      this.api.registry.set(name, highlight);
      this.highlights.set(name, highlight);
    }
    return highlight;
  }
}
const perDoc = new WeakMap<Document, HighlightRegistryPerDoc>();

class CssHighlighter implements FieldHighlighter {
  private entries: { mark: Mark; range: Range }[] = [];
  private model: TextModel | null = null;
  private active: string | null = null;
  private readonly registry: HighlightRegistryPerDoc;

  constructor(
    private readonly root: HTMLElement,
    api: { registry: HighlightRegistry; Highlight: HighlightCtor },
  ) {
    const doc = root.ownerDocument;
    let registry = perDoc.get(doc);
    if (!registry) {
      registry = new HighlightRegistryPerDoc(api);
      perDoc.set(doc, registry);
    }
    this.registry = registry;
    addStyles(doc, HIGHLIGHT_CSS, 'highlights');
    const scope = root.getRootNode();
    if (scope instanceof ShadowRoot) addStyles(scope, HIGHLIGHT_CSS, 'highlights');
  }

  update(model: TextModel, marks: Mark[]): void {
    this.removeAll();
    this.model = model;
    if (model.kind !== 'rich') return;
    for (const mark of marks) {
      const range = rangeFor(model, mark.start, mark.end);
      if (!range) continue;
      this.entries.push({ mark, range });
      this.registry.get(HIGHLIGHT_NAMES[mark.severity]).add(range);
    }
    this.setActive(this.active);
  }

  setActive(key: string | null): void {
    const activeHighlight = this.registry.get(HIGHLIGHT_NAMES.active);
    for (const entry of this.entries) activeHighlight.delete(entry.range);
    this.active = key;
    const entry = key ? this.entries.find((e) => e.mark.key === key) : undefined;
    if (entry) activeHighlight.add(entry.range);
  }

  rectsOf(key: string): DOMRect[] {
    const entry = this.entries.find((e) => e.mark.key === key);
    return entry ? Array.from(entry.range.getClientRects()) : [];
  }

  hitTest(x: number, y: number): string | null {
    if (!this.entries.length || this.model?.kind !== 'rich') return null;
    const doc = this.root.ownerDocument as Document & {
      caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?(x: number, y: number): Range | null;
    };
    let node: Node | null = null;
    let offset = 0;
    const position = doc.caretPositionFromPoint?.(x, y);
    if (position) {
      node = position.offsetNode;
      offset = position.offset;
    } else {
      const range = doc.caretRangeFromPoint?.(x, y);
      if (range) {
        node = range.startContainer;
        offset = range.startOffset;
      }
    }
    const at = node ? offsetAt(this.model, node, offset) : null;
    for (const { mark, range } of this.entries) {
      if (at !== null && (at < mark.start || at > mark.end)) continue;
      for (const rect of range.getClientRects()) {
        if (x >= rect.left && x <= rect.right && y >= rect.top - 2 && y <= rect.bottom + 2) return mark.key;
      }
    }
    return null;
  }

  private removeAll(): void {
    for (const { mark, range } of this.entries) {
      this.registry.get(HIGHLIGHT_NAMES[mark.severity]).delete(range);
      this.registry.get(HIGHLIGHT_NAMES.active).delete(range);
    }
    this.entries = [];
  }

  clear(): void {
    this.removeAll();
  }

  destroy(): void {
    this.removeAll();
  }
}

// ---- Boxes (textarea mirror, fallback) ------------------------------------------------------------------------

const MIRRORED_PROPERTIES = [
  'direction', 'boxSizing', 'borderTopWidth', 'borderRightWidth', 'borderBottomWidth', 'borderLeftWidth',
  'borderStyle', 'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'fontStyle', 'fontVariant',
  'fontWeight', 'fontStretch', 'fontSize', 'fontSizeAdjust', 'lineHeight', 'fontFamily', 'fontFeatureSettings',
  'fontKerning', 'textAlign', 'textTransform', 'textIndent', 'letterSpacing', 'wordSpacing', 'tabSize',
  'whiteSpace', 'wordBreak', 'overflowWrap',
] as const;

/** Everything that re-lays out boxes: one rAF per document, however many events arrive. */
class LayoutLoop {
  private readonly clients = new Set<BoxHighlighter>();
  private frame = 0;
  private readonly schedule = () => {
    if (this.frame) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      for (const client of this.clients) client.layout();
    });
  };

  constructor(private readonly win: Window) {}

  add(client: BoxHighlighter): void {
    if (!this.clients.size) {
      this.win.addEventListener('scroll', this.schedule, { capture: true, passive: true });
      this.win.addEventListener('resize', this.schedule, { passive: true });
      void this.win.document.fonts?.ready.then(this.schedule);
    }
    this.clients.add(client);
    this.schedule();
  }

  delete(client: BoxHighlighter): void {
    this.clients.delete(client);
    if (!this.clients.size) {
      this.win.removeEventListener('scroll', this.schedule, { capture: true });
      this.win.removeEventListener('resize', this.schedule);
    }
  }

  request(): void {
    this.schedule();
  }
}
const loops = new WeakMap<Window, LayoutLoop>();

class BoxHighlighter implements FieldHighlighter {
  private marks: Mark[] = [];
  private model: TextModel | null = null;
  private active: string | null = null;
  private rects = new Map<string, DOMRect[]>();
  private readonly group: HTMLElement;
  private mirror: HTMLElement | null = null;
  private readonly resizeObserver: ResizeObserver | null;
  private readonly loop: LayoutLoop;

  constructor(private readonly root: HTMLElement) {
    const doc = root.ownerDocument;
    const win = doc.defaultView!;
    const overlay = getOverlay(doc);
    this.group = doc.createElement('div');
    overlay.boxes.appendChild(this.group);
    if (root.tagName === 'TEXTAREA' || root.tagName === 'INPUT') {
      this.mirror = doc.createElement('div');
      this.mirror.className = 'mirror';
      overlay.mirrors.appendChild(this.mirror);
    }
    let loop = loops.get(win);
    if (!loop) {
      loop = new LayoutLoop(win);
      loops.set(win, loop);
    }
    this.loop = loop;
    this.resizeObserver = typeof win.ResizeObserver === 'function' ? new win.ResizeObserver(() => loop.request()) : null;
    this.resizeObserver?.observe(root);
    loop.add(this);
  }

  update(model: TextModel, marks: Mark[]): void {
    this.model = model;
    this.marks = marks;
    this.loop.request();
  }

  setActive(key: string | null): void {
    this.active = key;
    for (const box of Array.from(this.group.children)) {
      box.classList.toggle('active', (box as HTMLElement).dataset.key === key);
    }
  }

  rectsOf(key: string): DOMRect[] {
    this.layout();
    return this.rects.get(key) ?? [];
  }

  hitTest(x: number, y: number): string | null {
    for (const [key, rects] of this.rects) {
      for (const r of rects) if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom + 3) return key;
    }
    return null;
  }

  /** Reads geometry for every mark, then writes boxes (reads and writes never interleave). */
  layout(): void {
    const doc = this.root.ownerDocument;
    const rects = new Map<string, DOMRect[]>();
    if (this.model && this.marks.length && this.root.isConnected) {
      const fieldRect = this.root.getBoundingClientRect();
      const style = doc.defaultView!.getComputedStyle(this.root);
      const clip = {
        left: fieldRect.left + parseFloat(style.borderLeftWidth),
        top: fieldRect.top + parseFloat(style.borderTopWidth),
        right: fieldRect.right - parseFloat(style.borderRightWidth),
        bottom: fieldRect.bottom - parseFloat(style.borderBottomWidth),
      };
      const measure = this.mirror ? this.mirrorRanges(fieldRect, style) : this.domRanges();
      for (const mark of this.marks) {
        const range = measure(mark);
        if (!range) continue;
        const visible: DOMRect[] = [];
        for (const r of Array.from(range.getClientRects())) {
          const left = Math.max(r.left, clip.left);
          const right = Math.min(r.right, clip.right);
          const top = Math.max(r.top, clip.top);
          const bottom = Math.min(r.bottom, clip.bottom);
          if (right - left < 1 || bottom - top < 1) continue;
          visible.push(new DOMRect(left, top, right - left, bottom - top));
        }
        if (visible.length) rects.set(mark.key, visible);
      }
    }
    this.rects = rects;
    // Write phase.
    const boxes: HTMLElement[] = [];
    const severity = new Map(this.marks.map((m) => [m.key, m.severity]));
    for (const [key, list] of rects) {
      for (const r of list) {
        const box = doc.createElement('div');
        box.className = `box ${severity.get(key)}${key === this.active ? ' active' : ''}`;
        box.dataset.key = key;
        box.style.cssText = `left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
        boxes.push(box);
      }
    }
    this.group.replaceChildren(...boxes);
  }

  private domRanges(): (mark: Mark) => Range | null {
    const model = this.model!;
    return (mark) => (model.kind === 'rich' ? rangeFor(model, mark.start, mark.end) : null);
  }

  private mirrorRanges(fieldRect: DOMRect, style: CSSStyleDeclaration): (mark: Mark) => Range | null {
    const field = this.root as HTMLTextAreaElement;
    const mirror = this.mirror!;
    const doc = field.ownerDocument;
    const target = mirror.style as unknown as Record<string, string>;
    const source = style as unknown as Record<string, string>;
    for (const prop of MIRRORED_PROPERTIES) target[prop] = source[prop] ?? '';
    if (field.tagName === 'INPUT') target.whiteSpace = 'pre';
    else target.whiteSpace = 'pre-wrap';
    // A visible scrollbar narrows the text box: pad the mirror by the same width.
    const scrollbar = field.offsetWidth - field.clientWidth - parseFloat(style.borderLeftWidth) - parseFloat(style.borderRightWidth);
    if (scrollbar > 0) target.paddingRight = `${parseFloat(style.paddingRight) + scrollbar}px`;
    target.boxSizing = 'border-box';
    target.left = `${fieldRect.left}px`;
    target.top = `${fieldRect.top}px`;
    target.width = `${fieldRect.width}px`;
    target.height = `${fieldRect.height}px`;
    // A trailing space gives a final "\n" its own line.
    const text = `${field.value} `;
    let node = mirror.firstChild as Text | null;
    if (!node || node.nodeType !== Node.TEXT_NODE) {
      mirror.replaceChildren(doc.createTextNode(text));
      node = mirror.firstChild as Text;
    } else if (node.data !== text) node.data = text;
    mirror.scrollTop = field.scrollTop;
    mirror.scrollLeft = field.scrollLeft;
    return (mark) => {
      if (mark.end > field.value.length) return null;
      const range = doc.createRange();
      range.setStart(node!, mark.start);
      range.setEnd(node!, mark.end);
      return range;
    };
  }

  clear(): void {
    this.marks = [];
    this.rects.clear();
    this.group.replaceChildren();
  }

  destroy(): void {
    this.clear();
    this.loop.delete(this);
    this.resizeObserver?.disconnect();
    this.group.remove();
    this.mirror?.remove();
  }
}

export function createHighlighter(root: HTMLElement): FieldHighlighter {
  const isField = root.tagName === 'TEXTAREA' || root.tagName === 'INPUT';
  const api = isField ? null : highlightApi(root.ownerDocument.defaultView ?? window);
  return api ? new CssHighlighter(root, api) : new BoxHighlighter(root);
}
