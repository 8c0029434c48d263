import { Button, Checkbox, Group, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { authApi } from '../../api/auth.ts';
import { keys } from '../../api/keys.ts';
import { FormError } from '../../components/FormError.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';
import { useSession } from '../../hooks/useSession.ts';

/**
 * Change password; the server starts a fresh session, whose CSRF token we adopt. Signing out everywhere
 * else (other sessions and access tokens) is on by default: a password is usually changed because
 * someone else may know it, and whatever they started with it should end too.
 */
export function PasswordCard() {
  const { adopt } = useSession();
  const { t } = useTranslation('settings');
  const queryClient = useQueryClient();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { currentPassword: '', newPassword: '', confirm: '', endOtherSessions: true },
    validate: {
      currentPassword: (v) => (v ? null : t('password.enterCurrent')),
      newPassword: (v) => (v.length >= LIMITS.passwordMin ? null : t('password.tooShort', { min: LIMITS.passwordMin })),
      confirm: (v, values) => (v === values.newPassword ? null : t('password.mismatch')),
    },
  });
  const change = useMutation({
    mutationFn: (v: typeof form.values) =>
      authApi.changePassword({ currentPassword: v.currentPassword, newPassword: v.newPassword, endOtherSessions: v.endOtherSessions }),
    onSuccess: async (session, v) => {
      await adopt(session);
      form.reset();
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
      notifications.show({
        color: 'teal',
        message: v.endOtherSessions ? t('password.changedSignedOut') : t('password.changedKept'),
      });
    },
    onError: (error) => setFormError(applyServerErrors(form, error, ['currentPassword', 'newPassword'])),
  });

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="password-heading">
      <Title order={2} fz="h4" id="password-heading" mb="md">
        {t('password.title')}
      </Title>
      <form
        noValidate
        onSubmit={form.onSubmit((v) => {
          setFormError(null);
          change.mutate(v);
        })}
      >
        <Stack gap="sm" maw={420}>
          <PasswordInput label={t('password.current')} autoComplete="current-password" required {...form.getInputProps('currentPassword')} />
          <PasswordInput label={t('password.new')} autoComplete="new-password" required {...form.getInputProps('newPassword')} />
          <PasswordInput label={t('password.repeat')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
          <Checkbox
            label={t('password.signOutElsewhere')}
            description={t('password.signOutElsewhereHint')}
            {...form.getInputProps('endOtherSessions', { type: 'checkbox' })}
          />
          <FormError message={formError} />
          <Group>
            <Button type="submit" loading={change.isPending}>
              {t('password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
