import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { emailInvitationsApi } from '../../api/email-invitations.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { PageLoader } from '../../components/PageState.tsx';

/**
 * "No more invitations to this address", from an invitation email's footer, without an account. Opening it
 * changes nothing (link scanners open every link); the button does.
 */
export function NoMorePage() {
  const { t } = useTranslation('join');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useQuery({ queryKey: ['email-invitation', token], queryFn: () => emailInvitationsApi.link(token), enabled: token !== '', retry: false });
  const stop = useMutation({ mutationFn: () => emailInvitationsApi.noMore(token) });
  const failure = token === '' ? t('noMore.invalid') : link.error ? errorMessage(link.error) : stop.error ? errorMessage(stop.error) : null;
  const stopped = stop.isSuccess || link.data?.optedOut === true;
  return (
    <AuthCard title={t('noMore.title')}>
      {failure && (
        <Alert color="red" variant="light" role="alert">
          {failure}
        </Alert>
      )}
      {link.isPending && token !== '' && <PageLoader label={t('noMore.loading')} />}
      {link.data && !stopped && (
        <Stack>
          <Text>
            <Trans t={t} i18nKey="noMore.question" values={{ inviter: link.data.inviter }} components={{ bdi: <bdi /> }} />
          </Text>
          <Button onClick={() => stop.mutate()} loading={stop.isPending}>
            {t('noMore.confirm')}
          </Button>
        </Stack>
      )}
      {stopped && (
        <Alert color="teal" variant="light" role="status" title={t('noMore.doneTitle')}>
          {t('noMore.done')}
        </Alert>
      )}
    </AuthCard>
  );
}
