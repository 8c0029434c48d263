import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { authApi } from '../../api/auth.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormError } from '../../components/FormError.tsx';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';

export function ForgotPasswordPage() {
  const { t } = useTranslation('account');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('forgot.enterValidEmail')) },
  });
  const request = useMutation({
    mutationFn: (email: string) => authApi.requestReset(email),
    onError: (error) => setFormError(applyServerErrors(form, error, ['email'])),
  });

  return (
    <AuthCard title={t('forgot.title')} subtitle={t('forgot.subtitle')}>
      {request.isSuccess ? (
        <Alert color="teal" variant="light" role="status" title={t('forgot.sentTitle')}>
          {t('forgot.sent', { email: form.values.email })}
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
            <TextInput label={t('forgot.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
            <FormError message={formError} />
            <Button type="submit" loading={request.isPending} fullWidth>
              {t('forgot.submit')}
            </Button>
          </Stack>
        </form>
      )}
      <Anchor component={Link} to="/signin" size="sm" ta="center">
        {t('forgot.backToSignIn')}
      </Anchor>
    </AuthCard>
  );
}
