import { ReportDialog } from '../../components/ReportDialog.tsx';

interface Props {
  person: { handle: string; name: string };
  /** One message of theirs, reported with them: the operators see its text as evidence. Without it, the member. */
  messageId?: number | undefined;
  opened: boolean;
  onClose: () => void;
}

/**
 * Reporting from a conversation or a request: the one place Messages opens the report dialog. The "More" menu
 * reports a member; a message's own menu reports that message (docs/moderation.md, "Reports").
 */
export function ConversationReportDialog({ person, messageId, opened, onClose }: Props) {
  return <ReportDialog person={person} {...(messageId === undefined ? {} : { content: { kind: 'message' as const, id: messageId } })} opened={opened} onClose={onClose} />;
}
