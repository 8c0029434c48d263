import { Alert, Button, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconMail } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { authApi } from '../../api/auth.ts';

/** Reminds unverified members to confirm their email, with a resend button. */
export function VerifyBanner({ email }: { email: string }) {
  const { t } = useTranslation('home');
  const resend = useMutation({
    mutationFn: authApi.resendVerification,
    onSuccess: () => notifications.show({ color: 'teal', message: t('verify.sent', { email }) }),
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });
  return (
    <Alert color="brand" variant="light" icon={<IconMail aria-hidden />} title={t('verify.title')}>
      <Text size="sm" mb="xs">
        {t('verify.body', { email })}
      </Text>
      <Button size="xs" variant="white" color="dark" loading={resend.isPending} onClick={() => resend.mutate()}>
        {t('verify.resend')}
      </Button>
    </Alert>
  );
}
