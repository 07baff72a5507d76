import { useId } from 'react';
import type { Severity } from '../../../core/types.js';
import type { SidebarFinding } from '../../shared/sidebar-connector.js';
import type { Translate } from '../i18n.js';
import { ArrowIcon, ExternalIcon, SeverityIcon } from './icons.js';

export interface FindingActions {
  onApply(findingKey: string, alternative: string): void;
  onIgnoreOnce(findingKey: string): void;
  onIgnoreAlways(findingKey: string): void;
  onFocus(findingKey: string): void;
}

const SEVERITY_KEY: Record<Severity, string> = {
  info: 'severityInfo',
  warning: 'severityWarning',
  critical: 'severityCritical',
};

/** Only plain web links from packs (strangers may write packs): no javascript:, data:, etc. */
export function safeLink(link: string | undefined): string | undefined {
  if (!link) return undefined;
  try {
    const url = new URL(link);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}

export interface FindingItemProps extends FindingActions {
  t: Translate;
  finding: SidebarFinding;
  /** Language of the pack text (message, alternatives). */
  lang: string;
}

/** One flagged phrase. All pack text is rendered as React text nodes, never as HTML. */
export function FindingItem({ t, finding, lang, ...actions }: FindingItemProps) {
  const id = useId();
  const applyHintId = `${id}-apply`;
  const whyHintId = `${id}-why`;
  const altsLabelId = `${id}-alts`;
  const { key, match } = finding;
  const severity: Severity = finding.severity in SEVERITY_KEY ? finding.severity : 'info';
  const href = safeLink(finding.link);
  // A whole-sentence alternative replaces the clause around the underline: name exactly the words it replaces.
  const applyHint = (i: number) => t('applyHint', [finding.edits?.[i]?.original ?? match]);

  return (
    <li className={`rc-finding rc-sev-${severity}`}>
      <div className="rc-finding-head">
        <button
          type="button"
          className="rc-flag"
          lang={lang}
          title={t('showInReply')}
          onClick={() => actions.onFocus(key)}
        >
          {t('quoted', [match])}
        </button>
        <span className="rc-sev">
          <SeverityIcon severity={severity} />
          {t(SEVERITY_KEY[severity])}
        </span>
      </div>
      <p className="rc-reason">
        <span lang={lang}>{finding.message}</span>
        {href && (
          <>
            {' '}
            <a
              className="rc-why"
              href={href}
              target="_blank"
              rel="noopener noreferrer"
              aria-describedby={whyHintId}
            >
              {t('why')}
              <ExternalIcon />
            </a>
            <span id={whyHintId} hidden>
              {t('whyHint', [match])}
            </span>
          </>
        )}
      </p>
      {finding.alternatives.length > 0 && (
        <div className="rc-alts" role="group" aria-labelledby={altsLabelId}>
          <span className="rc-alts-label" id={altsLabelId}>
            {t('tryInstead')}
          </span>
          {finding.alternatives.map((alternative, i) => (
            <button
              type="button"
              key={`${i}:${alternative}`}
              className="rc-alt"
              lang={lang}
              aria-describedby={`${applyHintId}-${i}`}
              title={applyHint(i)}
              onClick={() => actions.onApply(key, alternative)}
            >
              <span className="rc-alt-text">{alternative}</span>
              <ArrowIcon className="rc-alt-icon" />
            </button>
          ))}
          {finding.alternatives.map((alternative, i) => (
            <span key={`${i}:${alternative}`} id={`${applyHintId}-${i}`} hidden>
              {applyHint(i)}
            </span>
          ))}
        </div>
      )}
      <div className="rc-finding-foot">
        <button
          type="button"
          className="rc-quiet"
          aria-label={t('ignoreOnceLabel', [match])}
          onClick={() => actions.onIgnoreOnce(key)}
        >
          {t('ignoreOnce')}
        </button>
        <button
          type="button"
          className="rc-quiet"
          aria-label={t('ignoreAlwaysLabel', [match])}
          onClick={() => actions.onIgnoreAlways(key)}
        >
          {t('ignoreAlways')}
        </button>
      </div>
    </li>
  );
}
