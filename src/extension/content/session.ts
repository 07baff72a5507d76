/**
 * One coached reply box: its analysis, underlines, per-reply choices ("ignore once", "pause for this reply") and
 * the sidebar actions that act on it. Several boxes on a page each get a session; only the ACTIVE one is observed
 * and analysed (a MutationObserver on its root while it is active, disconnected on blur/detach).
 */
import type { AnalyzeOptions, AnalyzeResult, ChecklistResult, Finding, Language } from '../../core/types.js';
import type { SidebarAction, SidebarFinding, SidebarState } from '../shared/sidebar-connector.js';
import { insertText, replaceSpan, selectSpan, type EditOutcome } from './edit-field.js';
import { detectEditorKind, fieldLabel, type EditorKind } from './fields.js';
import { createHighlighter, type FieldHighlighter } from './highlights.js';
import { t } from './messages.js';
import { createScheduler, type Scheduler } from './scheduler.js';
import { extractText, type TextModel } from './text-model.js';

export interface Engine {
  analyze(text: string, opts?: AnalyzeOptions): AnalyzeResult;
  readonly languages?: readonly Language[];
}

export interface SessionDeps {
  /** Null while the built-in packs are still loading (the session is invalidated when they arrive). */
  engine(): Engine | null;
  /** State changed (findings, status, paused…). */
  onChange(session: FieldSession): void;
  /** "Don't flag this for me": persist the phrase (settings → engine rebuild → re-analysis). */
  ignoreAlways(phrase: string): Promise<void>;
  /** The sidebar's collapse button (a host concern, not a field one). */
  setCollapsed(collapsed: boolean): void;
}

export function findingKey(f: Finding): string {
  return `${f.packId}/${f.ruleId}@${f.start}:${f.match}`;
}

const EMPTY_RESULT: AnalyzeResult = { language: 'en', findings: [], checklist: [] };

export class FieldSession {
  readonly kind: EditorKind;
  readonly highlighter: FieldHighlighter;
  readonly scheduler: Scheduler;
  model: TextModel | null = null;
  findings: SidebarFinding[] = [];
  checklist: ChecklistResult[] = [];
  language: Language = 'en';
  paused = false;
  status: SidebarState['status'];
  private result: AnalyzeResult = EMPTY_RESULT;
  private analysedText: string | null = null;
  private analysedIgnores = '';
  private readonly ignoredOnce = new Set<string>();
  /** Phrases ignored always, applied at once while the settings round-trip rebuilds the engine. */
  private readonly ignoredAlways = new Set<string>();
  private observer: MutationObserver | null = null;
  private writing = 0;
  private busy = false;

  constructor(
    readonly root: HTMLElement,
    private readonly deps: SessionDeps,
  ) {
    this.kind = detectEditorKind(root);
    this.highlighter = createHighlighter(root);
    this.scheduler = createScheduler(() => this.run(), { win: root.ownerDocument.defaultView ?? window });
  }

  get label(): string {
    return fieldLabel(this.root) || t('fieldLabelFallback');
  }

  get connected(): boolean {
    return this.root.isConnected;
  }

  /** The agent focused this box: observe it and analyse right away. */
  activate(): void {
    if (!this.observer && this.root.tagName !== 'TEXTAREA' && this.root.tagName !== 'INPUT') {
      const win = this.root.ownerDocument.defaultView ?? window;
      this.observer = new win.MutationObserver(() => {
        if (!this.writing) this.scheduler.notify();
      });
      this.observer.observe(this.root, { childList: true, characterData: true, subtree: true });
    }
    this.scheduler.flush();
  }

  /** Blur/detach: stop observing (underlines stay until the box is gone). */
  deactivate(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.scheduler.cancel();
  }

  destroy(): void {
    this.deactivate();
    this.highlighter.destroy();
  }

  /** Re-read the box; re-analyse only when the text changed (but always refresh ranges: nodes may be new). */
  run(): void {
    if (this.writing || !this.root.isConnected) return;
    const model = extractText(this.root);
    this.model = model;
    const ignores = JSON.stringify(model.ignoreRanges);
    if (model.text !== this.analysedText || ignores !== this.analysedIgnores) {
      const engine = model.text.trim() ? this.deps.engine() : null;
      if (model.text.trim() && !engine) {
        this.result = EMPTY_RESULT; // packs still loading: `invalidate()` runs us again when they arrive
      } else {
        this.analysedText = model.text;
        this.analysedIgnores = ignores;
        try {
          this.result = engine ? engine.analyze(model.text, { ignoreRanges: model.ignoreRanges }) : EMPTY_RESULT;
        } catch {
          this.result = EMPTY_RESULT; // a broken pack must never break typing
        }
      }
    }
    this.publish();
  }

  /** Settings changed (engine rebuilt): analyse again even if the text did not change. */
  invalidate(): void {
    this.analysedText = null;
    if (this.root.isConnected) this.run();
  }

  private occurrenceId(f: Finding, findings: readonly Finding[]): string {
    const same = findings.filter((o) => o.packId === f.packId && o.ruleId === f.ruleId && o.match.toLowerCase() === f.match.toLowerCase());
    return `${f.packId}/${f.ruleId}|${f.match.toLowerCase()}|${same.indexOf(f)}`;
  }

  private publish(): void {
    const model = this.model;
    const all = this.result.findings;
    this.language = this.result.language;
    this.checklist = this.result.checklist;
    this.findings = this.paused
      ? []
      : all
          .filter((f) => !this.ignoredOnce.has(this.occurrenceId(f, all)))
          .filter((f) => !this.ignoredAlways.has(f.match.toLowerCase()))
          .map((f) => ({ ...f, key: findingKey(f) }));
    if (model) {
      this.highlighter.update(
        model,
        this.findings.map((f) => ({ key: f.key, start: f.start, end: f.end, severity: f.severity })),
      );
    }
    this.deps.onChange(this);
  }

  state(collapsed: boolean): SidebarState {
    return {
      active: this.root.isConnected,
      fieldLabel: this.label,
      language: this.language,
      findings: this.findings,
      checklist: this.paused ? [] : this.checklist,
      collapsed,
      paused: this.paused,
      ...(this.status ? { status: this.status } : {}),
    };
  }

  private setStatus(kind: 'info' | 'error', text: string): void {
    this.status = { kind, text };
  }

  private outcomeStatus(outcome: EditOutcome, success: string): void {
    if (outcome.ok) this.setStatus('info', success);
    else {
      const key = {
        changed: 'statusChanged',
        detached: 'statusDetached',
        rejected: 'statusRejected',
        diverged: 'statusDiverged',
      }[outcome.reason];
      this.setStatus('error', t(key));
    }
  }

  private readonly hooks = {
    begin: () => {
      this.writing++;
    },
    end: () => {
      this.writing--;
      this.observer?.takeRecords(); // our own write: not a reason to re-analyse mid-edit
    },
  };

  finding(key: string): SidebarFinding | undefined {
    return this.findings.find((f) => f.key === key);
  }

  /**
   * The finding behind `key` in a FRESH analysis. Keys carry the offset, so text typed before the phrase since
   * the sidebar last rendered changes them: then take the same rule's same words nearest to the old offset.
   * (replaceSpan still refuses if the words under the span are not exactly these.)
   */
  private locate(key: string): SidebarFinding | undefined {
    const before = this.finding(key);
    this.run();
    const exact = this.finding(key);
    if (exact || !before) return exact;
    let best: SidebarFinding | undefined;
    for (const f of this.findings) {
      if (f.packId !== before.packId || f.ruleId !== before.ruleId || f.match !== before.match) continue;
      if (!best || Math.abs(f.start - before.start) < Math.abs(best.start - before.start)) best = f;
    }
    return best;
  }

  async dispatch(action: SidebarAction): Promise<boolean> {
    if (this.busy && (action.kind === 'applyAlternative' || action.kind === 'insertChecklistExample')) return false;
    switch (action.kind) {
      case 'applyAlternative': {
        const finding = this.locate(action.findingKey);
        if (!finding) {
          this.setStatus('error', t('statusChanged'));
          this.publish();
          return false;
        }
        this.busy = true;
        try {
          // The engine planned each alternative's edit (a whole-sentence alternative takes its clause along and
          // mends the punctuation); an alternative no longer offered falls back to replacing the underline.
          const i = finding.alternatives.indexOf(action.alternative);
          const edit = finding.edits[i] ?? { start: finding.start, end: finding.end, original: finding.match, text: action.alternative };
          const outcome = await replaceSpan(this, edit, edit.original, edit.text, this.hooks);
          this.outcomeStatus(outcome, t('statusReplaced', [edit.original.trim(), action.alternative]));
          this.scheduler.flush();
          return outcome.ok;
        } finally {
          this.busy = false;
        }
      }
      case 'insertChecklistExample': {
        const item = this.checklist.find((c) => c.id === action.itemId);
        if (!item?.example) return false;
        this.busy = true;
        try {
          const outcome = await insertText(this, item.example, this.hooks);
          this.outcomeStatus(outcome, t('statusInserted', item.example));
          this.scheduler.flush();
          return outcome.ok;
        } finally {
          this.busy = false;
        }
      }
      case 'ignoreOnce': {
        const finding = this.result.findings.find((f) => findingKey(f) === action.findingKey);
        if (!finding) return false;
        this.ignoredOnce.add(this.occurrenceId(finding, this.result.findings));
        this.setStatus('info', t('statusIgnoredOnce', finding.match));
        this.publish();
        return true;
      }
      case 'ignoreAlways': {
        const finding = this.finding(action.findingKey);
        if (!finding) return false;
        this.ignoredAlways.add(finding.match.toLowerCase());
        this.setStatus('info', t('statusIgnoredAlways', finding.match));
        this.publish();
        await this.deps.ignoreAlways(finding.match);
        return true;
      }
      case 'focusFinding': {
        const finding = this.finding(action.findingKey);
        if (!finding) return false;
        this.highlighter.setActive(finding.key);
        return selectSpan(this, finding.start, finding.end);
      }
      case 'setCollapsed':
        this.deps.setCollapsed(action.collapsed);
        return true;
      case 'setPaused':
        this.paused = action.paused;
        this.status = undefined;
        this.publish();
        return true;
      default: {
        const never: never = action;
        return never;
      }
    }
  }
}
