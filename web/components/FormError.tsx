import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../api/client.ts';

/**
 * A form-level error under the fields; announced as an alert. Give it `message` (already worded, e.g. by
 * applyServerErrors) or `error` (a thrown error, worded here in the active language by its code).
 */
export function FormError({ message, error }: { message?: string | null; error?: unknown }) {
  // Loads the errors namespace, and re-renders in a new language when it changes.
  useTranslation('errors');
  const text = message ?? (error ? errorMessage(error) : null);
  if (!text) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {text}
    </Alert>
  );
}
