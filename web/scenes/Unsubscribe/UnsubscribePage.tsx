import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { EMAIL_KINDS, type EmailKind } from '../../../common/notifications.ts';
import { errorMessage } from '../../api/client.ts';
import { notificationsApi } from '../../api/notifications.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { PageLoader } from '../../components/PageState.tsx';

const isKind = (value: string): value is EmailKind => (EMAIL_KINDS as readonly string[]).includes(value);

/**
 * Where an email's unsubscribe link leads, signed in or not. Opening it changes nothing (link scanners open
 * every link); the button does, as a mail client's one-click unsubscribe would.
 */
export function UnsubscribePage() {
  const { t } = useTranslation('notifications');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const kind = params.get('kind') ?? '';
  const valid = token !== '' && isKind(kind);
  const current = useQuery({ queryKey: ['unsubscribe', token, kind], queryFn: () => notificationsApi.subscription(token, kind), enabled: valid, retry: false });
  const stop = useMutation({ mutationFn: () => notificationsApi.unsubscribe(token, kind) });

  const failure = !valid ? t('unsubscribe.invalid') : current.error ? errorMessage(current.error) : stop.error ? errorMessage(stop.error) : null;
  const stopped = stop.isSuccess || current.data?.subscribed === false;
  return (
    <AuthCard title={t('unsubscribe.title')}>
      {failure && (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      )}
      {valid && current.isPending && <PageLoader label={t('unsubscribe.loading')} />}
      {valid && isKind(kind) && current.data && !stopped && (
        <Stack>
          <Text>{kind === 'digest' ? t('unsubscribe.questionDigest') : t('unsubscribe.question', { what: t(`settings.kinds.${kind}`) })}</Text>
          <Button onClick={() => stop.mutate()} loading={stop.isPending}>
            {t('unsubscribe.confirm')}
          </Button>
        </Stack>
      )}
      {stopped && (
        <Alert color="teal" variant="light" role="status" title={t('unsubscribe.doneTitle')}>
          {kind === 'digest' ? t('unsubscribe.doneDigest') : t('unsubscribe.done')}
        </Alert>
      )}
      <Text size="sm" mt="md">
        <Anchor component={Link} to="/settings">
          {t('unsubscribe.settings')}
        </Anchor>
      </Text>
    </AuthCard>
  );
}
