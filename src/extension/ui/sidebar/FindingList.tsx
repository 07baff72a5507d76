import { useId } from 'react';
import type { SidebarFinding } from '../../shared/sidebar-connector.js';
import type { Translate } from '../i18n.js';
import { FindingItem, type FindingActions } from './FindingItem.js';

export interface FindingListProps extends FindingActions {
  t: Translate;
  findings: SidebarFinding[];
  lang: string;
}

/** "Phrases to soften": a named list, one list item per finding (explicit role: WebKit drops list semantics of unstyled lists). */
export function FindingList({ t, findings, lang, ...actions }: FindingListProps) {
  const headingId = useId();
  return (
    <section className="rc-section">
      <div className="rc-section-head">
        <h2 className="rc-heading" id={headingId}>
          {t('findingsHeading')}
        </h2>
        <span className="rc-count" aria-hidden="true">
          {findings.length}
        </span>
      </div>
      <ul className="rc-findings" role="list" aria-labelledby={headingId}>
        {findings.map((finding) => (
          <FindingItem key={finding.key} t={t} finding={finding} lang={lang} {...actions} />
        ))}
      </ul>
    </section>
  );
}
