import { Anchor, Group, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PersonCard } from '../api/types.ts';
import { DegreeBadge } from './DegreeBadge.tsx';
import { PersonAvatar } from './PersonAvatar.tsx';
import classes from './PersonCardItem.module.css';

interface Props {
  person: PersonCard;
  /** Extra line under the headline, e.g. a role at an organisation. */
  extra?: ReactNode;
  /** Buttons on the right (Connect, Accept, Remove…); below the person on narrow screens. */
  actions?: ReactNode;
}

/** One person in a list: avatar, linked name, degree, headline and location. Long names and headlines wrap rather than being cut. */
export function PersonCardItem({ person, extra, actions }: Props) {
  const { t } = useTranslation('people');
  return (
    <div className={classes.row}>
      <div className={classes.who}>
        <PersonAvatar name={person.name} photoUrl={person.photoUrl} size={52} />
        <Stack gap={2} className={classes.text}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Anchor component={Link} to={`/in/${person.handle}`} underline="hover" fw={600} c="inherit" style={{ minWidth: 0 }} dir="auto">
              {person.name}
            </Anchor>
            <DegreeBadge degree={person.degree} />
          </Group>
          {person.headline && (
            <Text size="sm" lineClamp={2} dir="auto">
              {person.headline}
            </Text>
          )}
          {person.location && (
            <Text size="xs" c="dimmed" dir="auto">
              {person.location}
            </Text>
          )}
          {extra}
          {person.mutualCount ? (
            <Text size="xs" c="dimmed">
              {t('mutualConnections', { count: person.mutualCount })}
            </Text>
          ) : null}
        </Stack>
      </div>
      {actions && <div className={classes.actions}>{actions}</div>}
    </div>
  );
}
