import { Alert, Button, Center, Group, Loader, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertCircle, IconMoodEmpty } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useErrorMessage } from '../hooks/useErrorMessage.ts';

/** A centred spinner with a label screen readers announce. */
export function PageLoader({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text size="sm" c="dimmed">
          {label ?? t('state.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

/** A failed load, with a retry when one is possible. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation();
  const text = useErrorMessage(error);
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} title={title ?? t('state.loadFailed')} role="alert">
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('state.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/**
 * Nothing to show yet, and what to do about it: every empty state leads somewhere useful, so `action`
 * is where the member can go next (one button, or a group of them). When the state is the whole page (a
 * profile that is not available), `headingLevel={1}` makes its title the page's heading.
 */
export function EmptyState({ title, children, action, headingLevel }: { title: ReactNode; children?: ReactNode; action?: ReactNode; headingLevel?: 1 | 2 | 3 }) {
  return (
    <Center py="xl">
      <Stack align="center" gap="xs" maw={420} ta="center">
        <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
          <IconMoodEmpty size={26} />
        </ThemeIcon>
        {headingLevel ? (
          <Title order={headingLevel} fz="h4">
            {title}
          </Title>
        ) : (
          <Text fw={600}>{title}</Text>
        )}
        {children && (
          // A div, so an explanation may hold a list of tips as well as a sentence.
          <Text component="div" size="sm" c="dimmed">
            {children}
          </Text>
        )}
        {action}
      </Stack>
    </Center>
  );
}

export interface NextStep {
  to: string;
  label: string;
}

/** The ways on from an empty state, as links styled as buttons; the first is the main one. */
export function NextSteps({ steps }: { steps: NextStep[] }) {
  return (
    <Group gap="xs" justify="center" mt={4}>
      {steps.map((step, i) => (
        <Button key={step.to} component={Link} to={step.to} variant={i === 0 ? 'light' : 'default'} size="xs">
          {step.label}
        </Button>
      ))}
    </Group>
  );
}
