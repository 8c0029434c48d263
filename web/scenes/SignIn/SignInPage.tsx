import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useSignedInRedirect } from '../../components/RequireAuth.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';
import { useSession } from '../../hooks/useSession.ts';

/** Only same-site paths are followed after sign-in, never another origin. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const navigate = useNavigate();
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const { adopt } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : t('signIn.enterEmail')),
      password: (v) => (v ? null : t('signIn.enterPassword')),
    },
  });
  const login = useMutation({
    mutationFn: authApi.login,
    onSuccess: async (session) => {
      await adopt(session);
      await navigate(safeNext(params.get('next')), { replace: true });
    },
    onError: (error) => setFormError(applyServerErrors(form, error, ['email', 'password'])),
  });

  const redirect = useSignedInRedirect(login.isPending || login.isSuccess);
  if (redirect) return redirect;
  return (
    <AuthCard title={t('signIn.title')} subtitle={t('signIn.subtitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          login.mutate(values);
        })}
      >
        <Stack gap="md">
          <TextInput label={t('signIn.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput label={t('signIn.password')} autoComplete="current-password" required {...form.getInputProps('password')} />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              {t('signIn.forgotPassword')}
            </Anchor>
          </Group>
          <FormError message={formError} />
          <Button type="submit" loading={login.isPending} fullWidth>
            {t('signIn.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('signIn.newHere')}{' '}
            <Anchor component={Link} to="/signup">
              {t('signIn.createAccount')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
