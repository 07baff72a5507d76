/**
 * Content-script entry, one instance per frame (manifest `all_frames`, so editors inside iframes are coached by
 * the instance running in their own frame). Wires: focus tracking → a FieldSession per reply box → highlights,
 * card, and the sidebar (top frame) or the relay to it (sub-frames).
 *
 * Budget: nothing runs on a keystroke except O(1) listeners. The built-in packs (packs.js) are imported and the
 * engine is created ONCE per frame — in idle time in the top frame and in frames holding an editable at start-up,
 * else on the first eligible focus — after which a focused box is analysed and underlined synchronously inside its
 * focus event. React (sidebar.js) loads on the first focus, in the top frame only. Logs nothing.
 */
import type { Pack } from '../../core/types.js';
import { createEngine } from '../../engine/index.js';
import { browser, extensionAlive, i18nMessage } from '../shared/browser.js';
import { assertNever, isToContent, type ToBackground, type ToContent } from '../shared/protocol.js';
import {
  addIgnoredPhrase,
  coachingEnabledFor,
  DEFAULT_SETTINGS,
  loadSettings,
  onSettingsChanged,
  toEngineSettings,
  updateSettings,
  type Settings,
} from '../shared/settings.js';
import type { SidebarState } from '../shared/sidebar-connector.js';
import { SuggestionCard } from './card.js';
import { ineligibilityReasons, trackFocus } from './fields.js';
import { FieldSession, type Engine, type SessionDeps } from './session.js';
import { SidebarHost, type SidebarModule, type StateSource } from './sidebar-host.js';

const INSTANCE_FLAG = '__replyCoachContentScript';
const DETACH_CHECK_MS = 1500;

function start(): void {
  const win = window;
  const doc = document;
  const isTop = win === win.top;

  let settings: Settings = { ...DEFAULT_SETTINGS };
  let engine: Engine | null = null;
  const sessions = new Map<HTMLElement, FieldSession>();
  let active: FieldSession | null = null;
  let card: SuggestionCard | null = null;
  let cardPending = false;
  let host: SidebarHost | null = null;
  let detachTimer = 0;
  /** Sub-frames: the next state message announces a focus (the top frame switches to us). */
  let announceFocus = false;
  let lastSent = '';

  // The built-in packs come from the lazily imported packs.js chunk (see packs-chunk.ts): loaded in idle time where
  // an agent may type, or on the first focus. Until they are here, analysis simply waits.
  let packs: Pack[] | null = null;
  let packsLoading: Promise<void> | null = null;
  const loadPacks = (): Promise<void> =>
    (packsLoading ??= (import(/* webpackIgnore: true */ browser.runtime.getURL('packs.js')) as Promise<{ loadBuiltinPacks(): Pack[] }>)
      .then((mod) => {
        packs = mod.loadBuiltinPacks();
        engine = null;
        for (const session of sessions.values()) session.invalidate(); // analyse what was typed meanwhile
      })
      .catch(() => {
        packsLoading = null; // e.g. the extension was updated under this page: retry on the next focus
      }));
  const getEngine = (): Engine | null => {
    if (engine) return engine;
    if (!packs) {
      void loadPacks();
      return null;
    }
    return (engine = createEngine(packs, toEngineSettings(settings)));
  };

  // ---- sidebar (top frame) ----

  const getHost = (): SidebarHost =>
    (host ??= new SidebarHost(
      doc,
      {
        loadModule: () => import(/* webpackIgnore: true */ browser.runtime.getURL('sidebar.js')) as Promise<SidebarModule>,
        translate: (key, subs) => i18nMessage(key, subs),
        saveCollapsed: (collapsed) => void updateSettings((s) => ({ ...s, sidebarCollapsed: collapsed })).catch(() => undefined),
      },
      settings.sidebarCollapsed,
    ));

  const localSources = new WeakMap<FieldSession, StateSource>();
  const localSource = (session: FieldSession): StateSource => {
    let source = localSources.get(session);
    if (!source) {
      source = {
        state: (collapsed) => session.state(collapsed),
        dispatch: (action) => session.dispatch(action),
        rect: () => (session.connected ? session.root.getBoundingClientRect() : null),
        caretRect: () => {
          const selection = doc.getSelection();
          if (!selection?.rangeCount || !session.root.contains(selection.focusNode)) return null;
          const rects = selection.getRangeAt(0).getClientRects();
          return rects[rects.length - 1] ?? null;
        },
      };
      localSources.set(session, source);
    }
    return source;
  };

  interface RemoteFrame {
    state: SidebarState;
    source: StateSource;
  }
  const remoteFrames = new Map<number, RemoteFrame>();
  const remoteFrame = (frameId: number): RemoteFrame => {
    const existing = remoteFrames.get(frameId);
    if (existing) return existing;
    const record: RemoteFrame = {
      state: { active: false, fieldLabel: '', language: 'en', findings: [], checklist: [], collapsed: false, paused: false },
      source: {
        state: (collapsed) => ({ ...record.state, collapsed }),
        dispatch: (action) => browser.runtime.sendMessage({ kind: 'frameAction', frameId, action } satisfies ToBackground),
        // Focus inside a sub-frame makes its <iframe> our activeElement: its rect stands for the box.
        rect: () => {
          const el = doc.activeElement;
          return el && /^(IFRAME|FRAME)$/.test(el.tagName) ? el.getBoundingClientRect() : null;
        },
        caretRect: () => null,
      },
    };
    remoteFrames.set(frameId, record);
    return record;
  };

  // ---- publishing a session's state ----

  const publish = (session: FieldSession): void => {
    card?.refresh(session);
    if (session !== active) return;
    if (isTop) {
      const source = localSource(session);
      const sidebar = getHost();
      if (sidebar.isShowing(source)) sidebar.refresh();
      else sidebar.show(source);
      return;
    }
    const state = session.state(false);
    const serialized = JSON.stringify(state);
    if (serialized === lastSent && !announceFocus) return;
    lastSent = serialized;
    const message: ToBackground = { kind: 'frameState', state, focused: announceFocus };
    announceFocus = false;
    if (extensionAlive()) void browser.runtime.sendMessage(message).catch(() => undefined);
  };

  const deps: SessionDeps = {
    engine: getEngine,
    onChange: publish,
    ignoreAlways: async (phrase) => {
      await addIgnoredPhrase(phrase);
    },
    setCollapsed: (collapsed) => host?.setCollapsed(collapsed),
  };

  // ---- fields ----

  const forget = (session: FieldSession): void => {
    session.destroy();
    sessions.delete(session.root);
    if (session === active) {
      active = null;
      if (isTop) host?.clear(localSources.get(session));
      else if (extensionAlive()) {
        const state: SidebarState = { ...session.state(false), active: false };
        void browser.runtime.sendMessage({ kind: 'frameState', state, focused: false } satisfies ToBackground).catch(() => undefined);
      }
    }
  };

  const checkDetached = (): void => {
    for (const session of [...sessions.values()]) if (!session.connected) forget(session);
    if (!sessions.size) {
      win.clearInterval(detachTimer);
      detachTimer = 0;
    }
  };

  const activate = (field: HTMLElement): void => {
    if (!coachingEnabledFor(settings, location.hostname)) return;
    if (ineligibilityReasons(field).length) return;
    let session = sessions.get(field);
    if (!session) {
      session = new FieldSession(field, deps);
      sessions.set(field, session);
    }
    if (!card && !cardPending) {
      // Off the focus path: the card is only needed once the pointer or caret reaches a flagged phrase.
      cardPending = true;
      const createCard = () => {
        card = new SuggestionCard(doc, {
          sessionAt: (node) => {
            for (const s of sessions.values()) if (s.root === node || s.root.contains(node)) return s;
            return undefined;
          },
          active: () => active,
          dispatch: (s, action) => s.dispatch(action),
        });
      };
      if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(createCard, { timeout: 300 });
      else win.setTimeout(createCard, 50);
    }
    if (active && active !== session) active.deactivate();
    active = session;
    announceFocus = true;
    session.activate(); // analyses synchronously and publishes
    if (!detachTimer) detachTimer = win.setInterval(checkDetached, DETACH_CHECK_MS);
  };

  trackFocus(win, {
    onFocus: activate,
    onBlur(field) {
      const session = sessions.get(field);
      if (!session) return;
      session.run(); // don't drop the last keystrokes' analysis
      session.deactivate();
    },
  });

  const inActive = (event: Event): FieldSession | null => {
    if (!active) return null;
    const target = event.composedPath()[0] as Node | undefined;
    return target && (target === active.root || active.root.contains(target)) ? active : null;
  };
  win.addEventListener('input', (e) => inActive(e)?.scheduler.notify(), { capture: true, passive: true });
  win.addEventListener('compositionstart', (e) => inActive(e)?.scheduler.setComposing(true), { capture: true, passive: true });
  win.addEventListener('compositionend', (e) => inActive(e)?.scheduler.setComposing(false), { capture: true, passive: true });

  // ---- settings ----

  const applySettings = (next: Settings): void => {
    const previous = settings;
    settings = next;
    const engineChanged = JSON.stringify(toEngineSettings(previous)) !== JSON.stringify(toEngineSettings(next));
    const scopeChanged = coachingEnabledFor(previous, location.hostname) !== coachingEnabledFor(next, location.hostname);
    if (!engineChanged && !scopeChanged) return; // e.g. only the sidebar's collapsed preference changed
    engine = null; // rebuilt lazily with the new settings
    if (!coachingEnabledFor(settings, location.hostname)) {
      for (const session of [...sessions.values()]) forget(session);
      return;
    }
    for (const session of sessions.values()) session.invalidate();
  };
  void loadSettings()
    .then((loaded) => {
      const changed = JSON.stringify(loaded) !== JSON.stringify(settings);
      if (changed) applySettings(loaded);
    })
    .catch(() => undefined);
  onSettingsChanged(applySettings);

  // Warm up in idle time in the top frame (where inboxes open their reply boxes) and in frames that already hold
  // an editable (one query at start-up, never a rescan): load the packs, build the engine, and compile every
  // language's matcher (the engine does that on a language's first analysis), so a focus only pays for analysing.
  if (isTop || doc.querySelector('textarea, [contenteditable]:not([contenteditable="false"])')) {
    const warm = () => {
      if (!coachingEnabledFor(settings, location.hostname)) return;
      void loadPacks().then(() => {
        const warmEngine = getEngine();
        for (const language of warmEngine?.languages ?? []) warmEngine!.analyze('.', { language });
      });
    };
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(warm, { timeout: 1000 });
    else win.setTimeout(warm, 500);
  }

  // ---- messages ----

  browser.runtime.onMessage.addListener((message: unknown) => {
    if (!isToContent(message)) return undefined;
    return handle(message);
  });

  function handle(message: ToContent): Promise<unknown> | undefined {
    switch (message.kind) {
      case 'relayedFrameState': {
        if (!isTop) return undefined;
        const frame = remoteFrame(message.frameId);
        frame.state = message.state;
        const source = frame.source;
        const sidebar = getHost();
        if (!message.state.active) sidebar.clear(source);
        else if (message.focused) sidebar.show(source);
        else if (sidebar.isShowing(source)) sidebar.refresh();
        return undefined;
      }
      case 'runAction': {
        const session = active;
        if (!session) return Promise.resolve({ ok: false });
        return session.dispatch(message.action).then((ok) => ({ ok }));
      }
      case 'toggleSidebar':
        if (isTop) getHost().toggle();
        return undefined;
      default:
        return assertNever(message);
    }
  }
}

// One instance per frame, even if the browser injects twice (extension reload, about:blank re-injection).
const flagHolder = window as unknown as Record<string, boolean>;
if (!flagHolder[INSTANCE_FLAG]) {
  flagHolder[INSTANCE_FLAG] = true;
  start();
}
