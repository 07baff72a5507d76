import { describe, expect, test, vi } from 'vitest';
import { routeMessage, type RouterDeps } from '../../src/extension/background/router.js';
import {
  assertNever,
  isToBackground,
  isToContent,
  TO_BACKGROUND_KINDS,
  TO_CONTENT_KINDS,
  type ToBackground,
  type ToContent,
} from '../../src/extension/shared/protocol.js';
import type { SidebarState } from '../../src/extension/shared/sidebar-connector.js';

const STATE: SidebarState = {
  active: true,
  fieldLabel: 'Reply',
  language: 'en',
  findings: [],
  checklist: [],
  collapsed: false,
  paused: false,
};

/** One sample of every message kind; `satisfies` makes the compiler check each sample. */
const BACKGROUND_SAMPLES: { [K in ToBackground['kind']]: Extract<ToBackground, { kind: K }> } = {
  frameState: { kind: 'frameState', state: STATE, focused: true },
  frameAction: { kind: 'frameAction', frameId: 3, action: { kind: 'ignoreOnce', findingKey: 'k' } },
  ping: { kind: 'ping' },
};
const CONTENT_SAMPLES: { [K in ToContent['kind']]: Extract<ToContent, { kind: K }> } = {
  relayedFrameState: { kind: 'relayedFrameState', frameId: 3, state: STATE, focused: false },
  runAction: { kind: 'runAction', action: { kind: 'setPaused', paused: true } },
  toggleSidebar: { kind: 'toggleSidebar' },
};

function deps(answer: unknown = { ok: true }): RouterDeps & { sendToFrame: ReturnType<typeof vi.fn> } {
  return { sendToFrame: vi.fn(async () => answer), version: '1.2.3' };
}

describe('protocol', () => {
  test('the kind lists name every message exactly once', () => {
    expect([...TO_BACKGROUND_KINDS].sort()).toEqual(Object.keys(BACKGROUND_SAMPLES).sort());
    expect([...TO_CONTENT_KINDS].sort()).toEqual(Object.keys(CONTENT_SAMPLES).sort());
    expect(TO_BACKGROUND_KINDS.filter((k) => (TO_CONTENT_KINDS as readonly string[]).includes(k))).toEqual([]);
  });

  test('the router handles every ToBackground kind without falling through to assertNever', async () => {
    for (const message of Object.values(BACKGROUND_SAMPLES)) {
      await expect(routeMessage(message, { tab: { id: 1 }, frameId: 0 }, deps())).resolves.not.toThrow();
    }
  });

  test('an unknown kind reaches assertNever and throws', async () => {
    const bogus = { kind: 'nope' } as unknown as ToBackground;
    await expect(routeMessage(bogus, { tab: { id: 1 }, frameId: 0 }, deps())).rejects.toThrow(/Unhandled message/);
    expect(() => assertNever('x' as never)).toThrow();
  });

  test('frameState from a sub-frame is relayed to the top frame with the sender frameId', async () => {
    const d = deps();
    await routeMessage(BACKGROUND_SAMPLES.frameState, { tab: { id: 7 }, frameId: 5 }, d);
    expect(d.sendToFrame).toHaveBeenCalledWith(7, 0, { kind: 'relayedFrameState', frameId: 5, state: STATE, focused: true });
  });

  test('frameState from the top frame itself is not relayed', async () => {
    const d = deps();
    await routeMessage(BACKGROUND_SAMPLES.frameState, { tab: { id: 7 }, frameId: 0 }, d);
    expect(d.sendToFrame).not.toHaveBeenCalled();
  });

  test('frameAction from the top frame runs in the owning frame and reports its answer', async () => {
    const d = deps({ ok: true });
    const answer = await routeMessage(BACKGROUND_SAMPLES.frameAction, { tab: { id: 7 }, frameId: 0 }, d);
    expect(d.sendToFrame).toHaveBeenCalledWith(7, 3, { kind: 'runAction', action: BACKGROUND_SAMPLES.frameAction.action });
    expect(answer).toEqual({ ok: true });
  });

  test('frameAction from a sub-frame is refused (only the sidebar owner may drive other frames)', async () => {
    const d = deps();
    expect(await routeMessage(BACKGROUND_SAMPLES.frameAction, { tab: { id: 7 }, frameId: 2 }, d)).toEqual({ ok: false });
    expect(d.sendToFrame).not.toHaveBeenCalled();
  });

  test('a frame that went away does not make the relay throw', async () => {
    const d: RouterDeps = { sendToFrame: async () => Promise.reject(new Error('no receiver')), version: '1' };
    await expect(routeMessage(BACKGROUND_SAMPLES.frameState, { tab: { id: 1 }, frameId: 4 }, d)).resolves.toBeUndefined();
    await expect(routeMessage(BACKGROUND_SAMPLES.frameAction, { tab: { id: 1 }, frameId: 0 }, d)).resolves.toEqual({ ok: false });
  });

  test('ping answers with the version', async () => {
    expect(await routeMessage({ kind: 'ping' }, {}, deps())).toEqual({ ok: true, version: '1.2.3' });
  });

  test('shape guards accept exactly their own direction', () => {
    for (const m of Object.values(BACKGROUND_SAMPLES)) {
      expect(isToBackground(m)).toBe(true);
      expect(isToContent(m)).toBe(false);
    }
    for (const m of Object.values(CONTENT_SAMPLES)) {
      expect(isToContent(m)).toBe(true);
      expect(isToBackground(m)).toBe(false);
    }
    for (const junk of [null, undefined, 'ping', 42, {}, { kind: 'eval' }]) {
      expect(isToBackground(junk)).toBe(false);
      expect(isToContent(junk)).toBe(false);
    }
  });
});
