import { Button } from '@mantine/core';
import type { ReactNode } from 'react';
import { useNetworkMutation } from '../hooks/useNetworkMutation.ts';

interface Props {
  /** The one change the button makes (unfollow, withdraw, unblock…). */
  change: () => Promise<unknown>;
  /** Announced once the change is saved; the row with this button is often gone by then. */
  done: ReactNode;
  label: string;
  /** The label with the person's name, since a list has one such button per person. */
  accessibleLabel: string;
}

/**
 * The action button of a person's row in a list (PersonCardItem) that undoes a relationship in one click:
 * it shows progress while the change is sent, and failures are announced by useNetworkMutation.
 */
export function RelationshipButton({ change, done, label, accessibleLabel }: Props) {
  const mutation = useNetworkMutation(change, { success: () => done });
  return (
    <Button size="xs" variant="default" loading={mutation.isPending} onClick={() => mutation.mutate(undefined)} aria-label={accessibleLabel}>
      {label}
    </Button>
  );
}
