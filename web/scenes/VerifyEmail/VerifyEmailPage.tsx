import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { authApi } from '../../api/auth.ts';
import { keys } from '../../api/keys.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { PageLoader } from '../../components/PageState.tsx';

export function VerifyEmailPage() {
  const { t } = useTranslation('account');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const queryClient = useQueryClient();
  const verify = useMutation({
    mutationFn: authApi.verifyEmail,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.me }),
  });
  const started = useRef(false);
  const { mutate } = verify;

  // Verify once on arrival; StrictMode's double effect must not spend the token twice.
  useEffect(() => {
    if (token && !started.current) {
      started.current = true;
      mutate(token);
    }
  }, [token, mutate]);

  return (
    <AuthCard title={t('verify.title')}>
      {!token && (
        <Alert color="red" variant="light" role="alert">
          {t('verify.missingToken')}
        </Alert>
      )}
      {token && (verify.isPending || verify.isIdle) && <PageLoader label={t('verify.verifying')} />}
      {verify.isSuccess && (
        <Stack>
          <Alert color="teal" variant="light" role="status" title={t('verify.verifiedTitle')}>
            {t('verify.verified')}
          </Alert>
          <Button component={Link} to="/">
            {t('verify.continue')}
          </Button>
        </Stack>
      )}
      {verify.isError && (
        <Alert color="red" variant="light" role="alert" title={t('verify.failedTitle')}>
          {errorMessage(verify.error)} <Trans t={t} i18nKey="verify.requestNew" components={{ a: <Anchor component={Link} to="/" /> }} />
        </Alert>
      )}
    </AuthCard>
  );
}
