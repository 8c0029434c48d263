import { Badge, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Each degree's messages: a short badge ("2nd", "2°") and the long form screen readers and the tooltip give. */
export const DEGREE_KEYS: Record<number, 'first' | 'second' | 'third'> = { 1: 'first', 2: 'second', 3: 'third' };

interface Props {
  degree: number | null | undefined;
  /** Show "Out of network" for null instead of nothing (profile headers); lists stay quiet. */
  showOutOfNetwork?: boolean;
}

/** The viewer's distance to a member. Until the graph exists the server sends null for everyone. */
export function DegreeBadge({ degree, showOutOfNetwork = false }: Props) {
  const { t } = useTranslation('people');
  const key = degree ? DEGREE_KEYS[degree] : undefined;
  if (!key) {
    if (!showOutOfNetwork) return null;
    return (
      <Badge variant="outline" color="gray" size="sm" radius="sm">
        {t('degree.outOfNetwork')}
      </Badge>
    );
  }
  const long = t(`degree.${key}.long`);
  return (
    <Tooltip label={long}>
      <Badge variant="light" size="sm" radius="sm" aria-label={long}>
        {t(`degree.${key}.short`)}
      </Badge>
    </Tooltip>
  );
}
