import { Anchor, Button, Group, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
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
  const [params] = useSearchParams();
  const { adopt } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (v.trim() ? null : 'Enter your email'),
      password: (v) => (v ? null : 'Enter your password'),
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
    <AuthCard title="Sign in" subtitle="Welcome back.">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          login.mutate(values);
        })}
      >
        <Stack gap="md">
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput label="Password" autoComplete="current-password" required {...form.getInputProps('password')} />
          <Group justify="flex-end" mt={-8}>
            <Anchor component={Link} to="/forgot-password" size="sm">
              Forgot password?
            </Anchor>
          </Group>
          <FormError message={formError} />
          <Button type="submit" loading={login.isPending} fullWidth>
            Sign in
          </Button>
          <Text size="sm" ta="center">
            New here?{' '}
            <Anchor component={Link} to="/signup">
              Create an account
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
