import type { Ref } from 'react';
import type { Translate } from '../i18n.js';
import { ChevronIcon, LogoGlyph, PauseIcon } from './icons.js';
import { Summary, type SummaryData } from './Summary.js';

export interface HeaderProps {
  t: Translate;
  collapsed: boolean;
  summary: SummaryData;
  fieldLabel: string;
  /** Id of the collapsible body (only referenced while it exists). */
  bodyId: string;
  toggleRef: Ref<HTMLButtonElement>;
  onToggleCollapsed(): void;
  onTogglePaused(): void;
}

/**
 * The top bar. Its children keep fixed positions in both states (unused slots render `false`), so the
 * collapse toggle stays the same DOM node and keeps keyboard focus when the sidebar collapses or expands.
 */
export function Header(props: HeaderProps) {
  const { t, collapsed, summary } = props;
  return (
    <header className="rc-header">
      <div className="rc-bar">
        <span className="rc-logo" aria-hidden="true">
          <LogoGlyph />
        </span>
        {!collapsed && (
          <span className="rc-titles">
            <span className="rc-brand">{t('extName')}</span>
            {summary.active && props.fieldLabel && (
              <span className="rc-field" title={props.fieldLabel}>
                {t('coachingField', [props.fieldLabel])}
              </span>
            )}
          </span>
        )}
        {collapsed && <Summary t={t} data={summary} compact />}
        <button
          type="button"
          ref={props.toggleRef}
          className="rc-icon-btn rc-toggle"
          aria-expanded={!collapsed}
          aria-controls={collapsed ? undefined : props.bodyId}
          aria-label={t('toggleDetails')}
          title={collapsed ? t('expandHint') : t('collapseHint')}
          onClick={props.onToggleCollapsed}
        >
          <ChevronIcon />
        </button>
      </div>
      {!collapsed && <Summary t={t} data={summary} />}
      {!collapsed && summary.active && (
        <button
          type="button"
          role="switch"
          aria-checked={summary.paused}
          className="rc-switch"
          onClick={props.onTogglePaused}
        >
          <PauseIcon className="rc-switch-icon" />
          <span className="rc-switch-label">{t('pauseForReply')}</span>
          <span className="rc-switch-track" aria-hidden="true">
            <span className="rc-switch-thumb" />
          </span>
        </button>
      )}
    </header>
  );
}
