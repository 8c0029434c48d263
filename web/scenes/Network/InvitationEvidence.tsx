import { Anchor, Badge, Blockquote, SimpleGrid, Stack, Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import type { InvitationEvidence as Evidence } from '../../api/screening.ts';
import type { InvitationView } from '../../api/types.ts';
import { accountAgeText, degreeText, historyText, listOrNone, noteLabel, reportsText, sharedFacts } from './evidenceText.ts';
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

/** "3: Ana Ruiz, Li Wei and Bo Chen (and 2 more)", each name a link to the profile. */
function Mutuals({ mutuals }: { mutuals: Evidence['mutuals'] }) {
  if (mutuals.count === 0) return <>None</>;
  const more = mutuals.count - mutuals.first.length;
  return (
    <>
      {mutuals.count}
      {mutuals.first.length > 0 && ': '}
      {mutuals.first.map((p, i) => (
        <Fragment key={p.id}>
          {i > 0 && (i === mutuals.first.length - 1 && more === 0 ? ' and ' : ', ')}
          <Anchor component={Link} to={`/in/${p.handle}`}>
            <bdi>{p.name}</bdi>
          </Anchor>
        </Fragment>
      ))}
      {more > 0 && ` and ${more} more`}
    </>
  );
}

/**
 * The evidence behind a received invitation: the note and whether it is personal, what the two share,
 * the sender's profile and history, reports, and the risk score with its reasons. Every fact comes from
 * the server, computed from what the recipient may see.
 */
export function InvitationEvidence({ invitation }: { invitation: InvitationView }) {
  const screening = invitation.screening;
  if (!screening) return null;
  const e = screening.evidence;
  const name = invitation.from.name;
  const shared = sharedFacts(e.shared);
  return (
    <Stack component="section" aria-label={`Evidence about ${name}`} gap="xs">
      <Stack gap={4}>
        <Badge {...NOTE_BADGES[e.note.kind]} radius="sm" style={{ alignSelf: 'flex-start', textTransform: 'none' }}>
          {noteLabel(e.note)}
        </Badge>
        {invitation.note && (
          <Blockquote
            p="xs"
            radius="sm"
            cite={
              <>
                — note from <bdi>{name}</bdi>
              </>
            }
          >
            <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }} dir="auto">
              {invitation.note}
            </Text>
          </Blockquote>
        )}
      </Stack>
      <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="md" verticalSpacing={6} m={0}>
        <Fact label="Degree before connecting">{degreeText(e.degree)}</Fact>
        <Fact label="Mutual connections">
          <Mutuals mutuals={e.mutuals} />
        </Fact>
        <Fact label="In common">{shared.length ? <Isolated items={shared} /> : 'No shared organisation, school, place or industry'}</Fact>
        <Fact label="Profile">
          Strength {e.profileStrength} of 100 · account {accountAgeText(e.accountAgeDays)}
        </Fact>
        <Fact label="Offers">{e.offers.length ? <Isolated items={e.offers} separator=", " /> : listOrNone(e.offers)}</Fact>
        <Fact label="Asks for">{e.asks.length ? <Isolated items={e.asks} separator=", " /> : listOrNone(e.asks)}</Fact>
        <Fact label="Their invitations (last 90 days)">{historyText(e.history)}</Fact>
        <Fact label="Reports against them">{reportsText(e.reports)}</Fact>
      </SimpleGrid>
      <RiskScore risk={e.risk} id={`risk-${invitation.id}`} />
      {screening.placement && (
        <Text size="xs" c="dimmed">
          Placed here by: {screening.placement.text}
        </Text>
      )}
    </Stack>
  );
}
