/**
 * Our own layer on the page: ONE host element per document, appended to `<html>` (never inside the editor, never
 * inside a framework-managed container that might remove foreign children), with an open shadow root. Underline
 * boxes (textareas and the no-Highlight-API fallback), textarea mirrors and the suggestion card live in it.
 * The host never takes pointer events itself; only the card does.
 */

export const OVERLAY_TAG = 'reply-coach-overlay';

export interface Overlay {
  host: HTMLElement;
  shadow: ShadowRoot;
  /** Underline boxes, one group per field. */
  boxes: HTMLElement;
  /** Hidden textarea mirrors. */
  mirrors: HTMLElement;
  /** Suggestion card container. */
  cards: HTMLElement;
}

const OVERLAY_CSS = `
:host { all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important;
  width: 0 !important; height: 0 !important; overflow: visible !important; pointer-events: none !important;
  z-index: 2147483646 !important; contain: style !important; }
.boxes, .mirrors { position: fixed; top: 0; left: 0; width: 0; height: 0; overflow: visible; }
.mirrors { visibility: hidden; }
.mirror { position: fixed; visibility: hidden; white-space: pre-wrap; overflow-wrap: break-word; word-wrap: break-word;
  overflow: hidden; margin: 0; }
.box { position: fixed; pointer-events: none; box-sizing: border-box; border-bottom: 2px solid; border-radius: 1px; }
.box.critical { border-bottom-color: rgba(229, 72, 77, 0.95); background: rgba(220, 38, 38, 0.10); }
.box.warning { border-bottom-color: rgba(245, 158, 11, 0.95); background: rgba(245, 158, 11, 0.10); }
.box.info { border-bottom-color: rgba(59, 130, 246, 0.95); border-bottom-style: dotted; }
.box.active { background: rgba(79, 70, 229, 0.18); }
`;

const overlays = new WeakMap<Document, Overlay>();

/** A stylesheet for `scope`, adopted when possible (not subject to the page's `style-src` CSP), else a <style>. */
export function addStyles(scope: Document | ShadowRoot, css: string, marker: string): void {
  const doc = scope instanceof Document ? scope : scope.ownerDocument;
  const win = doc.defaultView;
  const known = adopted.get(scope);
  if (known?.has(marker)) return;
  try {
    const Sheet = win?.CSSStyleSheet ?? CSSStyleSheet;
    const sheet = new Sheet();
    sheet.replaceSync(css);
    scope.adoptedStyleSheets = [...scope.adoptedStyleSheets, sheet];
  } catch {
    const style = doc.createElement('style');
    style.textContent = css;
    (scope instanceof Document ? (scope.head ?? scope.documentElement) : scope).appendChild(style);
  }
  if (known) known.add(marker);
  else adopted.set(scope, new Set([marker]));
}
const adopted = new WeakMap<Document | ShadowRoot, Set<string>>();

export function getOverlay(doc: Document): Overlay {
  const existing = overlays.get(doc);
  if (existing && existing.host.isConnected) return existing;
  const host = doc.createElement(OVERLAY_TAG);
  const shadow = host.attachShadow({ mode: 'open' });
  addStyles(shadow, OVERLAY_CSS, 'overlay');
  const make = (className: string) => {
    const el = doc.createElement('div');
    el.className = className;
    shadow.appendChild(el);
    return el;
  };
  const overlay: Overlay = { host, shadow, boxes: make('boxes'), mirrors: make('mirrors'), cards: make('cards') };
  doc.documentElement.appendChild(host);
  overlays.set(doc, overlay);
  return overlay;
}
