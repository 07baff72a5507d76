/**
 * The seam between the content script (which owns reply boxes, analysis and editing) and the sidebar UI
 * (React + zustand, loaded lazily). The UI only ever talks through a SidebarConnector; tests use
 * `createMockConnector` (src/extension/ui/sidebar/mock-connector.ts), the content script provides the real one.
 */
import type { ChecklistResult, Finding, Language } from '../../core/types.js';

/** A finding as the sidebar shows it: `key` identifies it across re-analyses of the same field. */
export interface SidebarFinding extends Finding {
  /** Stable while the flagged text stays where it is: `${packId}/${ruleId}@${start}:${match}`. */
  key: string;
}

export interface SidebarState {
  /** False when no reply box is focused/coached: the sidebar shows an empty state. */
  active: boolean;
  /** Human label of the coached box, e.g. "Reply to Maria" or the field's aria-label. */
  fieldLabel: string;
  language: Language;
  findings: SidebarFinding[];
  checklist: ChecklistResult[];
  collapsed: boolean;
  /** Coaching paused for this reply ("not for this reply"). */
  paused: boolean;
  /** Last action's outcome, announced politely to screen readers, e.g. "Replaced “calm down”." */
  status?: { kind: 'info' | 'error'; text: string };
}

export type SidebarAction =
  | { kind: 'applyAlternative'; findingKey: string; alternative: string }
  | { kind: 'ignoreOnce'; findingKey: string }
  | { kind: 'ignoreAlways'; findingKey: string }
  | { kind: 'insertChecklistExample'; itemId: string }
  | { kind: 'focusFinding'; findingKey: string }
  | { kind: 'setCollapsed'; collapsed: boolean }
  | { kind: 'setPaused'; paused: boolean };

export interface SidebarConnector {
  getState(): SidebarState;
  /** Calls `listener` on every state change; returns the unsubscribe function. */
  subscribe(listener: (state: SidebarState) => void): () => void;
  /** Resolves when the action is done (or failed: the failure is reported through `state.status`). */
  dispatch(action: SidebarAction): Promise<void>;
}
