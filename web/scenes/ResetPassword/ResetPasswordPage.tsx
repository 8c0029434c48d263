import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LIMITS } from '../../../common/limits.ts';
import { authApi } from '../../api/auth.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormError } from '../../components/FormError.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (v.length >= LIMITS.passwordMin ? null : `Use at least ${LIMITS.passwordMin} characters`),
      confirm: (v, values) => (v === values.password ? null : 'The passwords do not match'),
    },
  });
  const confirm = useMutation({
    mutationFn: (password: string) => authApi.confirmReset(token, password),
    onError: (error) => setFormError(applyServerErrors(form, error, ['password'])),
  });

  if (!token) {
    return (
      <AuthCard title="Reset your password">
        <Alert color="red" variant="light" role="alert">
          This link is missing its token. Open the link from your email again, or{' '}
          <Anchor component={Link} to="/forgot-password">
            request a new one
          </Anchor>
          .
        </Alert>
      </AuthCard>
    );
  }

  return (
    <AuthCard title="Choose a new password">
      {confirm.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title="Password changed">
          You can now{' '}
          <Anchor component={Link} to="/signin">
            sign in
          </Anchor>{' '}
          with your new password.
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            setFormError(null);
            confirm.mutate(v.password);
          })}
        >
          <Stack gap="md">
            <PasswordInput label="New password" autoComplete="new-password" required {...form.getInputProps('password')} />
            <PasswordInput label="Repeat new password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
            <FormError message={formError} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              Set new password
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
