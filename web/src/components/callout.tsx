import type { ReactNode } from 'react';
import { AlertIcon, InfoIcon, WarningIcon } from './icons.tsx';

export interface CalloutProps {
  tone?: 'info' | 'warning' | 'danger';
  title?: ReactNode;
  children: ReactNode;
  /** `alert` for something that just happened because of the user's action (announced at once). */
  role?: 'alert' | 'status' | 'note';
  id?: string;
}

export function Callout({ tone = 'info', title, children, role, id }: CalloutProps) {
  const Icon = tone === 'info' ? InfoIcon : tone === 'warning' ? WarningIcon : AlertIcon;
  return (
    <div className={`callout callout--${tone}`} role={role} id={id}>
      <Icon />
      <div className="callout__body">
        {title && <p className="callout__title">{title}</p>}
        {children}
      </div>
    </div>
  );
}
