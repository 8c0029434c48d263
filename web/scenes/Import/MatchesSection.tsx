import { Button, Group, Modal, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type ContactView, importsApi } from '../../api/imports.ts';
import { keys } from '../../api/keys.ts';
import { FormError } from '../../components/FormError.tsx';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';
import { matchesKey } from './keys.ts';

type Matched = ContactView & { member: NonNullable<ContactView['member']>; match: NonNullable<ContactView['match']> };

/** Connect with a matched member: an optional note, then the invitation (its context, import, is the server's). */
function ConnectDialog({ contact, onClose, onSent }: { contact: Matched; onClose: () => void; onSent: (outcome: 'invited' | 'connected') => void }) {
  const { t } = useTranslation('imports');
  const [note, setNote] = useState('');
  const send = useMutation({
    mutationFn: () => importsApi.connect(contact.id, note),
    onSuccess: (result) => onSent(result.outcome),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={t('matches.dialogTitle', { name: contact.member.name })}>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <Textarea label={t('matches.noteLabel')} placeholder={t('matches.notePlaceholder')} value={note} onChange={(e) => setNote(e.currentTarget.value)} maxLength={300} autosize minRows={2} />
          <FormError error={send.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('matches.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('matches.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function MatchRow({ contact, sent, onConnect, onDismiss, dismissing }: { contact: Matched; sent: 'invited' | 'connected' | undefined; onConnect: () => void; onDismiss: () => void; dismissing: boolean }) {
  const { t } = useTranslation('imports');
  const { member, match } = contact;
  const degree = member.degree !== null ? t('matches.degree', { degree: String(member.degree) }) : '';
  const connected = sent === 'connected' || member.connected;
  return (
    <Paper component="li" withBorder p="sm" radius="md" style={{ listStyle: 'none', overflowWrap: 'anywhere' }}>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <PersonAvatar name={member.name} photoUrl={member.photoUrl} />
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Text fw={600} component={Link} to={`/in/${member.handle}`}>
            {member.name}
          </Text>
          {(member.headline || degree) && (
            <Text size="sm" c="dimmed">
              {[member.headline, degree].filter(Boolean).join(' · ')}
            </Text>
          )}
          <Group gap={6}>
            <Text size="sm" fw={500}>
              {t(`matches.kinds.${match.kind}`)}
            </Text>
            <Text size="xs" c="dimmed">
              {match.confidence >= 0.9 ? t('matches.confidence.high') : t('matches.confidence.low')}
            </Text>
          </Group>
          <Group gap="xs" mt={4}>
            {sent === 'invited' ? (
              <Text size="sm" fw={500} role="status">
                {t('matches.sent')}
              </Text>
            ) : connected ? (
              <Text size="sm" fw={500} role="status">
                {t('matches.connected')}
              </Text>
            ) : (
              <>
                <Button size="xs" onClick={onConnect} aria-label={t('matches.connectLabel', { name: member.name })}>
                  {t('matches.connect')}
                </Button>
                <Button size="xs" variant="default" onClick={onDismiss} loading={dismissing} aria-label={t('matches.dismissLabel', { name: member.name })}>
                  {t('matches.dismiss')}
                </Button>
              </>
            )}
          </Group>
        </Stack>
      </Group>
    </Paper>
  );
}

/** "N of your LinkedIn connections are here": each matched contact with how sure the match is, Connect and Dismiss. */
export function MatchesSection() {
  const { t } = useTranslation('imports');
  const queryClient = useQueryClient();
  const matches = useQuery({ queryKey: matchesKey, queryFn: importsApi.matches });
  const [connecting, setConnecting] = useState<Matched | null>(null);
  const [sent, setSent] = useState<Record<number, 'invited' | 'connected'>>({});
  const dismiss = useMutation({
    mutationFn: (id: number) => importsApi.dismiss(id),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: matchesKey }),
  });
  const items = (matches.data?.items ?? []).filter((c): c is Matched => c.member !== null && c.match !== null);

  return (
    <Paper p="lg" radius="md" component="section" aria-labelledby="import-matches-heading">
      {matches.isPending ? (
        <PageLoader label={t('matches.loading')} />
      ) : matches.error ? (
        <ErrorState error={matches.error} onRetry={() => void matches.refetch()} />
      ) : (
        <Stack gap="sm">
          <Title order={2} fz="h4" id="import-matches-heading">
            {t('matches.title', { count: items.length })}
          </Title>
          <Text size="sm" c="dimmed">
            {t('matches.intro')}
          </Text>
          <FormError error={dismiss.error} />
          {items.length > 0 && (
            <Stack component="ul" gap="xs" p={0} m={0} aria-label={t('matches.listLabel')}>
              {items.map((c) => (
                <MatchRow key={c.id} contact={c} sent={sent[c.id]} onConnect={() => setConnecting(c)} onDismiss={() => dismiss.mutate(c.id)} dismissing={dismiss.isPending && dismiss.variables === c.id} />
              ))}
            </Stack>
          )}
        </Stack>
      )}
      {connecting && (
        <ConnectDialog
          contact={connecting}
          onClose={() => setConnecting(null)}
          onSent={(outcome) => {
            setSent((s) => ({ ...s, [connecting.id]: outcome }));
            setConnecting(null);
            void queryClient.invalidateQueries({ queryKey: keys.network });
          }}
        />
      )}
    </Paper>
  );
}
