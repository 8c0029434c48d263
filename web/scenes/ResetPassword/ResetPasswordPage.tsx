import { Alert, Anchor, Button, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LIMITS } from '../../../common/limits.ts';
import { authApi } from '../../api/auth.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormError } from '../../components/FormError.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';

export function ResetPasswordPage() {
  const { t } = useTranslation('account');
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { password: '', confirm: '' },
    validate: {
      password: (v) => (v.length >= LIMITS.passwordMin ? null : t('reset.tooShort', { min: LIMITS.passwordMin })),
      confirm: (v, values) => (v === values.password ? null : t('reset.mismatch')),
    },
  });
  const confirm = useMutation({
    mutationFn: (password: string) => authApi.confirmReset(token, password),
    onError: (error) => setFormError(applyServerErrors(form, error, ['password'])),
  });

  if (!token) {
    return (
      <AuthCard title={t('reset.missingTokenTitle')}>
        <Alert color="red" variant="light" role="alert">
          <Trans t={t} i18nKey="reset.missingToken" components={{ a: <Anchor component={Link} to="/forgot-password" /> }} />
        </Alert>
      </AuthCard>
    );
  }

  return (
    <AuthCard title={t('reset.title')}>
      {confirm.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title={t('reset.changedTitle')}>
          <Trans t={t} i18nKey="reset.changed" components={{ a: <Anchor component={Link} to="/signin" /> }} />
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
            <PasswordInput label={t('reset.new')} autoComplete="new-password" required {...form.getInputProps('password')} />
            <PasswordInput label={t('reset.repeat')} autoComplete="new-password" required {...form.getInputProps('confirm')} />
            <FormError message={formError} />
            <Button type="submit" loading={confirm.isPending} fullWidth>
              {t('reset.submit')}
            </Button>
          </Stack>
        </form>
      )}
    </AuthCard>
  );
}
