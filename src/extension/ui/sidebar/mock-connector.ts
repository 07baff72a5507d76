/**
 * A test double for SidebarConnector: records every dispatched action and lets tests (and the preview
 * page) push state. By default it also applies the two purely presentational actions (`setCollapsed`,
 * `setPaused`) to its own state, as the real connector would, so collapse/pause can be exercised
 * end to end; pass `{ applyUiActions: false }` to turn that off.
 */
import type {
  SidebarAction,
  SidebarConnector,
  SidebarState,
} from '../../shared/sidebar-connector.js';

export interface MockConnectorOptions {
  /** Apply `setCollapsed` / `setPaused` to the mock's state (default true). */
  applyUiActions?: boolean;
}

export interface MockConnector extends SidebarConnector {
  /** Every action passed to `dispatch`, in order (recorded synchronously). */
  readonly actions: SidebarAction[];
  /** Merges a patch into the state and notifies subscribers. */
  setState(patch: Partial<SidebarState> | ((state: SidebarState) => Partial<SidebarState>)): void;
  /** Number of live subscriptions (to check that unmounting unsubscribes). */
  listenerCount(): number;
}

export const DEFAULT_SIDEBAR_STATE: SidebarState = {
  active: false,
  fieldLabel: '',
  language: 'en',
  findings: [],
  checklist: [],
  collapsed: false,
  paused: false,
};

export function createMockConnector(
  initial?: Partial<SidebarState>,
  options: MockConnectorOptions = {},
): MockConnector {
  const applyUiActions = options.applyUiActions ?? true;
  let state: SidebarState = { ...DEFAULT_SIDEBAR_STATE, ...initial };
  const listeners = new Set<(state: SidebarState) => void>();
  const actions: SidebarAction[] = [];

  const setState: MockConnector['setState'] = (patch) => {
    const next = typeof patch === 'function' ? patch(state) : patch;
    state = { ...state, ...next };
    for (const listener of [...listeners]) listener(state);
  };

  return {
    actions,
    getState: () => state,
    subscribe(listener) {
      // Wrap so that subscribing the same function twice yields two independent subscriptions.
      const entry = (s: SidebarState) => listener(s);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    dispatch(action) {
      actions.push(action);
      if (applyUiActions) {
        if (action.kind === 'setCollapsed') setState({ collapsed: action.collapsed });
        else if (action.kind === 'setPaused') setState({ paused: action.paused });
      }
      return Promise.resolve();
    },
    setState,
    listenerCount: () => listeners.size,
  };
}
