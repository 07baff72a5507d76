/**
 * Content-script entry, one instance per frame (manifest `all_frames`, so editors inside iframes are coached by
 * the instance running in their own frame). Wires: focus tracking → a FieldSession per reply box → highlights,
 * card, and the sidebar (top frame) or the relay to it (sub-frames).
 *
 * Budget: nothing runs on a keystroke except O(1) listeners. The built-in packs come in one chunk per language
 * (packs-en.js, packs-ru.js, packs-uk.js). A frame imports only the chunk of the language it needs: in idle time in
 * the top frame and in frames holding an editable at start-up (the page's language, or the draft's), else on the
 * first eligible focus (the draft's language, or the page's for an empty box); another chunk only when a draft
 * turns out to be in that language (only that language's analysis waits for it). Each language's matcher is built
 * once per frame and compiled when its chunk arrives (in idle time) or on first use, after which a focused box is
 * analysed and underlined synchronously inside its focus event. React (sidebar.js) loads on the first focus, in the
 * top frame only. Logs nothing.
 */
import type { AnalyzeOptions, AnalyzeResult, Pack } from '../../core/types.js';
import { createEngine, type Engine as CoreEngine } from '../../engine/index.js';
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
import { draftLanguage, guessLanguage, type ChunkLanguage } from './packs-language.js';
import { FieldSession, type Engine, type SessionDeps } from './session.js';
import { SidebarHost, type SidebarModule, type StateSource } from './sidebar-host.js';

const INSTANCE_FLAG = '__replyCoachContentScript';
const DETACH_CHECK_MS = 1500;

function start(): void {
  const win = window;
  const doc = document;
  const isTop = win === win.top;

  let settings: Settings = { ...DEFAULT_SETTINGS };
  const sessions = new Map<HTMLElement, FieldSession>();
  let active: FieldSession | null = null;
  let card: SuggestionCard | null = null;
  let cardPending = false;
  let host: SidebarHost | null = null;
  let detachTimer = 0;
  /** Sub-frames: the next state message announces a focus (the top frame switches to us). */
  let announceFocus = false;
  let lastSent = '';

  // ---- built-in packs, one lazily imported chunk per language (see packs-chunk.ts) ----

  const idle = (fn: () => void, timeout: number): void => {
    if (typeof win.requestIdleCallback === 'function') win.requestIdleCallback(fn, { timeout });
    else win.setTimeout(fn, Math.min(timeout, 50));
  };

  /** The guess for a box with nothing to go on: the page's <html lang>, else the browser's language, else en. */
  const pageLanguage = (): ChunkLanguage => guessLanguage(doc.documentElement?.lang, win.navigator.language);

  /** Packs of each imported chunk, and imports under way. */
  const packsByLanguage = new Map<ChunkLanguage, Pack[]>();
  const chunkLoading = new Map<ChunkLanguage, Promise<void>>();
  /**
   * The engine over all loaded packs. Each chunk holds one language's rules, and the engine compiles one matcher
   * per language (on that language's first analysis), so it is kept per language: a chunk arriving later adds its
   * language without throwing away the matchers already compiled for the others. Rebuilt on settings changes.
   */
  const engines = new Map<ChunkLanguage, CoreEngine>();
  /** Languages whose matcher has been compiled (warm again after a settings change rebuilt the engines). */
  const compiled = new Set<ChunkLanguage>();
  /** Boxes whose last analysis waited for a chunk (a failed import is retried when they are focused again). */
  const waiting = new WeakSet<HTMLElement>();
  /** The last language each box was confidently written in: the hint for drafts with no evidence. */
  const boxLanguage = new WeakMap<HTMLElement, ChunkLanguage>();

  const engineFor = (language: ChunkLanguage): CoreEngine | null => {
    let e = engines.get(language);
    if (!e) {
      const packs = packsByLanguage.get(language);
      if (!packs) return null;
      e = createEngine(packs, toEngineSettings(settings));
      engines.set(language, e);
    }
    return e;
  };

  /** Compiles `language`'s matcher now (off the focus path), so the next focus only pays for analysing. */
  const warmLanguage = (language: ChunkLanguage): void => {
    if (!coachingEnabledFor(settings, location.hostname)) return;
    const e = engineFor(language);
    if (!e) return;
    e.warm(language);
    compiled.add(language);
  };

  const loadChunk = (language: ChunkLanguage): Promise<void> => {
    if (packsByLanguage.has(language)) return Promise.resolve();
    let loading = chunkLoading.get(language);
    if (!loading) {
      const url = browser.runtime.getURL(`packs-${language}.js`);
      loading = (import(/* webpackIgnore: true */ url) as Promise<{ loadBuiltinPacks(): Pack[] }>)
        .then((mod) => {
          packsByLanguage.set(language, mod.loadBuiltinPacks());
          engines.delete(language);
          // Analyse what was typed meanwhile (only boxes in this language wait for it), then compile it if no box did.
          for (const session of sessions.values()) if (waiting.has(session.root)) session.invalidate();
          idle(() => warmLanguage(language), 1000);
        })
        .catch(() => undefined) // e.g. the extension was updated under this page: retried on the next focus
        .finally(() => chunkLoading.delete(language));
      chunkLoading.set(language, loading);
    }
    return loading;
  };

  /**
   * The engine a box's session uses: detects the draft's language (hint: the box's last confident language, else
   * the page's), analyses with that language's packs, or, while its chunk is loading, reports nothing yet (the
   * session is invalidated when it arrives).
   */
  const boxEngine = (field: HTMLElement): Engine => ({
    get languages() {
      return [...packsByLanguage.keys()];
    },
    analyze(text: string, options: AnalyzeOptions = {}): AnalyzeResult {
      const hint = boxLanguage.get(field) ?? pageLanguage();
      const { language, confident } = draftLanguage(text, hint);
      if (confident) boxLanguage.set(field, language);
      const e = engineFor(language);
      if (!e) {
        waiting.add(field);
        void loadChunk(language);
        return { language, findings: [], checklist: [] };
      }
      waiting.delete(field);
      compiled.add(language);
      return e.analyze(text, { ...options, language, languageHint: hint });
    },
  });

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

  const depsFor = (field: HTMLElement): SessionDeps => {
    const engine = boxEngine(field);
    return {
      engine: () => engine,
      onChange: publish,
      ignoreAlways: async (phrase) => {
        await addIgnoredPhrase(phrase);
      },
      setCollapsed: (collapsed) => host?.setCollapsed(collapsed),
    };
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
      session = new FieldSession(field, depsFor(field));
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
    // Its last analysis waited for a chunk (whose import may have failed): analyse again, importing it if need be.
    if (waiting.has(field)) session.invalidate();
    session.activate(); // analyses synchronously and publishes (a draft's language chunk is imported if missing)
    // An empty box: get the language it will most likely be written in ready.
    if (!session.model?.text.trim()) void loadChunk(boxLanguage.get(field) ?? pageLanguage());
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
    engines.clear(); // rebuilt lazily with the new settings
    if (!coachingEnabledFor(settings, location.hostname)) {
      for (const session of [...sessions.values()]) forget(session);
      return;
    }
    for (const session of sessions.values()) session.invalidate();
    // Languages compiled before (and not just re-analysed above): compile again in idle time.
    const recompile = [...compiled].filter((l) => !engines.has(l));
    if (recompile.length) idle(() => recompile.forEach(warmLanguage), 1000);
  };
  void loadSettings()
    .then((loaded) => {
      const changed = JSON.stringify(loaded) !== JSON.stringify(settings);
      if (changed) applySettings(loaded);
    })
    .catch(() => undefined);
  onSettingsChanged(applySettings);

  // Warm up in idle time in the top frame (where inboxes open their reply boxes) and in frames that already hold
  // an editable (one query at start-up, never a rescan): import the likely language's chunk — the draft's if that
  // editable holds one, else the page's — and compile its matcher as soon as it is here, so a focus only pays for
  // analysing. Other languages load when a draft needs them.
  const editable = doc.querySelector<HTMLElement>('textarea, [contenteditable]:not([contenteditable="false"])');
  if (isTop || editable) {
    const warm = () => {
      if (!coachingEnabledFor(settings, location.hostname)) return;
      const draft = editable ? ((editable as HTMLTextAreaElement).value ?? editable.textContent ?? '') : '';
      const language = draftLanguage(draft.slice(0, 2000), pageLanguage()).language;
      void loadChunk(language).then(() => warmLanguage(language));
    };
    idle(warm, 1000);
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
