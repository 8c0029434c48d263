import { ReportDialog } from '../../components/ReportDialog.tsx';

interface Props {
  person: { handle: string; name: string };
  opened: boolean;
  onClose: () => void;
}

/**
 * Reporting from a conversation or a request: the one place Messages opens the report dialog. It reports the
 * member for now; once reports can carry content (a message as evidence), pass the message's id here.
 */
export function ConversationReportDialog({ person, opened, onClose }: Props) {
  return <ReportDialog person={person} opened={opened} onClose={onClose} />;
}
