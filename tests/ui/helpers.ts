/**
 * Tiny DOM-by-role helpers (no @testing-library): roles from the `role` attribute or the element's
 * implicit role, accessible names from aria-labelledby / aria-label / <label> / content / title,
 * a simplified version of https://www.w3.org/TR/accname-1.2/ that is enough for the sidebar.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { act } from 'react';
import type { ChecklistResult } from '../../src/core/types.js';
import type { SidebarFinding, SidebarState } from '../../src/extension/shared/sidebar-connector.js';
import { createTranslator, type Messages, type Translate } from '../../src/extension/ui/i18n.js';
import { createMockConnector, type MockConnector } from '../../src/extension/ui/sidebar/mock-connector.js';
import { mountSidebar } from '../../src/extension/ui/sidebar/mount.js';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export const LOCALES = ['en', 'ru', 'uk'] as const;
export type Locale = (typeof LOCALES)[number];

// (jsdom replaces the global URL, so resolve from the file path rather than with `new URL(…, import.meta.url)`.)
export const LOCALES_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../extension/_locales');

export function loadMessages(locale: string): Messages {
  return JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8')) as Messages;
}

/** A translator that records keys missing from the bundle (the UI must never ask for one). */
export function strictTranslator(locale: string): Translate & { missing: Set<string> } {
  const messages = loadMessages(locale);
  const known = new Set(Object.keys(messages).map((k) => k.toLowerCase()));
  const t = createTranslator(messages);
  const missing = new Set<string>();
  const strict = ((key: string, substitutions?: string[]) => {
    if (!known.has(key.toLowerCase())) missing.add(key);
    return t(key, substitutions);
  }) as Translate & { missing: Set<string> };
  strict.missing = missing;
  return strict;
}

/* ----------------------------------------------------------------------------- roles & names */

const NAME_FROM_CONTENT = new Set([
  'button', 'link', 'checkbox', 'switch', 'heading', 'menuitem', 'option', 'radio', 'tab', 'cell', 'tooltip', 'row',
]);

function implicitRole(el: Element): string | null {
  switch (el.localName) {
    case 'button':
      return 'button';
    case 'a':
      return el.hasAttribute('href') ? 'link' : null;
    case 'input': {
      const type = (el.getAttribute('type') ?? 'text').toLowerCase();
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'hidden') return null;
      return 'textbox';
    }
    case 'textarea':
      return 'textbox';
    case 'ul':
    case 'ol':
      return 'list';
    case 'li':
      return 'listitem';
    case 'aside':
      return 'complementary';
    case 'nav':
      return 'navigation';
    case 'main':
      return 'main';
    case 'fieldset':
      return 'group';
    case 'p':
      return 'paragraph';
    case 'section':
      return el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby') ? 'region' : null;
    default:
      return /^h[1-6]$/.test(el.localName) ? 'heading' : null;
  }
}

export function roleOf(el: Element): string | null {
  const explicit = el.getAttribute('role')?.trim().split(/\s+/)[0];
  return explicit || implicitRole(el);
}

/** Hidden from the accessibility tree: `hidden`, aria-hidden="true" or display:none on it or an ancestor. */
export function isHidden(el: Element): boolean {
  for (let node: Element | null = el; node; node = node.parentElement) {
    if (node.hasAttribute('hidden') || node.getAttribute('aria-hidden') === 'true') return true;
    const view = node.ownerDocument.defaultView;
    if (view && view.getComputedStyle(node).display === 'none') return true;
  }
  return false;
}

const normalize = (s: string) => s.replace(/\s+/g, ' ').trim();

function byId(el: Element, id: string): Element | null {
  const root = el.getRootNode() as Document | ShadowRoot;
  return root.getElementById?.(id) ?? el.ownerDocument.getElementById(id);
}

function textOf(node: Node, fromReference: boolean): string {
  if (node.nodeType === node.TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== node.ELEMENT_NODE) return '';
  const el = node as Element;
  if (!fromReference && isHidden(el)) return '';
  const label = el.getAttribute('aria-label')?.trim();
  if (label) return label;
  if (el.localName === 'br') return ' ';
  let out = '';
  for (const child of el.childNodes) out += textOf(child, false);
  return out;
}

/** Accessible name, computed in accname order (simplified). */
export function accessibleName(el: Element): string {
  const labelledBy = el.getAttribute('aria-labelledby')?.trim();
  if (labelledBy) {
    const parts = labelledBy
      .split(/\s+/)
      .map((id) => byId(el, id))
      .filter((ref): ref is Element => ref !== null)
      .map((ref) => {
        let out = '';
        for (const child of ref.childNodes) out += textOf(child, false);
        return ref.getAttribute('aria-label')?.trim() || out;
      });
    const name = normalize(parts.join(' '));
    if (name) return name;
  }
  const ariaLabel = el.getAttribute('aria-label');
  if (ariaLabel && ariaLabel.trim()) return normalize(ariaLabel);
  if ('labels' in el && (el as HTMLInputElement).labels?.length) {
    const name = normalize(
      [...(el as HTMLInputElement).labels!].map((label) => textOf(label, true)).join(' '),
    );
    if (name) return name;
  }
  const role = roleOf(el);
  if (role && NAME_FROM_CONTENT.has(role)) {
    let out = '';
    for (const child of el.childNodes) out += textOf(child, false);
    const name = normalize(out);
    if (name) return name;
  }
  return normalize(el.getAttribute('title') ?? '');
}

/** Accessible description from aria-describedby (referenced elements may be hidden). */
export function accessibleDescription(el: Element): string {
  const ids = el.getAttribute('aria-describedby')?.trim();
  if (ids) {
    return normalize(
      ids
        .split(/\s+/)
        .map((id) => byId(el, id))
        .filter((ref): ref is Element => ref !== null)
        .map((ref) => textOf(ref, true))
        .join(' '),
    );
  }
  return normalize(el.getAttribute('title') ?? '');
}

type NameMatcher = string | RegExp | undefined;

function matches(name: string, matcher: NameMatcher): boolean {
  if (matcher === undefined) return true;
  return typeof matcher === 'string' ? name === matcher : matcher.test(name);
}

export function queryAllByRole(root: ParentNode, role: string, name?: NameMatcher): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>('*')].filter(
    (el) => roleOf(el) === role && !isHidden(el) && matches(accessibleName(el), name),
  );
}

export function getAllByRole(root: ParentNode, role: string, name?: NameMatcher): HTMLElement[] {
  const found = queryAllByRole(root, role, name);
  if (found.length === 0) throw new Error(`No element with role "${role}"${describeName(name)}\n${dumpRoles(root)}`);
  return found;
}

export function getByRole(root: ParentNode, role: string, name?: NameMatcher): HTMLElement {
  const found = getAllByRole(root, role, name);
  if (found.length > 1) throw new Error(`${found.length} elements with role "${role}"${describeName(name)}`);
  return found[0]!;
}

function describeName(name: NameMatcher): string {
  return name === undefined ? '' : ` and name ${String(typeof name === 'string' ? JSON.stringify(name) : name)}`;
}

/** Role/name outline of everything under `root` (for failure messages). */
export function dumpRoles(root: ParentNode): string {
  return [...root.querySelectorAll('*')]
    .filter((el) => roleOf(el) && !isHidden(el))
    .map((el) => `  ${roleOf(el)}: ${JSON.stringify(accessibleName(el))}`)
    .join('\n');
}

/* ----------------------------------------------------------------------------- rendering */

export interface Rendered {
  host: HTMLElement;
  shadow: ShadowRoot;
  connector: MockConnector;
  t: ReturnType<typeof strictTranslator>;
  /** The sidebar landmark. */
  aside(): HTMLElement;
  unmount(): void;
}

const mounted: Rendered[] = [];

/** Mounts the sidebar into an open shadow root, as the content script does. */
export function renderSidebar(initial: Partial<SidebarState> = {}, locale: Locale = 'en'): Rendered {
  const host = document.createElement('div');
  document.body.appendChild(host);
  const shadow = host.attachShadow({ mode: 'open' });
  const connector = createMockConnector({ active: true, ...initial });
  const t = strictTranslator(locale);
  let unmountSidebar!: () => void;
  act(() => {
    unmountSidebar = mountSidebar(shadow, connector, t);
  });
  const rendered: Rendered = {
    host,
    shadow,
    connector,
    t,
    aside: () => getByRole(shadow, 'complementary'),
    unmount() {
      act(() => unmountSidebar());
      host.remove();
    },
  };
  mounted.push(rendered);
  return rendered;
}

export function cleanup(): void {
  for (const r of mounted.splice(0)) if (r.host.isConnected) r.unmount();
}

export function click(el: Element): void {
  act(() => {
    const down = new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true, button: 0 });
    el.dispatchEvent(down);
    (el as HTMLElement).click();
  });
}

/** Dispatches a primary-button mousedown; returns it so tests can check `defaultPrevented`. */
export function mouseDown(el: Element): MouseEvent {
  const event = new MouseEvent('mousedown', { bubbles: true, cancelable: true, composed: true, button: 0 });
  act(() => {
    el.dispatchEvent(event);
  });
  return event;
}

export function keyDown(el: Element, key: string): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, composed: true });
  act(() => {
    el.dispatchEvent(event);
  });
  return event;
}

export function setState(connector: MockConnector, patch: Partial<SidebarState>): void {
  act(() => connector.setState(patch));
}

/* ----------------------------------------------------------------------------- sample data */

export function finding(partial: Partial<SidebarFinding> = {}): SidebarFinding {
  const match = partial.match ?? 'calm down';
  const start = partial.start ?? 10;
  const base: SidebarFinding = {
    ruleId: 'calm-down',
    packId: 'builtin',
    category: 'emotion-policing',
    severity: 'critical',
    start,
    end: start + match.length,
    match,
    message: 'Telling someone to calm down usually makes them feel dismissed.',
    alternatives: ['I understand how frustrating this is.', 'I can see why this is upsetting.'],
    link: 'https://example.com/why/calm-down',
    edits: [],
    key: '',
  };
  const f = { ...base, ...partial };
  if (!partial.edits) f.edits = f.alternatives.map((text) => ({ start: f.start, end: f.end, original: f.match, text }));
  return { ...f, key: partial.key ?? `${f.packId}/${f.ruleId}@${f.start}:${f.match}` };
}

export function checkItem(partial: Partial<ChecklistResult> = {}): ChecklistResult {
  return {
    id: 'thanks',
    label: 'Thank the customer',
    hint: 'A short thank-you shows you value their time.',
    example: 'Thank you for your patience.',
    done: false,
    ...partial,
  };
}
