import type { SidebarState } from '../../shared/sidebar-connector.js';
import type { Translate } from '../i18n.js';
import { CheckIcon, WarningIcon } from './icons.js';

/**
 * Always in the DOM (live regions must exist before their content changes), even when collapsed.
 * Errors carry a visible icon and an "Error:" prefix for screen readers, not colour alone.
 */
export function StatusRegion({ t, status }: { t: Translate; status: SidebarState['status'] }) {
  const kind = status?.kind === 'error' ? 'error' : 'info';
  const text = status?.text ?? '';
  return (
    <div
      className={text ? `rc-status rc-status-${kind}` : 'rc-status rc-status-empty'}
      role="status"
      aria-live="polite"
      aria-atomic="true"
    >
      {text && (
        <>
          {kind === 'error' ? <WarningIcon /> : <CheckIcon />}
          <span className="rc-status-text">
            {kind === 'error' && <span className="rc-sr">{t('statusErrorPrefix')} </span>}
            {text}
          </span>
        </>
      )}
    </div>
  );
}
