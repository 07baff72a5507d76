/**
 * The one typed message protocol between the content scripts (one per frame) and the background.
 *
 * Direction is in the union's name: `ToBackground` is sent with `runtime.sendMessage`, `ToContent` with
 * `tabs.sendMessage(tabId, msg, {frameId})`. Each receiver has exactly one `switch (msg.kind)` that ends in
 * `assertNever`, so adding a message without handling it fails the type-check.
 *
 * Why the relay exists: editors that live in iframes (TinyMCE, CKEditor 4 classic, mail bodies rendered in
 * `srcdoc` frames) are coached by the content script running INSIDE that frame (manifest `all_frames`), but the
 * sidebar is drawn once, by the top frame. The background knows every frame's `frameId` and forwards state up
 * and actions down. Nothing here ever leaves the browser.
 */
import type { SidebarAction, SidebarState } from './sidebar-connector.js';

export type ToBackground =
  /** A sub-frame's coached field changed state; forwarded to the top frame of the same tab. */
  | { kind: 'frameState'; state: SidebarState; focused: boolean }
  /** The top frame's sidebar acted on a field owned by sub-frame `frameId`. */
  | { kind: 'frameAction'; frameId: number; action: SidebarAction }
  /** Liveness check used by tests and by content scripts after an extension update. */
  | { kind: 'ping' };

export type ToContent =
  /** Background → top frame: `frameState` from sub-frame `frameId`. */
  | { kind: 'relayedFrameState'; frameId: number; state: SidebarState; focused: boolean }
  /** Background → owning sub-frame: run this sidebar action on your field. */
  | { kind: 'runAction'; action: SidebarAction }
  /** Background → top frame: the `toggle-sidebar` command was pressed. */
  | { kind: 'toggleSidebar' };

export type Message = ToBackground | ToContent;

/** What each request resolves to (`undefined` when the sender needs no answer). */
export interface Responses {
  frameState: undefined;
  frameAction: { ok: boolean };
  ping: { ok: true; version: string };
  relayedFrameState: undefined;
  runAction: { ok: boolean };
  toggleSidebar: undefined;
}
export type ResponseOf<M extends Message> = Responses[M['kind']];

export const TO_BACKGROUND_KINDS = ['frameState', 'frameAction', 'ping'] as const satisfies readonly ToBackground['kind'][];
export const TO_CONTENT_KINDS = ['relayedFrameState', 'runAction', 'toggleSidebar'] as const satisfies readonly ToContent['kind'][];

// Compile-time proof that the kind lists above are complete (a missing kind makes one of these `false`).
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const backgroundKindsComplete: Exact<(typeof TO_BACKGROUND_KINDS)[number], ToBackground['kind']> = true;
const contentKindsComplete: Exact<(typeof TO_CONTENT_KINDS)[number], ToContent['kind']> = true;
void backgroundKindsComplete;
void contentKindsComplete;

/** The end of every exhaustive `switch` over a message kind. */
export function assertNever(value: never, what = 'message'): never {
  throw new Error(`Unhandled ${what}: ${JSON.stringify(value)}`);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Shape check at the trust boundary: messages from other extensions or stale content scripts are dropped. */
export function isToBackground(value: unknown): value is ToBackground {
  return isObject(value) && (TO_BACKGROUND_KINDS as readonly unknown[]).includes(value.kind);
}

export function isToContent(value: unknown): value is ToContent {
  return isObject(value) && (TO_CONTENT_KINDS as readonly unknown[]).includes(value.kind);
}
