import type { ReactNode } from 'react';

/** A friendly centred message: the empty state, the all-clear and the paused state. */
export function Notice({
  tone,
  icon,
  title,
  body,
}: {
  tone: 'neutral' | 'ok' | 'paused';
  icon: ReactNode;
  title: string;
  body?: string;
}) {
  return (
    <div className={`rc-notice rc-notice-${tone}`}>
      <span className="rc-notice-icon" aria-hidden="true">
        {icon}
      </span>
      <p className="rc-notice-title">{title}</p>
      {body && <p className="rc-notice-body">{body}</p>}
    </div>
  );
}
