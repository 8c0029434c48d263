import { Button, Group, Modal, Paper, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LIMITS } from '../../../common/limits.ts';
import { ApiError } from '../../api/client.ts';
import { keys } from '../../api/keys.ts';
import { messagesApi } from '../../api/messages.ts';
import { networkApi } from '../../api/network.ts';
import type { OutreachSuggestion } from '../../api/outreach.ts';
import { postsApi } from '../../api/posts.ts';
import { NoteNudge, useNoteNudge } from '../../components/NoteNudge.tsx';
import { useFormat } from '../../i18n/format.ts';

const BDI = { bdi: <bdi /> };

/**
 * The outreach composer: from one of the week's suggestions, a note in the member's own words. It asks what
 * they admire in the person's work, shows the person's latest post to refer to, flags an empty note or a
 * template, and sends a message to a connection or an invitation with the note to anyone else. Sending counts
 * as outreach (the server records it from the event, docs/outreach.md).
 */
export function OutreachComposer({ suggestion, onClose }: { suggestion: OutreachSuggestion; onClose: () => void }) {
  const { t } = useTranslation(['outreach', 'common']);
  const f = useFormat();
  const client = useQueryClient();
  const person = suggestion.person;
  const connected = person.connection === 'connected';
  const max = connected ? LIMITS.messageMax : LIMITS.invitationNoteMax;
  const [admire, setAdmire] = useState('');
  const [note, setNote] = useState('');
  const text = [admire.trim(), note.trim()].filter(Boolean).join('\n\n');
  const nudge = useNoteNudge(text, person.handle);
  const latest = useQuery({ queryKey: ['outreach', 'latest-post', person.handle], queryFn: () => postsApi.memberPosts(person.handle) });
  const post = latest.data?.items[0];
  const send = useMutation({
    mutationFn: async (): Promise<void> => {
      if (connected) await messagesApi.start([person.handle], { text });
      else await networkApi.invite(person.handle, text, 'suggestion');
    },
    onSuccess: () => {
      notifications.show({ color: 'teal', message: <Trans t={t} i18nKey="composer.sent" values={{ name: person.name }} components={BDI} /> });
      void client.invalidateQueries({ queryKey: keys.outreach });
      onClose();
    },
  });
  const firstName = person.name.split(/\s+/)[0] ?? person.name;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text !== '') send.mutate();
  };
  return (
    <Modal opened onClose={onClose} title={<Trans t={t} i18nKey="composer.title" values={{ name: person.name }} components={BDI} />} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {t('composer.intro')}
          </Text>
          <Paper withBorder p="sm" radius="sm" component="section" aria-label={t('composer.recentPost')}>
            <Text size="xs" fw={600} mb={4}>
              {t('composer.recentPost')}
            </Text>
            {post ? (
              <>
                <Text size="sm" lineClamp={4} dir="auto">
                  {post.text}
                </Text>
                <Text size="xs" c="dimmed">
                  {f.date(post.createdAt)}
                </Text>
              </>
            ) : (
              <Text size="sm" c="dimmed">
                {latest.isPending ? '…' : t('composer.noPost')}
              </Text>
            )}
          </Paper>
          <Textarea
            label={t('composer.admire')}
            description={t('composer.admireHint')}
            value={admire}
            onChange={(e) => setAdmire(e.currentTarget.value)}
            autosize
            minRows={2}
            maxRows={5}
            data-autofocus
          />
          <Textarea
            label={t('composer.note')}
            description={t('composer.length', { length: text.length, max })}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={8}
            error={text.length > max ? t('composer.length', { length: text.length, max }) : null}
          />
          <NoteNudge kind={nudge} firstName={firstName} />
          {send.error instanceof ApiError && (
            <Text size="sm" c="red.8" role="alert">
              {send.error.message}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending} disabled={text === '' || text.length > max}>
              {connected ? t('composer.sendMessage') : t('composer.sendInvitation')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
