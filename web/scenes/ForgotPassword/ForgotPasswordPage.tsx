import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormError } from '../../components/FormError.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';

export function ForgotPasswordPage() {
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address') },
  });
  const request = useMutation({
    mutationFn: (email: string) => authApi.requestReset(email),
    onError: (error) => setFormError(applyServerErrors(form, error, ['email'])),
  });

  return (
    <AuthCard title="Reset your password" subtitle="We will email you a link to choose a new one.">
      {request.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title="Check your email">
          If an account exists for {form.values.email}, a reset link is on its way. It expires soon, so use it today.
        </Alert>
      ) : (
        <form
          noValidate
          onSubmit={form.onSubmit((v) => {
            setFormError(null);
            request.mutate(v.email);
          })}
        >
          <Stack gap="md">
            <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <FormError message={formError} />
            <Button type="submit" loading={request.isPending} fullWidth>
              Send reset link
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/signin" size="sm" ta="center">
        Back to sign in
      </Anchor>
    </AuthCard>
  );
}
