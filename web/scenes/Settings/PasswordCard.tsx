import { Button, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { LIMITS } from '../../../common/limits.ts';
import { authApi } from '../../api/auth.ts';
import { FormError } from '../../components/FormError.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';
import { useSession } from '../../hooks/useSession.ts';

/** Change password; the server starts a fresh session, whose CSRF token we adopt. */
export function PasswordCard() {
  const { adopt } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '' },
    validate: {
      currentPassword: (v) => (v ? null : 'Enter your current password'),
      newPassword: (v) => (v.length >= LIMITS.passwordMin ? null : `Use at least ${LIMITS.passwordMin} characters`),
      confirm: (v, values) => (v === values.newPassword ? null : 'The passwords do not match'),
    },
  });
  const change = useMutation({
    mutationFn: (v: typeof form.values) => authApi.changePassword(v.currentPassword, v.newPassword),
    onSuccess: async (session) => {
      await adopt(session);
      form.reset();
      notifications.show({ color: 'teal', message: 'Password changed. Other sessions were signed out.' });
    },
    onError: (error) => setFormError(applyServerErrors(form, error, ['currentPassword', 'newPassword'])),
  });

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="password-heading">
      <Title order={2} fz="h4" id="password-heading" mb="md">
        Change password
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          change.mutate(v);
        })}
      >
        <Stack gap="sm" maw={420}>
          <PasswordInput label="Current password" autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput label="New password" autoComplete="new-password" required {...form.getInputProps('newPassword')} />
          <PasswordInput label="Repeat new password" autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              Change password
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
