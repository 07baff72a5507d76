/**
 * One zustand store per mounted sidebar, mirroring the connector's state. The UI reads only from here and
 * writes only through `dispatch`, which forwards to the connector.
 */
import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type {
  SidebarAction,
  SidebarConnector,
  SidebarState,
} from '../../shared/sidebar-connector.js';
import type { Translate } from '../i18n.js';

export interface SidebarStore {
  /** The connector's latest state. */
  sidebar: SidebarState;
  /**
   * Set when `connector.dispatch` rejected (the contract says failures come through `state.status`,
   * so this is a safety net); cleared by the next state from the connector.
   */
  dispatchFailed: boolean;
  dispatch(action: SidebarAction): void;
}

export interface SidebarStoreHandle {
  store: StoreApi<SidebarStore>;
  /** Unsubscribes from the connector. */
  dispose(): void;
}

export function createSidebarStore(connector: SidebarConnector): SidebarStoreHandle {
  const store = createStore<SidebarStore>()((set) => ({
    sidebar: connector.getState(),
    dispatchFailed: false,
    dispatch(action) {
      let pending: Promise<void>;
      try {
        pending = connector.dispatch(action);
      } catch (error) {
        pending = Promise.reject(error);
      }
      Promise.resolve(pending).catch((error: unknown) => {
        console.warn('[Reply Coach] sidebar action failed', action.kind, error);
        set({ dispatchFailed: true });
      });
    },
  }));
  const unsubscribe = connector.subscribe((sidebar) => store.setState({ sidebar, dispatchFailed: false }));
  // The state may have changed between getState() above and subscribe().
  const latest = connector.getState();
  if (latest !== store.getState().sidebar) store.setState({ sidebar: latest });
  return { store, dispose: unsubscribe };
}

export interface SidebarContextValue {
  store: StoreApi<SidebarStore>;
  t: Translate;
}

export const SidebarContext = createContext<SidebarContextValue | null>(null);

function useSidebarContext(): SidebarContextValue {
  const value = useContext(SidebarContext);
  if (!value) throw new Error('Reply Coach sidebar components must be rendered by mountSidebar');
  return value;
}

/** Selects from the sidebar store; keep selectors returning existing references (no new objects). */
export function useSidebar<T>(selector: (state: SidebarStore) => T): T {
  return useStore(useSidebarContext().store, selector);
}

export function useTranslate(): Translate {
  return useSidebarContext().t;
}
