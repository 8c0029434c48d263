import { ActionIcon, Indicator, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface CountedNavLinkProps {
  to: string;
  /** The destination's name, shown as the tooltip. */
  name: string;
  /** What a screen reader hears: the name, and the count when there is one. */
  label: string;
  count: number;
  current: boolean;
  icon: ReactNode;
}

/** A header icon link with a red count badge (99+ past 99), as the bell and Messages show what is unread. */
export function CountedNavLink({ to, name, label, count, current, icon }: CountedNavLinkProps) {
  return (
    <Tooltip label={name} withArrow withinPortal={false}>
      <Indicator label={count > 99 ? '99+' : count} size={16} color="red" disabled={count === 0} offset={4} aria-hidden={false}>
        <ActionIcon
          component={Link}
          to={to}
          variant={current ? 'light' : 'subtle'}
          size="lg"
          aria-label={label}
          aria-current={current ? 'page' : undefined}
        >
          {icon}
        </ActionIcon>
      </Indicator>
    </Tooltip>
  );
}
