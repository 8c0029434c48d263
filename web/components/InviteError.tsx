import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, type ApiErrorCode } from '../api/client.ts';
import { useErrorMessage } from '../hooks/useErrorMessage.ts';

/** The allowance widget on My Network; the invite dialog links to it when a send is refused for the allowance. */
export const ALLOWANCE_ANCHOR = 'invitation-allowance';
export const ALLOWANCE_HREF = `/network?tab=sent#${ALLOWANCE_ANCHOR}`;

/** Refusals that the allowance widget explains: the weekly allowance, the cap on waiting invitations, a hold or a restriction. */
const EXPLAINED_BY_ALLOWANCE = new Set<ApiErrorCode>(['invitation_allowance', 'invitation_limit', 'account_held', 'invitations_restricted']);

/** Why an invitation could not be sent, worded by its code in the active language, with the way to learn more when there is one. */
export function InviteError({ error, onNavigate }: { error: unknown; onNavigate?: () => void }) {
  const { t } = useTranslation('people');
  const text = useErrorMessage(error);
  if (!error) return null;
  const code = error instanceof ApiError ? error.code : null;
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert" title={t('connect.notSent')}>
      <Stack gap={4}>
        <Text size="sm">{text}</Text>
        {code && EXPLAINED_BY_ALLOWANCE.has(code) && (
          <Anchor component={Link} to={ALLOWANCE_HREF} size="sm" onClick={onNavigate}>
            {t('connect.allowanceLink')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
