import { Anchor, Badge, Box, Button, Collapse, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconChevronDown, IconChevronUp } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { contactsApi, type ContactView } from '../../api/contacts.ts';
import { ConnectDialog } from '../../components/ConnectDialog.tsx';
import { DegreeBadge } from '../../components/DegreeBadge.tsx';
import { InviteByEmailDialog } from '../../components/email-invitations/InviteByEmailDialog.tsx';
import { FormError } from '../../components/FormError.tsx';
import { useFormat } from '../../i18n/format.ts';
import { ContactDetails } from './ContactDetails.tsx';
import { contactKeys, firstName, howWeMet } from './contactWords.ts';

const BDI = { bdi: <bdi /> };

/** One imported contact: who they are, how we met, the member they are here (Connect, Dismiss) or Invite to join; notes and tags open below. */
export function ContactItem({ contact }: { contact: ContactView }) {
  const { t } = useTranslation('contacts');
  const format = useFormat();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const [connecting, setConnecting] = useState(false);
  const [inviting, setInviting] = useState(false);
  const detailsId = useId();
  const member = contact.member;
  const role = contact.title && contact.organisation ? t('roleAt', { title: contact.title, organisation: contact.organisation }) : (contact.title ?? contact.organisation);
  const email = contact.emails[0];
  const dismiss = useMutation({
    mutationFn: () => contactsApi.dismiss(contact.id),
    onSuccess: () => {
      notifications.show({ color: 'teal', message: t('actions.dismissed', { name: contact.name }) });
      void client.invalidateQueries({ queryKey: contactKeys.all });
    },
  });

  return (
    <Box py="sm">
      <Stack gap={4}>
        <Group gap="xs" wrap="wrap">
          {/* Each contact is a heading, so a screen reader can move from one to the next. */}
          <Title order={2} fz="md" style={{ overflowWrap: 'anywhere' }}>
            <bdi>{contact.name}</bdi>
          </Title>
          {member && <DegreeBadge degree={member.degree} />}
        </Group>
        {role && (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {role}
          </Text>
        )}
        <Text size="sm" c="dimmed">
          {howWeMet(t, contact)}
        </Text>
        {contact.lastInteractionAt && (
          <Text size="sm" c="dimmed">
            {t('lastMessage', { ago: format.timeAgo(contact.lastInteractionAt) })}
          </Text>
        )}
        {member && (
          <Text size="sm">
            <Anchor component={Link} to={`/in/${encodeURIComponent(member.handle)}`}>
              <Trans t={t} i18nKey="match.profile" values={{ name: member.name }} components={BDI} />
            </Anchor>
            {contact.match && (
              <Text span size="sm" c="dimmed">
                {' · '}
                {t(`match.${contact.match.kind}`)}
              </Text>
            )}
          </Text>
        )}
        {contact.tags.length > 0 && (
          <Group gap={4} wrap="wrap">
            {contact.tags.map((tag) => (
              <Badge key={tag.id} color={tag.colour} variant="dot" size="md" style={{ textTransform: 'none' }}>
                {tag.name}
              </Badge>
            ))}
          </Group>
        )}
        <Group gap="xs" wrap="wrap" mt={4}>
          {member && member.connected && (
            <Badge variant="light" color="teal" size="sm">
              {t('match.connected')}
            </Badge>
          )}
          {member && !member.connected && !contact.dismissed && (
            <>
              <Button size="xs" onClick={() => setConnecting(true)} aria-label={t('actions.connectLabel', { name: contact.name })}>
                {t('actions.connect')}
              </Button>
              <Button size="xs" variant="default" loading={dismiss.isPending} onClick={() => dismiss.mutate()} aria-label={t('actions.dismissLabel', { name: contact.name })}>
                {t('actions.dismiss')}
              </Button>
            </>
          )}
          {member && !member.connected && contact.dismissed && (
            <Badge variant="light" color="gray" size="sm">
              {t('match.dismissed')}
            </Badge>
          )}
          {!member && email && (
            <Button size="xs" variant="light" onClick={() => setInviting(true)} aria-label={t('actions.inviteLabel', { name: contact.name })}>
              {t('actions.invite')}
            </Button>
          )}
          <Button
            size="xs"
            variant="subtle"
            aria-expanded={open}
            aria-controls={detailsId}
            aria-label={t('actions.detailsLabel', { name: contact.name })}
            rightSection={open ? <IconChevronUp size={14} aria-hidden /> : <IconChevronDown size={14} aria-hidden />}
            onClick={() => setOpen((o) => !o)}
          >
            {contact.notesCount > 0 ? `${t('actions.details')} (${format.number(contact.notesCount)})` : t('actions.details')}
          </Button>
        </Group>
        <FormError error={dismiss.error} />
      </Stack>
      <Collapse in={open} id={detailsId}>
        {open && <ContactDetails contact={contact} />}
      </Collapse>
      {member && (
        <ConnectDialog
          person={member}
          context={{ contactId: contact.id }}
          intro={t('connect.intro')}
          opened={connecting}
          onClose={() => setConnecting(false)}
        />
      )}
      {!member && email && inviting && (
        <InviteByEmailDialog opened={inviting} onClose={() => setInviting(false)} initial={{ email, name: firstName(contact.name) }} />
      )}
    </Box>
  );
}
