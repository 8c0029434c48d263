import { Button, Group, Modal, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { LIMITS } from '../../common/limits.ts';
import { ApiError, type ApiErrorCode } from '../api/client.ts';
import { contactsApi } from '../api/contacts.ts';
import { type InvitationOrigin, networkApi } from '../api/network.ts';
import { useNetworkMutation } from '../hooks/useNetworkMutation.ts';
import { InviteError } from './InviteError.tsx';
import { NoteNudge, useNoteNudge } from './NoteNudge.tsx';

interface Props {
  person: { handle: string; name: string };
  /**
   * Where the invitation was sent from; recorded as the start of the relationship ("how we met"). From a
   * comment, the comment's id: the server derives the context from it. From one of my imported contacts, the
   * contact's id: it goes through POST /contacts/:id/connect, whose context (import) the server sets.
   */
  context: InvitationOrigin | { contactId: number };
  /** A sentence in place of the usual intro, for a context that tells the other person something more. */
  intro?: string;
  opened: boolean;
  onClose: () => void;
}

/** Sends the invitation the way its context asks for. */
const invite = (handle: string, context: Props['context'], note: string, email?: string): Promise<{ outcome: 'invited' | 'connected' }> =>
  typeof context === 'object' && 'contactId' in context ? contactsApi.connect(context.contactId, note, email) : networkApi.invite(handle, note, context, email);

interface Vars {
  note: string;
  email: string;
}

/** Errors shown beside a field rather than above the buttons. */
const NOTE_ERRORS = new Set<ApiErrorCode>(['note_links_not_allowed']);

/** A name inside a sentence keeps its own direction (an Arabic name in an English sentence). */
const BDI = { bdi: <bdi /> };

/**
 * The invitation composer: a personal note is optional but encouraged, because members screen on it: an empty
 * note, stock text or a template gets a nudge beside it (NoteNudge.tsx), never a block.
 * A refusal stays in the dialog in the server's words; a member who accepts invitations only from people
 * who know their email address gets an email field.
 */
export function ConnectDialog({ person, context, intro, opened, onClose }: Props) {
  const { t } = useTranslation(['people', 'common']);
  const [note, setNote] = useState('');
  const [email, setEmail] = useState('');
  const [needsEmail, setNeedsEmail] = useState(false);
  const nudge = useNoteNudge(note, person.handle, opened);
  const send = useNetworkMutation((vars: Vars) => invite(person.handle, context, vars.note, vars.email || undefined), {
    // Lists offer Accept to someone who already invited the viewer; if their invitation arrived after the
    // list loaded, inviting back connects the two and the note goes nowhere, so say so rather than drop it silently.
    success: (vars, result) =>
      result.outcome === 'invited' ? (
        <Trans t={t} i18nKey="connect.sent" values={{ name: person.name }} components={BDI} />
      ) : vars.note ? (
        <Trans t={t} i18nKey="connect.alreadyInvited" values={{ name: person.name }} components={BDI} />
      ) : (
        <Trans t={t} i18nKey="connect.connected" values={{ name: person.name }} components={BDI} />
      ),
    quietErrors: true,
  });
  const firstName = person.name.split(/\s+/)[0] ?? person.name;
  const error = send.error instanceof ApiError ? send.error : null;
  const noteError = error && NOTE_ERRORS.has(error.code) ? error.message : null;
  const emailError = error?.fieldErrors.find((e) => e.path.endsWith('email'))?.message ?? null;

  const close = () => {
    send.reset();
    onClose();
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    send.mutate(
      { note: note.trim(), email: needsEmail ? email.trim() : '' },
      {
        onSuccess: () => {
          setNote('');
          setEmail('');
          setNeedsEmail(false);
          close();
        },
        onError: (err) => {
          if (err instanceof ApiError && err.code === 'invitation_needs_email') setNeedsEmail(true);
        },
      },
    );
  };

  return (
    <Modal
      opened={opened}
      onClose={close}
      title={<Trans t={t} i18nKey="connect.title" values={{ name: person.name }} components={BDI} />}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm" c="dimmed">
            {intro ?? <Trans t={t} i18nKey="connect.intro" values={{ firstName }} components={BDI} />}
          </Text>
          <Textarea
            label={t('connect.note')}
            description={t('connect.noteLength', { length: note.length, max: LIMITS.invitationNoteMax })}
            value={note}
            onChange={(e) => setNote(e.currentTarget.value)}
            maxLength={LIMITS.invitationNoteMax}
            error={noteError}
            autosize
            minRows={3}
            maxRows={8}
            data-autofocus
          />
          {needsEmail && (
            <TextInput
              label={t('connect.email', { firstName })}
              description={t('connect.emailHint', { firstName })}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={emailError}
              autoComplete="off"
            />
          )}
          <NoteNudge kind={nudge} firstName={firstName} />
          {!noteError && !emailError && <InviteError error={send.error} onNavigate={close} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:actions.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('connect.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
