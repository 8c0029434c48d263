import { Tabs, Text } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { InvitationFolder } from '../../api/screening.ts';
import type { InvitationView } from '../../api/types.ts';
import { EmptyState, NextSteps } from '../../components/PageState.tsx';
import { useInvitationFolders, useInvitations } from '../../hooks/useInvitations.ts';
import { PagedList } from '../../components/PagedList.tsx';
import { focusNearestWaiting, type HeldItem, holdOf, INVITATION_ID, keepInPlace } from './answeredInvitations.ts';
import { ReceivedInvitationCard } from './ReceivedInvitationCard.tsx';

const FOLDERS: InvitationFolder[] = ['inbox', 'other'];

/**
 * Received invitations in two folders: the inbox, and "Other", where the member's screening rules (or the
 * platform) set aside the ones to look at later. The folder lives in the URL (?folder=other).
 */
export function ReceivedInvitations() {
  const { t } = useTranslation('network');
  const [params, setParams] = useSearchParams();
  const folder: InvitationFolder = params.get('folder') === 'other' ? 'other' : 'inbox';
  const counts = useInvitationFolders().data;
  const choose = (v: string | null) => {
    if (v !== 'inbox' && v !== 'other') return;
    const next = new URLSearchParams(params);
    if (v === 'inbox') next.delete('folder');
    else next.set('folder', v);
    setParams(next, { replace: true });
  };
  return (
    <Tabs value={folder} onChange={choose} variant="pills" keepMounted={false}>
      <Tabs.List aria-label={t('folders.label')} mb="sm">
        {FOLDERS.map((f) => (
          <Tabs.Tab key={f} value={f}>
            {counts ? t(`folders.${f}Count`, { count: counts[f] }) : t(`folders.${f}`)}
          </Tabs.Tab>
        ))}
      </Tabs.List>
      {FOLDERS.map((f) => (
        <Tabs.Panel key={f} value={f}>
          <FolderList folder={f} />
        </Tabs.Panel>
      ))}
    </Tabs>
  );
}

/**
 * One folder's invitations. Answered ones stay in place for a few seconds (answeredInvitations.ts), and
 * keyboard focus stays in the list: on the next invitation waiting, or on the status line above it when
 * none is left.
 */
function FolderList({ folder }: { folder: InvitationFolder }) {
  const { t } = useTranslation('network');
  const empty = folder === 'inbox' ? 'received.emptyInbox' : 'received.emptyOther';
  const query = useInvitations('received', folder);
  const waiting = useInvitationFolders().data?.[folder];
  const [held, setHeld] = useState<ReadonlyMap<number, HeldItem<InvitationView>>>(new Map());
  const container = useRef<HTMLDivElement>(null);
  const status = useRef<HTMLParagraphElement>(null);
  const heldItems = [...held.values()];
  const loaded = query.data?.pages.flatMap((p) => p.items) ?? [];
  const shown = keepInPlace(loaded, heldItems);
  // What the server lists now, for release(): a card it still has (an undone answer) does not leave.
  const onServer = useRef(new Set<number>());
  useEffect(() => {
    onServer.current = new Set(loaded.map((i) => i.id));
  });

  const hold = (invitation: InvitationView) => setHeld((h) => new Map(h).set(invitation.id, holdOf(shown, invitation)));
  const release = useCallback((id: number) => {
    const card = container.current?.querySelector(`[${INVITATION_ID}="${id}"]`);
    // The card that has focus is about to leave: hand focus on first, to the next one waiting or the status line.
    const leaving = !onServer.current.has(id);
    if (leaving && card?.contains(document.activeElement) && !focusNearestWaiting(container.current, id)) status.current?.focus();
    setHeld((h) => {
      const next = new Map(h);
      next.delete(id);
      return next;
    });
  }, []);
  const focusNext = useCallback((id: number) => focusNearestWaiting(container.current, id), []);

  return (
    <div ref={container}>
      <Text ref={status} size="sm" c="dimmed" mb="xs" tabIndex={-1} role="status">
        {waiting === undefined ? null : waiting === 0 ? t('received.noneWaiting') : t('received.waiting', { count: waiting })}
      </Text>
      <PagedList
        query={query}
        arrange={(items) => keepInPlace(items, heldItems)}
        label={folder === 'inbox' ? t('received.inboxList') : t('received.otherList')}
        loadingLabel={t('received.loading')}
        empty={
          <EmptyState
            title={t(`${empty}.title`)}
            action={
              <NextSteps
                steps={
                  folder === 'inbox'
                    ? [
                        { to: '/network?tab=suggestions', label: t('steps.suggestions') },
                        { to: '/members', label: t('steps.members') },
                        { to: '/settings#screening', label: t('steps.screening') },
                      ]
                    : [{ to: '/settings#screening', label: t('steps.screening') }]
                }
              />
            }
          >
            {t(`${empty}.text`)}
          </EmptyState>
        }
        renderItem={(inv) => <ReceivedInvitationCard invitation={inv} onHold={() => hold(inv)} onRelease={release} focusNext={focusNext} />}
      />
    </div>
  );
}
