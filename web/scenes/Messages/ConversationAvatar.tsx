import { Avatar } from '@mantine/core';
import type { ConversationSummary } from '../../api/messages.ts';
import { PersonAvatar } from '../../components/PersonAvatar.tsx';

/** The other member's photo, or up to three of a group's, overlapping; decorative, since the names are printed beside it. */
export function ConversationAvatar({ members, size = 44 }: Pick<ConversationSummary, 'members'> & { size?: number }) {
  if (members.length <= 1) return <PersonAvatar name={members[0]?.name ?? ''} photoUrl={members[0]?.photoUrl} size={size} />;
  return (
    <Avatar.Group spacing={size / 4} aria-hidden>
      {members.slice(0, 3).map((m) => (
        <PersonAvatar key={m.id} name={m.name} photoUrl={m.photoUrl} size={Math.round(size * 0.7)} />
      ))}
    </Avatar.Group>
  );
}
