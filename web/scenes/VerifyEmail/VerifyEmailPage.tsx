import { Alert, Anchor, Button, Stack } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useSearchParams } from 'react-router';
import { errorMessage } from '../../api/client.ts';
import { authApi } from '../../api/auth.ts';
import { keys } from '../../api/keys.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { PageLoader } from '../../components/PageState.tsx';

export function VerifyEmailPage() {
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
    <AuthCard title="Verify your email">
      {!token && (
        <Alert color="red" variant="light" role="alert">
          This link is missing its token. Open the link from your email again.
        </Alert>
      )}
      {token && (verify.isPending || verify.isIdle) && <PageLoader label="Verifying your email…" />}
      {verify.isSuccess && (
        <Stack>
          <Alert color="teal" variant="light" role="status" title="Email verified">
            Thank you. Your email address is confirmed.
          </Alert>
          <Button component={Link} to="/">
            Continue to Rapport
          </Button>
        </Stack>
      )}
      {verify.isError && (
        <Alert color="red" variant="light" role="alert" title="Could not verify">
          {errorMessage(verify.error)} You can request a new link from your{' '}
          <Anchor component={Link} to="/">
            home page
          </Anchor>
          .
        </Alert>
      )}
    </AuthCard>
  );
}
