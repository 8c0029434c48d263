import { Anchor, Button, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { LIMITS } from '../../../common/limits.ts';
import { authApi } from '../../api/auth.ts';
import { AuthCard } from '../../components/AuthCard.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useSignedInRedirect } from '../../components/RequireAuth.tsx';
import { lineError } from '../../hooks/textCheck.ts';
import { applyServerErrors } from '../../hooks/useServerErrors.ts';
import { useSession } from '../../hooks/useSession.ts';

const FIELDS = ['name', 'email', 'password'] as const;

export function SignUpPage() {
  const navigate = useNavigate();
  const { adopt } = useSession();
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm({
    initialValues: { name: '', email: '', password: '' },
    validate: {
      name: (v) => lineError(v, 'Enter your name'),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v.trim()) ? null : 'Enter a valid email address'),
      password: (v) => (v.length >= LIMITS.passwordMin ? null : `Use at least ${LIMITS.passwordMin} characters`),
    },
  });
  const signup = useMutation({
    mutationFn: authApi.signup,
    onSuccess: async (session) => {
      await adopt(session);
      await navigate('/profile/edit?welcome=1');
    },
    onError: (error) => setFormError(applyServerErrors(form, error, FIELDS)),
  });

  const redirect = useSignedInRedirect(signup.isPending || signup.isSuccess);
  if (redirect) return redirect;
  return (
    <AuthCard title="Join Rapport" subtitle="Build relationships that matter in your community.">
      <form
        noValidate
        onSubmit={form.onSubmit((values) => {
          setFormError(null);
          signup.mutate(values);
        })}
      >
        <Stack gap="md">
          <TextInput label="Full name" autoComplete="name" required maxLength={LIMITS.nameMax} {...form.getInputProps('name')} />
          <TextInput label="Email" type="email" autoComplete="email" required {...form.getInputProps('email')} />
          <PasswordInput
            label="Password"
            description={`At least ${LIMITS.passwordMin} characters; a passphrase works well.`}
            autoComplete="new-password"
            required
            {...form.getInputProps('password')}
          />
          <FormError message={formError} />
          <Button type="submit" loading={signup.isPending} fullWidth>
            Create account
          </Button>
          <Text size="sm" ta="center">
            Already a member?{' '}
            <Anchor component={Link} to="/signin">
              Sign in
            </Anchor>
          </Text>
        </Stack>
      </form>
    </AuthCard>
  );
}
