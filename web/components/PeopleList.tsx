import { Divider } from '@mantine/core';
import { Fragment } from 'react';
import type { InvitationContext, PersonCardWithConnection } from '../api/types.ts';
import { PersonActions } from './PersonActions.tsx';
import { PersonCardItem } from './PersonCardItem.tsx';

/** A list of people the viewer can act on (search results, the member directory), each with the action its connection state allows. */
export function PeopleList({ people, label, context }: { people: PersonCardWithConnection[]; label: string; context: InvitationContext }) {
  return (
    <ul aria-label={label} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
      {people.map((person, i) => (
        <Fragment key={person.id}>
          {i > 0 && <Divider component="li" aria-hidden />}
          <li>
            <PersonCardItem person={person} actions={person.connection === 'self' ? undefined : <PersonActions person={person} context={context} />} />
          </li>
        </Fragment>
      ))}
    </ul>
  );
}
