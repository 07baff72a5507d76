/** The container: reads the store, wires actions, composes the presentational components. */
import { useCallback, useId, useMemo, useRef, type KeyboardEvent, type MouseEvent, type ReactNode } from 'react';
import { severityRank, type Severity } from '../../../core/types.js';
import { uiLocale } from '../i18n.js';
import { Checklist } from './Checklist.js';
import { FindingList } from './FindingList.js';
import { Header } from './Header.js';
import { CheckIcon, CursorIcon, PauseIcon } from './icons.js';
import { Notice } from './Notice.js';
import { StatusRegion } from './StatusRegion.js';
import { useSidebar, useTranslate } from './store.js';
import type { SummaryData } from './Summary.js';

/** Controls that must not take focus (and the editor's selection) away from the reply box on mouse use. */
const NO_FOCUS_STEAL = 'button, a[href], input, label';

/** Mouse clicks on controls keep focus (and the selection) in the reply box; keyboard use is unaffected. */
function keepEditorSelection(event: MouseEvent<HTMLElement>) {
  const target = event.target as Element | null;
  if (event.button === 0 && target?.closest?.(NO_FOCUS_STEAL)) event.preventDefault();
}

export function Sidebar() {
  const t = useTranslate();
  const sidebar = useSidebar((s) => s.sidebar);
  const dispatchFailed = useSidebar((s) => s.dispatchFailed);
  const dispatch = useSidebar((s) => s.dispatch);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const bodyId = useId();

  const { active, paused, collapsed, findings, checklist } = sidebar;
  const locale = uiLocale(t);
  const packLang = sidebar.language || locale;

  const summary = useMemo<SummaryData>(() => {
    let worst: Severity | undefined;
    for (const f of findings) if (!worst || severityRank(f.severity) > severityRank(worst)) worst = f.severity;
    return {
      active,
      paused,
      findingCount: findings.length,
      worst,
      checklistDone: checklist.filter((item) => item.done).length,
      checklistTotal: checklist.length,
    };
  }, [active, paused, findings, checklist]);

  const actions = useMemo(
    () => ({
      onApply: (findingKey: string, alternative: string) =>
        dispatch({ kind: 'applyAlternative', findingKey, alternative }),
      onIgnoreOnce: (findingKey: string) => dispatch({ kind: 'ignoreOnce', findingKey }),
      onIgnoreAlways: (findingKey: string) => dispatch({ kind: 'ignoreAlways', findingKey }),
      onFocus: (findingKey: string) => dispatch({ kind: 'focusFinding', findingKey }),
      onInsert: (itemId: string) => dispatch({ kind: 'insertChecklistExample', itemId }),
    }),
    [dispatch],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.key !== 'Escape' || collapsed || event.defaultPrevented) return;
      event.preventDefault();
      // Keep Escape away from the page's own handlers (it's ours while focus is in the sidebar).
      event.stopPropagation();
      // Focus may be inside the part that's about to disappear: park it on the toggle.
      toggleRef.current?.focus();
      dispatch({ kind: 'setCollapsed', collapsed: true });
    },
    [collapsed, dispatch],
  );

  const status = dispatchFailed ? { kind: 'error' as const, text: t('errorGeneric') } : sidebar.status;

  let body: ReactNode = null;
  if (!collapsed) {
    if (!active) {
      body = <Notice tone="neutral" icon={<CursorIcon />} title={t('emptyTitle')} body={t('emptyBody')} />;
    } else if (paused) {
      body = <Notice tone="paused" icon={<PauseIcon />} title={t('pausedTitle')} body={t('pausedBody')} />;
    } else {
      body = (
        <>
          {findings.length > 0 ? (
            <FindingList t={t} findings={findings} lang={packLang} {...actions} />
          ) : (
            <Notice tone="ok" icon={<CheckIcon />} title={t('allClearTitle')} body={t('allClearBody')} />
          )}
          {checklist.length > 0 && (
            <Checklist t={t} items={checklist} lang={packLang} onInsert={actions.onInsert} />
          )}
        </>
      );
    }
  }

  return (
    <aside
      className={collapsed ? 'rc-sidebar is-collapsed' : 'rc-sidebar'}
      role="complementary"
      aria-label={t('extName')}
      lang={locale}
      onKeyDown={onKeyDown}
      onMouseDown={keepEditorSelection}
    >
      <Header
        t={t}
        collapsed={collapsed}
        summary={summary}
        fieldLabel={sidebar.fieldLabel}
        bodyId={bodyId}
        toggleRef={toggleRef}
        onToggleCollapsed={() => dispatch({ kind: 'setCollapsed', collapsed: !collapsed })}
        onTogglePaused={() => dispatch({ kind: 'setPaused', paused: !paused })}
      />
      {!collapsed && (
        <div className="rc-body" id={bodyId}>
          {body}
        </div>
      )}
      <StatusRegion t={t} status={status} />
    </aside>
  );
}
