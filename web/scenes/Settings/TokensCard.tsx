import { Button, Code, Group, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { AccessToken } from '../../api/types.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { useFormat } from '../../i18n/format.ts';
import { NewTokenForm } from './NewTokenForm.tsx';

/** The header a script sends: code, the same in every language. */
const BEARER = 'Authorization: Bearer <token>';

/** Personal access tokens for scripts: list, create and revoke. */
export function TokensCard() {
  const { t } = useTranslation(['settings', 'common']);
  const format = useFormat();
  const date = (iso: string | null) => (iso ? format.date(iso) : t('tokens.never'));
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: meApi.listTokens });
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: number) => meApi.revokeToken(id),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
      notifications.show({ color: 'teal', message: t('tokens.revoked') });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="tokens-heading">
      <Title order={2} fz="h4" id="tokens-heading" mb={4}>
        {t('tokens.title')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        <Trans t={t} i18nKey="tokens.intro" components={{ code: <Code>{BEARER}</Code> }} />
      </Text>
      <Stack gap="md">
        <NewTokenForm />
        {tokens.isPending ? (
          <PageLoader label={t('tokens.loading')} />
        ) : tokens.error ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('tokens.none')}
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="sm" aria-label={t('tokens.table')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('tokens.name')}</Table.Th>
                  <Table.Th>{t('tokens.prefix')}</Table.Th>
                  <Table.Th>{t('tokens.created')}</Table.Th>
                  <Table.Th>{t('tokens.lastUsed')}</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>{t('tokens.actions')}</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((token) => (
                  <Table.Tr key={token.id}>
                    <Table.Td dir="auto">{token.name}</Table.Td>
                    <Table.Td>
                      <Code>{token.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{date(token.createdAt)}</Table.Td>
                    <Table.Td>{date(token.lastUsedAt)}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(token)}
                        aria-label={t('tokens.revokeLabel', { name: token.name })}
                      >
                        {t('tokens.revoke')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title={t('tokens.revokeTitle')} centered>
        <Stack>
          <Text size="sm">
            <Trans t={t} i18nKey="tokens.revokeWarning" values={{ name: revoking?.name ?? '' }} components={{ bdi: <bdi /> }} />
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              {t('common:actions.cancel')}
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              {t('tokens.revokeConfirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
