/** Small inline icons (no external images). All decorative: hidden from assistive technology. */
import type { ReactElement } from 'react';
import type { Severity } from '../../../core/types.js';

interface IconProps {
  className?: string;
}

function svg(className: string | undefined, children: ReactElement | ReactElement[], viewBox = '0 0 16 16') {
  return (
    <svg
      className={className ? `rc-icon ${className}` : 'rc-icon'}
      viewBox={viewBox}
      width="16"
      height="16"
      aria-hidden="true"
      focusable="false"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

/** Speech bubble with a small heart: the product mark (drawn on a gradient tile by CSS). */
export const LogoGlyph = ({ className }: IconProps) =>
  svg(className, [
    <path key="b" d="M3 4.2A1.7 1.7 0 0 1 4.7 2.5h6.6A1.7 1.7 0 0 1 13 4.2v4.6a1.7 1.7 0 0 1-1.7 1.7H8.2L5.4 13v-2.5h-.7A1.7 1.7 0 0 1 3 8.8Z" />,
    <path
      key="h"
      d="M8 8.1 6.5 6.7a.95.95 0 0 1 1.5-1.1.95.95 0 0 1 1.5 1.1Z"
      fill="currentColor"
      strokeWidth="1"
    />,
  ]);

export const ChevronIcon = ({ className }: IconProps) => svg(className, <path d="m4 6 4 4 4-4" />);

export const CheckIcon = ({ className }: IconProps) => svg(className, <path d="m3.5 8.5 3 3 6-7" />);

export const ArrowIcon = ({ className }: IconProps) =>
  svg(className, [<path key="a" d="M3 8h9" />, <path key="b" d="m8.5 4.5 3.5 3.5-3.5 3.5" />]);

export const PlusIcon = ({ className }: IconProps) =>
  svg(className, [<path key="a" d="M8 3.5v9" />, <path key="b" d="M3.5 8h9" />]);

export const ExternalIcon = ({ className }: IconProps) =>
  svg(className, [
    <path key="a" d="M9.5 3h3.5v3.5" />,
    <path key="b" d="M13 3 7.5 8.5" />,
    <path key="c" d="M11.5 9.5v2.2a1.3 1.3 0 0 1-1.3 1.3H4.3A1.3 1.3 0 0 1 3 11.7V5.8a1.3 1.3 0 0 1 1.3-1.3h2.2" />,
  ]);

export const InfoIcon = ({ className }: IconProps) =>
  svg(className, [
    <circle key="c" cx="8" cy="8" r="5.8" />,
    <path key="l" d="M8 7.4v3.6" />,
    <path key="d" d="M8 5h.01" strokeWidth="2" />,
  ]);

export const WarningIcon = ({ className }: IconProps) =>
  svg(className, [
    <path key="t" d="M7.1 2.9a1 1 0 0 1 1.8 0l5 9.2a1 1 0 0 1-.9 1.5H3a1 1 0 0 1-.9-1.5Z" />,
    <path key="l" d="M8 6.3v3" />,
    <path key="d" d="M8 11.4h.01" strokeWidth="2" />,
  ]);

export const CriticalIcon = ({ className }: IconProps) =>
  svg(className, [
    <path key="o" d="M5.6 2.2h4.8l3.4 3.4v4.8l-3.4 3.4H5.6l-3.4-3.4V5.6Z" />,
    <path key="l" d="M8 5.2v3.3" />,
    <path key="d" d="M8 10.8h.01" strokeWidth="2" />,
  ]);

export const SeverityIcon = ({ severity, className }: IconProps & { severity: Severity }) =>
  severity === 'critical' ? (
    <CriticalIcon className={className} />
  ) : severity === 'warning' ? (
    <WarningIcon className={className} />
  ) : (
    <InfoIcon className={className} />
  );

export const CursorIcon = ({ className }: IconProps) =>
  svg(
    className,
    [
      <rect key="r" x="3" y="6" width="26" height="18" rx="4" />,
      <path key="l1" d="M8 12h11" />,
      <path key="l2" d="M8 17h7" />,
      <path key="c" d="M21 14.5v7" strokeWidth="2" />,
    ],
    '0 0 32 30',
  );

export const PauseIcon = ({ className }: IconProps) =>
  svg(className, [<path key="a" d="M6 4.5v7" strokeWidth="2" />, <path key="b" d="M10 4.5v7" strokeWidth="2" />]);
