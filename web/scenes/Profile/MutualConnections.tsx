import { Anchor, Box, Collapse, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, useId } from 'react';
import { Link } from 'react-router';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import type { MemberProfileView, PersonCard } from '../../api/types.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';

/** One page of mutuals is enough for a profile; the full lists live on My Network. */
const FULL_LIST = 50;

/**
 * "Ana Ruiz, Li Wei and 10 others are mutual connections": the first few by name (the profile view sends
 * them), and the rest one click away, loaded only when asked for.
 */
export function MutualConnections({ profile }: { profile: Pick<MemberProfileView, 'handle' | 'mutualCount' | 'mutuals'> }) {
  const [expanded, { toggle }] = useDisclosure(false);
  const listId = useId();
  const count = profile.mutualCount ?? 0;
  if (count === 0) return null;
  const named = (profile.mutuals ?? []).slice(0, 3);
  const others = count - named.length;

  return (
    <Box>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconUsers size={16} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
        <Text size="sm" c="dimmed">
          <NameList people={named} more={others > 0} />
          {others > 0 && (
            <>
              {named.length > 0 ? ' and ' : ''}
              <Anchor component="button" type="button" size="sm" onClick={toggle} aria-expanded={expanded} aria-controls={listId}>
                {named.length > 0 ? `${others} other${others === 1 ? '' : 's'}` : `${count} mutual connection${count === 1 ? '' : 's'}`}
              </Anchor>
            </>
          )}
          {named.length > 0 && (count === 1 ? ' is a mutual connection' : ' are mutual connections')}
        </Text>
      </Group>
      {others > 0 && (
        <Collapse in={expanded} id={listId}>
          {expanded && <FullMutualList handle={profile.handle} />}
        </Collapse>
      )}
    </Box>
  );
}

/** "Ana, Li and Sam", or "Ana, Li, Sam" when "and N others" follows. */
function NameList({ people, more }: { people: PersonCard[]; more: boolean }) {
  return people.map((p, i) => (
    <Fragment key={p.id}>
      {i > 0 && (i === people.length - 1 && !more ? ' and ' : ', ')}
      <Anchor component={Link} to={`/in/${p.handle}`} size="sm" underline="hover">
        <bdi>{p.name}</bdi>
      </Anchor>
    </Fragment>
  ));
}

function FullMutualList({ handle }: { handle: string }) {
  const query = useQuery({ queryKey: keys.mutuals(handle, FULL_LIST), queryFn: () => networkApi.mutuals(handle, FULL_LIST) });
  if (query.isPending) return <PageLoader label="Loading mutual connections…" />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <ul aria-label="Mutual connections" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {query.data.items.map((p) => (
        <li key={p.id}>
          <PersonCardItem person={p} />
        </li>
      ))}
    </ul>
  );
}
