import { Anchor, Badge, Blockquote, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { useReasonText } from '../../i18n/reasons.ts';
import { asReason } from './reason.ts';
import { Link } from 'react-router';
import type { InvitationEvidence as Evidence } from '../../api/screening.ts';
import type { InvitationView } from '../../api/types.ts';
import { useFormat } from '../../i18n/format.ts';
import { accountAgeText, degreeText, historyText, noteLabel, reportsText, sharedFacts } from './evidenceText.ts';
import { RiskScore } from './RiskScore.tsx';

/**
 * Filled teal and red carry white text above 4.5:1; a note that says nothing personal (none, too short,
 * stock) stays a quiet grey: it is not a warning, just not a credential.
 */
const NOTE_BADGES = {
  personal: { color: 'teal.9', variant: 'filled' },
  template: { color: 'red.9', variant: 'filled' },
  stock: { color: 'gray', variant: 'light' },
  short: { color: 'gray', variant: 'light' },
  none: { color: 'gray', variant: 'light' },
} as const;

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="xs" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" m={0}>
        {children}
      </Text>
    </div>
  );
}

/** Phrases that carry members' words, each in its own direction so one cannot reorder its neighbours. */
function Isolated({ items, separator = ' · ' }: { items: string[]; separator?: string }) {
  return items.map((item, i) => (
    <Fragment key={i}>
      {i > 0 && separator}
      <bdi>{item}</bdi>
    </Fragment>
  ));
}

/**
 * "3: Ana Ruiz, Li Wei, and 1 more", each name a link to the profile. The list is joined the way the
 * language joins lists (useFormat().list), with a placeholder per item swapped for its link afterwards.
 */
function Mutuals({ mutuals }: { mutuals: Evidence['mutuals'] }) {
  const { t } = useTranslation('network');
  const format = useFormat();
  if (mutuals.count === 0) return <>{t('evidence.none')}</>;
  if (mutuals.first.length === 0) return <>{format.number(mutuals.count)}</>;
  const more = mutuals.count - mutuals.first.length;
  const items: ReactNode[] = mutuals.first.map((p) => (
    <Anchor key={p.id} component={Link} to={`/in/${p.handle}`}>
      <bdi>{p.name}</bdi>
    </Anchor>
  ));
  if (more > 0) items.push(t('evidence.mutualsMore', { count: more }));
  // Placeholders no name can contain: private-use characters around the item's index.
  const joined = format.list(items.map((_, i) => `\uE000${i}\uE001`));
  const parts = joined.split(/\uE000(\d+)\uE001/);
  return (
    <>
      {t('evidence.mutualsCount', { count: mutuals.count })}{' '}
      {parts.map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{items[Number(part)]}</Fragment> : part))}
    </>
  );
}

/**
 * The evidence behind a received invitation: the note and whether it is personal, what the two share,
 * the sender's profile and history, reports, and the risk score with its reasons. Every fact comes from
 * the server, computed from what the recipient may see.
 */
export function InvitationEvidence({ invitation }: { invitation: InvitationView }) {
  const { t } = useTranslation('network');
  const reasonText = useReasonText();
  const screening = invitation.screening;
  if (!screening) return null;
  const e = screening.evidence;
  const name = invitation.from.name;
  const shared = sharedFacts(t, e.shared);
  return (
    <Stack component="section" aria-label={t('invitation.evidenceLabel', { name })} gap="xs">
      <Stack gap={4}>
        <Badge {...NOTE_BADGES[e.note.kind]} radius="sm" style={{ alignSelf: 'flex-start', textTransform: 'none' }}>
          {noteLabel(t, e.note)}
        </Badge>
        {invitation.note && (
          <Blockquote
            p="xs"
            radius="sm"
            cite={<Trans t={t} i18nKey="evidence.noteFrom" values={{ name }} components={{ bdi: <bdi /> }} />}
          >
            <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} dir="auto">
              {invitation.note}
            </Text>
          </Blockquote>
        )}
      </Stack>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={6} m={0}>
        <Fact label={t('evidence.degreeLabel')}>{degreeText(t, e.degree)}</Fact>
        <Fact label={t('evidence.mutualsLabel')}>
          <Mutuals mutuals={e.mutuals} />
        </Fact>
        <Fact label={t('evidence.inCommonLabel')}>{shared.length ? <Isolated items={shared} /> : t('evidence.nothingInCommon')}</Fact>
        <Fact label={t('evidence.profileLabel')}>
          {t('evidence.profile', { strength: e.profileStrength, age: accountAgeText(t, e.accountAgeDays) })}
        </Fact>
        <Fact label={t('evidence.offersLabel')}>{e.offers.length ? <Isolated items={e.offers} separator=", " /> : t('evidence.noneListed')}</Fact>
        <Fact label={t('evidence.asksLabel')}>{e.asks.length ? <Isolated items={e.asks} separator=", " /> : t('evidence.noneListed')}</Fact>
        <Fact label={t('evidence.historyLabel')}>{historyText(t, e.history)}</Fact>
        <Fact label={t('evidence.reportsLabel')}>{reportsText(t, e.reports)}</Fact>
      </SimpleGrid>
      <RiskScore risk={e.risk} id={`risk-${invitation.id}`} />
      {screening.placement && (
        <Text size="xs" c="dimmed">
          {t('evidence.placedBy', { placement: reasonText(asReason(screening.placement)) })}
        </Text>
      )}
    </Stack>
  );
}
