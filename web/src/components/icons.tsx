/** A handful of inline icons (decorative: every use has a text label next to it). */
import type { SVGProps } from 'react';

type IconProps = SVGProps<SVGSVGElement>;

const base = {
  viewBox: '0 0 20 20',
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
  'aria-hidden': true,
  focusable: false,
} as const;

export const CheckIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <path d="M4 10.5l4 4 8-9" strokeWidth={2.4} />
  </svg>
);

export const AlertIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <circle cx="10" cy="10" r="8" />
    <path d="M10 5.5v5.5M10 14v.01" strokeWidth={2.2} />
  </svg>
);

export const WarningIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <path d="M10 2.5l8 14.5H2z" />
    <path d="M10 8v4M10 14.5v.01" strokeWidth={2.2} />
  </svg>
);

export const InfoIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <circle cx="10" cy="10" r="8" />
    <path d="M10 9v5M10 6v.01" strokeWidth={2.2} />
  </svg>
);

export const CopyIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <rect x="7" y="7" width="10" height="10" rx="1.5" />
    <path d="M13 7V4.5A1.5 1.5 0 0011.5 3h-7A1.5 1.5 0 003 4.5v7A1.5 1.5 0 004.5 13H7" />
  </svg>
);

export const DownloadIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <path d="M10 3v10M5.5 9l4.5 4.5L14.5 9M3.5 16.5h13" />
  </svg>
);

export const ExternalIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <path d="M11 3.5h5.5V9M16.5 3.5L9 11M14 12v3.5a1 1 0 01-1 1H4.5a1 1 0 01-1-1V7a1 1 0 011-1H8" />
  </svg>
);

export const LockIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <rect x="4" y="9" width="12" height="8.5" rx="1.5" />
    <path d="M6.5 9V6.5a3.5 3.5 0 017 0V9" />
  </svg>
);

export const LogoMark = (props: IconProps) => (
  <svg viewBox="0 0 32 32" aria-hidden focusable={false} {...props}>
    <rect width="32" height="32" rx="7" fill="var(--accent)" />
    <path
      d="M6 16h8m4 0h8M14 10l6 6-6 6"
      fill="none"
      stroke="var(--on-accent)"
      strokeWidth="3"
      strokeLinecap="round"
      strokeLinejoin="round"
    />
  </svg>
);

export const BlockedIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <circle cx="10" cy="10" r="8" />
    <path d="M4.5 15.5l11-11" />
  </svg>
);

export const SkippedIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <path d="M5 10h10" strokeWidth={2.2} />
  </svg>
);

/** Turns (reduced motion: pulses) while a check runs. */
export const PendingIcon = (props: IconProps) => (
  <svg {...base} {...props}>
    <circle cx="10" cy="10" r="7" opacity="0.3" />
    <path d="M10 3a7 7 0 017 7" />
  </svg>
);
