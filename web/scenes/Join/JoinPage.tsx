import { Alert, Button, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { emailInvitationsApi } from '../../api/email-invitations.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { PageLoader } from '../../components/PageState.tsx';

/** Where an invitation to join leads: who invited you, then sign up (the sign-up page takes the link along). */
export function JoinPage() {
  const { t } = useTranslation('join');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const link = useQuery({ queryKey: ['email-invitation', token], queryFn: () => emailInvitationsApi.link(token), enabled: token !== '', retry: false });
  const query = `?invitation=${encodeURIComponent(token)}`;
  return (
    <AuthCard title={t('landing.title')}>
      {token === '' && (
        <Alert color="red" variant="light" role="alert">
          {t('noMore.invalid')}
        </Alert>
      )}
      {link.error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(link.error)}
        </Alert>
      )}
      {link.isPending && token !== '' && <PageLoader label={t('landing.loading')} />}
      {link.data && (
        <Stack>
          <Text>
            <Trans t={t} i18nKey="landing.invited" values={{ inviter: link.data.inviter }} components={{ bdi: <bdi /> }} />
          </Text>
          <Button component={Link} to={`/signup${query}`}>
            {t('landing.signUp')}
          </Button>
          <Button component={Link} to="/signin" variant="default">
            {t('landing.signIn')}
          </Button>
          <Button component={Link} to={`/join/no-more?token=${encodeURIComponent(token)}`} variant="subtle" size="sm">
            {t('landing.noMore')}
          </Button>
        </Stack>
      )}
    </AuthCard>
  );
}
