import { Badge, Tooltip } from '@mantine/core';

const LABELS: Record<number, { short: string; long: string }> = {
  1: { short: '1st', long: '1st-degree connection' },
  2: { short: '2nd', long: '2nd-degree: you share a connection' },
  3: { short: '3rd', long: '3rd-degree: two introductions away' },
};

interface Props {
  degree: number | null | undefined;
  /** Show "Out of network" for null instead of nothing (profile headers); lists stay quiet. */
  showOutOfNetwork?: boolean;
}

/** The viewer's distance to a member. Until the graph exists the server sends null for everyone. */
export function DegreeBadge({ degree, showOutOfNetwork = false }: Props) {
  const label = degree ? LABELS[degree] : undefined;
  if (!label) {
    if (!showOutOfNetwork) return null;
    return (
      <Badge variant="outline" color="gray" size="sm" radius="sm">
        Out of network
      </Badge>
    );
  }
  return (
    <Tooltip label={label.long}>
      <Badge variant="light" size="sm" radius="sm" aria-label={label.long}>
        {label.short}
      </Badge>
    </Tooltip>
  );
}
