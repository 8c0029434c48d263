import { Anchor, Box, Collapse, Group, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUsers } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { Fragment, type ReactNode, useId } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { keys } from '../../api/keys.ts';
import { networkApi } from '../../api/network.ts';
import type { MemberProfileView } from '../../api/types.ts';
import { ErrorState, PageLoader } from '../../components/PageState.tsx';
import { PersonCardItem } from '../../components/PersonCardItem.tsx';
import { useFormat } from '../../i18n/format.ts';

/** One page of mutuals is enough for a profile; the full lists live on My Network. */
const FULL_LIST = 50;

/**
 * "Ana Ruiz, Li Wei and 10 others are mutual connections": the first few by name (the profile view sends
 * them), and the rest one click away, loaded only when asked for.
 */
export function MutualConnections({ profile }: { profile: Pick<MemberProfileView, 'handle' | 'mutualCount' | 'mutuals'> }) {
  const { t } = useTranslation('profile');
  const { language } = useFormat();
  const [expanded, { toggle }] = useDisclosure(false);
  const listId = useId();
  const count = profile.mutualCount ?? 0;
  if (count === 0) return null;
  const named = (profile.mutuals ?? []).slice(0, 3);
  const others = count - named.length;
  const more =
    others > 0 ? (
      <Anchor key="more" component="button" type="button" size="sm" onClick={toggle} aria-expanded={expanded} aria-controls={listId}>
        {named.length > 0 ? t('mutuals.others', { count: others }) : t('mutuals.count', { count })}
      </Anchor>
    ) : null;
  const names = named.map((p) => (
    <Anchor key={p.id} component={Link} to={`/in/${p.handle}`} size="sm" underline="hover">
      <bdi>{p.name}</bdi>
    </Anchor>
  ));

  return (
    <Box>
      <Group gap={6} wrap="nowrap" align="flex-start">
        <IconUsers size={16} aria-hidden style={{ marginTop: 3, flexShrink: 0 }} />
        <Text size="sm" c="dimmed">
          {named.length > 0 ? (
            <Trans
              t={t}
              i18nKey="mutuals.sentence"
              values={{ count }}
              components={{ names: <ListOf items={more ? [...names, more] : names} language={language} /> }}
            />
          ) : (
            more
          )}
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

/** "Ana, Li and Sam" / "Ana, Li e Sam": the language's own list pattern (Intl), with each item a link. */
function ListOf({ items, language }: { items: ReactNode[]; language: string }) {
  const parts = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).formatToParts(items.map((_, i) => String(i)));
  return parts.map((part, i) => <Fragment key={i}>{part.type === 'element' ? items[Number(part.value)] : part.value}</Fragment>);
}

function FullMutualList({ handle }: { handle: string }) {
  const { t } = useTranslation('profile');
  const query = useQuery({ queryKey: keys.mutuals(handle, FULL_LIST), queryFn: () => networkApi.mutuals(handle, FULL_LIST) });
  if (query.isPending) return <PageLoader label={t('mutuals.loading')} />;
  if (query.error) return <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  return (
    <ul aria-label={t('mutuals.list')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {query.data.items.map((p) => (
        <li key={p.id}>
          <PersonCardItem person={p} />
        </li>
      ))}
    </ul>
  );
}
