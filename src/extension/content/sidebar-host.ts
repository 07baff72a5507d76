/**
 * The sidebar's home in the TOP frame: an open shadow root on a host element appended to `<html>` (fixed, right
 * edge, `all: initial`), the lazily loaded React UI mounted into it, and the REAL SidebarConnector.
 *
 * The connector shows the state of the box the agent is working in — a local FieldSession, or a box in a
 * sub-frame (TinyMCE's iframe…) whose state the background relays here — and routes actions back to its owner.
 * The sidebar follows the focused box and never covers it: if the box reaches under the sidebar it moves to the
 * other side; if both sides are taken it collapses to a slim bar at the top or bottom, away from the caret.
 */
import type { SidebarAction, SidebarConnector, SidebarState } from '../shared/sidebar-connector.js';
import { addStyles } from './overlay.js';

export const SIDEBAR_TAG = 'reply-coach-sidebar';

const HOST_CSS = `
:host { all: initial !important; position: fixed !important; z-index: 2147483645 !important; display: block !important;
  top: 12px !important; right: 12px !important; left: auto !important; bottom: auto !important;
  max-width: calc(100vw - 24px) !important; }
:host([data-side="left"]) { left: 12px !important; right: auto !important; }
:host([data-vpos="bottom"]) { top: auto !important; bottom: 12px !important; }
:host([hidden]) { display: none !important; }
`;

export interface SidebarModule {
  mountSidebar(container: HTMLElement | ShadowRoot, connector: SidebarConnector, t: (key: string, subs?: string[]) => string): () => void;
  SIDEBAR_CSS: string;
}

/** What the host shows: a box in this frame, or one in a sub-frame. */
export interface StateSource {
  state(collapsed: boolean): SidebarState;
  dispatch(action: SidebarAction): Promise<unknown>;
  /** Viewport rect of the box (for sub-frames: their iframe element), to stay clear of it. */
  rect(): DOMRect | null;
  /** Viewport rect of the caret line, when known. */
  caretRect(): DOMRect | null;
}

export interface SidebarHostDeps {
  loadModule(): Promise<SidebarModule>;
  translate(key: string, subs?: string[]): string;
  /** Persist the agent's collapse preference. */
  saveCollapsed(collapsed: boolean): void;
}

const INACTIVE: Omit<SidebarState, 'collapsed'> = {
  active: false,
  fieldLabel: '',
  language: 'en',
  findings: [],
  checklist: [],
  paused: false,
};

/** Width of the expanded sidebar (src/extension/ui/sidebar/styles.ts). */
const SIDEBAR_WIDTH = 340;

function intersects(a: DOMRect, left: number, top: number, right: number, bottom: number): boolean {
  return a.left < right && a.right > left && a.top < bottom && a.bottom > top;
}

export class SidebarHost implements SidebarConnector {
  private source: StateSource | null = null;
  private readonly listeners = new Set<(state: SidebarState) => void>();
  private current: SidebarState;
  private host: HTMLElement | null = null;
  private mounting: Promise<void> | null = null;
  private unmount: (() => void) | null = null;
  private userCollapsed: boolean;
  private autoCollapsed = false;
  /** The agent expanded the sidebar although it had to collapse to stay clear: respect that for this box. */
  private userOverride = false;
  private frame = 0;
  /** Last measured height of the expanded sidebar; 0 until measured. */
  private expandedHeight = 0;
  private readonly win: Window;

  constructor(
    private readonly doc: Document,
    private readonly deps: SidebarHostDeps,
    collapsed: boolean,
  ) {
    this.win = doc.defaultView!;
    this.userCollapsed = collapsed;
    this.current = { ...INACTIVE, collapsed };
    const schedule = () => this.scheduleLayout();
    this.win.addEventListener('resize', schedule, { passive: true });
    this.win.addEventListener('scroll', schedule, { capture: true, passive: true });
  }

  // ---- SidebarConnector ----

  getState(): SidebarState {
    return this.current;
  }

  subscribe(listener: (state: SidebarState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async dispatch(action: SidebarAction): Promise<void> {
    if (action.kind === 'setCollapsed') {
      this.setCollapsed(action.collapsed);
      return;
    }
    await this.source?.dispatch(action);
  }

  // ---- driven by the content script ----

  get collapsed(): boolean {
    return this.userCollapsed || (this.autoCollapsed && !this.userOverride);
  }

  /** A box (local or relayed) became the one the agent works in. */
  show(source: StateSource): void {
    if (source !== this.source) this.userOverride = false;
    this.source = source;
    void this.ensureMounted();
    this.refresh();
  }

  /** The shown box changed state. */
  refresh(): void {
    this.layout();
    this.emit();
  }

  isShowing(source: StateSource): boolean {
    return this.source === source;
  }

  /** The shown box is gone. */
  clear(source?: StateSource): void {
    if (source && source !== this.source) return;
    this.source = null;
    this.emit();
  }

  setCollapsed(collapsed: boolean): void {
    if (!collapsed && this.autoCollapsed) this.userOverride = true;
    if (this.userCollapsed !== collapsed) {
      this.userCollapsed = collapsed;
      this.deps.saveCollapsed(collapsed);
    }
    this.refresh();
  }

  /** The `toggle-sidebar` command. */
  toggle(): void {
    if (!this.host) {
      this.userCollapsed = false;
      void this.ensureMounted().then(() => this.refresh());
      return;
    }
    this.setCollapsed(!this.collapsed);
  }

  private emit(): void {
    const next = this.source ? this.source.state(this.collapsed) : { ...INACTIVE, collapsed: this.collapsed };
    if (!next.active && this.source) this.source = null;
    this.current = next;
    for (const listener of this.listeners) listener(next);
  }

  private ensureMounted(): Promise<void> {
    if (!this.mounting) {
      this.mounting = this.deps
        .loadModule()
        .then((mod) => {
          const host = this.doc.createElement(SIDEBAR_TAG);
          const shadow = host.attachShadow({ mode: 'open' });
          addStyles(shadow, `${mod.SIDEBAR_CSS}\n${HOST_CSS}`, 'sidebar');
          this.doc.documentElement.appendChild(host);
          this.host = host;
          // The sidebar's size is only known once React has painted (and it changes with the findings):
          // place it again whenever it resizes.
          new ResizeObserver(() => this.scheduleLayout()).observe(host);
          this.unmount = mod.mountSidebar(shadow, this, (key, subs) => this.deps.translate(key, subs));
          this.refresh();
        })
        .catch(() => {
          this.mounting = null; // e.g. the extension was updated under this page: try again next focus
        });
    }
    return this.mounting;
  }

  private scheduleLayout(): void {
    if (this.frame || !this.host) return;
    this.frame = this.win.requestAnimationFrame(() => {
      this.frame = 0;
      const wasCollapsed = this.collapsed;
      this.layout();
      if (this.collapsed !== wasCollapsed) this.emit();
    });
  }

  /** Pick the side (and collapse if needed) so the sidebar never covers the box being typed in. */
  private layout(): void {
    const host = this.host;
    if (!host) return;
    const field = this.source?.rect() ?? null;
    const vw = this.doc.documentElement.clientWidth;
    const vh = this.doc.documentElement.clientHeight;
    // Decide with the EXPANDED size, or collapsing would free the space and expanding would take it again.
    if (!this.collapsed && host.offsetHeight > 0) this.expandedHeight = host.offsetHeight;
    const margin = 12;
    // Before React has painted, the host measures 0×0 and would "fit" anywhere: assume the sidebar's full
    // size (340 px wide, at most the viewport's height) until it can be measured.
    const width = host.offsetWidth > 40 ? host.offsetWidth : SIDEBAR_WIDTH;
    const height = this.expandedHeight > 40 ? this.expandedHeight : vh - 2 * margin;
    let side: 'right' | 'left' = 'right';
    let auto = false;
    if (field) {
      const rightFree = !intersects(field, vw - margin - width, margin, vw - margin, margin + height);
      const leftFree = !intersects(field, margin, margin, margin + width, margin + height);
      if (rightFree) side = 'right';
      else if (leftFree) side = 'left';
      else auto = true;
    }
    this.autoCollapsed = auto;
    host.dataset.side = side;
    const caret = this.source?.caretRect() ?? null;
    // A slim bar goes to the edge away from the caret line.
    host.dataset.vpos = this.collapsed && caret && caret.top < vh / 2 ? 'bottom' : 'top';
  }

  destroy(): void {
    this.unmount?.();
    this.host?.remove();
    this.host = null;
    this.listeners.clear();
  }
}
