import { Alert, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { errorMessage } from '../../api/client.ts';
import { authApi } from '../../api/auth.ts';

/** Reminds unverified members to confirm their email, with a resend button. */
export function VerifyBanner({ email }: { email: string }) {
  const resend = useMutation({
    mutationFn: authApi.resendVerification,
    onSuccess: () => notifications.show({ color: 'teal', message: `Verification email sent to ${email}.` }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <Alert color="brand" variant="light" icon={<IconMail aria-hidden />} title="Confirm your email address">
      <Text size="sm" mb="xs">
        We sent a link to {email}. Confirming it keeps your account recoverable.
      </Text>
      <Button size="xs" variant="white" color="dark" loading={resend.isPending} onClick={() => resend.mutate()}>
        Resend email
      </Button>
    </Alert>
  );
}
