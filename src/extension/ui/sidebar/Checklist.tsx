import { useId } from 'react';
import type { ChecklistResult } from '../../../core/types.js';
import type { Translate } from '../i18n.js';
import { PlusIcon } from './icons.js';

export interface ChecklistProps {
  t: Translate;
  items: ChecklistResult[];
  lang: string;
  onInsert(itemId: string): void;
}

/**
 * The agent doesn't tick items: the checkbox shows the detection result. It is a controlled input whose
 * `onChange` does nothing, so React puts `checked` back after any click or Space. (Calling preventDefault
 * on the click instead makes the browser's own revert race React's and leaves the box visibly flipped.)
 */
const noop = () => {};

function ChecklistRow({ t, item, lang, onInsert }: { t: Translate; item: ChecklistResult; lang: string; onInsert(itemId: string): void }) {
  const id = useId();
  const boxId = `${id}-box`;
  const hintId = `${id}-hint`;
  const insertLabel = t('insertLabel', [item.example]);
  return (
    <li className={item.done ? 'rc-check is-done' : 'rc-check'}>
      <input
        type="checkbox"
        id={boxId}
        className="rc-check-box"
        checked={item.done}
        readOnly
        aria-readonly="true"
        aria-describedby={item.hint ? hintId : undefined}
        onChange={noop}
      />
      <div className="rc-check-text">
        <label htmlFor={boxId} className="rc-check-label" lang={lang}>
          {item.label}
        </label>
        {item.hint && (
          <span id={hintId} className="rc-check-hint" lang={lang}>
            {item.hint}
          </span>
        )}
      </div>
      {!item.done && item.example && (
        <button
          type="button"
          className="rc-insert"
          aria-label={insertLabel}
          title={insertLabel}
          onClick={() => onInsert(item.id)}
        >
          <PlusIcon />
          {t('insert')}
        </button>
      )}
    </li>
  );
}

export function Checklist({ t, items, lang, onInsert }: ChecklistProps) {
  const headingId = useId();
  const done = items.filter((item) => item.done).length;
  return (
    <section className="rc-section">
      <div className="rc-section-head">
        <h2 className="rc-heading" id={headingId}>
          {t('checklistHeading')}
        </h2>
        <span className="rc-count" aria-hidden="true">
          {`${done}/${items.length}`}
        </span>
      </div>
      <ul className="rc-checklist" role="list" aria-labelledby={headingId}>
        {items.map((item) => (
          <ChecklistRow key={item.id} t={t} item={item} lang={lang} onInsert={onInsert} />
        ))}
      </ul>
    </section>
  );
}
