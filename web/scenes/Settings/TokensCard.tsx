import { Button, Code, Group, Modal, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { errorMessage } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { meApi } from '../../api/me.ts';
import type { AccessToken } from '../../api/types.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { NewTokenForm } from './NewTokenForm.tsx';

const date = (iso: string | null) => (iso ? new Date(iso).toLocaleDateString() : 'Never');

/** Personal access tokens for scripts: list, create and revoke. */
export function TokensCard() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: keys.tokens, queryFn: meApi.listTokens });
  const [revoking, setRevoking] = useState<AccessToken | null>(null);
  const revoke = useMutation({
    mutationFn: (id: number) => meApi.revokeToken(id),
    onSuccess: () => {
      setRevoking(null);
      void queryClient.invalidateQueries({ queryKey: keys.tokens });
      notifications.show({ color: 'teal', message: 'Token revoked.' });
    },
    onError: (error) => notifications.show({ color: 'red', message: errorMessage(error) }),
  });

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="tokens-heading">
      <Title order={2} fz="h4" id="tokens-heading" mb={4}>
        Access tokens
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Scripts use these instead of your password: send <Code>Authorization: Bearer &lt;token&gt;</Code>. Resetting your
        password revokes them all, and so does changing it unless you choose to stay signed in elsewhere.
      </Text>
      <Stack gap="md">
        <NewTokenForm />
        {tokens.isPending ? (
          <PageLoader label="Loading tokens…" />
        ) : tokens.error ? (
          <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />
        ) : tokens.data.items.length === 0 ? (
          <Text size="sm" c="dimmed">
            You have no access tokens.
          </Text>
        ) : (
          <Table.ScrollContainer minWidth={480}>
            <Table verticalSpacing="sm" aria-label="Your access tokens">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Starts with</Table.Th>
                  <Table.Th>Created</Table.Th>
                  <Table.Th>Last used</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {tokens.data.items.map((t) => (
                  <Table.Tr key={t.id}>
                    <Table.Td>{t.name}</Table.Td>
                    <Table.Td>
                      <Code>{t.prefix}…</Code>
                    </Table.Td>
                    <Table.Td>{date(t.createdAt)}</Table.Td>
                    <Table.Td>{date(t.lastUsedAt)}</Table.Td>
                    <Table.Td ta="right">
                      <Button size="xs" variant="subtle" color="red" onClick={() => setRevoking(t)} aria-label={`Revoke ${t.name}`}>
                        Revoke
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <Modal opened={revoking !== null} onClose={() => setRevoking(null)} title="Revoke access token?" centered>
        <Stack>
          <Text size="sm">Scripts using “{revoking?.name}” will stop working immediately. This cannot be undone.</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRevoking(null)}>
              Cancel
            </Button>
            <Button color="red" loading={revoke.isPending} onClick={() => revoking && revoke.mutate(revoking.id)}>
              Revoke token
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}
