import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { LIMITS } from '../../../common/limits.ts';
import { isLocale } from '../../../common/locales.ts';
import { authApi } from '../../api/auth.ts';
import { emailInvitationsApi } from '../../api/email-invitations.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useSignedInRedirect } from '../../components/RequireAuth.tsx';
import { lineError } from '../../hooks/textCheck.ts';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';
import { useSession } from '../../hooks/useSession.ts';

const FIELDS = ['name', 'email', 'password'] as const;

export function SignUpPage() {
  const navigate = useNavigate();
  // errors: lineError words a refused name from it, so it loads with the scene's own namespace.
  const { t, i18n } = useTranslation(['auth', 'errors']);
  const { adopt } = useSession();
  // Come from an invitation to join: once signed up, say so, and meet whoever invited you first.
  const invitation = useSearchParams()[0].get('invitation');
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (v) => lineError(v, t('signUp.enterName')),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : t('signUp.enterValidEmail')),
      password: (v) => (v.length >= LIMITS.passwordMin ? null : t('signUp.passwordTooShort', { min: LIMITS.passwordMin })),
    },
  });
  const signup = useMutation({
    mutationFn: authApi.signup,
    onSuccess: async (session) => {
      await adopt(session);
      const inviter = invitation ? await emailInvitationsApi.join(invitation).then((r) => r.inviter, () => null) : null;
      await navigate(inviter ? `/in/${encodeURIComponent(inviter)}` : '/profile/edit?welcome=1');
    },
    onError: (error) => setFormError(applyServerErrors(form, error, FIELDS)),
  });

  const redirect = useSignedInRedirect(signup.isPending || signup.isSuccess);
  if (redirect) return redirect;
  return (
    <AuthCard title={t('signUp.title')} subtitle={t('signUp.subtitle')}>
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          // The language the page is shown in becomes the member's setting (never the test-only pseudo-locale).
          signup.mutate({ ...values, ...(isLocale(i18n.language) ? { locale: i18n.language } : {}) });
        })}
      >
        <Stack gap="md">
          <TextInput label={t('signUp.fullName')} autoComplete="name" required maxLength={LIMITS.nameMax} {...form.getInputProps('name')} />
          <TextInput label={t('signUp.email')} type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label={t('signUp.password')}
            description={t('signUp.passwordHint', { min: LIMITS.passwordMin })}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <FormError message={formError} />
          <Button type="submit" loading={signup.isPending} fullWidth>
            {t('signUp.submit')}
          </Button>
          <Text size="sm" ta="center">
            {t('signUp.alreadyMember')}{' '}
            <Anchor component={Link} to="/signin">
              {t('signUp.signIn')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
