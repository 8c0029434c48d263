import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { keys } from '../../api/keys.ts';
import { BlockDialog } from '../../components/BlockDialog.tsx';
import { ConversationReportDialog } from './ConversationReportDialog.tsx';

type Person = { handle: string; name: string };
export type PersonDialog = { kind: 'report' | 'block'; person: Person };

/**
 * Report or block one member from a conversation or a request. A block hides a one-to-one from both members
 * (docs/messages.md), so blocking its member leaves it (`onGone`); in a group, the blocked member's messages go.
 */
export function ConversationPeopleDialogs({ dialog, direct, onClose, onGone }: { dialog: PersonDialog | null; direct: boolean; onClose: () => void; onGone: () => void }) {
  const client = useQueryClient();
  // The last person stays named while a dialog closes (its fade-out), rather than going blank.
  const [last, setLast] = useState<PersonDialog | null>(dialog);
  if (dialog && dialog !== last) setLast(dialog);
  const person = (dialog ?? last)?.person ?? { handle: '', name: '' };
  const blocked = () => {
    if (direct) onGone();
    void client.invalidateQueries({ queryKey: keys.conversations });
  };
  return (
    <>
      <ConversationReportDialog person={person} opened={dialog?.kind === 'report'} onClose={onClose} />
      <BlockDialog person={person} opened={dialog?.kind === 'block'} onClose={onClose} onBlocked={blocked} />
    </>
  );
}
