/**
 * The background's one `switch` over `ToBackground['kind']`. Dependencies are injected so the router is unit-tested
 * without a browser (tests/extension/protocol.test.ts).
 */
import type { ResponseOf, ToBackground, ToContent } from '../shared/protocol.js';
import { assertNever } from '../shared/protocol.js';

export interface MessageSender {
  tab?: { id?: number };
  frameId?: number;
}

export interface RouterDeps {
  /** `tabs.sendMessage(tabId, message, {frameId})`. */
  sendToFrame(tabId: number, frameId: number, message: ToContent): Promise<unknown>;
  version: string;
}

const TOP_FRAME = 0;

export async function routeMessage<M extends ToBackground>(
  message: M,
  sender: MessageSender,
  deps: RouterDeps,
): Promise<ResponseOf<M>>;
export async function routeMessage(
  message: ToBackground,
  sender: MessageSender,
  deps: RouterDeps,
): Promise<ResponseOf<ToBackground>> {
  const tabId = sender.tab?.id;
  switch (message.kind) {
    case 'frameState': {
      // Only sub-frames relay; the top frame feeds its own sidebar directly.
      if (tabId === undefined || !sender.frameId) return undefined;
      await deps
        .sendToFrame(tabId, TOP_FRAME, {
          kind: 'relayedFrameState',
          frameId: sender.frameId,
          state: message.state,
          focused: message.focused,
        })
        .catch(() => undefined); // the top frame has no content script (e.g. a host we don't match): nothing to show
      return undefined;
    }
    case 'frameAction': {
      // Only the top frame owns the sidebar, so only it may drive another frame's field.
      if (tabId === undefined || sender.frameId !== TOP_FRAME || message.frameId === TOP_FRAME) return { ok: false };
      const answer = await deps
        .sendToFrame(tabId, message.frameId, { kind: 'runAction', action: message.action })
        .catch(() => undefined);
      return { ok: Boolean((answer as { ok?: unknown } | undefined)?.ok) };
    }
    case 'ping':
      return { ok: true, version: deps.version };
    default:
      return assertNever(message);
  }
}
