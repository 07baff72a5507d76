import type { Severity } from '../../../core/types.js';
import { plural, type Translate } from '../i18n.js';

export interface SummaryData {
  active: boolean;
  paused: boolean;
  findingCount: number;
  /** Most severe finding, if any. */
  worst?: Severity;
  checklistDone: number;
  checklistTotal: number;
}

/** "2 phrases to soften · 4/7 checklist" (properly pluralised), or the idle/paused line. */
export function Summary({ t, data, compact }: { t: Translate; data: SummaryData; compact?: boolean }) {
  const className = compact ? 'rc-summary rc-summary-compact' : 'rc-summary';
  if (!data.active) {
    return (
      <p className={className}>
        <span className="rc-chip rc-chip-muted">{t('summaryInactive')}</span>
      </p>
    );
  }
  if (data.paused) {
    return (
      <p className={className}>
        <span className="rc-chip rc-chip-muted">{t('summaryPaused')}</span>
      </p>
    );
  }
  const tone = data.findingCount === 0 ? 'ok' : data.worst ?? 'info';
  const percent = data.checklistTotal ? Math.round((data.checklistDone / data.checklistTotal) * 100) : 0;
  return (
    <p className={className}>
      <span className={`rc-chip rc-chip-${tone}`}>
        <span className="rc-dot" aria-hidden="true" />
        {data.findingCount === 0 ? t('summaryPhrasesNone') : plural(t, 'summaryPhrases', data.findingCount)}
      </span>
      {data.checklistTotal > 0 && (
        <span className="rc-chip rc-chip-checklist">
          <span className="rc-meter" aria-hidden="true">
            <span className="rc-meter-fill" style={{ width: `${percent}%` }} />
          </span>
          {t('summaryChecklist', [String(data.checklistDone), String(data.checklistTotal)])}
        </span>
      )}
    </p>
  );
}
