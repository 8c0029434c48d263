import { Alert } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconBulb } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { NoteCheckKind } from '../../common/outreach.ts';
import { outreachApi } from '../api/outreach.ts';

export type NudgeKind = Extract<NoteCheckKind, 'none' | 'stock' | 'template'>;

/** Typing pauses this long before a note is checked (the check is rate-limited like a write). */
const CHECK_AFTER_MS = 700;

/**
 * The gentle push for a personal note (docs/outreach.md), for the invitation dialog and the outreach composer:
 * while the note is empty, or once the server finds it stock text or a template (nearly the same as notes the
 * member sent others: the MinHash detector), a nudge says why a line of their own matters. Never a block: the
 * send button always sends, and a failed check shows nothing.
 */
export function useNoteNudge(note: string, to: string | undefined, active = true): NudgeKind | null {
  const [settled] = useDebouncedValue(note.trim(), CHECK_AFTER_MS);
  const check = useQuery({
    queryKey: ['note-check', to ?? null, settled],
    queryFn: () => outreachApi.checkNote(settled, to),
    enabled: active && settled !== '',
    retry: false,
    staleTime: Infinity,
  });
  if (!active) return null;
  if (note.trim() === '') return 'none';
  // Only what was checked is flagged: a note being typed is not a template until it has settled.
  const kind = settled === note.trim() ? check.data?.kind : undefined;
  return kind === 'stock' || kind === 'template' ? kind : null;
}

export function NoteNudge({ kind, firstName }: { kind: NudgeKind | null; firstName: string }) {
  const { t } = useTranslation('people');
  if (!kind) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconBulb size={18} aria-hidden />} data-testid="note-nudge" role="status">
      {t(`connect.nudge.${kind}`, { firstName })}
    </Alert>
  );
}
