import { Button, type ButtonProps } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * "Message": opens the one-to-one with this member if there is one, else a new message to them
 * (/messages/new?to=). Shown only where the server's canMessage says a conversation could start; it never
 * hints at where the message would land.
 */
export function MessageButton({ person, size = 'sm', variant = 'default' }: { person: { handle: string; name: string }; size?: ButtonProps['size']; variant?: ButtonProps['variant'] }) {
  const { t } = useTranslation('people');
  return (
    <Button
      component={Link}
      to={`/messages/new?to=${encodeURIComponent(person.handle)}`}
      size={size}
      variant={variant}
      leftSection={<IconMessage size={size === 'xs' ? 14 : 16} aria-hidden />}
      aria-label={t('message.actionLabel', { name: person.name })}
    >
      {t('message.action')}
    </Button>
  );
}
