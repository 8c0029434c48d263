import { IconBulb, IconConfetti, IconHeartHandshake, IconMoodHappy, IconThumbUp, type IconProps } from '@tabler/icons-react';
import type { ComponentType } from 'react';
import type { ReactionKind } from '../../api/posts.ts';

const ICONS: Record<ReactionKind, ComponentType<IconProps>> = {
  like: IconThumbUp,
  celebrate: IconConfetti,
  support: IconHeartHandshake,
  insightful: IconBulb,
  funny: IconMoodHappy,
};

const COLORS: Record<ReactionKind, string> = {
  like: 'var(--mantine-color-brand-8)',
  celebrate: 'var(--mantine-color-green-9)',
  support: 'var(--mantine-color-grape-9)',
  insightful: 'var(--mantine-color-orange-9)',
  funny: 'var(--mantine-color-cyan-9)',
};

/** A reaction's icon, decorative: its name is always written beside it or in the control's label. */
export function ReactionIcon({ kind, size = 16 }: { kind: ReactionKind; size?: number }) {
  const Icon = ICONS[kind];
  return <Icon size={size} color={COLORS[kind]} aria-hidden />;
}
