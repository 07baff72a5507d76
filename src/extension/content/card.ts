/**
 * The suggestion card: opens when the pointer rests on a flagged phrase (hit-tested with caretPositionFromPoint
 * / the box rects, since underlines take no events) or when the caret moves inside one. It lives in our overlay
 * shadow root, in the top layer (`popover="manual"`) where supported, so page overflow/z-index can't clip it.
 * Text is always set with `textContent`; buttons cancel `mousedown` so the editor keeps its selection; Escape closes.
 */
import type { SidebarAction } from '../shared/sidebar-connector.js';
import { selectionOffsets } from './edit-field.js';
import { extractText } from './text-model.js';
import { t } from './messages.js';
import { addStyles, getOverlay } from './overlay.js';
import type { FieldSession } from './session.js';

const CARD_CSS = `
.card { position: fixed; inset: auto; margin: 0; box-sizing: border-box; width: max-content; max-width: min(340px, calc(100vw - 16px));
  padding: 12px; border: 1px solid #e3e5ea; border-radius: 10px; background: #fff; color: #16181d;
  box-shadow: 0 12px 32px -8px rgba(16, 24, 40, 0.22), 0 2px 6px rgba(16, 24, 40, 0.08); font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  pointer-events: auto; z-index: 2147483647; overflow: visible; }
.card:not(:popover-open):not(.open) { display: none; }
.card .title { margin: 0 0 4px; font-weight: 600; color: #4f46e5; font-size: 12px; letter-spacing: .02em; text-transform: uppercase; }
.card .reason { margin: 0 0 10px; }
.card .alts { display: flex; flex-wrap: wrap; gap: 6px; margin: 0 0 10px; }
.card button { font: inherit; cursor: pointer; border-radius: 6px; padding: 4px 10px; text-align: start; }
.card .alt { border: 1px solid #c7cbfa; background: #eef0ff; color: #16181d; }
.card .alt:hover, .card .alt:focus-visible { background: #e0e4ff; border-color: #4f46e5; }
.card .actions { display: flex; gap: 6px; border-top: 1px solid #e3e5ea; padding-top: 8px; }
.card .quiet { border: 1px solid transparent; background: transparent; color: #5d6370; }
.card .quiet:hover, .card .quiet:focus-visible { background: #f6f7f9; }
.card button:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
@media (prefers-color-scheme: dark) {
  .card { background: #1b1d23; color: #e8eaef; border-color: #363a45; }
  .card .title { color: #a5b4fc; }
  .card .alt { background: #262a3d; color: #e8eaef; border-color: #4a4f8a; }
  .card .alt:hover, .card .alt:focus-visible { background: #30355a; }
  .card .quiet { color: #aeb3bf; }
  .card .quiet:hover, .card .quiet:focus-visible { background: #262932; }
  .card .actions { border-color: #363a45; }
}
`;

const HOVER_OPEN_MS = 250;
const HOVER_CLOSE_MS = 400;

export interface CardDeps {
  /** The session whose box contains `node` (or is `node`). */
  sessionAt(node: Node): FieldSession | undefined;
  /** The box being typed in. */
  active(): FieldSession | null;
  dispatch(session: FieldSession, action: SidebarAction): Promise<unknown>;
}

export class SuggestionCard {
  private readonly el: HTMLElement;
  private open: { session: FieldSession; key: string; via: 'hover' | 'caret' } | null = null;
  private openTimer = 0;
  private closeTimer = 0;
  private pointerFrame = 0;
  private caretFrame = 0;
  private lastPointer: { x: number; y: number; target: Node } | null = null;
  private readonly win: Window;

  constructor(
    private readonly doc: Document,
    private readonly deps: CardDeps,
  ) {
    this.win = doc.defaultView!;
    const overlay = getOverlay(doc);
    addStyles(overlay.shadow, CARD_CSS, 'card');
    this.el = doc.createElement('div');
    this.el.className = 'card';
    this.el.setAttribute('role', 'dialog');
    this.el.setAttribute('aria-label', t('cardTitle'));
    if (typeof this.el.showPopover === 'function') this.el.setAttribute('popover', 'manual');
    // Keep the editor's selection and focus: nothing in the card takes focus on mouse down.
    this.el.addEventListener('mousedown', (e) => e.preventDefault());
    this.el.addEventListener('pointerenter', () => this.win.clearTimeout(this.closeTimer));
    this.el.addEventListener('pointerleave', () => this.scheduleClose());
    overlay.cards.appendChild(this.el);

    this.win.addEventListener('pointermove', this.onPointerMove, { capture: true, passive: true });
    doc.addEventListener('selectionchange', this.onSelectionChange, { passive: true });
    this.win.addEventListener('keydown', this.onKeyDown, true);
    this.win.addEventListener('scroll', this.onScroll, { capture: true, passive: true });
  }

  get isOpen(): boolean {
    return this.open !== null;
  }

  private readonly onPointerMove = (event: PointerEvent) => {
    const target = event.composedPath()[0] as Node | undefined;
    if (!target) return;
    this.lastPointer = { x: event.clientX, y: event.clientY, target };
    if (this.pointerFrame) return;
    this.pointerFrame = this.win.requestAnimationFrame(() => {
      this.pointerFrame = 0;
      this.checkPointer();
    });
  };

  private checkPointer(): void {
    const pointer = this.lastPointer;
    if (!pointer) return;
    if (this.el.contains(pointer.target) || pointer.target === this.el) return;
    const session = this.deps.sessionAt(pointer.target);
    const key = session ? session.highlighter.hitTest(pointer.x, pointer.y) : null;
    if (session && key) {
      this.win.clearTimeout(this.closeTimer);
      if (this.open?.key === key && this.open.session === session) return;
      this.win.clearTimeout(this.openTimer);
      this.openTimer = this.win.setTimeout(() => this.show(session, key, 'hover'), HOVER_OPEN_MS);
    } else {
      this.win.clearTimeout(this.openTimer);
      if (this.open?.via === 'hover') this.scheduleClose();
    }
  }

  private readonly onSelectionChange = () => {
    if (this.caretFrame) return;
    this.caretFrame = this.win.requestAnimationFrame(() => {
      this.caretFrame = 0;
      this.checkCaret();
    });
  };

  private checkCaret(): void {
    const session = this.deps.active();
    if (!session?.model || !session.findings.length) {
      if (this.open?.via === 'caret') this.close();
      return;
    }
    // Fresh read: between analyses the editor may have re-rendered the nodes the last model points at.
    const model = extractText(session.root);
    if (model.text !== session.model.text) return; // offsets are stale until the next analysis
    const caret = selectionOffsets(model);
    const inside =
      caret && caret.start === caret.end
        ? session.findings.find((f) => f.start < caret.start && caret.start < f.end)
        : undefined;
    if (inside) {
      if (this.open?.key !== inside.key) this.show(session, inside.key, 'caret');
    } else if (this.open?.via === 'caret') this.close();
  }

  private readonly onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !this.open) return;
    // Only our card closes: the page (e.g. a compose window) must not also react to this Escape.
    event.preventDefault();
    event.stopPropagation();
    this.close();
  };

  private readonly onScroll = (event: Event) => {
    if (!this.open) return;
    if (event.composedPath().includes(this.el)) return;
    this.position();
  };

  private scheduleClose(): void {
    this.win.clearTimeout(this.closeTimer);
    this.closeTimer = this.win.setTimeout(() => this.close(), HOVER_CLOSE_MS);
  }

  /** The finding may be gone after a re-analysis: close, or keep the card if it still exists. */
  refresh(session: FieldSession): void {
    if (this.open?.session === session && !session.finding(this.open.key)) this.close();
  }

  show(session: FieldSession, key: string, via: 'hover' | 'caret'): void {
    const finding = session.finding(key);
    if (!finding) return;
    const doc = this.doc;
    const make = (tag: string, className: string, text: string) => {
      const el = doc.createElement(tag);
      el.className = className;
      el.textContent = text;
      return el;
    };
    const button = (className: string, label: string, action: SidebarAction, title?: string) => {
      const b = make('button', className, label) as HTMLButtonElement;
      b.type = 'button';
      if (title) b.title = title;
      b.addEventListener('click', () => {
        this.close();
        void this.deps.dispatch(session, action);
      });
      return b;
    };
    const alts = make('div', 'alts', '');
    finding.alternatives.forEach((alternative, i) => {
      // Name exactly the words a click replaces (a whole-sentence alternative takes its clause along).
      const replaces = finding.edits?.[i]?.original ?? finding.match;
      alts.appendChild(button('alt', alternative, { kind: 'applyAlternative', findingKey: key, alternative }, t('applyHint', replaces)));
    });
    const actions = make('div', 'actions', '');
    actions.append(
      button('quiet', t('ignoreOnce'), { kind: 'ignoreOnce', findingKey: key }),
      button('quiet', t('ignoreAlways'), { kind: 'ignoreAlways', findingKey: key }),
    );
    this.el.replaceChildren(make('p', 'title', t('cardTitle')), make('p', 'reason', finding.message), ...(finding.alternatives.length ? [alts] : []), actions);
    if (this.open) this.open.session.highlighter.setActive(null);
    this.open = { session, key, via };
    session.highlighter.setActive(key);
    if (this.el.hasAttribute('popover')) {
      if (!this.el.matches(':popover-open')) this.el.showPopover();
    } else this.el.classList.add('open');
    this.position();
  }

  private position(): void {
    if (!this.open) return;
    const rects = this.open.session.highlighter.rectsOf(this.open.key);
    const anchor = rects[0];
    if (!anchor) {
      this.close();
      return;
    }
    const width = this.el.offsetWidth;
    const height = this.el.offsetHeight;
    const vw = this.doc.documentElement.clientWidth;
    const vh = this.doc.documentElement.clientHeight;
    const left = Math.max(8, Math.min(anchor.left, vw - width - 8));
    const below = anchor.bottom + 6;
    const top = below + height > vh - 8 && anchor.top - height - 6 > 8 ? anchor.top - height - 6 : below;
    this.el.style.left = `${left}px`;
    this.el.style.top = `${top}px`;
  }

  close(): void {
    this.win.clearTimeout(this.openTimer);
    this.win.clearTimeout(this.closeTimer);
    if (!this.open) return;
    this.open.session.highlighter.setActive(null);
    this.open = null;
    if (this.el.hasAttribute('popover')) {
      if (this.el.matches(':popover-open')) this.el.hidePopover();
    } else this.el.classList.remove('open');
  }
}
