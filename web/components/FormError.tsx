import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useErrorMessage } from '../hooks/useErrorMessage.ts';

/**
 * A form-level error under the fields; announced as an alert. Give it `message` (already worded, e.g. by
 * applyServerErrors) or `error` (a thrown error, worded here in the active language by its code).
 */
export function FormError({ message, error }: { message?: string | null; error?: unknown }) {
  const worded = useErrorMessage(error);
  const text = message ?? worded;
  if (!text) return null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {text}
    </Alert>
  );
}
